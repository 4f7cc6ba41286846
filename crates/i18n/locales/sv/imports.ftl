# Vad en import av kalkylark säger om sina rader (koder från kizuna-interop,
# formulerade här; CLI och JSON behåller interops engelska meningar).

## Värden i celler
import-msg-not-a-date = ”{ $value }” är inget datum
import-msg-not-a-date-cell = det här är inget datum
import-msg-not-a-date-write = ”{ $value }” är inget datum (skriv 2027-09-01, 01/09/2027, 2027-09 eller 2027)
import-msg-not-yes-or-no = ”{ $value }” är varken ja eller nej
import-msg-not-a-pic = ”{ $value }” är inget PIC-nummer (nio siffror)
import-msg-not-an-erasmus-code = ”{ $value }” är ingen Erasmuskod (t.ex. ”S  STOCKHO03”)
import-msg-not-a-ror-id = ”{ $value }” är inget ROR-id (t.ex. 057zh3y96)
import-msg-not-academic-years = ”{ $value }” är inget spann av läsår (skriv 2027/28-2030/31)
import-msg-unknown-word = ”{ $value }” är inte ett av de tillåtna orden: { $expected }
import-msg-not-a-code = ”{ $value }” är ingen giltig kod
import-msg-not-an-id = ”{ $value }” är inget giltigt id: använd 1–100 gemener, siffror och enkla bindestreck
import-msg-not-a-country = ”{ $value }” är inget land (ange dess ISO-kod, t.ex. JP)
import-msg-not-a-whole-number = ”{ $value }” är inget heltal
import-msg-out-of-range = ”{ $value }” ligger utanför det tillåtna intervallet
import-msg-not-a-number = ”{ $value }” är inget tal
import-msg-not-a-language-level = ”{ $value }” är inget språk med nivå (skriv t.ex. ”en B2; ja A2”)
import-msg-not-an-eqf-level = ”{ $value }” är ingen EQF-nivå (1–8)
import-msg-months-over-a-year = { $value } månader är mer än ett år
import-msg-not-a-deadline = ”{ $value }” är inget sista ansökningsdatum (skriv 2027-03-15, eller 2027-03-15 (yearly))
import-msg-lat-lng-both = ange både latitud och longitud, eller ingen av dem

## Att hitta poster och partner
import-msg-identifiers-conflict = { $what ->
    [ror] ROR-id
    [erasmus] Erasmuskoden
    [pic] PIC-numret
   *[schac] SCHAC-koden
} tillhör ”{ $first }” men { $other ->
    [ror] ROR-id
    [erasmus] Erasmuskoden
    [pic] PIC-numret
   *[schac] SCHAC-koden
} tillhör ”{ $second }”
import-msg-partner-identifiers-conflict = { $what ->
    [ror] ROR-id
    [erasmus] Erasmuskoden
    [pic] PIC-numret
   *[schac] SCHAC-koden
} tillhör ”{ $first }” men { $other ->
    [ror] ROR-id
    [erasmus] Erasmuskoden
    [pic] PIC-numret
   *[schac] SCHAC-koden
} tillhör ”{ $second }”; ange partnerns id i ”partner”
import-msg-no-organisation-named = ingen organisation har id:t eller namnet ”{ $value }”
import-msg-no-record-named = ingen post har id:t eller namnet ”{ $value }”
import-msg-several-named = flera poster heter ”{ $value }” ({ $ids }); ange id:t
import-msg-name-ambiguous = flera organisationer har det här namnet ({ $ids }); ange id:t
import-msg-name-near = är det här { $offers }? Ange dess id för att ändra den, eller ett eget id för att lägga till den som en annan organisation
import-msg-partner-several-named = flera organisationer heter ”{ $value }” ({ $ids }); ange rätt organisations id i ”partner”
import-msg-partner-near = ingen organisation heter ”{ $value }”; är det { $offers }? Bekräfta genom att ange dess id i ”partner”; om det är en annan institution, lägg först till den (importera den som organisation, med ett id)
import-msg-partner-unknown-identifiers = ingen organisation har de här identifierarna; ange ”partner_name” och ”partner_country” för att lägga till den
import-msg-partner-country-missing = ”{ $value }” finns inte i registret; ange dess land för att lägga till den
import-msg-partner-missing = ange partnern: dess id i ”partner”, eller ”partner_name” och ”partner_country”
import-msg-no-home-organisation = registret anger ingen hemorganisation, så avtalets egen sida är okänd
import-msg-not-an-organisation-id = ”{ $value }” är inte id:t för en organisation

