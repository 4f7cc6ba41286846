# Postsidor (organisation, avtal, program, finansiering, kontakt), listorna,
# de delade korten, felsidor, inloggning, flöden och kalendrar.

## Listor i ord
rec-list-sep = {", "}
rec-list-last-sep = {" och "}
rec-list-semi = {"; "}
rec-place-sep = {", "}

## Delade delar
rec-home = Startsida
rec-breadcrumb = Brödsmulor
rec-facts = Fakta
rec-about = Om
rec-for = För
rec-kind = Typ
rec-status = Status
rec-level = Nivå
rec-level-tag = Nivå: { $level }
rec-card-with = Med { $orgs }
rec-study-programmes = Utbildningsprogram
rec-signed = Undertecknat
rec-valid-until = Giltigt till
rec-renews = Förnyar
rec-renewed-by = Förnyat genom
rec-at-parent = Vid { $org }:
rec-partners = Partner
rec-admin-bases = Administreras vid
rec-held-at = Genomförs vid
rec-under = Inom
rec-offered-by-label = Erbjuds av
rec-destination = Destination
rec-destinations = Destinationer
rec-amount = Belopp
rec-next-deadline = Nästa sista ansökningsdag
rec-part-of = Del av
rec-handles = Ansvarar för: { $records }
rec-country = Land
rec-agreement = Avtal
rec-agreements = Avtal
rec-programme = Program
rec-programmes = Program
rec-funding = Finansiering
rec-organisation = Organisation
rec-organisations = Organisationer
rec-contact = Kontakt
rec-contacts = Kontakter
rec-unit = Enhet
rec-units = Enheter

## Organisationssidan
rec-home-organisation = vårt lärosäte
rec-part-of-org = del av { $org }
rec-members = Medlemmar
rec-no-agreements = Inga avtal finns registrerade.
rec-funding-it-offers = Finansiering som erbjuds
rec-member-of = Medlem i
rec-location = Ort
rec-see-on-map = visa på kartan
rec-also-known-as = Även känt som
rec-name-kind = ({ $kind })
rec-established = Grundat
rec-website = Webbplats
rec-erasmus-code = Erasmuskod
rec-coordinates = Koordinater

## Avtalssidan
rec-parties = Parter
rec-administered-by = Administreras av { $unit }.
rec-offers = Vad avtalet erbjuder
rec-offer-places = Platser
rec-offer-length = Längd
rec-offer-level = Nivå
rec-offer-subject = Ämnesområde
rec-offer-languages = { $count ->
    [one] Språk
   *[other] Språk
}
rec-offer-years = Läsår
rec-offers-not-recorded = Antal platser, vistelsens längd och läsår är inte registrerade för det här avtalet: { $ask }.
rec-ask-below = fråga kontaktpersonerna nedan
rec-renewal-history = Förnyelser
rec-this-agreement = (det här avtalet)
rec-signed-on = undertecknat { $date }
rec-date-not-recorded = datum inte registrerat
rec-renews-above = förnyar avtalet ovan
rec-programmes-under = Program inom avtalet
rec-how-to-apply = Så söker du / vem du frågar
rec-signed-undated = ja, datum inte registrerat
rec-not-yet = inte ännu
rec-valid = Giltigt
rec-valid-range = { $start } till { $end }
rec-start-not-recorded = startdatum inte registrerat
rec-open-ended = tills vidare
rec-subject-areas = Ämnesområden (ISCED-F 2013)
rec-research-fields = Forskningsområden

## Vad ett avtal erbjuder, villkor för villkor
rec-cond-heading = { $direction ->
    [outgoing] { $mobility ->
        [student_studies] Våra studenter som studerar hos partnern
        [student_traineeship] Våra studenter som gör praktik hos partnern
        [staff_teaching] Vår personal som undervisar hos partnern
       *[staff_training] Vår personal som fortbildar sig hos partnern
    }
   *[incoming] { $mobility ->
        [student_studies] Partnerns studenter som studerar här
        [student_traineeship] Partnerns studenter som gör praktik här
        [staff_teaching] Partnerns personal som undervisar här
       *[staff_training] Partnerns personal som fortbildar sig här
    }
}
rec-cond-places = { $count ->
    [one] { $count } plats per år
   *[other] { $count } platser per år
}
rec-cond-months = { $count ->
    [one] högst { $count } månad per år sammanlagt
   *[other] högst { $count } månader per år sammanlagt
}
rec-cond-days = { $count ->
    [one] högst { $count } dag per år sammanlagt
   *[other] högst { $count } dagar per år sammanlagt
}
rec-cond-eqf = EQF-nivå { $level }
rec-cond-eqf-cycle = EQF-nivå { $level } ({ $cycle ->
    [5] kort högskoleutbildning
    [6] kandidatnivå
    [7] masternivå
   *[8] forskarutbildning
})
rec-cond-language-cefr = { $language } (lägst { $cefr })
rec-cond-years-one = { $first }
rec-cond-years-range = { $first } till { $last }
rec-cond-years-from = från { $first }
rec-cond-years-until = till och med { $last }

