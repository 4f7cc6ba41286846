# What a spreadsheet import says about its rows (codes from kizuna-interop,
# worded here; the CLI and the JSON keep interop's English sentences).

## Values in cells
import-msg-not-a-date = `{ $value }` is not a date
import-msg-not-a-date-cell = this is not a date
import-msg-not-a-date-write = `{ $value }` is not a date (write 2027-09-01, 01/09/2027, 2027-09 or 2027)
import-msg-not-yes-or-no = `{ $value }` is neither yes nor no
import-msg-not-a-pic = `{ $value }` is not a PIC (nine digits)
import-msg-not-an-erasmus-code = `{ $value }` is not an Erasmus code (e.g. `S  STOCKHO03`)
import-msg-not-a-ror-id = `{ $value }` is not a ROR id (e.g. 057zh3y96)
import-msg-not-academic-years = `{ $value }` is not a span of academic years (write 2027/28-2030/31)
import-msg-unknown-word = unknown { $what } `{ $value }`; expected one of: { $expected }
import-msg-not-a-code = { $detail }
import-msg-not-an-id = “{ $value }” is not a valid identifier: use 1–100 lowercase letters, digits and single hyphens
import-msg-not-a-country = `{ $value }` is not a country (give its ISO code, e.g. JP)
import-msg-not-a-whole-number = `{ $value }` is not a whole number
import-msg-out-of-range = `{ $value }` is out of range
import-msg-not-a-number = `{ $value }` is not a number
import-msg-not-a-language-level = `{ $value }` is not a language and level (write e.g. `en B2; ja A2`)
import-msg-not-an-eqf-level = `{ $value }` is not an EQF level (1–8)
import-msg-months-over-a-year = { $value } months is more than a year
import-msg-not-a-deadline = `{ $value }` is not a deadline (write 2027-03-15, or 2027-03-15 (yearly))
import-msg-lat-lng-both = give both the latitude and the longitude, or neither

## Finding records and partners
import-msg-identifiers-conflict = the { $what ->
    [ror] ROR id
    [erasmus] Erasmus code
    [pic] PIC
   *[schac] SCHAC code
} is that of `{ $first }` but the { $other ->
    [ror] ROR id
    [erasmus] Erasmus code
    [pic] PIC
   *[schac] SCHAC code
} that of `{ $second }`
import-msg-partner-identifiers-conflict = the { $what ->
    [ror] ROR id
    [erasmus] Erasmus code
    [pic] PIC
   *[schac] SCHAC code
} is that of `{ $first }` but the { $other ->
    [ror] ROR id
    [erasmus] Erasmus code
    [pic] PIC
   *[schac] SCHAC code
} that of `{ $second }`; give the partner's id in `partner`
import-msg-no-organisation-named = no organisation has the id or the name `{ $value }`
import-msg-no-record-named = no { $what } has the id or the name `{ $value }`
import-msg-several-named = several { $collection } are called `{ $value }` ({ $ids }); give the id
import-msg-name-ambiguous = several organisations have this name ({ $ids }); give the id
import-msg-name-near = is this { $offers }? Give its id to change it, or an id of its own to add it as another organisation
import-msg-partner-several-named = several organisations are called `{ $value }` ({ $ids }); give the right one's id in `partner`
import-msg-partner-near = no organisation is called `{ $value }`; is it { $offers }? Confirm by giving its id in `partner`; if it is another institution, add that one first (import it as organisations, with an id)
import-msg-partner-unknown-identifiers = no organisation has these identifiers; give `partner_name` and `partner_country` to add it
import-msg-partner-country-missing = `{ $value }` is not in the registry; give its country to add it
import-msg-partner-missing = give the partner: its id in `partner`, or `partner_name` and `partner_country`
import-msg-no-home-organisation = the registry names no home organisation, so this agreement's own side is unknown
import-msg-not-an-organisation-id = `{ $value }` is not the id of an organisation

