# The back office (/admin): navigation, lists, forms, history, imports, EWP.

## Layout and shared words
admin-nav = Back office
admin-nav-dashboard = Dashboard
admin-nav-organisations = Organisations
admin-nav-agreements = Agreements
admin-nav-programmes = Programmes
admin-nav-funding = Funding
admin-nav-contacts = Contacts
admin-nav-factsheet = Factsheet
admin-nav-countries = Countries
admin-nav-import = Import
admin-nav-ewp-import = EWP import
admin-signed-in = Signed in as { $email } ({ $role })
admin-sign-out = Sign out
admin-eyebrow = Back office
admin-edit = Edit
admin-history = History
admin-renew = Renew
admin-delete = Delete
admin-cancel = Cancel
admin-save = Save
admin-save-changes = Save changes
admin-public-page = Public page
admin-no-public-page = Internal: no public page
admin-back-to-list = Back to the list
admin-required = (required)
admin-error-prefix = Error:
admin-preview = Preview
admin-preview-lead = This is how the text will look on the public pages. Use your browser's Back button to return to the form.
admin-markdown-hint = Markdown: **bold**, *italic*, [link](https://…), lists with -
admin-remove = Remove
admin-add-row = Add a row
admin-choose = Choose…
admin-none = None
admin-yes = yes
admin-no = no
admin-problems = { $count ->
    [one] There is a problem
   *[other] There are { $count } problems
}
admin-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
admin-records = { $collection ->
    [organisations] Organisations
    [agreements] Agreements
    [programmes] Programmes
    [funding] Funding opportunities
   *[contacts] Contacts
}
admin-new-record = { $collection ->
    [organisations] New organisation
    [agreements] New agreement
    [programmes] New programme
    [funding] New funding opportunity
   *[contacts] New contact
}
admin-create-record = { $collection ->
    [organisations] Create organisation
    [agreements] Create agreement
    [programmes] Create programme
    [funding] Create funding opportunity
   *[contacts] Create contact
}
admin-edit-title = { $collection ->
    [organisations] Edit organisation: { $title }
    [agreements] Edit agreement: { $title }
    [programmes] Edit programme: { $title }
    [funding] Edit funding opportunity: { $title }
   *[contacts] Edit contact: { $title }
}
admin-not-found = { $collection ->
    [organisations] There is no organisation “{ $id }”.
    [agreements] There is no agreement “{ $id }”.
    [programmes] There is no programme “{ $id }”.
    [funding] There is no funding opportunity “{ $id }”.
   *[contacts] There is no contact “{ $id }”.
}

## Dashboard
admin-dash-title = Dashboard
admin-dash-lead = { $count ->
    [one] { $count } agreement in the registry, internal ones included;
   *[other] { $count } agreements in the registry, internal ones included;
}
admin-dash-in-force = { $count ->
    [one] { $count } in force.
   *[other] { $count } in force.
}
admin-dash-add = Add to the registry
admin-dash-new-agreement = New agreement
admin-dash-new-organisation = New partner or unit
admin-dash-new-programme = New programme
admin-dash-new-funding = New funding opportunity
admin-dash-factsheet = Factsheet for incoming students
admin-dash-new-contact = New contact
admin-import-sheet = Import a spreadsheet
admin-dash-expiring = { $count ->
    [one] Expiring within { $count } day
   *[other] Expiring within { $count } days
}
admin-dash-expiring-none = No agreement ends within the window.
admin-dash-expired = { $count ->
    [one] Expired in the last { $count } day
   *[other] Expired in the last { $count } days
}
admin-dash-expired-none = No agreement expired recently.
admin-dash-no-document = Signed agreements without a document
admin-dash-no-document-none = Every signed agreement has a document on file.
admin-dash-drafts = Drafts
admin-dash-drafts-none = No drafts.
admin-dash-with = with { $partners }
admin-dash-valid-until = valid until
admin-dash-internal = internal
admin-dash-agreements = Agreements
admin-dash-none-yet = None yet.
admin-dash-ewp-caption = Exchanged agreements by EWP state
admin-dash-ewp-state = State
admin-dash-ewp-waiting = Waiting for us
admin-dash-ewp-none = No partner's copy has been read yet.
admin-dash-by-country = Agreements by partner country
admin-dash-country = Country
admin-dash-by-kind = Agreements by kind
admin-dash-kind = Kind

## Lists
admin-list-excel = Download as Excel
admin-list-deleted = Deleted { $id }. Its history is kept; an admin can restore it from its history.
admin-list-deleted-history = Open its history
admin-list-filter-label = { $collection ->
    [organisations] Filter organisations
    [agreements] Filter agreements
    [programmes] Filter programmes
    [funding] Filter funding opportunities
   *[contacts] Filter contacts
}
admin-list-q = Names, ids or any text
admin-list-status = Status
admin-list-any-status = Any status
admin-list-filter = Filter
admin-list-show-all = Show all
admin-list-count = { $count ->
    [one] { $shown } of { $count } record
   *[other] { $shown } of { $count } records
}
admin-list-nothing = Nothing matches.
admin-col-name = Name
admin-col-kind = Kind
admin-col-visibility = Visibility
admin-col-updated = Updated
admin-col-actions = Actions
admin-list-unit-of = unit of { $name }
admin-list-level = { $level } level
admin-list-from = from { $name }

## Edit form
admin-renew-title = Renew agreement
admin-renew-lead = A new agreement that continues the one below. Parties, kind, level and scope are copied; give the new dates.
admin-not-saved = Not saved
admin-conflict-deleted = Someone else deleted this record since you opened it. Your changes are below; an admin can restore it from its history:
admin-conflict-changed = Someone else changed this record since you opened it. Your changes are below. Open the current version in another tab, make your changes there, and save.
admin-conflict-current = The current version
admin-conflict-what-changed = What changed
admin-ewp-approved-heading = Approved over Erasmus Without Paper
admin-ewp-see-exchange = See the exchange below.
admin-new-org-no-script = A partner or unit missing from the lists? Create it in a new tab, then type its name here.
admin-new-org-new-tab = Create an organisation in a new tab
admin-no-document = No document on file.
admin-documents-api = Files are attached through the API:
admin-create-renewal = Create the renewal
admin-saved = Saved.
admin-saved-renewal = Saved the renewal. It is linked to the agreement it renews.
admin-restored = Restored the version of revision { $revision }.
admin-approved-partner-copy = Approved the partner's copy.
admin-the-record = The record

## New organisation dialog
admin-new-org-title = New organisation
admin-new-org-lead = Creates the organisation and picks it in the form below. Its other fields can be added later under Organisations.
admin-new-org-ror = Fill in from a ROR record in the registry
admin-new-org-ror-hint = Type its name in any language and pick it; the fields below are filled in.
admin-new-org-use-it = Use it
admin-new-org-name2 = Name in another language
admin-new-org-lang2 = Its language
admin-new-org-lang2-hint = e.g. ja, sv
admin-new-org-parent = Part of (for units)
admin-new-org-location-hint = Latitude, longitude, e.g. 35.0262, 135.7808
admin-new-org-website-hint = e.g. www.kyoto-u.ac.jp
admin-new-org-create = Create and pick it

## Delete
admin-delete-title = Delete { $title }?
admin-delete-page-title = { $collection ->
    [organisations] Delete organisation: { $title }
    [agreements] Delete agreement: { $title }
    [programmes] Delete programme: { $title }
    [funding] Delete funding opportunity: { $title }
   *[contacts] Delete contact: { $title }
}
admin-not-deleted = Not deleted
admin-delete-conflict = Someone else changed this record since you opened it. Look at the current version and what changed before you delete it.
admin-delete-lead = { $collection ->
    [organisations] This removes the organisation { $id } from the registry and from the public pages. Its history is kept, and an admin can restore it.
    [agreements] This removes the agreement { $id } from the registry and from the public pages. Its history is kept, and an admin can restore it.
    [programmes] This removes the programme { $id } from the registry and from the public pages. Its history is kept, and an admin can restore it.
    [funding] This removes the funding opportunity { $id } from the registry and from the public pages. Its history is kept, and an admin can restore it.
   *[contacts] This removes the contact { $id } from the registry and from the public pages. Its history is kept, and an admin can restore it.
}
admin-delete-button = { $collection ->
    [organisations] Delete this organisation
    [agreements] Delete this agreement
    [programmes] Delete this programme
    [funding] Delete this funding opportunity
   *[contacts] Delete this contact
}

## History
admin-history-title = History: { $title }
admin-history-edit-current = Edit the current version
admin-history-deleted = Deleted
admin-history-not-restored = Not restored
admin-history-conflict = Someone else changed this record since you opened this page. The history below is current; choose again.
admin-history-count = { $count ->
    [one] { $count } change, newest first. Each shows the fields it changed.
   *[other] { $count } changes, newest first. Each shows the fields it changed.
}
admin-history-revision = Revision { $revision }: { $action }
admin-history-revision-n = revision { $revision }
admin-history-current = current version
admin-history-caption = Fields changed in revision { $revision }
admin-history-field = Field
admin-history-before = Before
admin-history-after = After
admin-history-empty = (empty)
admin-history-no-change = No field changed.
admin-history-restore = Restore this version
enum-create = Created
enum-update = Updated
enum-delete = Deleted
enum-not_exchanged = Not exchanged
enum-partner_copy_differs = Partner's copy differs
enum-partner_copy_matches = Partner's copy matches
enum-approved_by_us = Approved by us
enum-approved_by_partner = Approved by the partner
enum-approved_by_both = Approved by both
enum-changed_since_approval = Changed since approval
enum-admin = Administrator
enum-editor = Editor
enum-viewer = Viewer

## Spreadsheet import
admin-import-lead = Upload a CSV or Excel (.xlsx) sheet of one collection. Columns are the record's field names (or the usual headers, in English or Swedish); a row with an id changes that record, one without finds it by its identifiers or name, or adds it. You see what every row would do before anything is written; a sheet with an error in any row writes nothing.
admin-import-reverted = Reverted the change set of revisions { $first }–{ $last } in one step: every record it created is removed and every record it changed is as it was before.
admin-import-done = Imported as one change set (revisions { $first }–{ $last }): { $created } created, { $updated } changed.
admin-import-revert-this = Revert this import
admin-import-nothing = Nothing to write: the registry already holds all of it.
admin-import-preview-of = Preview of { $file }
admin-import-changed-meanwhile = The registry changed since the preview, or a row now has an error: nothing was written. Check the rows below again.
admin-import-counts = { $count ->
    [one] { $count } row: { $created } created, { $changed } changed, { $unchanged } unchanged, { $errors } with errors.
   *[other] { $count } rows: { $created } created, { $changed } changed, { $unchanged } unchanged, { $errors } with errors.
}
admin-import-ignored = Ignored columns: { $columns }.
admin-import-has-errors = Some rows have errors: nothing will be written. Correct them in the file (a question about a partner is answered by giving its id in the partner column) and upload it again.
admin-import-caption = What each row would do
admin-import-row = Row
admin-import-record = Record
admin-import-outcome = Outcome
admin-import-details = Details
admin-import-outcome-word = { $outcome ->
    [created] created
    [changed] changed
    [unchanged] unchanged
   *[error] error
}
admin-import-column = Column
admin-import-apply = Apply: write { $created } new and { $changed } changed records
admin-import-upload = Upload
admin-import-upload-another = Upload another file
admin-import-holds = The sheet holds
admin-import-file = File (.csv or .xlsx)
admin-import-mapping = Mapping file (optional, TOML)
admin-import-mapping-help = Names what columns mean and values for new records, and the sheet of a workbook, e.g.:
admin-import-revert-earlier = Revert an earlier import
admin-import-revert-help = Every import is one change set in the change log; kizuna import and this page name its revisions. Reverting puts back what each record was before it and removes what it added, unless a record changed since.
admin-import-first = First revision
admin-import-last = Last revision
admin-import-revert = Revert
admin-import-exports = Exports of every list, to edit and import back:
admin-import-choose-file = Choose a file (.csv or .xlsx) to import.

## Erasmus Without Paper
admin-ewp = Erasmus Without Paper
admin-ewp-title-upload = Import a partner's EWP file
admin-ewp-title-preview = What the partner's file says
admin-ewp-import-lead = A partner's copies of IIAs (an IIAs v7 iias-get-response) or their approvals of ours (an IIAs Approval v2 iias-approval-response). You see what the file says and what it would change before anything is recorded.
admin-ewp-recorded = Recorded the partner's file.
admin-ewp-choose-file = Choose the partner's file first.
admin-ewp-not-utf8 = The file is not UTF-8 text, as EWP documents are.
admin-ewp-changed-meanwhile = The registry changed since this preview; nothing was written. Check the preview again, then confirm.
admin-ewp-recorded-on = Recorded on
admin-ewp-unreadable = The file cannot be read
admin-ewp-file = The partner's file (XML)
admin-ewp-file-hint = Their get response, or their approval response.
admin-ewp-read-file = Read the file
admin-ewp-approval-n = Approval { $n }: our iia-id
admin-ewp-iia-n = IIA { $n }: the partner's iia-id
admin-ewp-our-agreement = Our agreement
admin-ewp-none = none
admin-ewp-hash-approved = iia-hash approved
admin-ewp-our-copy-now = Our copy now
admin-ewp-approval-holds = the same: the approval holds
admin-ewp-approval-stale = another: the approval is stale
admin-ewp-not-iia = not an IIA
admin-ewp-cannot-record = Cannot be recorded:
admin-ewp-no-approvals = The file holds no approvals.
admin-ewp-no-iias = The file holds no IIAs.
admin-ewp-partner = Partner
admin-ewp-hash-recomputed = iia-hash (recomputed)
admin-ewp-hash-equals = Equals the file's iia-hash
admin-ewp-file-states = the file states
admin-ewp-file-states-none = the file states none
admin-ewp-our-id-in-theirs = Our iia-id in their copy
admin-ewp-differences = How the partner's conditions differ from ours
admin-ewp-draft-cannot-hold = What the new draft cannot hold of the partner's copy
admin-ewp-same-conditions = Conditions: the same as ours.
admin-ewp-nothing-recordable = Nothing can be recorded
admin-ewp-nothing-recordable-help = Every entry must be recordable before any is. Fix the file, or the registry (a partner's SCHAC code, say), and read the file again.
admin-ewp-read-another = Read another file
admin-ewp-record-it = Record it
admin-ewp-condition = Condition
admin-ewp-ours = Ours
admin-ewp-theirs = The partner's
admin-ewp-our-iia-id = Our iia-id
admin-ewp-our-hash = Our iia-hash now
admin-ewp-our-hash-none = none: our copy cannot be an IIA
admin-ewp-partner-iia-id = The partner's iia-id
admin-ewp-not-known = not known yet
admin-ewp-partner-copy = The partner's copy
admin-ewp-read-at = read { $at }
admin-ewp-states-this-hash = it states this hash
admin-ewp-states-hash = it states
admin-ewp-states-no-hash = it states no hash
admin-ewp-valid-for-approval = valid for approval
admin-ewp-not-valid-for-approval = not valid for approval
admin-ewp-not-read = not read yet.
admin-ewp-import-it = Import it
admin-ewp-we-approved = We approved
admin-ewp-we-approved-detail = their copy, { $at } by { $by }:
admin-ewp-no-longer-holds = no longer holds
admin-ewp-partner-approved = The partner approved
admin-ewp-partner-approved-detail = our copy, recorded { $at }:
admin-ewp-no-longer-ours = no longer our copy
admin-ewp-not-yet = not yet
admin-ewp-not-an-iia = Our copy cannot be an IIA because:
admin-ewp-cannot-approve = The partner's copy cannot be approved now:
admin-ewp-refusal-no-copy = no copy of the partner's has been imported for this agreement
admin-ewp-refusal-hash-mismatch = the partner's copy states the iia-hash { $stated }, but { $computed } is computed from it; ask the partner to correct it
admin-ewp-refusal-not-valid = the partner's copy still holds values not yet defined or left from IIA v6
admin-ewp-refusal-ours-not-an-iia = our copy cannot be an IIA (see `kizuna export ewp`); it must be one to approve the partner's
admin-ewp-refusal-conditions-differ = the partner's conditions differ from ours; make the two copies agree first
admin-ewp-refusal-already-approved = this copy is already approved
admin-ewp-approve = Approve the partner's copy
admin-ewp-how-new = none of ours matches: a new internal draft
admin-ewp-how-iia-id = by our iia-id
## Form fields: labels, row names and hints
admin-hint-internal-records-are-shown = Internal records are shown to staff only
admin-hint-lowercase-letters-digits-and = Lowercase letters, digits and hyphens; left empty, it is made from the name. It cannot change later.
admin-hint-bcp-47-eg-en = BCP 47, e.g. en, ja, zh-Hant; empty when neutral
admin-hint-latitude-longitude-as-a = Latitude, longitude as a map gives them, e.g. 35.0262, 135.7808 or 35.0262 N, 135.7808 E
admin-hint-only-for-units-the = Only for units: the organisation it belongs to
admin-hint-only-for-consortia = Only for consortia
admin-hint-eg-wwwkyoto-uacjp-https = e.g. www.kyoto-u.ac.jp (https:// is added)
admin-hint-without-httpsrororg-eg-057zh3y96 = Without https://ror.org/, e.g. 057zh3y96
admin-hint-eg-kise = e.g. ki.se
admin-hint-eg-q7842 = e.g. Q7842
admin-hint-staff-only-never-shown = Staff only; never shown publicly
admin-hint-student-mobility = Student mobility
admin-hint-staff-mobility = Staff mobility
admin-hint-1-to-8 = 1 to 8
admin-hint-a-fields-name-or = A field's name or ISCED-F code, e.g. nursing or 0913
admin-hint-eg-en-b2-ja = e.g. en B2, ja; may stay empty
admin-hint-at-least-two-a = At least two; a consortium counts as one party
admin-hint-empty-for-central-agreements = Empty for central agreements
admin-hint-a-signing-date-implies = A signing date implies it
admin-hint-empty-when-open-ended = Empty when open-ended; YYYY, YYYY-MM or YYYY-MM-DD
admin-hint-only-when-it-ended = Only when it ended early
admin-hint-the-agreement-this-one = The agreement this one renews
admin-hint-eg-annual = e.g. annual
admin-hint-the-agreement-it-runs = The agreement it runs under
admin-hint-as-text-eg-sek = As text, e.g. SEK 30 000 a month
admin-hint-where-to-read-more = Where to read more and apply, e.g. www.jsps.go.jp
admin-hint-eg-academic-coordinator-japan = e.g. Academic coordinator Japan
admin-hint-as-the-office-states = As the office states it, e.g. 40
admin-hint-organisations-that-support-the = Organisations that support the collaboration from elsewhere, e.g. an embassy
admin-hint-fields-by-name-or = Fields by name or ISCED-F code, separated by commas, e.g. nursing, 0915
admin-hint-country-codes-separated-by = Country codes separated by commas, e.g. JP, KR
admin-field-visibility = Visibility
admin-field-organisation = Organisation
admin-field-unit = Unit
admin-field-contact = Contact
admin-field-agreement = Agreement
admin-field-programme = Programme
admin-field-identifier = Identifier
admin-field-name = Name
admin-field-language = Language
admin-field-kind-of-name = Kind of name
admin-field-kind = Kind
admin-field-names = Names
admin-field-country = Country
admin-field-city = City
admin-field-coordinates = Coordinates
admin-field-parent-organisation = Parent organisation
admin-field-members = Members
admin-field-member = Member
admin-field-website = Website
admin-field-ror-id = ROR id
admin-field-erasmus-code = Erasmus code
admin-field-schac-code = SCHAC code
admin-field-pic = PIC
admin-field-wikidata-item = Wikidata item
admin-field-isni = ISNI
admin-field-grid-id = GRID id
admin-field-year-established = Year established
admin-field-notes = Notes
admin-field-internal-notes = Internal notes
admin-field-role = Role
admin-field-direction = Direction
admin-field-mobility = Mobility
admin-field-places-a-year = Places a year
admin-field-months-a-year = Months a year
admin-field-days-a-year = Days a year
admin-field-eqf-level = EQF level
admin-field-subject-area = Subject area
admin-field-languages = Languages
admin-field-first-academic-year = First academic year
admin-field-last-academic-year = Last academic year
admin-field-title = Title
admin-field-level-on-our-side = Level on our side
admin-field-parties = Parties
admin-field-party = Party
admin-field-administered-by-home-unit = Administered by (home unit)
admin-field-signed = Signed
admin-field-signed-on = Signed on
admin-field-valid-from = Valid from
admin-field-valid-until = Valid until
admin-field-terminated-on = Terminated on
admin-field-renews = Renews
admin-field-for = For
admin-field-study-programmes = Study programmes
admin-field-subject-areas = Subject areas
admin-field-research-fields = Research fields
admin-field-mobility-conditions = Mobility conditions
admin-field-condition = Condition
admin-field-contacts = Contacts
admin-field-documents = Documents
admin-field-description = Description
admin-field-partners = Partners
admin-field-partner = Partner
admin-field-administrative-bases = Administrative bases
admin-field-recurrence = Recurrence
admin-field-held-at = Held at
admin-field-location = Location
admin-field-date = Date
admin-field-every-year = Every year
admin-field-funder = Funder
admin-field-destination-countries = Destination countries
admin-field-eligibility = Eligibility
admin-field-deadlines = Deadlines
admin-field-deadline = Deadline
admin-field-amount = Amount
admin-field-link = Link
admin-field-e-mail = E-mail
admin-field-phone = Phone
admin-field-who-may-see-the-e = Who may see the e-mail and phone
admin-field-countries-covered = Countries covered
admin-field-agreements-handled = Agreements handled
admin-field-programmes-handled = Programmes handled
admin-field-years-of-collaboration = Years of collaboration
admin-field-most-active-research-fields = Most active research fields
admin-field-key-partners = Key partners
admin-field-supporters = Supporters
admin-field-supporter = Supporter
admin-field-introduction = Introduction
admin-field-bachelors-and-masters-education = Bachelor's and master's education
admin-field-doctoral-education = Doctoral education
admin-field-postdoc = Postdoc
admin-field-funding-scholarships-and-travel-grants = Funding, scholarships and travel grants
admin-hint-partial-date = YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known
admin-hint-one-per-line = One per line
admin-row-n = { $item } { $n }

## Problems found while reading a form
admin-id-taken = the identifier “{ $id }” is taken: choose another identifier
admin-no-id = give an identifier (lowercase letters, digits and hyphens, e.g. kyoto-university): none can be made from “{ $name }”
admin-form-choose-the = choose the { $field }
admin-form-give-the = give the { $field }
admin-form-add-one = add at least one row to { $field }
admin-form-choose-listed = choose one of the listed values for { $field }
admin-form-not-a-choice = “{ $value }” is not one of the choices
admin-form-unreadable = the form could not be read: { $detail }
admin-picker-none = no { $field } is called “{ $text }”: pick one from the suggestions, or create it first
admin-picker-many = { $count ->
    [one] “{ $text }” is the name of { $count } record ({ $ids }): give the identifier of the one you mean
   *[other] “{ $text }” is the name of { $count } records ({ $ids }): give the identifier of the one you mean
}
admin-parse-slug = “{ $text }” is not an identifier: use lowercase letters, digits and hyphens, e.g. kyoto-university
admin-parse-country = “{ $text }” is not a country code: give two letters, e.g. JP or SE
admin-parse-date = “{ $text }” is not a date: write e.g. 2027, 2027-09 or 2027-09-01
admin-parse-whole-date = “{ $text }” is not a whole date: give the day too
admin-parse-lang = “{ $text }” is not a language code: write e.g. en, ja or zh-Hant
admin-parse-cefr = “{ $text }” is not a CEFR level: write A1, A2, B1, B2, C1 or C2
admin-parse-extra = “{ $extra }” is not expected after “{ $part }”: write e.g. en B2, ja
admin-parse-isced = “{ $text }” is not a field of education: give its ISCED-F code or name, e.g. 0913 or nursing
admin-parse-count = “{ $text }” is not a whole number
admin-parse-year = “{ $text }” is not a year
admin-parse-number = “{ $text }” is not a number
admin-parse-coordinates = “{ $text }” are not coordinates: write latitude, longitude, e.g. 35.0262, 135.7808
admin-import-cannot = { $file } cannot be imported: { $detail }

## Problems the registry's rules find (by code)
admin-problem-title-missing = { $what ->
    [agreement] give the agreement a title
    [programme] give the programme a title
   *[funding] give the opportunity a title
}
admin-problem-name-missing = give the person's name
admin-problem-names-missing = give at least one name
admin-problem-name-empty = a name cannot be empty
admin-problem-latitude-range = latitude must be between -90 and 90
admin-problem-longitude-range = longitude must be between -180 and 180
admin-problem-parent-not-unit = only a unit has a parent organisation
admin-problem-parent-missing = a unit needs the organisation it belongs to
admin-problem-parent-self = an organisation cannot be its own parent
admin-problem-parent-ancestor = this would make the organisation its own ancestor
admin-problem-members-not-consortium = only a consortium has members
admin-problem-member-self = a consortium cannot be its own member
admin-problem-partners-missing = a programme needs at least one partner
admin-problem-parties-too-few = an agreement needs at least two parties
admin-problem-party-twice = this party is listed twice
admin-problem-validity-end-before-start = the end of validity is before its start
admin-problem-ends-before-signed = an agreement cannot end before it was signed
admin-problem-renews-itself = an agreement cannot renew itself
admin-problem-eqf-level-range = EQF levels run from 1 to 8
admin-problem-last-year-before-first = the last year is before the first
admin-problem-months-range = a year has at most 12 months
admin-problem-id-twice = this id is used twice
admin-problem-web-address = this is not a web address (like https://example.org/)
admin-problem-web-address-scheme = a web address starts with https:// or http://
admin-problem-email-address = this is not an e-mail address (like name@example.org)
admin-problem-line-break = this field is one line: remove the line break
admin-problem-tab = this field is one line: remove the tab
admin-problem-control-character = remove the control character { $code }: it cannot be stored or shown
admin-problem-too-long = too long: use at most { $max } characters (this has { $count })
admin-problem-unknown-reference = { $what ->
    [organisation] “{ $id }” is not a known organisation
    [unit] “{ $id }” is not a known unit
    [agreement] “{ $id }” is not a known agreement
    [programme] “{ $id }” is not a known programme
    [contact] “{ $id }” is not a known contact
   *[other] “{ $id }” is not a known record
}
admin-problem-unit-not-of-party = “{ $unit }” is not a unit of “{ $organisation }”
admin-problem-not-a-unit = “{ $id }” is not a unit (an organisation of kind unit)
admin-problem-not-an-object = send the record as a JSON object
admin-problem-required = this field is required
admin-problem-unknown-field = this kind of record has no field “{ $name }”
admin-problem-wrong-value = this value is not of the kind the field takes

## EWP states explained, and warnings
admin-ewp-explain-not_exchanged = No copy of the partner's has been read yet.
admin-ewp-explain-partner_copy_differs = The partner's copy states other conditions than ours; nobody has approved.
admin-ewp-explain-partner_copy_matches = The partner's copy states the same conditions as ours; nobody has approved yet.
admin-ewp-explain-approved_by_us = We approved the partner's copy; the partner has not approved ours.
admin-ewp-explain-approved_by_partner = The partner approved our copy; we have not approved theirs.
admin-ewp-explain-approved_by_both = Both copies are approved and unchanged since.
admin-ewp-explain-changed_since_approval = A copy changed after it was approved: the approval no longer holds and must be given again.
admin-ewp-edit-warning = This agreement's copy has been approved over EWP. Changing its mobility conditions, parties or termination changes its iia-hash: the approval will no longer hold and must be given again.
admin-ewp-stale-warning = A copy changed after it was approved over EWP: the approval no longer holds.
admin-ewp-found = found { $how }

## What the form script says (values are placed by the script)
admin-js-preview-empty = Nothing to show yet.
admin-js-preview-failed = The preview could not be loaded. Save the form or try again.
admin-js-row = Row
admin-js-row-added = { $row } added
admin-js-row-removed = { $row } removed
admin-js-problem-one = There is a problem.
admin-js-problems = There are { $n } problems.
admin-js-existing = { $name } is already in the registry: you can use it rather than create a copy.
admin-js-filled = Filled in from { $name }
admin-js-picked = { $name } picked
admin-js-unreadable = That record could not be read
admin-js-not-created = Not created.
admin-js-create-failed = The organisation could not be created. Try again.
admin-js-new-unit-button = New unit…
admin-js-new-org-button = New organisation…
admin-js-new-unit = New unit