## Språk som ett villkor nämner
rec-language-en = Engelska
rec-language-ja = Japanska
rec-language-sv = Svenska
rec-language-de = Tyska
rec-language-fr = Franska
rec-language-es = Spanska
rec-language-it = Italienska
rec-language-pt = Portugisiska
rec-language-nl = Nederländska
rec-language-da = Danska
rec-language-no = Norska
rec-language-fi = Finska
rec-language-zh = Kinesiska
rec-language-ko = Koreanska
rec-language-ru = Ryska
rec-language-ar = Arabiska
rec-language-pl = Polska

## Vem du frågar ($what: agreement eller opportunity)
rec-ask-record = De här personerna ansvarar för { $what ->
    [agreement] avtalet
   *[other] möjligheten
}; fråga dem hur du söker.
rec-ask-agreement = Fråga dem som ansvarar för { $through }, som detta hör till.
rec-ask-programme = Fråga dem som driver { $through }, som detta hör till.
rec-ask-unit = Ingen är angiven för { $what ->
    [agreement] själva avtalet
   *[other] själva möjligheten
}; fråga { $through }, som administrerar det.
rec-ask-country = Ingen är angiven för { $what ->
    [agreement] själva avtalet
   *[other] själva möjligheten
}; fråga dem som ansvarar för { $through }.
rec-ask-office = Ingen är angiven för { $what ->
    [agreement] avtalet
   *[other] möjligheten
}; skriv till internationella kansliet på { $email }.
rec-ask-nobody = Ingen är angiven för { $what ->
    [agreement] avtalet
   *[other] möjligheten
} ännu; fråga ditt internationella kansli.

## Programsidan
rec-under-agreement = Inom avtalet

## Finansieringssidan
rec-offered-by = Erbjuds av { $org }
rec-official-page-apply = Officiell sida: läs mer och ansök
rec-who-can-apply = Vem kan söka
rec-deadlines = Sista ansökningsdagar
rec-every-year = (varje år)
rec-every-year-next = (varje år; nästa gång { $next })
rec-add-to-calendar = Lägg till i kalendern
rec-add-to-calendar-which = : sista ansökningsdag { $date }
rec-no-deadline = Ingen sista ansökningsdag är registrerad.
rec-no-deadline-see-page = Ingen sista ansökningsdag är registrerad: den officiella sidan anger den aktuella.
rec-subscribe-deadlines = Alla sista ansökningsdagar i din kalenderapp: { $link }.
rec-subscribe-deadlines-link = prenumerera på kalendern med sista ansökningsdagar
rec-who-to-ask = Vem du frågar
rec-funder = Finansiär
rec-not-specified = Inte angivet
rec-amount-see = Se den { $page }
rec-official-page-link = officiella sidan
rec-ask = Fråga
rec-official-page = Officiell sida

## Kontaktsidan
rec-how-to-reach = Så når du { $name }
rec-email = E-post
rec-phone = Telefon
rec-no-details = Ingen offentlig e-postadress eller telefonnummer är registrerat.
rec-no-details-ask = Ingen offentlig e-postadress eller telefonnummer är registrerat; be { $org } att förmedla kontakten.
rec-agreements-handled = Avtal som { $name } ansvarar för
rec-programmes-handled = Program som { $name } ansvarar för
rec-countries-covered = Ansvarar för länderna

