# Record pages (organisation, agreement, programme, funding, contact), the
# lists of records, the shared cards, error pages, sign-in, feeds and calendars.

## Lists in words
rec-list-sep = {", "}
rec-list-last-sep = {" and "}
rec-list-semi = {"; "}
rec-place-sep = {", "}

## Shared pieces
rec-home = Home
rec-breadcrumb = Breadcrumb
rec-facts = Facts
rec-about = About
rec-for = For
rec-kind = Kind
rec-status = Status
rec-level = Level
rec-level-tag = { $level } level
rec-card-with = With { $orgs }
rec-study-programmes = Study programmes
rec-signed = Signed
rec-valid-until = Valid until
rec-renews = Renews
rec-renewed-by = Renewed by
rec-at-parent = At { $org }:
rec-partners = Partners
rec-admin-bases = Administrative bases
rec-held-at = Held at
rec-under = Under
rec-offered-by-label = Offered by
rec-destination = Destination
rec-destinations = Destinations
rec-amount = Amount
rec-next-deadline = Next deadline
rec-part-of = Part of
rec-handles = Handles: { $records }
rec-country = Country
rec-agreement = Agreement
rec-agreements = Agreements
rec-programme = Programme
rec-programmes = Programmes
rec-funding = Funding
rec-organisation = Organisation
rec-organisations = Organisations
rec-contact = Contact
rec-contacts = Contacts
rec-unit = Unit
rec-units = Units

## Organisation page
rec-home-organisation = home organisation
rec-part-of-org = part of { $org }
rec-members = Members
rec-no-agreements = No agreements are recorded.
rec-funding-it-offers = Funding it offers
rec-member-of = Member of
rec-location = Location
rec-see-on-map = see on the map
rec-also-known-as = Also known as
rec-name-kind = ({ $kind })
rec-established = Established
rec-website = Website
rec-erasmus-code = Erasmus code
rec-coordinates = Coordinates

## Agreement page
rec-parties = Parties
rec-administered-by = Administered by { $unit }.
rec-offers = What this agreement offers
rec-offer-places = Places
rec-offer-length = Length
rec-offer-level = Level
rec-offer-subject = Subject area
rec-offer-languages = { $count ->
    [one] Language
   *[other] Languages
}
rec-offer-years = Academic years
rec-offers-not-recorded = Places, length of stay and academic years are not recorded for this agreement: { $ask }.
rec-ask-below = ask the people below
rec-renewal-history = Renewal history
rec-this-agreement = (this agreement)
rec-signed-on = signed { $date }
rec-date-not-recorded = date not recorded
rec-renews-above = renews the agreement above
rec-programmes-under = Programmes under this agreement
rec-how-to-apply = How to apply / who to ask
rec-signed-undated = yes, date not recorded
rec-not-yet = not yet
rec-valid = Valid
rec-valid-range = { $start } to { $end }
rec-start-not-recorded = start not recorded
rec-open-ended = open-ended
rec-subject-areas = Subject areas (ISCED-F 2013)
rec-research-fields = Research fields

## What an agreement offers, each condition in words
rec-cond-heading = { $direction ->
    [outgoing] { $mobility ->
        [student_studies] Our students going to study at the partner
        [student_traineeship] Our students going to do a traineeship at the partner
        [staff_teaching] Our staff going to teach at the partner
       *[staff_training] Our staff going to train at the partner
    }
   *[incoming] { $mobility ->
        [student_studies] The partner's students coming to study here
        [student_traineeship] The partner's students coming to do a traineeship here
        [staff_teaching] The partner's staff coming to teach here
       *[staff_training] The partner's staff coming to train here
    }
}
rec-cond-places = { $count ->
    [one] { $count } place a year
   *[other] { $count } places a year
}
rec-cond-months = { $count ->
    [one] up to { $count } month a year in all
   *[other] up to { $count } months a year in all
}
rec-cond-days = { $count ->
    [one] up to { $count } day a year in all
   *[other] up to { $count } days a year in all
}
rec-cond-eqf = EQF level { $level }
rec-cond-eqf-cycle = EQF level { $level } ({ $cycle ->
    [5] short cycle
    [6] bachelor's
    [7] master's
   *[8] doctoral
})
rec-cond-language-cefr = { $language } ({ $cefr } or above)
rec-cond-years-one = { $first }
rec-cond-years-range = { $first } to { $last }
rec-cond-years-from = from { $first }
rec-cond-years-until = until { $last }

