# Administrationen (/admin): navigering, listor, formulär, historik, import, EWP.

## Layout och gemensamma ord
admin-nav = Administration
admin-nav-dashboard = Översikt
admin-nav-organisations = Organisationer
admin-nav-agreements = Avtal
admin-nav-programmes = Program
admin-nav-funding = Finansiering
admin-nav-contacts = Kontakter
admin-nav-factsheet = Faktablad
admin-nav-countries = Länder
admin-nav-import = Import
admin-nav-ewp-import = EWP-import
admin-signed-in = Inloggad som { $email } ({ $role })
admin-sign-out = Logga ut
admin-eyebrow = Administration
admin-edit = Redigera
admin-history = Historik
admin-renew = Förnya
admin-delete = Radera
admin-cancel = Avbryt
admin-save = Spara
admin-save-changes = Spara ändringarna
admin-public-page = Offentlig sida
admin-no-public-page = Intern: ingen offentlig sida
admin-back-to-list = Tillbaka till listan
admin-required = (obligatoriskt)
admin-error-prefix = Fel:
admin-preview = Förhandsgranska
admin-preview-lead = Så här kommer texten att se ut på de offentliga sidorna. Använd webbläsarens bakåtknapp för att gå tillbaka till formuläret.
admin-markdown-hint = Markdown: **fetstil**, *kursiv*, [länk](https://…), listor med -
admin-remove = Ta bort
admin-add-row = Lägg till en rad
admin-choose = Välj…
admin-none = Ingen
admin-yes = ja
admin-no = nej
admin-problems = { $count ->
    [one] Det finns ett problem
   *[other] Det finns { $count } problem
}
admin-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } byte
}
admin-records = { $collection ->
    [organisations] Organisationer
    [agreements] Avtal
    [programmes] Program
    [funding] Finansieringsmöjligheter
   *[contacts] Kontakter
}
admin-new-record = { $collection ->
    [organisations] Ny organisation
    [agreements] Nytt avtal
    [programmes] Nytt program
    [funding] Ny finansieringsmöjlighet
   *[contacts] Ny kontakt
}
admin-create-record = { $collection ->
    [organisations] Skapa organisationen
    [agreements] Skapa avtalet
    [programmes] Skapa programmet
    [funding] Skapa finansieringsmöjligheten
   *[contacts] Skapa kontakten
}
admin-edit-title = { $collection ->
    [organisations] Redigera organisation: { $title }
    [agreements] Redigera avtal: { $title }
    [programmes] Redigera program: { $title }
    [funding] Redigera finansieringsmöjlighet: { $title }
   *[contacts] Redigera kontakt: { $title }
}
admin-not-found = { $collection ->
    [organisations] Det finns ingen organisation ”{ $id }”.
    [agreements] Det finns inget avtal ”{ $id }”.
    [programmes] Det finns inget program ”{ $id }”.
    [funding] Det finns ingen finansieringsmöjlighet ”{ $id }”.
   *[contacts] Det finns ingen kontakt ”{ $id }”.
}

## Översikt
admin-dash-title = Översikt
admin-dash-lead = { $count ->
    [one] { $count } avtal i registret, interna inräknade;
   *[other] { $count } avtal i registret, interna inräknade;
}
admin-dash-in-force = { $count ->
    [one] { $count } gäller.
   *[other] { $count } gäller.
}
admin-dash-add = Lägg till i registret
admin-dash-new-agreement = Nytt avtal
admin-dash-new-organisation = Ny partner eller enhet
admin-dash-new-programme = Nytt program
admin-dash-new-funding = Ny finansieringsmöjlighet
admin-dash-factsheet = Faktablad för inresande studenter
admin-dash-new-contact = Ny kontakt
admin-import-sheet = Importera ett kalkylark
admin-dash-expiring = { $count ->
    [one] Löper ut inom { $count } dag
   *[other] Löper ut inom { $count } dagar
}
admin-dash-expiring-none = Inget avtal löper ut under perioden.
admin-dash-expired = { $count ->
    [one] Har löpt ut det senaste dygnet
   *[other] Har löpt ut de senaste { $count } dagarna
}
admin-dash-expired-none = Inget avtal har löpt ut nyligen.
admin-dash-no-document = Undertecknade avtal utan dokument
admin-dash-no-document-none = Alla undertecknade avtal har ett dokument arkiverat.
admin-dash-drafts = Utkast
admin-dash-drafts-none = Inga utkast.
admin-dash-with = med { $partners }
admin-dash-valid-until = gäller till
admin-dash-internal = internt
admin-dash-agreements = Avtal
admin-dash-none-yet = Inga ännu.
admin-dash-ewp-caption = Utväxlade avtal efter EWP-läge
admin-dash-ewp-state = Läge
admin-dash-ewp-waiting = Väntar på oss
admin-dash-ewp-none = Ingen partners exemplar har lästs in ännu.
admin-dash-by-country = Avtal efter partnerland
admin-dash-country = Land
admin-dash-by-kind = Avtal efter typ
admin-dash-kind = Typ