## Listor ($what: agreement, programme, organisation eller funding)
rec-count = { $what ->
    [agreement] { $count ->
        [one] { $count } avtal
       *[other] { $count } avtal
    }
    [programme] { $count ->
        [one] { $count } program
       *[other] { $count } program
    }
    [organisation] { $count ->
        [one] { $count } organisation
       *[other] { $count } organisationer
    }
   *[funding] { $count ->
        [one] { $count } möjlighet
       *[other] { $count } möjligheter
    }
}
rec-count-matching = { $what ->
    [agreement] { $count ->
        [one] { $count } avtal matchar dina filter
       *[other] { $count } avtal matchar dina filter
    }
    [programme] { $count ->
        [one] { $count } program matchar dina filter
       *[other] { $count } program matchar dina filter
    }
    [organisation] { $count ->
        [one] { $count } organisation matchar dina filter
       *[other] { $count } organisationer matchar dina filter
    }
   *[funding] { $count ->
        [one] { $count } möjlighet matchar dina filter
       *[other] { $count } möjligheter matchar dina filter
    }
}
rec-page-of = sida { $page } av { $pages }
rec-page-of-cap = Sida { $page } av { $pages }
rec-pages-of = { $what ->
    [agreement] Sidor med avtal
    [funding] Sidor med finansiering
    [contact] Sidor med kontakter
    [programme] Sidor med program
   *[organisation] Sidor med organisationer
}
rec-previous-page = Föregående sida
rec-next-page = Nästa sida
rec-download-list = Ladda ner listan:
rec-remove-filter = Ta bort filtret
rec-where = Var
rec-clear-filters = Rensa filter
rec-any-country = Alla länder
rec-any-kind = Alla typer
rec-any-level = Alla nivåer
rec-any-status = Alla statusar
rec-any-unit = Alla enheter
rec-any-stage = Alla karriärsteg
rec-any-destination = Alla destinationer
rec-anyone = Alla
rec-filter-with = Med
rec-filter-units-of = Enheter vid
rec-filter-words = Sökord
rec-filter-words-hint-agreements = t.ex. omvårdnad, Tokyo
rec-filter-words-hint-programmes = t.ex. workshop, omvårdnad
rec-filter-name-or-city = Namn eller ort
rec-filter-name-hint = t.ex. RIKEN, 東京, Kyoto
rec-filter-partner-country = Partnerland
rec-filter-signed-at = Undertecknat på
rec-filter-administered-by = Administreras av
rec-filter-run-by = Drivs av
rec-filter-subject = Ämnesområde (ISCED-F-kod)
rec-filter-subject-hint = t.ex. 0913
rec-list-title-page = { $name }, sida { $page } av { $pages }
rec-agreements-lead = Undertecknade avtal med partneruniversitet: studentutbyte, gemensamma examina, forskning och strategiska partnerskap.
rec-filter-agreements = Filtrera avtal
rec-show-agreements = Visa avtal
rec-no-agreement-matches = Inget avtal matchar filtren. { $all }.
rec-show-all-agreements = Visa alla avtal
rec-programmes-lead = Gemensamma program, kurser, workshoppar, utbyten och resestipendier med partner.
rec-filter-programmes = Filtrera program
rec-show-programmes = Visa program
rec-no-programme-matches = Inget program matchar filtren. { $all }.
rec-show-all-programmes = Visa alla program
rec-organisations-lead = Universitet, institut, finansiärer och enheter vid { $site } som registret känner till.
rec-filter-organisations = Filtrera organisationer
rec-show-organisations = Visa organisationer
rec-no-organisation-matches = Ingen organisation matchar filtren. { $all }.
rec-show-all-organisations = Visa alla organisationer
rec-funding-title = Finansiering: stipendier, fellowships och resebidrag
rec-funding-lead = Pengar för en vistelse utomlands: vem som finansierar, vem som kan söka och när.
rec-filter-funding = Filtrera finansiering
rec-career-stage = Karriärsteg
rec-show-funding = Visa finansiering
rec-no-funding-matches = Inget matchar filtren. { $all }.
rec-show-all-funding = Visa all finansiering
rec-contacts-lead = Personer att fråga, efter de länder de ansvarar för.
rec-collaboration-in = Samarbete med { $country }
rec-no-contacts = Inga kontakter finns registrerade.
rec-all-countries = Alla länder
rec-filter-contacts = Filtrera kontakter
rec-contacts-country = Land som kontakten ansvarar för
rec-show-contacts = Visa kontakter


## Felsidor
rec-error-status = Fel { $status }
rec-error-try = Prova { $start }, listan över { $countries } eller sök ovan.
rec-error-start-page = startsidan
rec-error-countries = länder
rec-error-404-title = Sidan finns inte
rec-error-404-detail = Det finns ingen sida på den här adressen. Den kan ha flyttats, eller så är posten inte längre offentlig.
rec-error-403-title = Inte tillåtet
rec-error-403-detail = Ditt konto får inte göra detta. Fråga en administratör om du behöver det.
rec-error-401-title = Inloggning krävs
rec-error-401-detail = Logga in för att se den här sidan.
rec-error-500-title = Något gick fel
rec-error-500-detail = Något gick fel hos oss. Felet har loggats; försök igen om en stund.
rec-error-409-title = Konflikt
rec-error-412-title = Ändrad av någon annan
rec-error-412-detail = Någon annan har ändrat posten sedan du öppnade den. Ladda om den och gör din ändring igen.
rec-error-400-title = Kunde inte förstås
rec-error-400-detail = Adressen eller formuläret kunde inte förstås: { $detail }
rec-error-413-title = För stort
rec-error-413-detail = Det som skickades är större än servern tar emot. Skicka en mindre fil, eller fråga en administratör om gränsen.

