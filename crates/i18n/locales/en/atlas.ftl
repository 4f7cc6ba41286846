# The atlas: home page, countries, map, search, suggestions and embeds.

## Counts shared by several pages
atlas-count-agreements = { $count ->
    [one] { $count } agreement
   *[other] { $count } agreements
}
atlas-count-organisations = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
atlas-country-profile = Country profile
atlas-country-profile-short = country profile
atlas-no-countries = No countries yet.
atlas-any = Any
# A kind of record (the search's collections), singular.
atlas-record-type = { $type ->
    [organisations] Organisation
    [agreements] Agreement
    [programmes] Programme
    [funding] Funding
    [contacts] Contact
   *[other] { $type }
}
atlas-internal = Internal

## Home page
atlas-home-title = International collaboration
atlas-home-heading-at = International collaboration at { $home }
atlas-home-eyebrow = Registry and atlas
atlas-home-lead = Partner institutions, agreements, joint programmes, funding and the people to ask — for students, researchers and staff.
atlas-home-placeholder = e.g. RIKEN, 東京, nursing, postdoc
atlas-home-figures = The registry in figures
atlas-home-organisations = Organisations
atlas-home-agreements-in-force = Agreements in force
atlas-home-programmes = Programmes
atlas-home-funding = Funding opportunities
atlas-home-contacts = Contacts
atlas-home-start = Where to start
atlas-home-for-students = For students
atlas-home-student-exchange = Student exchange agreements
atlas-home-joint-programmes = Joint programmes and courses
atlas-home-scholarships = Scholarships
atlas-home-partners-on-map = Partners on the map
atlas-home-for-researchers = For researchers
atlas-home-doctoral = Agreements for doctoral students
atlas-home-postdoc = Agreements for postdocs
atlas-home-fellowships = Fellowships and travel grants
atlas-home-institutions = Partner institutions
atlas-home-for-staff = For staff
atlas-home-sign-in = Sign in to the registry
atlas-home-all-agreements = All agreements
atlas-home-excel = Excel
atlas-home-contacts-by-country = Contacts by country
atlas-home-api = The open data API
atlas-home-countries = Countries
atlas-home-explore-map = Explore the map
atlas-home-all-countries = All countries
atlas-home-featured = Central agreements
atlas-home-all-central = All { $count } central agreements

## Countries
atlas-countries-title = Countries
atlas-countries-lead = Countries where { $site } has partners, agreements or a country profile.

## Map page
atlas-map-title = Map of partners and agreements
atlas-map-lead = Partners with an agreement or a programme. The list with the map holds the same results.
atlas-map-filters = Filters ({ $count })
atlas-map-country = Country
atlas-map-kind = Agreement kind
atlas-map-level = Level
atlas-map-status = Status
atlas-map-education = Education level
atlas-map-programme = Study programme
atlas-map-subject = Subject area (ISCED-F)
atlas-map-unit = Home unit
atlas-map-show = Show
atlas-map-clear = Clear filters
atlas-map-region = Map of the partners listed beside it
atlas-map-noscript = The map needs JavaScript; the list holds the same partners.
atlas-map-legend-title = Countries shaded by number of partners
atlas-map-legend-none = none
atlas-map-legend-many = 16 or more
atlas-map-legend-partner = a partner
atlas-map-legend-cluster = several partners: select to list them or zoom in
atlas-map-partners = { $count ->
    [one] { $count } partner
   *[other] { $count } partners
}
atlas-map-first = Showing the first { $count }; narrow the filters to see the rest.
atlas-map-none = No partner matches these filters.
atlas-map-tiles = Map tiles: { $host }
atlas-map-tiles-osm = © OpenStreetMap contributors
# Texts the map's script shows; { "{" }count{ "}" } is filled in by the script.
atlas-map-js-shapes = Country shapes: Natural Earth via world-atlas
atlas-map-js-here = { $count } partners here
atlas-map-js-more = { $count } more here: see the list with the map.
atlas-map-js-zoom-apart = Zoom in to see them apart
atlas-map-js-open-list = { $count } partners here: open the list
atlas-map-js-zoom-in = { $count } partners: zoom in
atlas-map-js-found = { $result } found

