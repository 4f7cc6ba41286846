# 表計算シートのインポートが各行について伝えること（コードは kizuna-interop
# から、文言はここ。CLI と JSON は interop の英文のまま）。

## セルの値
import-msg-not-a-date = 「{ $value }」は日付ではありません
import-msg-not-a-date-cell = これは日付ではありません
import-msg-not-a-date-write = 「{ $value }」は日付ではありません（2027-09-01、01/09/2027、2027-09、2027 のように書いてください）
import-msg-not-yes-or-no = 「{ $value }」ははい・いいえのどちらでもありません
import-msg-not-a-pic = 「{ $value }」は PIC（9桁の数字）ではありません
import-msg-not-an-erasmus-code = 「{ $value }」は Erasmus コードではありません（例：「S  STOCKHO03」）
import-msg-not-a-ror-id = 「{ $value }」は ROR ID ではありません（例：057zh3y96）
import-msg-not-academic-years = 「{ $value }」は学年度の期間ではありません（2027/28-2030/31 のように書いてください）
import-msg-unknown-word = 「{ $value }」は使える語ではありません。使える語：{ $expected }
import-msg-not-a-code = 「{ $value }」は有効なコードではありません
import-msg-not-an-id = 「{ $value }」は有効な ID ではありません。1〜100文字の半角小文字・数字・単独のハイフンを使ってください
import-msg-not-a-country = 「{ $value }」は国ではありません（JP のように ISO コードで書いてください）
import-msg-not-a-whole-number = 「{ $value }」は整数ではありません
import-msg-out-of-range = 「{ $value }」は範囲外です
import-msg-not-a-number = 「{ $value }」は数値ではありません
import-msg-not-a-language-level = 「{ $value }」は言語とレベルではありません（例：「en B2; ja A2」）
import-msg-not-an-eqf-level = 「{ $value }」は EQF レベル（1〜8）ではありません
import-msg-months-over-a-year = { $value } か月は1年を超えています
import-msg-not-a-deadline = 「{ $value }」は締切日ではありません（2027-03-15、または 2027-03-15 (yearly) のように書いてください）
import-msg-lat-lng-both = 緯度と経度は両方とも入力するか、両方とも空欄にしてください

## レコードと提携先の特定
import-msg-identifiers-conflict = { $what ->
    [ror] ROR ID
    [erasmus] Erasmus コード
    [pic] PIC
   *[schac] SCHAC コード
}は「{ $first }」のものですが、{ $other ->
    [ror] ROR ID
    [erasmus] Erasmus コード
    [pic] PIC
   *[schac] SCHAC コード
}は「{ $second }」のものです
import-msg-partner-identifiers-conflict = { $what ->
    [ror] ROR ID
    [erasmus] Erasmus コード
    [pic] PIC
   *[schac] SCHAC コード
}は「{ $first }」のものですが、{ $other ->
    [ror] ROR ID
    [erasmus] Erasmus コード
    [pic] PIC
   *[schac] SCHAC コード
}は「{ $second }」のものです。「partner」列に提携先の ID を入力してください
import-msg-no-organisation-named = ID または名前が「{ $value }」の機関はありません
import-msg-no-record-named = ID または名前が「{ $value }」のレコードはありません
import-msg-several-named = 「{ $value }」という名前のレコードが複数あります（{ $ids }）。ID を入力してください
import-msg-name-ambiguous = この名前の機関が複数あります（{ $ids }）。ID を入力してください
import-msg-name-near = これは { $offers } ですか？変更するにはその ID を、別の機関として追加するには新しい ID を入力してください
import-msg-partner-several-named = 「{ $value }」という名前の機関が複数あります（{ $ids }）。「partner」列に正しい機関の ID を入力してください
import-msg-partner-near = 「{ $value }」という名前の機関はありません。{ $offers } のことですか？そうであれば「partner」列にその ID を入力してください。別の機関であれば、先にその機関を追加してください（ID を付けて機関としてインポート）
import-msg-partner-unknown-identifiers = これらの識別子を持つ機関はありません。追加するには「partner_name」と「partner_country」を入力してください
import-msg-partner-country-missing = 「{ $value }」は登録されていません。追加するには国を入力してください
import-msg-partner-missing = 提携先を入力してください：「partner」列に ID を、または「partner_name」と「partner_country」を
import-msg-no-home-organisation = 自機関が登録されていないため、この協定の自機関側がわかりません
import-msg-not-an-organisation-id = 「{ $value }」は機関の ID ではありません