## Listor
admin-list-excel = Ladda ned som Excel
admin-list-deleted = { $id } är raderad. Historiken finns kvar; en administratör kan återställa posten därifrån.
admin-list-deleted-history = Öppna historiken
admin-list-filter-label = { $collection ->
    [organisations] Filtrera organisationer
    [agreements] Filtrera avtal
    [programmes] Filtrera program
    [funding] Filtrera finansieringsmöjligheter
   *[contacts] Filtrera kontakter
}
admin-list-q = Namn, id eller valfri text
admin-list-status = Status
admin-list-any-status = Alla statusar
admin-list-filter = Filtrera
admin-list-show-all = Visa alla
admin-list-count = { $count ->
    [one] { $shown } av { $count } post
   *[other] { $shown } av { $count } poster
}
admin-list-nothing = Inget matchar.
admin-col-name = Namn
admin-col-kind = Typ
admin-col-visibility = Synlighet
admin-col-updated = Uppdaterad
admin-col-actions = Åtgärder
admin-list-unit-of = enhet vid { $name }
admin-list-level = nivå: { $level }
admin-list-from = från { $name }

## Redigeringsformulär
admin-renew-title = Förnya avtal
admin-renew-lead = Ett nytt avtal som fortsätter avtalet nedan. Parter, typ, nivå och omfattning kopieras; ange de nya datumen.
admin-not-saved = Inte sparat
admin-conflict-deleted = Någon annan har raderat posten sedan du öppnade den. Dina ändringar finns nedan; en administratör kan återställa posten från historiken:
admin-conflict-changed = Någon annan har ändrat posten sedan du öppnade den. Dina ändringar finns nedan. Öppna den aktuella versionen i en ny flik, gör dina ändringar där och spara.
admin-conflict-current = Den aktuella versionen
admin-conflict-what-changed = Vad som ändrats
admin-ewp-approved-heading = Godkänt via Erasmus Without Paper
admin-ewp-see-exchange = Se utväxlingen nedan.
admin-new-org-no-script = Saknas en partner eller enhet i listorna? Skapa den i en ny flik och skriv sedan dess namn här.
admin-new-org-new-tab = Skapa en organisation i en ny flik
admin-no-document = Inget dokument arkiverat.
admin-documents-api = Filer bifogas via API:t:
admin-create-renewal = Skapa förnyelsen
admin-saved = Sparat.
admin-saved-renewal = Förnyelsen är sparad. Den är kopplad till avtalet den förnyar.
admin-restored = Versionen från revision { $revision } är återställd.
admin-approved-partner-copy = Partnerns exemplar är godkänt.
admin-the-record = Posten

## Dialogen Ny organisation
admin-new-org-title = Ny organisation
admin-new-org-lead = Skapar organisationen och väljer den i formuläret nedan. Övriga fält kan fyllas i senare under Organisationer.
admin-new-org-ror = Fyll i från en ROR-post i registret
admin-new-org-ror-hint = Skriv namnet på valfritt språk och välj det; fälten nedan fylls i.
admin-new-org-use-it = Använd den
admin-new-org-name2 = Namn på ett annat språk
admin-new-org-lang2 = Dess språk
admin-new-org-lang2-hint = t.ex. ja, sv
admin-new-org-parent = Del av (för enheter)
admin-new-org-location-hint = Latitud, longitud, t.ex. 35.0262, 135.7808
admin-new-org-website-hint = t.ex. www.kyoto-u.ac.jp
admin-new-org-create = Skapa och välj den

