# Why the core refused a change, worded on back-office pages (problem
# documents keep the core's English sentence).
admin-refused-out-of-scope = { $role ->
    [admin] An admin
    [editor] An editor
   *[viewer] A viewer
} may not { $action ->
    [view] view
    [create] create
    [update] change
    [delete] delete
    [restore] restore
   *[other] { $action }
} { $place ->
    [central] central records
   *[unit] records of `{ $unit }`
}.
admin-refused-referenced = { $record } is still referred to by { $referrers }; change or delete { $count ->
    [one] that record
   *[other] those records
} first.
admin-refused-may-not-import = { $role ->
    [admin] An admin
    [editor] An editor
   *[viewer] A viewer
} may not import records.