## 行全体
import-msg-value-needed = 値を入力してください（新しいレコードに必要です）
import-msg-value-needed-or-default = 値を入力してください（新しいレコードに必要です）。マッピングファイルの [defaults] で新しい行すべてに設定することもできます
import-msg-id-twice-in-sheet = { $row } 行目がすでに ID「{ $value }」を使っています
import-msg-not-in-scope = { $role ->
    [admin] 管理者
    [editor] 編集者
   *[viewer] 閲覧者
}は{ $place ->
    [central] 全学のレコード
   *[units] { $units } のレコード
}を{ $action ->
    [create] 作成
   *[update] 更新
}できません
import-msg-may-not-add-partner = 「{ $value }」は登録されておらず、{ $role ->
    [admin] 管理者
    [editor] 編集者
   *[viewer] 閲覧者
}は機関を追加できません。管理者に依頼してください
import-msg-adds-partner = 提携先機関「{ $id }」（{ $name }、{ $country }）を追加します

## 提携校の EWP ファイル
import-msg-ewp-unknown-mobility = 交流 { $n }：<{ $element }> は IIA v7 の交流の種類ではありません
import-msg-ewp-empty = 交流 { $n }：<{ $element }> が空です
import-msg-ewp-not-a-year = 交流 { $n }：<{ $element }> の「{ $value }」は学年度ではありません
import-msg-ewp-not-a-number = 交流 { $n }：<{ $element }> の「{ $value }」は数値ではありません
import-msg-ewp-not-a-level = 交流 { $n }：<{ $element }> の「{ $value }」はレベルではありません
import-msg-ewp-approval-unknown = iia-id「{ $id }」を持つ当方の協定はありません
import-msg-ewp-approval-no-hash = 承認に iia-hash がありません
import-msg-ewp-approval-twice = ファイル内の前の承認も { $agreement } を指しています
import-msg-ewp-no-home-schac = 自機関に SCHAC コード（identifiers.schac）がないため、当方の側を判別できません
import-msg-ewp-partner-count = 当事者が { $count } つあります（2 つでなければなりません）
import-msg-ewp-own-copy = 最初の当事者が { $ours } です。これは提携校の写しではなく当方の写しです
import-msg-ewp-neither-ours = { $first } と { $second } の協定で、どちらも { $ours } ではありません
import-msg-ewp-partner-iia-id-missing = 提携校の <iia-id> がありません
import-msg-ewp-linked-elsewhere = 当方の協定 { $agreement } は提携校の IIA { $given } ではなく { $linked } に結び付いています
import-msg-ewp-mapped-twice = ファイル内の前の IIA も当方の協定 { $agreement } に対応しています
import-msg-ewp-unknown-our-iia-id = 写しに当方の iia-id { $id } がありますが、その ID を持つ当方の協定はありません
import-msg-ewp-several-unlinked = { $hei } との協定 { $count } 件（{ $ids }）がまだ結び付いておらず、同じ条件のものが 1 件に絞れません
import-msg-ewp-no-partner-organisation = 一致する当方の協定がなく、下書きを作るための SCHAC コード { $hei }（identifiers.schac）を持つ機関もありません。先に提携先を追加してください
import-msg-ewp-no-home = 自機関が設定されていません
import-msg-ewp-draft-in-effect = 提携校の写しは発効済みです。当方の協定が署名されるまで下書きは未署名のままです
import-msg-ewp-draft-first-eqf-level = { $mobility }（{ $direction }）：EQF レベル { $value } のうち最初のものだけを残します
import-msg-ewp-draft-first-subject-area = { $mobility }（{ $direction }）：分野 { $value } のうち最初のものだけを残します
import-msg-ewp-draft-not-isced = { $mobility }（{ $direction }）：分野「{ $value }」は ISCED-F コードではありません
import-msg-ewp-draft-not-a-language = { $mobility }（{ $direction }）：言語「{ $value }」は言語タグではありません
import-msg-ewp-draft-whole-days = { $mobility }（{ $direction }）：年間日数は整数の日数です。{ $value } は含めません
admin-ewp-matched-our-iia-id = 提携校の写しにある当方の iia-id による
admin-ewp-matched-partner-iia-id = 以前に記録した提携校の iia-id による
admin-ewp-matched-partner-and-conditions = 提携校の SCHAC コードと条件による
admin-ewp-matched-partner = 提携校の SCHAC コードによる（同校との唯一の協定）

