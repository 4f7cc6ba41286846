# The factsheet for incoming exchange students: the public page /incoming,
# its links, and the back-office page that edits it.
incoming-title = Incoming exchange students
incoming-link-home = Coming to us as an exchange student
incoming-eyebrow = Factsheet
incoming-heading = Coming to { $institution } as an exchange student
incoming-heading-us = Coming to us as an exchange student
incoming-lead = For students nominated by one of our partner universities: when to apply, what to send, and whom to ask.
incoming-updated = Last updated { $date }.
incoming-deadlines = Deadlines
incoming-deadlines-caption = What must reach us, by when, for each term (every year)
incoming-what = What
incoming-autumn = Autumn term
incoming-spring = Spring term
incoming-nominations = Nominations from your home university
incoming-applications = Your application
incoming-day = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
incoming-decision = We decide on your application within { $weeks ->
    [one] one week
   *[other] { $weeks } weeks
}.
incoming-tor = We send your Transcript of Records within { $weeks ->
    [one] one week
   *[other] { $weeks } weeks
} of the end of your exchange.
incoming-requirements = What to send or know
incoming-more = more
incoming-more-about = about { $name }
incoming-access = Students with special needs
incoming-access-lead = We support exchange students with disabilities or other special needs. Ask before you come:
incoming-kind-infrastructure = Accessible buildings and facilities
incoming-kind-service = Support service
incoming-housing = Housing
incoming-housing-lead = We help you find somewhere to live.
incoming-visa = Visas and residence permits
incoming-visa-lead = We help you get the visa or residence permit you need.
incoming-insurance = Insurance
incoming-insurance-lead = We tell you when insurance is not covered for you, and help you get it.
incoming-apply = How to apply
incoming-apply-lead = Your home university nominates you; then you apply to us. Questions about applying:
incoming-agreements = Our student exchange agreements
incoming-email = E-mail
incoming-phone = Phone
incoming-website = More information
incoming-about-applying = applying
incoming-about-housing = housing
incoming-about-visas = visas
incoming-about-insurance = insurance
factsheet-admin-title = Factsheet for incoming students
factsheet-admin-eyebrow = Back office
factsheet-admin-lead = What exchange students coming to us, and their home universities, need to know: deadlines, decisions, requirements and whom to ask.
factsheet-admin-public = Students read it at
factsheet-admin-ewp = Partners' systems read it over Erasmus Without Paper for { $hei }.
factsheet-admin-no-schac = Give the home organisation a SCHAC code to serve it over Erasmus Without Paper too.
factsheet-admin-public-page = Public page
factsheet-admin-saved = Saved.
factsheet-admin-not-saved = Not saved
factsheet-admin-conflict = Someone else saved the factsheet since you opened it. Your changes are below; open the current version in another tab, make your changes there, and save.
factsheet-admin-current = Open the current version
factsheet-admin-save = Save the factsheet
factsheet-admin-cancel = Cancel
factsheet-section-deadlines = Deadlines
factsheet-section-decisions = Decisions and transcripts
factsheet-section-applying = Applying
factsheet-section-requirements = Requirements and support
factsheet-section-housing = Housing
factsheet-section-visas = Visas
factsheet-section-insurance = Insurance
factsheet-section-other = Other information