## Radera
admin-delete-title = Radera { $title }?
admin-delete-page-title = { $collection ->
    [organisations] Radera organisation: { $title }
    [agreements] Radera avtal: { $title }
    [programmes] Radera program: { $title }
    [funding] Radera finansieringsmöjlighet: { $title }
   *[contacts] Radera kontakt: { $title }
}
admin-not-deleted = Inte raderat
admin-delete-conflict = Någon annan har ändrat posten sedan du öppnade den. Titta på den aktuella versionen och vad som ändrats innan du raderar den.
admin-delete-lead = { $collection ->
    [organisations] Organisationen { $id } tas bort från registret och från de offentliga sidorna. Historiken finns kvar och en administratör kan återställa den.
    [agreements] Avtalet { $id } tas bort från registret och från de offentliga sidorna. Historiken finns kvar och en administratör kan återställa det.
    [programmes] Programmet { $id } tas bort från registret och från de offentliga sidorna. Historiken finns kvar och en administratör kan återställa det.
    [funding] Finansieringsmöjligheten { $id } tas bort från registret och från de offentliga sidorna. Historiken finns kvar och en administratör kan återställa den.
   *[contacts] Kontakten { $id } tas bort från registret och från de offentliga sidorna. Historiken finns kvar och en administratör kan återställa den.
}
admin-delete-button = { $collection ->
    [organisations] Radera organisationen
    [agreements] Radera avtalet
    [programmes] Radera programmet
    [funding] Radera finansieringsmöjligheten
   *[contacts] Radera kontakten
}

## Historik
admin-history-title = Historik: { $title }
admin-history-edit-current = Redigera den aktuella versionen
admin-history-deleted = Raderad
admin-history-not-restored = Inte återställt
admin-history-conflict = Någon annan har ändrat posten sedan du öppnade sidan. Historiken nedan är aktuell; välj igen.
admin-history-count = { $count ->
    [one] { $count } ändring, nyaste först. Varje ändring visar de fält den ändrade.
   *[other] { $count } ändringar, nyaste först. Varje ändring visar de fält den ändrade.
}
admin-history-revision = Revision { $revision }: { $action }
admin-history-revision-n = revision { $revision }
admin-history-current = aktuell version
admin-history-caption = Fält som ändrades i revision { $revision }
admin-history-field = Fält
admin-history-before = Före
admin-history-after = Efter
admin-history-empty = (tomt)
admin-history-no-change = Inget fält ändrades.
admin-history-restore = Återställ den här versionen
enum-create = Skapad
enum-update = Ändrad
enum-delete = Raderad
enum-not_exchanged = Inte utväxlat
enum-partner_copy_differs = Partnerns exemplar avviker
enum-partner_copy_matches = Partnerns exemplar stämmer
enum-approved_by_us = Godkänt av oss
enum-approved_by_partner = Godkänt av partnern
enum-approved_by_both = Godkänt av båda
enum-changed_since_approval = Ändrat sedan godkännandet
enum-admin = Administratör
enum-editor = Redaktör
enum-viewer = Läsare