## Languages a condition names
rec-language-en = English
rec-language-ja = Japanese
rec-language-sv = Swedish
rec-language-de = German
rec-language-fr = French
rec-language-es = Spanish
rec-language-it = Italian
rec-language-pt = Portuguese
rec-language-nl = Dutch
rec-language-da = Danish
rec-language-no = Norwegian
rec-language-fi = Finnish
rec-language-zh = Chinese
rec-language-ko = Korean
rec-language-ru = Russian
rec-language-ar = Arabic
rec-language-pl = Polish

## Who to ask ($what: agreement or opportunity)
rec-ask-record = These people handle this { $what ->
    [agreement] agreement
   *[other] opportunity
}; ask them how to apply.
rec-ask-agreement = Ask the people who handle { $through }, which this belongs to.
rec-ask-programme = Ask the people who run { $through }, which this belongs to.
rec-ask-unit = Nobody is named for this { $what ->
    [agreement] agreement
   *[other] opportunity
} itself; ask { $through }, which administers it.
rec-ask-country = Nobody is named for this { $what ->
    [agreement] agreement
   *[other] opportunity
} itself; ask the people who cover { $through }.
rec-ask-office = Nobody is named for this { $what ->
    [agreement] agreement
   *[other] opportunity
}; write to the international office at { $email }.
rec-ask-nobody = Nobody is named for this { $what ->
    [agreement] agreement
   *[other] opportunity
} yet; ask your international office.

## Programme page
rec-under-agreement = Under the agreement

## Funding page
rec-offered-by = Offered by { $org }
rec-official-page-apply = Official page: read more and apply
rec-who-can-apply = Who can apply
rec-deadlines = Deadlines
rec-every-year = (every year)
rec-every-year-next = (every year; next { $next })
rec-add-to-calendar = Add to calendar
rec-add-to-calendar-which = : deadline { $date }
rec-no-deadline = No deadline is recorded.
rec-no-deadline-see-page = No deadline is recorded: the official page gives the current one.
rec-subscribe-deadlines = Every funding deadline in your calendar app: { $link }.
rec-subscribe-deadlines-link = subscribe to the deadline calendar
rec-who-to-ask = Who to ask
rec-funder = Funder
rec-not-specified = Not specified
rec-amount-see = See the { $page }
rec-official-page-link = official page
rec-ask = Ask
rec-official-page = Official page

## Contact page
rec-how-to-reach = How to reach { $name }
rec-email = E-mail
rec-phone = Phone
rec-no-details = No public e-mail address or phone number is recorded.
rec-no-details-ask = No public e-mail address or phone number is recorded; ask { $org } to put you in touch.
rec-agreements-handled = Agreements { $name } handles
rec-programmes-handled = Programmes { $name } handles
rec-countries-covered = Countries covered

