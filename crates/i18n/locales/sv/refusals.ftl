# Varför kärnan vägrade en ändring, formulerat på administrationens sidor
# (problemdokument behåller kärnans engelska mening).
admin-refused-out-of-scope = { $role ->
    [admin] En administratör
    [editor] En redaktör
   *[viewer] En läsare
} får inte { $action ->
    [view] se
    [create] skapa
    [update] ändra
    [delete] ta bort
    [restore] återställa
   *[other] hantera
} { $place ->
    [central] centrala poster
   *[unit] poster för ”{ $unit }”
}.
admin-refused-referenced = { $record } kan inte tas bort eftersom { $count ->
    [one] en annan post
   *[other] andra poster
} fortfarande hänvisar till den: { $referrers }. Ändra eller ta bort { $count ->
    [one] den
   *[other] dem
} först.
admin-refused-may-not-import = { $role ->
    [admin] En administratör
    [editor] En redaktör
   *[viewer] En läsare
} får inte importera poster.