## Import av kalkylark
admin-import-lead = Ladda upp ett CSV- eller Excelark (.xlsx) med en samling. Kolumnerna är postens fältnamn (eller de vanliga rubrikerna, på engelska eller svenska); en rad med id ändrar den posten, en rad utan id hittar posten genom dess identifierare eller namn, eller lägger till den. Du ser vad varje rad skulle göra innan något skrivs; ett ark med fel på någon rad skriver ingenting.
admin-import-reverted = Ändringsmängden med revisionerna { $first }–{ $last } är återställd i ett steg: varje post den skapade är borttagen och varje post den ändrade är som den var före.
admin-import-done = Importerat som en ändringsmängd (revisionerna { $first }–{ $last }): { $created } skapade, { $updated } ändrade.
admin-import-revert-this = Ångra den här importen
admin-import-nothing = Inget att skriva: registret innehåller redan allt.
admin-import-preview-of = Förhandsgranskning av { $file }
admin-import-changed-meanwhile = Registret har ändrats sedan förhandsgranskningen, eller så har en rad nu ett fel: ingenting skrevs. Kontrollera raderna nedan igen.
admin-import-counts = { $count ->
    [one] { $count } rad: { $created } skapade, { $changed } ändrade, { $unchanged } oförändrade, { $errors } med fel.
   *[other] { $count } rader: { $created } skapade, { $changed } ändrade, { $unchanged } oförändrade, { $errors } med fel.
}
admin-import-ignored = Kolumner som inte används: { $columns }.
admin-import-has-errors = Några rader har fel: ingenting kommer att skrivas. Rätta dem i filen (en fråga om en partner besvaras genom att ange dess id i kolumnen partner) och ladda upp den igen.
admin-import-caption = Vad varje rad skulle göra
admin-import-row = Rad
admin-import-record = Post
admin-import-outcome = Utfall
admin-import-details = Detaljer
admin-import-outcome-word = { $outcome ->
    [created] skapas
    [changed] ändras
    [unchanged] oförändrad
   *[error] fel
}
admin-import-column = Kolumn
admin-import-apply = Verkställ: skriv { $created } nya och { $changed } ändrade poster
admin-import-upload = Ladda upp
admin-import-upload-another = Ladda upp en annan fil
admin-import-holds = Arket innehåller
admin-import-file = Fil (.csv eller .xlsx)
admin-import-mapping = Mappningsfil (valfri, TOML)
admin-import-mapping-help = Anger vad kolumnerna betyder, värden för nya poster och arbetsbokens blad, t.ex.:
admin-import-revert-earlier = Ångra en tidigare import
admin-import-revert-help = Varje import är en ändringsmängd i ändringsloggen; kizuna import och den här sidan anger dess revisioner. Att ångra återställer varje post som den var före och tar bort det som lades till, om inte en post har ändrats sedan dess.
admin-import-first = Första revision
admin-import-last = Sista revision
admin-import-revert = Ångra
admin-import-exports = Export av varje lista, att redigera och importera tillbaka:
admin-import-choose-file = Välj en fil (.csv eller .xlsx) att importera.

