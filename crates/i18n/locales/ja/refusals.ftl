# コアが変更を拒否した理由を、管理画面で表示する文言（問題ドキュメントは
# コアの英文のまま）。
admin-refused-out-of-scope = { $role ->
    [admin] 管理者
    [editor] 編集者
   *[viewer] 閲覧者
}は{ $place ->
    [central] 全学のレコード
   *[unit] 「{ $unit }」のレコード
}を{ $action ->
    [view] 閲覧
    [create] 作成
    [update] 変更
    [delete] 削除
    [restore] 復元
   *[other] 管理
}できません。
admin-refused-referenced = { $record } は他のレコード（{ $referrers }）から参照されているため削除できません。先にそれらを変更または削除してください。
admin-refused-may-not-import = { $role ->
    [admin] 管理者
    [editor] 編集者
   *[viewer] 閲覧者
}はレコードをインポートできません。