## Lists of records ($what: agreement, programme, organisation or funding)
rec-count = { $what ->
    [agreement] { $count ->
        [one] { $count } agreement
       *[other] { $count } agreements
    }
    [programme] { $count ->
        [one] { $count } programme
       *[other] { $count } programmes
    }
    [organisation] { $count ->
        [one] { $count } organisation
       *[other] { $count } organisations
    }
   *[funding] { $count ->
        [one] { $count } opportunity
       *[other] { $count } opportunities
    }
}
rec-count-matching = { $what ->
    [agreement] { $count ->
        [one] { $count } agreement matches your filters
       *[other] { $count } agreements match your filters
    }
    [programme] { $count ->
        [one] { $count } programme matches your filters
       *[other] { $count } programmes match your filters
    }
    [organisation] { $count ->
        [one] { $count } organisation matches your filters
       *[other] { $count } organisations match your filters
    }
   *[funding] { $count ->
        [one] { $count } opportunity matches your filters
       *[other] { $count } opportunities match your filters
    }
}
rec-page-of = page { $page } of { $pages }
rec-page-of-cap = Page { $page } of { $pages }
rec-pages-of = { $what ->
    [agreement] Pages of agreements
    [funding] Pages of funding
    [contact] Pages of contacts
    [programme] Pages of programmes
   *[organisation] Pages of organisations
}
rec-previous-page = Previous page
rec-next-page = Next page
rec-download-list = Download this list:
rec-remove-filter = Remove this filter
rec-where = Where
rec-clear-filters = Clear filters
rec-any-country = Any country
rec-any-kind = Any kind
rec-any-level = Any level
rec-any-status = Any status
rec-any-unit = Any unit
rec-any-stage = Any stage
rec-any-destination = Any destination
rec-anyone = Anyone
rec-filter-with = With
rec-filter-units-of = Units of
rec-filter-words = Words
rec-filter-words-hint-agreements = e.g. nursing, Tokyo
rec-filter-words-hint-programmes = e.g. workshop, nursing
rec-filter-name-or-city = Name or city
rec-filter-name-hint = e.g. RIKEN, 東京, Kyoto
rec-filter-partner-country = Partner country
rec-filter-signed-at = Signed at
rec-filter-administered-by = Administered by
rec-filter-run-by = Run by
rec-filter-subject = Subject area (ISCED-F code)
rec-filter-subject-hint = e.g. 0913
rec-list-title-page = { $name }, page { $page } of { $pages }
rec-agreements-lead = Signed agreements with partner institutions: exchanges, joint degrees, research and strategic partnerships.
rec-filter-agreements = Filter agreements
rec-show-agreements = Show agreements
rec-no-agreement-matches = No agreement matches these filters. { $all }.
rec-show-all-agreements = Show all agreements
rec-programmes-lead = Joint programmes, courses, workshops, exchanges and travel grant schemes with partners.
rec-filter-programmes = Filter programmes
rec-show-programmes = Show programmes
rec-no-programme-matches = No programme matches these filters. { $all }.
rec-show-all-programmes = Show all programmes
rec-organisations-lead = Universities, institutes, funders and the units of { $site } that the registry knows.
rec-filter-organisations = Filter organisations
rec-show-organisations = Show organisations
rec-no-organisation-matches = No organisation matches these filters. { $all }.
rec-show-all-organisations = Show all organisations
rec-funding-title = Funding: scholarships, fellowships and travel grants
rec-funding-lead = Money for a stay abroad: who funds it, who may apply, and when.
rec-filter-funding = Filter funding
rec-career-stage = Career stage
rec-show-funding = Show funding
rec-no-funding-matches = Nothing matches these filters. { $all }.
rec-show-all-funding = Show all funding
rec-contacts-lead = People to ask, by the countries they cover.
rec-collaboration-in = Collaboration in { $country }
rec-no-contacts = No contacts are recorded.
rec-all-countries = All countries
rec-filter-contacts = Filter contacts
rec-contacts-country = Country covered
rec-show-contacts = Show contacts