## Erasmus Without Paper
admin-ewp = Erasmus Without Paper
admin-ewp-title-upload = Importera en partners EWP-fil
admin-ewp-title-preview = Vad partnerns fil säger
admin-ewp-import-lead = En partners exemplar av IIA (ett IIAs v7 iias-get-response) eller deras godkännanden av våra (ett IIAs Approval v2 iias-approval-response). Du ser vad filen säger och vad den skulle ändra innan något registreras.
admin-ewp-recorded = Partnerns fil är registrerad.
admin-ewp-choose-file = Välj partnerns fil först.
admin-ewp-not-utf8 = Filen är inte UTF-8-text, som EWP-dokument är.
admin-ewp-changed-meanwhile = Registret har ändrats sedan förhandsgranskningen; ingenting skrevs. Kontrollera förhandsgranskningen igen och bekräfta sedan.
admin-ewp-recorded-on = Registrerat på
admin-ewp-unreadable = Filen kan inte läsas
admin-ewp-file = Partnerns fil (XML)
admin-ewp-file-hint = Deras get-svar eller deras godkännandesvar.
admin-ewp-read-file = Läs filen
admin-ewp-approval-n = Godkännande { $n }: vårt iia-id
admin-ewp-iia-n = IIA { $n }: partnerns iia-id
admin-ewp-our-agreement = Vårt avtal
admin-ewp-none = inget
admin-ewp-hash-approved = Godkänd iia-hash
admin-ewp-our-copy-now = Vårt exemplar nu
admin-ewp-approval-holds = samma: godkännandet gäller
admin-ewp-approval-stale = ett annat: godkännandet är inaktuellt
admin-ewp-not-iia = inte ett IIA
admin-ewp-cannot-record = Kan inte registreras:
admin-ewp-no-approvals = Filen innehåller inga godkännanden.
admin-ewp-no-iias = Filen innehåller inga IIA.
admin-ewp-partner = Partner
admin-ewp-hash-recomputed = iia-hash (omräknad)
admin-ewp-hash-equals = Lika med filens iia-hash
admin-ewp-file-states = filen anger
admin-ewp-file-states-none = filen anger ingen
admin-ewp-our-id-in-theirs = Vårt iia-id i deras exemplar
admin-ewp-differences = Hur partnerns villkor skiljer sig från våra
admin-ewp-draft-cannot-hold = Det i partnerns exemplar som det nya utkastet inte kan rymma
admin-ewp-same-conditions = Villkor: samma som våra.
admin-ewp-nothing-recordable = Ingenting kan registreras
admin-ewp-nothing-recordable-help = Varje post måste kunna registreras innan någon registreras. Rätta filen eller registret (till exempel en partners SCHAC-kod) och läs filen igen.
admin-ewp-read-another = Läs en annan fil
admin-ewp-record-it = Registrera
admin-ewp-condition = Villkor
admin-ewp-ours = Våra
admin-ewp-theirs = Partnerns
admin-ewp-our-iia-id = Vårt iia-id
admin-ewp-our-hash = Vår iia-hash nu
admin-ewp-our-hash-none = ingen: vårt exemplar kan inte vara ett IIA
admin-ewp-partner-iia-id = Partnerns iia-id
admin-ewp-not-known = inte känt ännu
admin-ewp-partner-copy = Partnerns exemplar
admin-ewp-read-at = inläst { $at }
admin-ewp-states-this-hash = det anger denna hash
admin-ewp-states-hash = det anger
admin-ewp-states-no-hash = det anger ingen hash
admin-ewp-valid-for-approval = giltigt för godkännande
admin-ewp-not-valid-for-approval = inte giltigt för godkännande
admin-ewp-not-read = inte inläst ännu.
admin-ewp-import-it = Importera det
admin-ewp-we-approved = Vi godkände
admin-ewp-we-approved-detail = deras exemplar, { $at } av { $by }:
admin-ewp-no-longer-holds = gäller inte längre
admin-ewp-partner-approved = Partnern godkände
admin-ewp-partner-approved-detail = vårt exemplar, registrerat { $at }:
admin-ewp-no-longer-ours = inte längre vårt exemplar
admin-ewp-not-yet = inte ännu
admin-ewp-not-an-iia = Vårt exemplar kan inte vara ett IIA eftersom:
admin-ewp-cannot-approve = Partnerns exemplar kan inte godkännas nu:
admin-ewp-refusal-no-copy = inget exemplar från partnern har importerats för det här avtalet
admin-ewp-refusal-hash-mismatch = partnerns exemplar anger iia-hashen { $stated }, men { $computed } beräknas från det; be partnern rätta det
admin-ewp-refusal-not-valid = partnerns exemplar innehåller fortfarande värden som inte är fastställda eller som är kvar från IIA v6
admin-ewp-refusal-ours-not-an-iia = vårt exemplar kan inte vara ett IIA (se `kizuna export ewp`); det måste vara ett för att partnerns ska kunna godkännas
admin-ewp-refusal-conditions-differ = partnerns villkor skiljer sig från våra; få de två exemplaren att stämma överens först
admin-ewp-refusal-already-approved = det här exemplaret är redan godkänt
admin-ewp-approve = Godkänn partnerns exemplar
admin-ewp-how-new = inget av våra stämmer: ett nytt internt utkast
admin-ewp-how-iia-id = via vårt iia-id
## Formulärfält: etiketter, radnamn och tips
admin-hint-internal-records-are-shown = Interna poster visas bara för personal
admin-hint-lowercase-letters-digits-and = Gemena bokstäver, siffror och bindestreck; lämnas det tomt skapas det av namnet. Det kan inte ändras senare.
admin-hint-bcp-47-eg-en = BCP 47, t.ex. en, ja, zh-Hant; tomt när det är språkneutralt
admin-hint-latitude-longitude-as-a = Latitud, longitud som en karta anger dem, t.ex. 35.0262, 135.7808 eller 35.0262 N, 135.7808 E
admin-hint-only-for-units-the = Bara för enheter: organisationen den hör till
admin-hint-only-for-consortia = Bara för konsortier
admin-hint-eg-wwwkyoto-uacjp-https = t.ex. www.kyoto-u.ac.jp (https:// läggs till)
admin-hint-without-httpsrororg-eg-057zh3y96 = Utan https://ror.org/, t.ex. 057zh3y96
admin-hint-eg-kise = t.ex. ki.se
admin-hint-eg-q7842 = t.ex. Q7842
admin-hint-staff-only-never-shown = Bara för personal; visas aldrig offentligt
admin-hint-student-mobility = Studentmobilitet
admin-hint-staff-mobility = Personalmobilitet
admin-hint-1-to-8 = 1 till 8
admin-hint-a-fields-name-or = Ett ämnesområdes namn eller ISCED-F-kod, t.ex. omvårdnad eller 0913
admin-hint-eg-en-b2-ja = t.ex. en B2, ja; får vara tomt
admin-hint-at-least-two-a = Minst två; ett konsortium räknas som en part
admin-hint-empty-for-central-agreements = Tomt för centrala avtal
admin-hint-a-signing-date-implies = Ett undertecknandedatum innebär det
admin-hint-empty-when-open-ended = Tomt om avtalet gäller tills vidare; ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD
admin-hint-only-when-it-ended = Bara om avtalet upphörde i förtid
admin-hint-the-agreement-this-one = Avtalet som detta förnyar
admin-hint-eg-annual = t.ex. årligen
admin-hint-the-agreement-it-runs = Avtalet som programmet bedrivs inom
admin-hint-as-text-eg-sek = Som text, t.ex. 30 000 kr i månaden
admin-hint-where-to-read-more = Var man läser mer och söker, t.ex. www.jsps.go.jp
admin-hint-eg-academic-coordinator-japan = t.ex. Akademisk koordinator Japan
admin-hint-as-the-office-states = Som kontoret anger det, t.ex. 40
admin-hint-organisations-that-support-the = Organisationer som stöder samarbetet utifrån, t.ex. en ambassad
admin-hint-fields-by-name-or = Ämnesområden med namn eller ISCED-F-kod, åtskilda med kommatecken, t.ex. omvårdnad, 0915
admin-hint-country-codes-separated-by = Landskoder åtskilda med kommatecken, t.ex. JP, KR
admin-field-visibility = Synlighet
admin-field-organisation = Organisation
admin-field-unit = Enhet
admin-field-contact = Kontakt
admin-field-agreement = Avtal
admin-field-programme = Program
admin-field-identifier = Identifierare
admin-field-name = Namn
admin-field-language = Språk
admin-field-kind-of-name = Typ av namn
admin-field-kind = Typ
admin-field-names = Namn
admin-field-country = Land
admin-field-city = Ort
admin-field-coordinates = Koordinater
admin-field-parent-organisation = Överordnad organisation
admin-field-members = Medlemmar
admin-field-member = Medlem
admin-field-website = Webbplats
admin-field-ror-id = ROR-id
admin-field-erasmus-code = Erasmuskod
admin-field-schac-code = SCHAC-kod
admin-field-pic = PIC
admin-field-wikidata-item = Wikidata-objekt
admin-field-isni = ISNI
admin-field-grid-id = GRID-id
admin-field-year-established = Grundat år
admin-field-notes = Anteckningar
admin-field-internal-notes = Interna anteckningar
admin-field-role = Roll
admin-field-direction = Riktning
admin-field-mobility = Mobilitet
admin-field-places-a-year = Platser per år
admin-field-months-a-year = Månader per år
admin-field-days-a-year = Dagar per år
admin-field-eqf-level = EQF-nivå
admin-field-subject-area = Ämnesområde
admin-field-languages = Språk
admin-field-first-academic-year = Första läsår
admin-field-last-academic-year = Sista läsår
admin-field-title = Titel
admin-field-level-on-our-side = Nivå på vår sida
admin-field-parties = Parter
admin-field-party = Part
admin-field-administered-by-home-unit = Administreras av (hemmaenhet)
admin-field-signed = Undertecknat
admin-field-signed-on = Undertecknat den
admin-field-valid-from = Gäller från
admin-field-valid-until = Gäller till
admin-field-terminated-on = Upphörde den
admin-field-renews = Förnyar
admin-field-for = För
admin-field-study-programmes = Utbildningsprogram
admin-field-subject-areas = Ämnesområden
admin-field-research-fields = Forskningsområden
admin-field-mobility-conditions = Mobilitetsvillkor
admin-field-condition = Villkor
admin-field-contacts = Kontakter
admin-field-documents = Dokument
admin-field-description = Beskrivning
admin-field-partners = Partner
admin-field-partner = Partner
admin-field-administrative-bases = Administrativa hemvister
admin-field-recurrence = Återkommande
admin-field-held-at = Hålls vid
admin-field-location = Plats
admin-field-date = Datum
admin-field-every-year = Varje år
admin-field-funder = Finansiär
admin-field-destination-countries = Destinationsländer
admin-field-eligibility = Behörighet
admin-field-deadlines = Sista ansökningsdagar
admin-field-deadline = Sista ansökningsdag
admin-field-amount = Belopp
admin-field-link = Länk
admin-field-e-mail = E-post
admin-field-phone = Telefon
admin-field-who-may-see-the-e = Vem som får se e-post och telefon
admin-field-countries-covered = Länder som omfattas
admin-field-agreements-handled = Avtal som hanteras
admin-field-programmes-handled = Program som hanteras
admin-field-years-of-collaboration = År av samarbete
admin-field-most-active-research-fields = Mest aktiva forskningsområden
admin-field-key-partners = Viktigaste partner
admin-field-supporters = Stödjande organisationer
admin-field-supporter = Stödjande organisation
admin-field-introduction = Inledning
admin-field-bachelors-and-masters-education = Utbildning på grund- och avancerad nivå
admin-field-doctoral-education = Forskarutbildning
admin-field-postdoc = Postdok
admin-field-funding-scholarships-and-travel-grants = Finansiering, stipendier och resebidrag
admin-hint-partial-date = ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, så exakt som det är känt
admin-hint-one-per-line = En per rad
admin-row-n = { $item } { $n }

## Problem som hittas när ett formulär läses
admin-id-taken = identifieraren ”{ $id }” är upptagen: välj en annan identifierare
admin-no-id = ange en identifierare (gemena bokstäver, siffror och bindestreck, t.ex. kyoto-university): ingen kan skapas av ”{ $name }”
admin-form-choose-the = välj { $field }
admin-form-give-the = ange { $field }
admin-form-add-one = lägg till minst en rad i { $field }
admin-form-choose-listed = välj ett av värdena i listan för { $field }
admin-form-not-a-choice = ”{ $value }” är inte ett av alternativen
admin-form-unreadable = formuläret kunde inte läsas: { $detail }
admin-picker-none = ingen { $field } heter ”{ $text }”: välj bland förslagen eller skapa den först
admin-picker-many = { $count ->
    [one] ”{ $text }” är namnet på { $count } post ({ $ids }): ange identifieraren för den du menar
   *[other] ”{ $text }” är namnet på { $count } poster ({ $ids }): ange identifieraren för den du menar
}
admin-parse-slug = ”{ $text }” är ingen identifierare: använd gemena bokstäver, siffror och bindestreck, t.ex. kyoto-university
admin-parse-country = ”{ $text }” är ingen landskod: ange två bokstäver, t.ex. JP eller SE
admin-parse-date = ”{ $text }” är inget datum: skriv t.ex. 2027, 2027-09 eller 2027-09-01
admin-parse-whole-date = ”{ $text }” är inget fullständigt datum: ange även dagen
admin-parse-lang = ”{ $text }” är ingen språkkod: skriv t.ex. en, ja eller zh-Hant
admin-parse-cefr = ”{ $text }” är ingen GERS-nivå: skriv A1, A2, B1, B2, C1 eller C2
admin-parse-extra = ”{ $extra }” väntas inte efter ”{ $part }”: skriv t.ex. en B2, ja
admin-parse-isced = ”{ $text }” är inget utbildningsområde: ange dess ISCED-F-kod eller namn, t.ex. 0913 eller omvårdnad
admin-parse-count = ”{ $text }” är inget heltal
admin-parse-year = ”{ $text }” är inget årtal
admin-parse-number = ”{ $text }” är inget tal
admin-parse-coordinates = ”{ $text }” är inga koordinater: skriv latitud, longitud, t.ex. 35.0262, 135.7808
admin-import-cannot = { $file } kan inte importeras: { $detail }

## Problem som registrets regler hittar (efter kod)
admin-problem-title-missing = { $what ->
    [agreement] ge avtalet en titel
    [programme] ge programmet en titel
   *[funding] ge finansieringsmöjligheten en titel
}
admin-problem-name-missing = ange personens namn
admin-problem-names-missing = ange minst ett namn
admin-problem-name-empty = ett namn kan inte vara tomt
admin-problem-latitude-range = latituden måste ligga mellan -90 och 90
admin-problem-longitude-range = longituden måste ligga mellan -180 och 180
admin-problem-parent-not-unit = bara en enhet har en överordnad organisation
admin-problem-parent-missing = en enhet behöver organisationen den hör till
admin-problem-parent-self = en organisation kan inte vara sin egen överordnade
admin-problem-parent-ancestor = då skulle organisationen bli överordnad sig själv
admin-problem-members-not-consortium = bara ett konsortium har medlemmar
admin-problem-member-self = ett konsortium kan inte vara sin egen medlem
admin-problem-partners-missing = ett program behöver minst en partner
admin-problem-parties-too-few = ett avtal behöver minst två parter
admin-problem-party-twice = den här parten finns med två gånger
admin-problem-validity-end-before-start = giltighetstiden slutar innan den börjar
admin-problem-ends-before-signed = ett avtal kan inte upphöra innan det undertecknades
admin-problem-renews-itself = ett avtal kan inte förnya sig självt
admin-problem-eqf-level-range = EQF-nivåerna går från 1 till 8
admin-problem-last-year-before-first = det sista året är före det första
admin-problem-months-range = ett år har högst 12 månader
admin-problem-id-twice = detta id används två gånger
admin-problem-web-address = detta är ingen webbadress (som https://example.org/)
admin-problem-web-address-scheme = en webbadress börjar med https:// eller http://
admin-problem-email-address = detta är ingen e-postadress (som namn@example.org)
admin-problem-line-break = fältet är en rad: ta bort radbrytningen
admin-problem-tab = fältet är en rad: ta bort tabben
admin-problem-control-character = ta bort styrtecknet { $code }: det kan inte lagras eller visas
admin-problem-too-long = { $max ->
    [one] för långt: använd högst { $max } tecken (det här har { $count })
   *[other] för långt: använd högst { $max } tecken (det här har { $count })
}
admin-problem-unknown-reference = { $what ->
    [organisation] ”{ $id }” är ingen känd organisation
    [unit] ”{ $id }” är ingen känd enhet
    [agreement] ”{ $id }” är inget känt avtal
    [programme] ”{ $id }” är inget känt program
    [contact] ”{ $id }” är ingen känd kontakt
   *[other] ”{ $id }” är ingen känd post
}
admin-problem-unit-not-of-party = ”{ $unit }” är ingen enhet vid ”{ $organisation }”
admin-problem-not-a-unit = ”{ $id }” är ingen enhet (en organisation av typen enhet)
admin-problem-not-an-object = skicka posten som ett JSON-objekt
admin-problem-required = fältet är obligatoriskt
admin-problem-unknown-field = den här typen av post har inget fält ”{ $name }”
admin-problem-wrong-value = värdet är inte av det slag som fältet tar emot

## EWP-lägen förklarade, och varningar
admin-ewp-explain-not_exchanged = Inget exemplar från partnern har lästs in ännu.
admin-ewp-explain-partner_copy_differs = Partnerns exemplar anger andra villkor än vårt; ingen har godkänt.
admin-ewp-explain-partner_copy_matches = Partnerns exemplar anger samma villkor som vårt; ingen har godkänt ännu.
admin-ewp-explain-approved_by_us = Vi har godkänt partnerns exemplar; partnern har inte godkänt vårt.
admin-ewp-explain-approved_by_partner = Partnern har godkänt vårt exemplar; vi har inte godkänt deras.
admin-ewp-explain-approved_by_both = Båda exemplaren är godkända och oförändrade sedan dess.
admin-ewp-explain-changed_since_approval = Ett exemplar ändrades efter att det godkändes: godkännandet gäller inte längre och måste ges på nytt.
admin-ewp-edit-warning = Avtalets exemplar har godkänts via EWP. Ändras mobilitetsvillkoren, parterna eller uppsägningen ändras dess iia-hash: godkännandet gäller då inte längre och måste ges på nytt.
admin-ewp-stale-warning = Ett exemplar ändrades efter att det godkänts via EWP: godkännandet gäller inte längre.
admin-ewp-found = hittat { $how }

## Vad formulärskriptet säger (värdena sätts in av skriptet)
admin-js-preview-empty = Inget att visa ännu.
admin-js-preview-failed = Förhandsgranskningen kunde inte läsas in. Spara formuläret eller försök igen.
admin-js-row = Rad
admin-js-row-added = { $row } tillagd
admin-js-row-removed = { $row } borttagen
admin-js-problem-one = Det finns ett problem.
admin-js-problems = Det finns { $n } problem.
admin-js-existing = { $name } finns redan i registret: du kan använda den i stället för att skapa en kopia.
admin-js-filled = Ifyllt från { $name }
admin-js-picked = { $name } vald
admin-js-unreadable = Posten kunde inte läsas
admin-js-not-created = Inte skapad.
admin-js-create-failed = Organisationen kunde inte skapas. Försök igen.
admin-js-new-unit-button = Ny enhet…
admin-js-new-org-button = Ny organisation…
admin-js-new-unit = Ny enhet
