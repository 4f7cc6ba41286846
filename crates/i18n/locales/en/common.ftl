# The layout every page shares: header, navigation, footer, language switcher.
skip-to-main = Skip to main content
brand-sub = International collaboration
nav-main = Main
nav-countries = Countries
nav-map = Map
nav-funding = Funding
nav-contacts = Contacts
search-site = Site
search-label = Search partners, agreements, programmes and funding
search-placeholder = e.g. RIKEN, 東京, nursing
search-button = Search
footer-registry = International collaborations registry
footer-open-data = Open data (API)
footer-sign-in = Staff sign-in
footer-powered = Powered by Kizuna
lang-switcher = Language
count-partners = { $count ->
    [one] { $count } partner
   *[other] { $count } partners
}