## Whole rows
import-msg-value-needed = give a value (a new record needs it)
import-msg-value-needed-or-default = give a value (a new record needs it) (or set it for every new row in a mapping file's [defaults])
import-msg-id-twice-in-sheet = row { $row } already has the id `{ $value }`
import-msg-not-in-scope = { $role ->
    [admin] an admin
    [editor] an editor
   *[viewer] a viewer
} may not { $action ->
    [create] create
   *[update] update
} { $place ->
    [central] central records
   *[units] records of { $units }
}
import-msg-may-not-add-partner = `{ $value }` is not in the registry, and { $role ->
    [admin] an admin
    [editor] an editor
   *[viewer] a viewer
} may not add organisations; ask an admin
import-msg-adds-partner = adds the partner organisation `{ $id }` ({ $name }, { $country })

## A partner's EWP file
import-msg-ewp-unknown-mobility = mobility { $n }: <{ $element }> is not a kind of mobility of IIAs v7
import-msg-ewp-empty = mobility { $n }: <{ $element }> is empty
import-msg-ewp-not-a-year = mobility { $n }: <{ $element }> "{ $value }" is not an academic year
import-msg-ewp-not-a-number = mobility { $n }: <{ $element }> "{ $value }" is not a number
import-msg-ewp-not-a-level = mobility { $n }: <{ $element }> "{ $value }" is not a level
import-msg-ewp-approval-unknown = no agreement of ours has the iia-id "{ $id }"
import-msg-ewp-approval-no-hash = the approval names no iia-hash
import-msg-ewp-approval-twice = an earlier approval of the file names { $agreement } too
import-msg-ewp-no-home-schac = the home organisation has no SCHAC code (identifiers.schac), so our side cannot be told
import-msg-ewp-partner-count = it has { $count } partners, not 2
import-msg-ewp-own-copy = its first partner is { $ours }: this is our own copy, not the partner's
import-msg-ewp-neither-ours = it binds { $first } and { $second }; neither is { $ours }
import-msg-ewp-partner-iia-id-missing = the partner's <iia-id> is missing
import-msg-ewp-linked-elsewhere = our agreement { $agreement } is linked to the partner's IIA { $linked }, not { $given }
import-msg-ewp-mapped-twice = an earlier IIA of the file maps to our agreement { $agreement } too
import-msg-ewp-unknown-our-iia-id = the copy names our iia-id { $id }, which no agreement of ours has
import-msg-ewp-several-unlinked = { $count } agreements with { $hei } are not linked yet ({ $ids }), and not exactly one states the same conditions
import-msg-ewp-no-partner-organisation = no agreement of ours matches, and no organisation has the SCHAC code { $hei } (identifiers.schac) to make a draft with: add the partner first
import-msg-ewp-no-home = no home organisation is configured
import-msg-ewp-draft-in-effect = the partner's copy is in effect; the draft is unsigned until ours is signed
import-msg-ewp-draft-first-eqf-level = { $mobility }, { $direction }: only the first of the EQF levels { $value } is kept
import-msg-ewp-draft-first-subject-area = { $mobility }, { $direction }: only the first of the subject areas { $value } is kept
import-msg-ewp-draft-not-isced = { $mobility }, { $direction }: the subject area "{ $value }" is not an ISCED-F code
import-msg-ewp-draft-not-a-language = { $mobility }, { $direction }: the language "{ $value }" is not a language tag
import-msg-ewp-draft-whole-days = { $mobility }, { $direction }: days per year are whole days; { $value } is left out
admin-ewp-matched-our-iia-id = by our iia-id in the partner's copy
admin-ewp-matched-partner-iia-id = by the partner's iia-id recorded earlier
admin-ewp-matched-partner-and-conditions = by the partner's SCHAC code and the conditions
admin-ewp-matched-partner = by the partner's SCHAC code (the only agreement with them)

## Files that cannot be imported at all
import-file-no-rows = the sheet has no rows with data under its header
import-file-wrong-collection = this sheet holds { $looks_like }, not { $wanted }: import it with that collection
import-file-mapping-wrong = the mapping file is wrong: { $detail }
import-msg-sheet-is-a-workbook = this is an Excel workbook (.xlsx), not CSV; import it as xlsx
import-msg-sheet-binary = the file holds binary data, not text
import-msg-csv-broken = the CSV is broken: { $detail }
import-msg-not-a-workbook = this is not an Excel .xlsx workbook ({ $detail })
import-msg-workbook-no-such-sheet = the workbook has no sheet `{ $sheet }`; it has: { $sheets }
import-msg-worksheet-unreadable = sheet `{ $sheet }` cannot be read: { $detail }
import-msg-mapping-unreadable = { $detail }
import-msg-mapping-unknown-column = `{ $field }` is not a column of { $collection }; they are: { $columns }
import-msg-columns-mean-the-same = the columns `{ $first }` and `{ $second }` both mean `{ $field }`; remove one or map one to "" in a mapping file
import-msg-no-key-column = no column holds any of { $keys }; the columns are: { $columns }
import-msg-no-header-row = no row of the first { $rows } names a column of { $collection }; its columns are: { $columns }

## A partner's EWP file that cannot be read at all
import-msg-ewp-not-xml = the document is not well-formed XML: { $detail }
import-msg-ewp-hash-impossible = the IIA hash cannot be computed: { $detail }
import-msg-ewp-not-a-partner-file = the document is a <{ $element }>, not an <iias-get-response> (a partner's copies) or an <iias-approval-response> (their approvals)
import-msg-ewp-unknown-agreement = there is no agreement with the id { $id }

## Why an agreement of ours cannot be an IIA
import-msg-ewp-iia-party-unknown = the party { $party } is not in the registry
import-msg-ewp-iia-home-through-consortium = the home organisation takes part only through the consortium { $consortium }; an IIA binds two institutions
import-msg-ewp-iia-home-not-a-party = the home organisation is not a party
import-msg-ewp-iia-party-count = an IIA binds two institutions; this agreement has { $count } parties
import-msg-ewp-iia-partner-consortium = the partner { $partner } is a consortium; an IIA binds two institutions
import-msg-ewp-iia-no-schac = { $side ->
    [home] the home organisation
   *[partner] the partner
} { $id } has no SCHAC code (identifiers.schac)
import-msg-ewp-iia-no-conditions = it has no mobility conditions
import-msg-ewp-iia-no-places = conditions[{ $condition }]: places_per_year is missing; EWP needs at least one place a year
import-msg-ewp-iia-no-years = conditions[{ $condition }]: { $field } is missing; EWP needs the academic years
import-msg-ewp-iia-no-language = conditions[{ $condition }]: { $mobility } needs at least one recommended language in EWP
import-msg-ewp-iia-student-months = conditions[{ $condition }]: student mobility is counted in months_per_year, not days
import-msg-ewp-iia-staff-days = conditions[{ $condition }]: staff mobility is counted in days_per_year, not months
import-msg-ewp-iia-staff-eqf = conditions[{ $condition }]: EWP has no EQF level for staff mobility
