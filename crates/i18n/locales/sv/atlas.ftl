# Atlasen: startsidan, länder, kartan, sökningen, sökförslag och inbäddningar.

## Antal som flera sidor visar
atlas-count-agreements = { $count ->
    [one] { $count } avtal
   *[other] { $count } avtal
}
atlas-count-organisations = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisationer
}
atlas-country-profile = Landprofil
atlas-country-profile-short = landprofil
atlas-no-countries = Inga länder ännu.
atlas-any = Alla
atlas-record-type = { $type ->
    [organisations] Organisation
    [agreements] Avtal
    [programmes] Program
    [funding] Finansiering
    [contacts] Kontakt
   *[other] { $type }
}
atlas-internal = Intern

## Startsidan
atlas-home-title = Internationellt samarbete
atlas-home-heading-at = Internationellt samarbete vid { $home }
atlas-home-eyebrow = Register och atlas
atlas-home-lead = Partneruniversitet och andra partner, avtal, gemensamma program, finansiering och personer att fråga – för studenter, forskare och medarbetare.
atlas-home-placeholder = t.ex. RIKEN, 東京, omvårdnad, postdok
atlas-home-figures = Registret i siffror
atlas-home-organisations = Organisationer
atlas-home-agreements-in-force = Gällande avtal
atlas-home-programmes = Program
atlas-home-funding = Finansieringsmöjligheter
atlas-home-contacts = Kontakter
atlas-home-start = Här börjar du
atlas-home-for-students = För studenter
atlas-home-student-exchange = Avtal om studentutbyte
atlas-home-joint-programmes = Gemensamma program och kurser
atlas-home-scholarships = Stipendier
atlas-home-partners-on-map = Partner på kartan
atlas-home-for-researchers = För forskare
atlas-home-doctoral = Avtal för doktorander
atlas-home-postdoc = Avtal för postdoktorer
atlas-home-fellowships = Forskarstipendier och resebidrag
atlas-home-institutions = Partnerlärosäten
atlas-home-for-staff = För medarbetare
atlas-home-sign-in = Logga in i registret
atlas-home-all-agreements = Alla avtal
atlas-home-excel = Excel
atlas-home-contacts-by-country = Kontakter per land
atlas-home-api = Det öppna data-API:et
atlas-home-countries = Länder
atlas-home-explore-map = Utforska kartan
atlas-home-all-countries = Alla länder
atlas-home-featured = Centrala avtal
atlas-home-all-central = Alla { $count } centrala avtal

## Länder
atlas-countries-title = Länder
atlas-countries-lead = Länder där { $site } har partner, avtal eller en landprofil.

## Kartan
atlas-map-title = Karta över partner och avtal
atlas-map-lead = Partner med ett avtal eller ett program. Listan bredvid kartan visar samma resultat.
atlas-map-filters = Filter ({ $count })
atlas-map-country = Land
atlas-map-kind = Typ av avtal
atlas-map-level = Nivå
atlas-map-status = Status
atlas-map-education = Utbildningsnivå
atlas-map-programme = Utbildningsprogram
atlas-map-subject = Ämnesområde (ISCED-F)
atlas-map-unit = Ansvarig enhet
atlas-map-show = Visa
atlas-map-clear = Rensa filter
atlas-map-region = Karta över partnerna i listan bredvid
atlas-map-noscript = Kartan kräver JavaScript; listan visar samma partner.
atlas-map-legend-title = Länder skuggade efter antal partner
atlas-map-legend-none = inga
atlas-map-legend-many = 16 eller fler
atlas-map-legend-partner = en partner
atlas-map-legend-cluster = flera partner: välj för att lista dem eller zooma in
atlas-map-partners = { $count ->
    [one] { $count } partner
   *[other] { $count } partner
}
atlas-map-first = De första { $count } visas; begränsa med filtren för att se resten.
atlas-map-none = Ingen partner matchar filtren.
atlas-map-tiles = Kartplattor: { $host }
atlas-map-tiles-osm = © OpenStreetMaps bidragsgivare
atlas-map-js-shapes = Landsgränser: Natural Earth via world-atlas
atlas-map-js-here = { $count } partner här
atlas-map-js-more = { $count } till här: se listan bredvid kartan.
atlas-map-js-zoom-apart = Zooma in för att skilja dem åt
atlas-map-js-open-list = { $count } partner här: öppna listan
atlas-map-js-zoom-in = { $count } partner: zooma in
atlas-map-js-found = { $result } hittades

