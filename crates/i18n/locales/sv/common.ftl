# Layouten som alla sidor delar: sidhuvud, navigering, sidfot, språkväljare.
skip-to-main = Hoppa till huvudinnehållet
brand-sub = Internationellt samarbete
nav-main = Huvudmeny
nav-countries = Länder
nav-map = Karta
nav-funding = Finansiering
nav-contacts = Kontakter
search-site = Webbplats
search-label = Sök partner, avtal, program och finansiering
search-placeholder = t.ex. RIKEN, 東京, omvårdnad
search-button = Sök
footer-registry = Register över internationella samarbeten
footer-open-data = Öppna data (API)
footer-sign-in = Inloggning för personal
footer-powered = Drivs av Kizuna
lang-switcher = Språk
count-partners = { $count ->
    [one] { $count } partner
   *[other] { $count } partner
}