## Hela rader
import-msg-value-needed = ange ett värde (en ny post behöver det)
import-msg-value-needed-or-default = ange ett värde (en ny post behöver det) (eller ange det för alla nya rader under [defaults] i en mappningsfil)
import-msg-id-twice-in-sheet = rad { $row } har redan id:t ”{ $value }”
import-msg-not-in-scope = { $role ->
    [admin] en administratör
    [editor] en redaktör
   *[viewer] en läsare
} får inte { $action ->
    [create] skapa
   *[update] ändra
} { $place ->
    [central] centrala poster
   *[units] poster för { $units }
}
import-msg-may-not-add-partner = ”{ $value }” finns inte i registret, och { $role ->
    [admin] en administratör
    [editor] en redaktör
   *[viewer] en läsare
} får inte lägga till organisationer; be en administratör
import-msg-adds-partner = lägger till partnerorganisationen ”{ $id }” ({ $name }, { $country })

## En partners EWP-fil
import-msg-ewp-unknown-mobility = mobilitet { $n }: <{ $element }> är ingen sorts mobilitet i IIA v7
import-msg-ewp-empty = mobilitet { $n }: <{ $element }> är tomt
import-msg-ewp-not-a-year = mobilitet { $n }: <{ $element }> ”{ $value }” är inget läsår
import-msg-ewp-not-a-number = mobilitet { $n }: <{ $element }> ”{ $value }” är inget tal
import-msg-ewp-not-a-level = mobilitet { $n }: <{ $element }> ”{ $value }” är ingen nivå
import-msg-ewp-approval-unknown = inget av våra avtal har iia-id ”{ $id }”
import-msg-ewp-approval-no-hash = godkännandet anger ingen iia-hash
import-msg-ewp-approval-twice = ett tidigare godkännande i filen anger också { $agreement }
import-msg-ewp-no-home-schac = hemorganisationen har ingen SCHAC-kod (identifiers.schac), så vår sida kan inte avgöras
import-msg-ewp-partner-count = det har { $count } parter, inte 2
import-msg-ewp-own-copy = dess första part är { $ours }: det här är vårt eget exemplar, inte partnerns
import-msg-ewp-neither-ours = det binder { $first } och { $second }; ingen av dem är { $ours }
import-msg-ewp-partner-iia-id-missing = partnerns <iia-id> saknas
import-msg-ewp-linked-elsewhere = vårt avtal { $agreement } är kopplat till partnerns IIA { $linked }, inte { $given }
import-msg-ewp-mapped-twice = ett tidigare IIA i filen motsvarar också vårt avtal { $agreement }
import-msg-ewp-unknown-our-iia-id = exemplaret anger vårt iia-id { $id }, som inget av våra avtal har
import-msg-ewp-several-unlinked = { $count } avtal med { $hei } är ännu inte kopplade ({ $ids }), och inte exakt ett anger samma villkor
import-msg-ewp-no-partner-organisation = inget av våra avtal stämmer, och ingen organisation har SCHAC-koden { $hei } (identifiers.schac) att göra ett utkast med: lägg först till partnern
import-msg-ewp-no-home = ingen hemorganisation är angiven
import-msg-ewp-draft-in-effect = partnerns exemplar gäller; utkastet är osignerat tills vårt är undertecknat
import-msg-ewp-draft-first-eqf-level = { $mobility }, { $direction }: bara den första av EQF-nivåerna { $value } behålls
import-msg-ewp-draft-first-subject-area = { $mobility }, { $direction }: bara det första av ämnesområdena { $value } behålls
import-msg-ewp-draft-not-isced = { $mobility }, { $direction }: ämnesområdet ”{ $value }” är ingen ISCED-F-kod
import-msg-ewp-draft-not-a-language = { $mobility }, { $direction }: språket ”{ $value }” är ingen språkkod
import-msg-ewp-draft-whole-days = { $mobility }, { $direction }: dagar per år anges i hela dagar; { $value } utelämnas
admin-ewp-matched-our-iia-id = via vårt iia-id i partnerns exemplar
admin-ewp-matched-partner-iia-id = via partnerns iia-id som registrerats tidigare
admin-ewp-matched-partner-and-conditions = via partnerns SCHAC-kod och villkoren
admin-ewp-matched-partner = via partnerns SCHAC-kod (det enda avtalet med dem)