## Sökning och sökförslag
atlas-search-title = Sök
atlas-search-title-q = Sök: { $q }
atlas-search-results-for = Resultat för ”{ $q }”
atlas-search-form = Sök i atlasen
atlas-search-label = Sök partner, avtal, program, finansiering och kontakter – på valfritt språk
atlas-search-placeholder = t.ex. 東京, Karolinska, sjuksköterska
atlas-search-filters = Filter
atlas-search-filters-count = Filter ({ $count })
atlas-search-remove = Ta bort filter:
atlas-search-all-values = Visa alla { $count }
atlas-search-nothing-to-narrow = Inget att begränsa.
atlas-search-range = { $total ->
    [one] { $from }–{ $to } av { $total } resultat
   *[other] { $from }–{ $to } av { $total } resultat
}
atlas-search-range-partial = { $total ->
    [one] { $from }–{ $to } av { $total } delvis matchning
   *[other] { $from }–{ $to } av { $total } delvisa matchningar
}
atlas-search-no-results = Inga resultat
atlas-search-partial = Ingen post innehåller alla ord; de som ligger närmast:
atlas-search-empty = Inget matchar. Pröva färre ord, en annan stavning eller ta bort ett filter.
atlas-search-pages = Resultatsidor
atlas-search-previous = Föregående
atlas-search-next = Nästa
atlas-facet-type = Typ
atlas-facet-country = Land
atlas-facet-kind = Slag
atlas-facet-level = Nivå
atlas-facet-education_level = Utbildningsnivå
atlas-facet-career_stage = Karriärsteg
atlas-suggest-label = Förslag
atlas-suggest-internal = { $type } · intern
atlas-suggest-count = { $count } förslag; välj med piltangenterna
atlas-suggest-one = 1 förslag; välj med piltangenterna

## Bädda in
atlas-embed-summary = Bädda in på din webbplats
atlas-embed-help = Klistra in den här koden på en sida på er egen webbplats. Webbplatsen måste finnas på Kizunas lista över tillåtna webbplatser ({ $setting }): fråga dem som driver Kizuna.
atlas-embed-code = Kod att klistra in
atlas-embed-copy = Kopiera koden
atlas-embed-copied = Kopierat.
atlas-embed-copy-by-hand = Tryck Ctrl+C (eller ⌘C) för att kopiera den markerade koden.

## Inbäddade widgetar
atlas-embed-see-more = Se mer på { $site }
atlas-embed-showing-first = De första { $count } visas.
atlas-embed-map-title = Partner
atlas-embed-map-title-in = Partner i { $country }
atlas-embed-map-region = Karta över partnerna i listan nedan
atlas-embed-map-noscript = Kartan kräver JavaScript; listan nedan visar samma partner.
atlas-embed-map-list = { $count ->
    [one] { $count } partner som lista
   *[other] { $count } partner som lista
}
atlas-embed-map-none = Ingen partner matchar.
atlas-embed-map-more = Hela kartan på { $site }
atlas-embed-agreements-title = Avtal
atlas-embed-agreements-title-in = Avtal med partner i { $country }
atlas-embed-agreements-with = med { $partners }
atlas-embed-agreements-until = till och med { $date }
atlas-embed-agreements-none = Inget avtal matchar.
atlas-embed-agreements-more = Alla avtal och partner på { $site }
atlas-embed-funding-title = Finansiering
atlas-embed-funding-title-in = Finansiering för vistelser i { $country }
atlas-embed-funding-count = { $count ->
    [one] { $count } finansieringsmöjlighet
   *[other] { $count } finansieringsmöjligheter
}
atlas-embed-funding-from = från { $funder }
atlas-embed-funding-deadline = sista ansökningsdag { $date }
atlas-embed-funding-none = Ingen finansieringsmöjlighet matchar.
atlas-embed-funding-more = Hitta all finansiering på { $site }
atlas-embed-country-title = Samarbete med { $country }
atlas-embed-country-partners = Partnerorganisationer
atlas-embed-country-agreements = Avtal
atlas-embed-country-in-force = ({ $count } gällande)
atlas-embed-country-programmes = Program
atlas-embed-country-funding = Finansieringsmöjligheter
atlas-embed-country-years = År av samarbete
atlas-embed-country-key-partners = Viktigaste partner
atlas-embed-country-fields = Mest aktiva områden:
atlas-embed-country-more = Allt om { $country } på { $site }
atlas-embed-frame-map = Karta över partner
atlas-embed-frame-agreements = Avtal
atlas-embed-frame-funding = Finansieringsmöjligheter
atlas-embed-frame-country = Sammanfattning för landet
atlas-embed-partner-in = { $name } ({ $country })
atlas-list-separator = { ", " }
atlas-embed-unknown = Det finns ingen inbäddningsbar widget `{ $name }`; de som finns är: { $widgets }.
atlas-embed-needs-country = Landsammanfattningen behöver `country`, t.ex. country=JP.