## Error pages
rec-error-status = Error { $status }
rec-error-try = Try the { $start }, the list of { $countries }, or search above.
rec-error-start-page = start page
rec-error-countries = countries
rec-error-404-title = Not found
rec-error-404-detail = There is no page at this address. It may have moved, or the record may no longer be public.
rec-error-403-title = Not allowed
rec-error-403-detail = Your account may not do this. Ask an administrator if you need to.
rec-error-401-title = Sign-in required
rec-error-401-detail = Sign in to see this page.
rec-error-500-title = Internal error
rec-error-500-detail = Something went wrong on our side. It has been logged; try again in a little while.
rec-error-409-title = Conflict
rec-error-412-title = Changed by someone else
rec-error-412-detail = Someone else changed this record since you loaded it. Reload it and make your change again.
rec-error-400-title = Not understood
rec-error-400-detail = The address or the form could not be understood: { $detail }
rec-error-413-title = Too large
rec-error-413-detail = What was sent is larger than this server accepts. Send a smaller file, or ask an administrator about the limit.

## Sign-in
rec-login-title = Sign in
rec-login-lead = For the international office and department coordinators who keep the registry.
rec-login-sso = Sign in with your university account
rec-login-or-password = Or sign in with an e-mail address and a password:
rec-login-email = E-mail address
rec-login-password = Password
rec-login-error = Error:
rec-login-submit = Sign in
rec-login-accounts-sso = Staff accounts are made at the first sign-in with the university account.
rec-login-accounts-admin = Accounts are made by an administrator.
rec-login-visitors = Visitors need no account: the { $countries }, the { $map } and { $search } are open to everyone.
rec-login-visitors-countries = countries
rec-login-visitors-map = map
rec-login-visitors-search = search
rec-login-signed-out = You have signed out.
rec-login-passwords-off = Signing in with a password is turned off here; use single sign-on.
rec-login-csrf = This form has expired or came from another site; reload the page and try again.
rec-login-email-missing = Enter your e-mail address.
rec-login-email-invalid = Enter an e-mail address like name@example.org.
rec-login-password-missing = Enter your password.
rec-login-locked = { $minutes ->
    [one] Too many failed sign-ins; try again in { $minutes } minute.
   *[other] Too many failed sign-ins; try again in { $minutes } minutes.
}
rec-login-wrong = The e-mail address or the password is not right.
rec-login-disabled = This account is disabled; ask an administrator.

## Single sign-on: why the provider's answer was refused
rec-oidc-unreachable = The identity provider cannot be reached just now; try again in a few minutes.
rec-oidc-not-started = This sign-in was not started in this browser, or was already used. Start again.
rec-oidc-refused = The identity provider did not sign you in ({ $error }).
rec-oidc-state = The identity provider's answer does not belong to the sign-in started here (its state does not match). Start again.
rec-oidc-no-code = The identity provider's answer carries no code. Start again.
rec-oidc-nonce = The identity provider's answer was not made for this sign-in (its nonce does not match). Start again.
rec-oidc-unverified = The identity provider's answer could not be verified. Start again.
rec-oidc-no-role = You are signed in at the identity provider, but none of your groups gives a role in Kizuna, so no account was made. Ask the international office for access.
rec-oidc-no-email = The identity provider sent no verified e-mail address, which a new account needs.
rec-oidc-linked-elsewhere = The account { $email } belongs to another identity at the provider; ask an administrator.
rec-oidc-store = Signing in failed on our side; try again.

## Feeds and calendars
rec-feed-changes-title = { $site }: recent changes
rec-feed-added = Added: { $title }
rec-feed-updated = Updated: { $title }
rec-feed-removed = Removed: { $title }
rec-cal-deadlines-name = Funding deadlines
rec-cal-deadlines-description = Application deadlines of scholarships, fellowships and travel grants
rec-cal-deadline-summary = Deadline: { $title }
rec-cal-deadline-description = Application deadline of { $title }. Read more: { $url }
rec-cal-expiring-name = Agreement expiries
rec-cal-expiring-description = When signed agreements end
rec-cal-expiring-summary = Agreement ends: { $title }
rec-cal-expiring-event = Status: { $status }. Renew it or let it end.

# Who to ask: more people than the page lists.
rec-ask-more = { $count ->
    [one] One more person can help.
   *[other] { $count } more people can help.
}
rec-ask-all-contacts = All contacts