## Inloggning
rec-login-title = Logga in
rec-login-lead = För internationella kansliet och institutionernas samordnare som håller registret uppdaterat.
rec-login-sso = Logga in med ditt universitetskonto
rec-login-or-password = Eller logga in med e-postadress och lösenord:
rec-login-email = E-postadress
rec-login-password = Lösenord
rec-login-error = Fel:
rec-login-submit = Logga in
rec-login-accounts-sso = Personalkonton skapas första gången du loggar in med universitetskontot.
rec-login-accounts-admin = Konton skapas av en administratör.
rec-login-visitors = Besökare behöver inget konto: { $countries }, { $map } och { $search } är öppna för alla.
rec-login-visitors-countries = länderna
rec-login-visitors-map = kartan
rec-login-visitors-search = sökningen
rec-login-signed-out = Du har loggat ut.
rec-login-passwords-off = Inloggning med lösenord är avstängd här; använd enkel inloggning.
rec-login-csrf = Formuläret har gått ut eller kom från en annan webbplats; ladda om sidan och försök igen.
rec-login-email-missing = Ange din e-postadress.
rec-login-email-invalid = Ange en e-postadress som namn@example.org.
rec-login-password-missing = Ange ditt lösenord.
rec-login-locked = { $minutes ->
    [one] För många misslyckade inloggningar; försök igen om { $minutes } minut.
   *[other] För många misslyckade inloggningar; försök igen om { $minutes } minuter.
}
rec-login-wrong = E-postadressen eller lösenordet är fel.
rec-login-disabled = Kontot är avstängt; kontakta en administratör.

## Enkel inloggning: varför identitetsleverantörens svar avvisades
rec-oidc-unreachable = Identitetsleverantören går inte att nå just nu; försök igen om några minuter.
rec-oidc-not-started = Inloggningen startades inte i den här webbläsaren, eller har redan använts. Börja om.
rec-oidc-refused = Identitetsleverantören loggade inte in dig ({ $error }).
rec-oidc-state = Identitetsleverantörens svar hör inte till inloggningen som startades här (state stämmer inte). Börja om.
rec-oidc-no-code = Identitetsleverantörens svar saknar kod. Börja om.
rec-oidc-nonce = Identitetsleverantörens svar gjordes inte för den här inloggningen (nonce stämmer inte). Börja om.
rec-oidc-unverified = Identitetsleverantörens svar kunde inte verifieras. Börja om.
rec-oidc-no-role = Du är inloggad hos identitetsleverantören, men ingen av dina grupper ger en roll i Kizuna, så inget konto skapades. Be internationella kansliet om behörighet.
rec-oidc-no-email = Identitetsleverantören skickade ingen verifierad e-postadress, vilket ett nytt konto behöver.
rec-oidc-linked-elsewhere = Kontot { $email } hör till en annan identitet hos leverantören; kontakta en administratör.
rec-oidc-store = Inloggningen misslyckades hos oss; försök igen.

## Flöden och kalendrar
rec-feed-changes-title = { $site }: senaste ändringar
rec-feed-added = Tillagt: { $title }
rec-feed-updated = Uppdaterat: { $title }
rec-feed-removed = Borttaget: { $title }
rec-cal-deadlines-name = Sista ansökningsdagar för finansiering
rec-cal-deadlines-description = Sista ansökningsdagar för stipendier, fellowships och resebidrag
rec-cal-deadline-summary = Sista ansökningsdag: { $title }
rec-cal-deadline-description = Sista ansökningsdag för { $title }. Läs mer: { $url }
rec-cal-expiring-name = Avtal som löper ut
rec-cal-expiring-description = När undertecknade avtal upphör
rec-cal-expiring-summary = Avtalet upphör: { $title }
rec-cal-expiring-event = Status: { $status }. Förnya det eller låt det upphöra.

# Who to ask: more people than the page lists.
rec-ask-more = { $count ->
    [one] Ytterligare en person kan hjälpa till.
   *[other] Ytterligare { $count } personer kan hjälpa till.
}
rec-ask-all-contacts = Alla kontakter
