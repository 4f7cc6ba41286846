# The country page (/countries/CC) and its back-office form (/admin/countries).
country-title = Collaboration in { $country }
country-crumb-countries = Countries
country-eyebrow = Country profile
country-lead = How { $home } works with partners in { $country }: agreements, joint programmes, study and research stays, funding, and the people to ask.
country-key-partners = Most extensive collaborations
country-fig-years = Years of collaboration
country-fig-partners = Partner organisations
country-fig-agreements = Agreements
country-fig-in-force = { $count } in force
country-fig-programmes = Programmes
country-fig-funding = Funding opportunities
country-toc = On this page
country-overview = Overview
country-agreements = Collaborative agreements
country-partnerships = Consortia and strategic partnerships
country-programmes = Programmes
country-education = Bachelor’s and master’s education
country-doctoral = Doctoral education
country-postdoc = Postdoc
country-funders = Funders and supporters
country-funding = Scholarships and travel grants
country-contacts = Contacts
country-on-map = { $country } on the map
country-glance = At a glance
country-glance-years = Collaborating for
country-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
country-glance-fields = Most active research fields
country-mous = Memoranda of understanding (MOU)
country-none-recorded = None recorded
country-none = None
country-glance-no-mou = no MOU partner in { $country } is registered.
country-glance-central-own = Central-level agreements of { $home } itself
country-only-one = Only one:
country-glance-central-via = Central-level agreements through a consortium
country-renewed = Renewed
country-glance-central-postdoc = Central postdoc agreements
country-glance-ask = Ask
country-only-english = This section is only available in English.
country-partners-in = Partner organisations in { $country }
country-partners-shown = The first { $shown } of { $count } partners; the map shows where they all are.
country-all-at-level = All { $count } agreements at this level
country-see-all = See all { $count }
country-and-more = { $count } more
country-partner-counts = { $agreements ->
    [one] { $agreements } agreement
   *[other] { $agreements } agreements
} · { $programmes ->
    [one] { $programmes } programme
   *[other] { $programmes } programmes
}
country-see-on-map = See the partners in { $country } on the map
country-back-sections = Back to the sections
country-back-top = Top of the page
country-agreements-intro = { $home } has agreements at different levels with institutions in { $country }. Central agreements cover the whole university; faculty and department agreements are held by a faculty, a department or a study programme.
country-no-mou = No memorandum of understanding (MOU) is recorded
country-no-mou-detail = the registry holds no MOU partner in { $country }.
country-level = { $level } level
country-level-caption = { $level }-level agreements with partners in { $country }
country-col-agreement = Agreement
country-col-home = Home side
country-col-partner = Partner
country-col-for = For
country-col-status = Status
country-signed = Signed
country-renews-earlier = Renews the earlier agreement
country-renewed-by = Renewed by
country-not-specified = Not specified
country-no-agreements = No agreements with partners in { $country } are recorded.
country-renewal-history = Renewal history
country-original = the original agreement
country-in-force-now = the agreement in force
country-activities = Activities
country-for = For
country-no-partnerships = No strategic partnership with a partner in { $country } is recorded.
country-programmes-intro = Joint programmes, courses, workshops and grant schemes run with partners in { $country }.
country-no-programmes = No programmes with partners in { $country } are recorded.
country-with = Partners:
country-from = Funder:
country-stage-central = Central-level agreements for { $who }
country-stage-other = Other agreements
country-stage-at-level = { $count ->
    [one] { $count } at { $level } level
   *[other] { $count } at { $level } level
}
country-stage-study-programmes = Study programmes ({ $count })
country-stage-broad = Partnerships that also cover { $who }
country-stage-funding = Funding
country-stage-empty = Nothing is recorded for this stage.
country-who-students = students
country-who-doctoral = doctoral students
country-who-postdocs = postdocs
country-funders-intro = Organisations that fund stays in { $country } or support the collaboration.
country-part-of = part of { $parent }
country-no-funders = No funders are recorded.
country-no-funding = No funding opportunities are recorded.
country-find-funding = Find all funding for { $country }
country-contacts-intro = Questions about collaboration with { $country }? Ask:
country-no-contacts = No contact person is recorded for { $country }.

country-brings-together = { $name } brings together { $members }.
country-between = Between { $parties }.
country-renewed-in = Renewed in { $date }
country-renewed-on = renewed { $date }

# Back office: the country texts.
country-admin-title = Country pages
country-admin-form-title = Country page: { $country }
country-admin-eyebrow = Back office
country-admin-lead = Each country page is generated from the records; here you write what the office says about the country: years of collaboration, key partners and the Markdown sections, in English and, where you have them, in Swedish and Japanese.
country-admin-open = Open a country
country-admin-another = Another country
country-admin-choose = Choose a country…
country-admin-open-button = Open
country-admin-caption = Countries with organisations or a country text
country-admin-col-country = Country
country-admin-col-organisations = Organisations
country-admin-col-sections = Sections written
country-admin-col-translated = Translated
country-admin-col-actions = Actions
country-admin-sections-of = { $count } of { $total }
country-admin-edit = Edit
country-admin-public = Public page
country-admin-public-of = of { $country }
country-admin-lang-sv = Swedish
country-admin-lang-ja = Japanese
country-admin-save = Save changes
country-admin-cancel = Cancel
country-admin-saved = Saved.
country-admin-translations = Translations
country-admin-translations-hint = A section left empty here is shown in English, with a note that it is only available in English.

# The back office: a section in one of the other interface languages.
country-field-intro-sv = Introduction in Swedish
country-field-intro-ja = Introduction in Japanese
country-field-education-sv = Bachelor's and master's education in Swedish
country-field-education-ja = Bachelor's and master's education in Japanese
country-field-doctoral-sv = Doctoral education in Swedish
country-field-doctoral-ja = Doctoral education in Japanese
country-field-postdoc-sv = Postdoc in Swedish
country-field-postdoc-ja = Postdoc in Japanese
country-field-funding-sv = Funding, scholarships and travel grants in Swedish
country-field-funding-ja = Funding, scholarships and travel grants in Japanese