## Search page and suggestions
atlas-search-title = Search
atlas-search-title-q = Search: { $q }
atlas-search-results-for = Results for “{ $q }”
atlas-search-form = Search the atlas
atlas-search-label = Search partners, agreements, programmes, funding and contacts — in any language
atlas-search-placeholder = e.g. 東京, Karolinska, nursing
atlas-search-filters = Filters
atlas-search-filters-count = Filters ({ $count })
atlas-search-remove = Remove filter:
atlas-search-all-values = Show all { $count }
atlas-search-nothing-to-narrow = Nothing to narrow down.
atlas-search-range = { $total ->
    [one] { $from }–{ $to } of { $total } result
   *[other] { $from }–{ $to } of { $total } results
}
atlas-search-range-partial = { $total ->
    [one] { $from }–{ $to } of { $total } partial match
   *[other] { $from }–{ $to } of { $total } partial matches
}
atlas-search-no-results = No results
atlas-search-partial = No record matches every word; closest matches:
atlas-search-empty = Nothing matches. Try fewer words, another spelling, or remove a filter.
atlas-search-pages = Result pages
atlas-search-previous = Previous
atlas-search-next = Next
atlas-facet-type = Type
atlas-facet-country = Country
atlas-facet-kind = Kind
atlas-facet-level = Level
atlas-facet-education_level = Education level
atlas-facet-career_stage = Career stage
atlas-suggest-label = Suggestions
atlas-suggest-internal = { $type } · internal
atlas-suggest-count = { $count } suggestions; use the arrow keys to choose
atlas-suggest-one = 1 suggestion; use the arrow keys to choose

## Embed this
atlas-embed-summary = Embed this on your website
atlas-embed-help = Paste this code into a page of your own website. The website has to be on Kizuna's list of allowed sites ({ $setting }): ask the people who run Kizuna.
atlas-embed-code = Code to paste
atlas-embed-copy = Copy the code
atlas-embed-copied = Copied.
atlas-embed-copy-by-hand = Press Ctrl+C (or ⌘C) to copy the selected code.

## Embedded widgets
atlas-embed-see-more = See more on { $site }
atlas-embed-showing-first = Showing the first { $count }.
atlas-embed-map-title = Partners
atlas-embed-map-title-in = Partners in { $country }
atlas-embed-map-region = Map of the partners listed below
atlas-embed-map-noscript = The map needs JavaScript; the list below holds the same partners.
atlas-embed-map-list = { $count ->
    [one] { $count } partner as a list
   *[other] { $count } partners as a list
}
atlas-embed-map-none = No partner matches.
atlas-embed-map-more = The full map on { $site }
atlas-embed-agreements-title = Agreements
atlas-embed-agreements-title-in = Agreements with partners in { $country }
atlas-embed-agreements-with = with { $partners }
atlas-embed-agreements-until = until { $date }
atlas-embed-agreements-none = No agreement matches.
atlas-embed-agreements-more = All agreements and partners on { $site }
atlas-embed-funding-title = Funding
atlas-embed-funding-title-in = Funding for stays in { $country }
atlas-embed-funding-count = { $count ->
    [one] { $count } funding opportunity
   *[other] { $count } funding opportunities
}
atlas-embed-funding-from = from { $funder }
atlas-embed-funding-deadline = next deadline { $date }
atlas-embed-funding-none = No funding opportunity matches.
atlas-embed-funding-more = Find all funding on { $site }
atlas-embed-country-title = Collaboration with { $country }
atlas-embed-country-partners = Partner organisations
atlas-embed-country-agreements = Agreements
atlas-embed-country-in-force = ({ $count } in force)
atlas-embed-country-programmes = Programmes
atlas-embed-country-funding = Funding opportunities
atlas-embed-country-years = Years of collaboration
atlas-embed-country-key-partners = Key partners
atlas-embed-country-fields = Most active fields:
atlas-embed-country-more = Everything about { $country } on { $site }
# The iframe's title on the host page, before the widget loads.
atlas-embed-frame-map = Map of partners
atlas-embed-frame-agreements = Agreements
atlas-embed-frame-funding = Funding opportunities
atlas-embed-frame-country = Country summary
atlas-embed-partner-in = { $name } ({ $country })
# Between the items of a list of names.
atlas-list-separator = { ", " }
atlas-embed-unknown = There is no embeddable widget `{ $name }`; there are: { $widgets }.
atlas-embed-needs-country = The country summary needs `country`, e.g. country=JP.