## インポートできないファイル
import-file-no-rows = 見出し行の下にデータのある行がありません
import-file-wrong-collection = このシートの内容は{ $wanted_name }ではなく{ $looks_like_name }です。{ $looks_like_name }としてインポートしてください
import-file-mapping-wrong = 対応付けファイルに誤りがあります：{ $detail }
import-msg-sheet-is-a-workbook = これは CSV ではなく Excel ブック（.xlsx）です。xlsx としてインポートしてください
import-msg-sheet-binary = ファイルにはテキストではなくバイナリデータが含まれています
import-msg-csv-broken = CSV が壊れています：{ $detail }
import-msg-not-a-workbook = これは Excel ブック（.xlsx）ではありません（{ $detail }）
import-msg-workbook-no-such-sheet = ブックにシート「{ $sheet }」がありません。あるシート：{ $sheets }
import-msg-worksheet-unreadable = シート「{ $sheet }」を読み取れません：{ $detail }
import-msg-mapping-unreadable = 有効な TOML ではありません：{ $detail }
import-msg-mapping-unknown-column = 「{ $field }」は{ $collection ->
    [organisations] 機関
    [agreements] 協定
    [programmes] プログラム
    [funding] 助成金・奨学金
   *[contacts] 連絡先
}の列ではありません。列：{ $columns }
import-msg-columns-mean-the-same = 列「{ $first }」と「{ $second }」はどちらも「{ $field }」を表します。どちらかを削除するか、対応付けファイルで一方を "" に対応付けてください
import-msg-no-key-column = { $keys } のいずれかを含む列がありません。列：{ $columns }
import-msg-no-header-row = 最初の { $rows } 行のどれも{ $collection ->
    [organisations] 機関
    [agreements] 協定
    [programmes] プログラム
    [funding] 助成金・奨学金
   *[contacts] 連絡先
}の列名を含んでいません。列：{ $columns }

## 読み取れない提携校の EWP ファイル
import-msg-ewp-not-xml = 文書が整形式の XML ではありません：{ $detail }
import-msg-ewp-hash-impossible = IIA ハッシュを計算できません：{ $detail }
import-msg-ewp-not-a-partner-file = 文書は <{ $element }> です。<iias-get-response>（提携校の写し）または <iias-approval-response>（提携校の承認）ではありません
import-msg-ewp-unknown-agreement = ID { $id } の協定はありません

## 当方の協定が IIA にならない理由
import-msg-ewp-iia-party-unknown = 当事者 { $party } は登録されていません
import-msg-ewp-iia-home-through-consortium = 自機関はコンソーシアム { $consortium } を通じてのみ参加しています。IIA は二つの機関を結ぶものです
import-msg-ewp-iia-home-not-a-party = 自機関が当事者ではありません
import-msg-ewp-iia-party-count = IIA は二つの機関を結ぶものですが、この協定には当事者が { $count } つあります
import-msg-ewp-iia-partner-consortium = 提携先 { $partner } はコンソーシアムです。IIA は二つの機関を結ぶものです
import-msg-ewp-iia-no-schac = { $side ->
    [home] 自機関
   *[partner] 提携先
} { $id } に SCHAC コード（identifiers.schac）がありません
import-msg-ewp-iia-no-conditions = 交流の条件がありません
import-msg-ewp-iia-no-places = conditions[{ $condition }]：places_per_year がありません。EWP では年に 1 人以上の枠が必要です
import-msg-ewp-iia-no-years = conditions[{ $condition }]：{ $field } がありません。EWP では学年度が必要です
import-msg-ewp-iia-no-language = conditions[{ $condition }]：{ $mobility } には EWP で推奨言語が 1 つ以上必要です
import-msg-ewp-iia-student-months = conditions[{ $condition }]：学生の交流は日数ではなく months_per_year で数えます
import-msg-ewp-iia-staff-days = conditions[{ $condition }]：教職員の交流は月数ではなく days_per_year で数えます
import-msg-ewp-iia-staff-eqf = conditions[{ $condition }]：EWP には教職員の交流の EQF レベルはありません
