# Landsidan (/countries/CC) och dess formulär i administrationen (/admin/countries).
country-title = Samarbete med { $country }
country-crumb-countries = Länder
country-eyebrow = Landprofil
country-lead = Så samarbetar { $home } med partner i { $country }: avtal, gemensamma program, studie- och forskningsvistelser, finansiering och vem du kan fråga.
country-key-partners = Mest omfattande samarbeten
country-fig-years = År av samarbete
country-fig-partners = Partnerorganisationer
country-fig-agreements = Avtal
country-fig-in-force = { $count } gällande
country-fig-programmes = Program
country-fig-funding = Finansieringsmöjligheter
country-toc = På den här sidan
country-overview = Översikt
country-agreements = Samarbetsavtal
country-partnerships = Konsortier och strategiska partnerskap
country-programmes = Program
country-education = Utbildning på grund- och avancerad nivå
country-doctoral = Forskarutbildning
country-postdoc = Postdoktorala vistelser
country-funders = Finansiärer och stödjande organisationer
country-funding = Stipendier och resebidrag
country-contacts = Kontakter
country-on-map = { $country } på kartan
country-glance = I korthet
country-glance-years = Samarbete sedan
country-years = { $count ->
    [one] { $count } år
   *[other] { $count } år
}
country-glance-fields = Mest aktiva forskningsområden
country-mous = Samförståndsavtal (MOU)
country-none-recorded = Inga registrerade
country-none = Inga
country-glance-no-mou = ingen partner i { $country } har ett registrerat samförståndsavtal.
country-glance-central-own = Centrala avtal som { $home } självt har tecknat
country-only-one = Endast ett:
country-glance-central-via = Centrala avtal genom ett konsortium
country-renewed = Förnyat
country-glance-central-postdoc = Centrala avtal för postdoktorer
country-glance-ask = Fråga
country-only-english = Det här avsnittet finns bara på engelska.
country-partners-in = Partnerorganisationer i { $country }
country-partners-shown = De första { $shown } av { $count } partner; kartan visar var alla finns.
country-all-at-level = Alla { $count } avtal på denna nivå
country-see-all = Se alla { $count }
country-and-more = { $count } till
country-partner-counts = { $agreements ->
    [one] { $agreements } avtal
   *[other] { $agreements } avtal
} · { $programmes ->
    [one] { $programmes } program
   *[other] { $programmes } program
}
country-see-on-map = Visa partnerna i { $country } på kartan
country-back-sections = Tillbaka till avsnitten
country-back-top = Till början av sidan
country-agreements-intro = { $home } har avtal på olika nivåer med lärosäten i { $country }. Centrala avtal gäller hela universitetet; fakultets- och institutionsavtal innehas av en fakultet, en institution eller ett utbildningsprogram.
country-no-mou = Inget samförståndsavtal (MOU) är registrerat
country-no-mou-detail = registret har ingen MOU-partner i { $country }.
country-level = Nivå: { $level }
country-level-caption = Avtal på nivån { $level } med partner i { $country }
country-col-agreement = Avtal
country-col-home = Vår sida
country-col-partner = Partner
country-col-for = För
country-col-status = Status
country-signed = Undertecknat
country-renews-earlier = Förnyar det tidigare avtalet
country-renewed-by = Förnyat genom
country-not-specified = Ej angivet
country-no-agreements = Inga avtal med partner i { $country } är registrerade.
country-renewal-history = Förnyelser
country-original = det ursprungliga avtalet
country-in-force-now = det gällande avtalet
country-activities = Verksamhet
country-for = För
country-no-partnerships = Inget strategiskt partnerskap med en partner i { $country } är registrerat.
country-programmes-intro = Gemensamma program, kurser, workshoppar och bidragsprogram med partner i { $country }.
country-no-programmes = Inga program med partner i { $country } är registrerade.
country-with = Partner:
country-from = Finansiär:
country-stage-central = Centrala avtal för { $who }
country-stage-other = Andra avtal
country-stage-at-level = { $count ->
    [one] { $count } på nivån { $level }
   *[other] { $count } på nivån { $level }
}
country-stage-study-programmes = Utbildningsprogram ({ $count })
country-stage-broad = Partnerskap som även omfattar { $who }
country-stage-funding = Finansiering
country-stage-empty = Inget är registrerat för det här steget.
country-who-students = studenter
country-who-doctoral = doktorander
country-who-postdocs = postdoktorer
country-funders-intro = Organisationer som finansierar vistelser i { $country } eller stöder samarbetet.
country-part-of = del av { $parent }
country-no-funders = Inga finansiärer är registrerade.
country-no-funding = Inga finansieringsmöjligheter är registrerade.
country-find-funding = Hitta all finansiering för { $country }
country-contacts-intro = Frågor om samarbete med { $country }? Fråga:
country-no-contacts = Ingen kontaktperson är registrerad för { $country }.

country-brings-together = { $name } samlar { $members }.
country-between = Mellan { $parties }.
country-renewed-in = Förnyat { $date }
country-renewed-on = förnyat { $date }

# Administrationen: landtexterna.
country-admin-title = Landsidor
country-admin-form-title = Landsida: { $country }
country-admin-eyebrow = Administration
country-admin-lead = Varje landsida skapas utifrån posterna i registret; här skriver du det som kontoret vill säga om landet: år av samarbete, viktiga partner och avsnitten i Markdown, på engelska och, där de finns, på svenska och japanska.
country-admin-open = Öppna ett land
country-admin-another = Annat land
country-admin-choose = Välj ett land…
country-admin-open-button = Öppna
country-admin-caption = Länder med organisationer eller en landtext
country-admin-col-country = Land
country-admin-col-organisations = Organisationer
country-admin-col-sections = Skrivna avsnitt
country-admin-col-translated = Översatt
country-admin-col-actions = Åtgärder
country-admin-sections-of = { $count } av { $total }
country-admin-edit = Redigera
country-admin-public = Publik sida
country-admin-public-of = för { $country }
country-admin-lang-sv = Svenska
country-admin-lang-ja = Japanska
country-admin-save = Spara ändringarna
country-admin-cancel = Avbryt
country-admin-saved = Sparat.
country-admin-translations = Översättningar
country-admin-translations-hint = Ett avsnitt som lämnas tomt här visas på engelska, med en upplysning om att det bara finns på engelska.

# The back office: a section in one of the other interface languages.
country-field-intro-sv = Inledning på svenska
country-field-intro-ja = Inledning på japanska
country-field-education-sv = Utbildning på grundnivå och avancerad nivå på svenska
country-field-education-ja = Utbildning på grundnivå och avancerad nivå på japanska
country-field-doctoral-sv = Utbildning på forskarnivå på svenska
country-field-doctoral-ja = Utbildning på forskarnivå på japanska
country-field-postdoc-sv = Postdoktorala vistelser på svenska
country-field-postdoc-ja = Postdoktorala vistelser på japanska
country-field-funding-sv = Finansiering, stipendier och resebidrag på svenska
country-field-funding-ja = Finansiering, stipendier och resebidrag på japanska