## Filer som inte alls kan importeras
import-file-no-rows = arket har inga rader med data under rubrikraden
import-file-wrong-collection = det här arket innehåller { $looks_like_name }, inte { $wanted_name }: importera det som { $looks_like_name }
import-file-mapping-wrong = mappningsfilen är felaktig: { $detail }
import-msg-sheet-is-a-workbook = det här är en Excel-arbetsbok (.xlsx), inte CSV; importera den som xlsx
import-msg-sheet-binary = filen innehåller binära data, inte text
import-msg-csv-broken = CSV-filen är trasig: { $detail }
import-msg-not-a-workbook = det här är ingen Excel-arbetsbok (.xlsx) ({ $detail })
import-msg-workbook-no-such-sheet = arbetsboken har inget blad ”{ $sheet }”; den har: { $sheets }
import-msg-worksheet-unreadable = bladet ”{ $sheet }” kan inte läsas: { $detail }
import-msg-mapping-unreadable = filen är ingen giltig TOML: { $detail }
import-msg-mapping-unknown-column = ”{ $field }” är ingen kolumn för { $collection ->
    [organisations] organisationer
    [agreements] avtal
    [programmes] program
    [funding] finansieringsmöjligheter
   *[contacts] kontakter
}; kolumnerna är: { $columns }
import-msg-columns-mean-the-same = kolumnerna ”{ $first }” och ”{ $second }” betyder båda ”{ $field }”; ta bort en av dem eller mappa en till "" i en mappningsfil
import-msg-no-key-column = ingen kolumn innehåller något av { $keys }; kolumnerna är: { $columns }
import-msg-no-header-row = ingen av de första { $rows } raderna namnger en kolumn för { $collection ->
    [organisations] organisationer
    [agreements] avtal
    [programmes] program
    [funding] finansieringsmöjligheter
   *[contacts] kontakter
}; kolumnerna är: { $columns }

## En partners EWP-fil som inte alls kan läsas
import-msg-ewp-not-xml = dokumentet är inte välformad XML: { $detail }
import-msg-ewp-hash-impossible = IIA-hashen kan inte beräknas: { $detail }
import-msg-ewp-not-a-partner-file = dokumentet är ett <{ $element }>, inte ett <iias-get-response> (partnerns exemplar) eller ett <iias-approval-response> (deras godkännanden)
import-msg-ewp-unknown-agreement = det finns inget avtal med id { $id }

## Varför ett av våra avtal inte kan vara ett IIA
import-msg-ewp-iia-party-unknown = parten { $party } finns inte i registret
import-msg-ewp-iia-home-through-consortium = hemorganisationen deltar bara genom konsortiet { $consortium }; ett IIA binder två lärosäten
import-msg-ewp-iia-home-not-a-party = hemorganisationen är inte part
import-msg-ewp-iia-party-count = ett IIA binder två lärosäten; det här avtalet har { $count } parter
import-msg-ewp-iia-partner-consortium = partnern { $partner } är ett konsortium; ett IIA binder två lärosäten
import-msg-ewp-iia-no-schac = { $side ->
    [home] hemorganisationen
   *[partner] partnern
} { $id } har ingen SCHAC-kod (identifiers.schac)
import-msg-ewp-iia-no-conditions = det har inga mobilitetsvillkor
import-msg-ewp-iia-no-places = conditions[{ $condition }]: places_per_year saknas; EWP kräver minst en plats per år
import-msg-ewp-iia-no-years = conditions[{ $condition }]: { $field } saknas; EWP kräver läsåren
import-msg-ewp-iia-no-language = conditions[{ $condition }]: { $mobility } kräver minst ett rekommenderat språk i EWP
import-msg-ewp-iia-student-months = conditions[{ $condition }]: studentmobilitet räknas i months_per_year, inte i dagar
import-msg-ewp-iia-staff-days = conditions[{ $condition }]: personalmobilitet räknas i days_per_year, inte i månader
import-msg-ewp-iia-staff-eqf = conditions[{ $condition }]: EWP har ingen EQF-nivå för personalmobilitet
