# 管理画面（/admin）：ナビゲーション、一覧、フォーム、履歴、インポート、EWP。

## レイアウトと共通の語
admin-nav = 管理画面
admin-nav-dashboard = ダッシュボード
admin-nav-organisations = 機関
admin-nav-agreements = 協定
admin-nav-programmes = プログラム
admin-nav-funding = 助成
admin-nav-contacts = 連絡先
admin-nav-factsheet = ファクトシート
admin-nav-countries = 国
admin-nav-import = インポート
admin-nav-ewp-import = EWPインポート
admin-signed-in = { $email }でサインイン中（{ $role }）
admin-sign-out = サインアウト
admin-eyebrow = 管理画面
admin-edit = 編集
admin-history = 履歴
admin-renew = 更新
admin-delete = 削除
admin-cancel = キャンセル
admin-save = 保存
admin-save-changes = 変更を保存
admin-public-page = 公開ページ
admin-no-public-page = 内部：公開ページなし
admin-back-to-list = 一覧に戻る
admin-required = （必須）
admin-error-prefix = エラー：
admin-preview = プレビュー
admin-preview-lead = 公開ページではこのように表示されます。フォームに戻るにはブラウザの「戻る」ボタンを使ってください。
admin-markdown-hint = Markdown：**太字**、*斜体*、[リンク](https://…)、- で箇条書き
admin-remove = 削除
admin-add-row = 行を追加
admin-choose = 選択してください…
admin-none = なし
admin-yes = はい
admin-no = いいえ
admin-problems = { $count ->
   *[other] { $count }件の問題があります
}
admin-bytes = { $count ->
   *[other] { $count }バイト
}
admin-records = { $collection ->
    [organisations] 機関
    [agreements] 協定
    [programmes] プログラム
    [funding] 助成金・奨学金
   *[contacts] 連絡先
}
admin-new-record = { $collection ->
    [organisations] 新しい機関
    [agreements] 新しい協定
    [programmes] 新しいプログラム
    [funding] 新しい助成
   *[contacts] 新しい連絡先
}
admin-create-record = { $collection ->
    [organisations] 機関を作成
    [agreements] 協定を作成
    [programmes] プログラムを作成
    [funding] 助成を作成
   *[contacts] 連絡先を作成
}
admin-edit-title = { $collection ->
    [organisations] 機関を編集：{ $title }
    [agreements] 協定を編集：{ $title }
    [programmes] プログラムを編集：{ $title }
    [funding] 助成を編集：{ $title }
   *[contacts] 連絡先を編集：{ $title }
}
admin-not-found = { $collection ->
    [organisations] 機関「{ $id }」はありません。
    [agreements] 協定「{ $id }」はありません。
    [programmes] プログラム「{ $id }」はありません。
    [funding] 助成「{ $id }」はありません。
   *[contacts] 連絡先「{ $id }」はありません。
}

## ダッシュボード
admin-dash-title = ダッシュボード
admin-dash-lead = 登録されている協定は{ $count }件（内部のものを含む）、
admin-dash-in-force = うち有効なものは{ $count }件です。
admin-dash-add = 登録
admin-dash-new-agreement = 新しい協定
admin-dash-new-organisation = 新しい提携先・部局
admin-dash-new-programme = 新しいプログラム
admin-dash-new-funding = 新しい助成
admin-dash-factsheet = 受入留学生向けファクトシート
admin-dash-new-contact = 新しい連絡先
admin-import-sheet = スプレッドシートをインポート
admin-dash-expiring = { $count }日以内に期限切れ
admin-dash-expiring-none = この期間内に終了する協定はありません。
admin-dash-expired = 過去{ $count }日間に期限切れ
admin-dash-expired-none = 最近期限切れになった協定はありません。
admin-dash-no-document = 文書のない締結済み協定
admin-dash-no-document-none = 締結済みのすべての協定に文書があります。
admin-dash-drafts = 下書き
admin-dash-drafts-none = 下書きはありません。
admin-dash-with = 相手：{ $partners }
admin-dash-valid-until = 有効期限
admin-dash-internal = 内部
admin-dash-agreements = 協定
admin-dash-none-yet = まだありません。
admin-dash-ewp-caption = EWPの状態別の交換済み協定
admin-dash-ewp-state = 状態
admin-dash-ewp-waiting = 当方の対応待ち
admin-dash-ewp-none = 提携校の写しはまだ読み込まれていません。
admin-dash-by-country = 提携先の国別の協定
admin-dash-country = 国
admin-dash-by-kind = 種類別の協定
admin-dash-kind = 種類

## 一覧
admin-list-excel = Excelでダウンロード
admin-list-deleted = { $id }を削除しました。履歴は残り、管理者が履歴から復元できます。
admin-list-deleted-history = 履歴を開く
admin-list-filter-label = { $collection ->
    [organisations] 機関を絞り込む
    [agreements] 協定を絞り込む
    [programmes] プログラムを絞り込む
    [funding] 助成を絞り込む
   *[contacts] 連絡先を絞り込む
}
admin-list-q = 名前、IDまたは任意のテキスト
admin-list-status = 状態
admin-list-any-status = すべての状態
admin-list-filter = 絞り込む
admin-list-show-all = すべて表示
admin-list-count = { $count }件中{ $shown }件
admin-list-nothing = 該当するものはありません。
admin-col-name = 名前
admin-col-kind = 種類
admin-col-visibility = 公開範囲
admin-col-updated = 更新日
admin-col-actions = 操作
admin-list-unit-of = { $name }の部局
admin-list-level = レベル：{ $level }
admin-list-from = 提供：{ $name }

## 編集フォーム
admin-renew-title = 協定を更新
admin-renew-lead = 以下の協定を引き継ぐ新しい協定です。当事者、種類、レベル、範囲は複写されます。新しい日付を入力してください。
admin-not-saved = 保存されていません
admin-conflict-deleted = このレコードは、開いた後に別の人が削除しました。変更内容は下に残っています。管理者は履歴から復元できます：
admin-conflict-changed = このレコードは、開いた後に別の人が変更しました。変更内容は下に残っています。現在の版を別のタブで開き、そこで変更して保存してください。
admin-conflict-current = 現在の版
admin-conflict-what-changed = 変更点
admin-ewp-approved-heading = Erasmus Without Paperで承認済み
admin-ewp-see-exchange = 下の交換状況をご覧ください。
admin-new-org-no-script = 一覧にない提携先や部局がありますか？ 新しいタブで作成してから、ここにその名前を入力してください。
admin-new-org-new-tab = 新しいタブで機関を作成
admin-no-document = 文書はありません。
admin-documents-api = ファイルはAPIで添付します：
admin-create-renewal = 更新協定を作成
admin-saved = 保存しました。
admin-saved-renewal = 更新協定を保存しました。更新元の協定と関連付けられています。
admin-restored = リビジョン{ $revision }の版を復元しました。
admin-approved-partner-copy = 提携校の写しを承認しました。
admin-the-record = レコード

## 新しい機関のダイアログ
admin-new-org-title = 新しい機関
admin-new-org-lead = 機関を作成し、下のフォームで選択します。その他の項目は後で「機関」から追加できます。
admin-new-org-ror = レジストリのRORレコードから入力
admin-new-org-ror-hint = 任意の言語で名前を入力して選ぶと、下の項目が入力されます。
admin-new-org-use-it = これを使う
admin-new-org-name2 = 別の言語での名前
admin-new-org-lang2 = その言語
admin-new-org-lang2-hint = 例：ja、sv
admin-new-org-parent = 所属先（部局の場合）
admin-new-org-location-hint = 緯度、経度（例：35.0262, 135.7808）
admin-new-org-website-hint = 例：www.kyoto-u.ac.jp
admin-new-org-create = 作成して選択

## 削除
admin-delete-title = { $title }を削除しますか？
admin-delete-page-title = { $collection ->
    [organisations] 機関を削除：{ $title }
    [agreements] 協定を削除：{ $title }
    [programmes] プログラムを削除：{ $title }
    [funding] 助成を削除：{ $title }
   *[contacts] 連絡先を削除：{ $title }
}
admin-not-deleted = 削除されていません
admin-delete-conflict = このレコードは、開いた後に別の人が変更しました。削除する前に現在の版と変更点を確認してください。
admin-delete-lead = { $collection ->
    [organisations] 機関{ $id }をレジストリと公開ページから削除します。履歴は残り、管理者が復元できます。
    [agreements] 協定{ $id }をレジストリと公開ページから削除します。履歴は残り、管理者が復元できます。
    [programmes] プログラム{ $id }をレジストリと公開ページから削除します。履歴は残り、管理者が復元できます。
    [funding] 助成{ $id }をレジストリと公開ページから削除します。履歴は残り、管理者が復元できます。
   *[contacts] 連絡先{ $id }をレジストリと公開ページから削除します。履歴は残り、管理者が復元できます。
}
admin-delete-button = { $collection ->
    [organisations] この機関を削除
    [agreements] この協定を削除
    [programmes] このプログラムを削除
    [funding] この助成を削除
   *[contacts] この連絡先を削除
}

## 履歴
admin-history-title = 履歴：{ $title }
admin-history-edit-current = 現在の版を編集
admin-history-deleted = 削除済み
admin-history-not-restored = 復元されていません
admin-history-conflict = このレコードは、このページを開いた後に別の人が変更しました。下の履歴は最新です。もう一度選んでください。
admin-history-count = 変更{ $count }件（新しい順）。各変更で変わった項目を示します。
admin-history-revision = リビジョン{ $revision }：{ $action }
admin-history-revision-n = リビジョン{ $revision }
admin-history-current = 現在の版
admin-history-caption = リビジョン{ $revision }で変更された項目
admin-history-field = 項目
admin-history-before = 変更前
admin-history-after = 変更後
admin-history-empty = （空）
admin-history-no-change = 変更された項目はありません。
admin-history-restore = この版を復元
enum-create = 作成
enum-update = 更新
enum-delete = 削除
enum-not_exchanged = 未交換
enum-partner_copy_differs = 提携校の写しと相違あり
enum-partner_copy_matches = 提携校の写しと一致
enum-approved_by_us = 当方が承認
enum-approved_by_partner = 提携校が承認
enum-approved_by_both = 双方が承認
enum-changed_since_approval = 承認後に変更あり
enum-admin = 管理者
enum-editor = 編集者
enum-viewer = 閲覧者

## スプレッドシートのインポート
admin-import-lead = 1種類のレコードのCSVまたはExcel（.xlsx）シートをアップロードします。列はレコードの項目名（または英語かスウェーデン語の一般的な見出し）です。IDのある行はそのレコードを変更し、IDのない行は識別子や名前でレコードを探すか、新しく追加します。書き込む前に各行の処理内容を確認できます。いずれかの行にエラーがあるシートは何も書き込みません。
admin-import-reverted = リビジョン{ $first }–{ $last }の変更セットを一度に取り消しました。作成されたレコードはすべて削除され、変更されたレコードはすべて元に戻りました。
admin-import-done = 1つの変更セットとしてインポートしました（リビジョン{ $first }–{ $last }）：作成{ $created }件、変更{ $updated }件。
admin-import-revert-this = このインポートを取り消す
admin-import-nothing = 書き込むものはありません。レジストリにはすでにすべて登録されています。
admin-import-preview-of = { $file }のプレビュー
admin-import-changed-meanwhile = プレビューの後にレジストリが変更されたか、ある行にエラーが生じました。何も書き込まれていません。下の行をもう一度確認してください。
admin-import-counts = { $count }行：作成{ $created }件、変更{ $changed }件、変更なし{ $unchanged }件、エラー{ $errors }件。
admin-import-ignored = 使用しない列：{ $columns }。
admin-import-has-errors = エラーのある行があるため、何も書き込まれません。ファイルで修正して（提携先についての質問には、partner列にそのIDを入力して答えます）、もう一度アップロードしてください。
admin-import-caption = 各行の処理内容
admin-import-row = 行
admin-import-record = レコード
admin-import-outcome = 結果
admin-import-details = 詳細
admin-import-outcome-word = { $outcome ->
    [created] 作成
    [changed] 変更
    [unchanged] 変更なし
   *[error] エラー
}
admin-import-column = 列
admin-import-apply = 実行：新規{ $created }件と変更{ $changed }件を書き込む
admin-import-upload = アップロード
admin-import-upload-another = 別のファイルをアップロード
admin-import-holds = シートの内容
admin-import-file = ファイル（.csvまたは.xlsx）
admin-import-mapping = 対応付けファイル（任意、TOML）
admin-import-mapping-help = 列の意味、新しいレコードの値、ブックのシートを指定します。例：
admin-import-revert-earlier = 以前のインポートを取り消す
admin-import-revert-help = インポートはそれぞれ変更ログ上の1つの変更セットです。kizuna importとこのページがそのリビジョンを示します。取り消すと、各レコードは元の状態に戻り、追加されたものは削除されます（その後変更されたレコードを除く）。
admin-import-first = 最初のリビジョン
admin-import-last = 最後のリビジョン
admin-import-revert = 取り消す
admin-import-exports = 編集して再インポートできる各一覧のエクスポート：
admin-import-choose-file = インポートするファイル（.csvまたは.xlsx）を選んでください。

## Erasmus Without Paper
admin-ewp = Erasmus Without Paper
admin-ewp-title-upload = 提携校のEWPファイルをインポート
admin-ewp-title-preview = 提携校のファイルの内容
admin-ewp-import-lead = 提携校のIIAの写し（IIAs v7 iias-get-response）、または当方のIIAに対する提携校の承認（IIAs Approval v2 iias-approval-response）。記録する前に、ファイルの内容と変更される点を確認できます。
admin-ewp-recorded = 提携校のファイルを記録しました。
admin-ewp-choose-file = まず提携校のファイルを選んでください。
admin-ewp-not-utf8 = ファイルがUTF-8テキストではありません（EWP文書はUTF-8です）。
admin-ewp-changed-meanwhile = プレビューの後にレジストリが変更されたため、何も書き込まれていません。プレビューをもう一度確認してから確定してください。
admin-ewp-recorded-on = 記録先
admin-ewp-unreadable = ファイルを読み込めません
admin-ewp-file = 提携校のファイル（XML）
admin-ewp-file-hint = 提携校のget応答、または承認応答。
admin-ewp-read-file = ファイルを読み込む
admin-ewp-approval-n = 承認{ $n }：当方のiia-id
admin-ewp-iia-n = IIA { $n }：提携校のiia-id
admin-ewp-our-agreement = 当方の協定
admin-ewp-none = なし
admin-ewp-hash-approved = 承認されたiia-hash
admin-ewp-our-copy-now = 当方の現在の写し
admin-ewp-approval-holds = 同じ：承認は有効です
admin-ewp-approval-stale = 異なる：承認は古くなっています
admin-ewp-not-iia = IIAではありません
admin-ewp-cannot-record = 記録できません：
admin-ewp-no-approvals = ファイルに承認は含まれていません。
admin-ewp-no-iias = ファイルにIIAは含まれていません。
admin-ewp-partner = 提携校
admin-ewp-hash-recomputed = iia-hash（再計算）
admin-ewp-hash-equals = ファイルのiia-hashと一致
admin-ewp-file-states = ファイルの記載
admin-ewp-file-states-none = ファイルに記載なし
admin-ewp-our-id-in-theirs = 提携校の写しにある当方のiia-id
admin-ewp-differences = 提携校の条件と当方の条件の相違
admin-ewp-draft-cannot-hold = 新しい下書きに取り込めない提携校の写しの内容
admin-ewp-same-conditions = 条件：当方と同じです。
admin-ewp-nothing-recordable = 何も記録できません
admin-ewp-nothing-recordable-help = すべての項目が記録可能になるまで、どれも記録されません。ファイルまたはレジストリ（提携校のSCHACコードなど）を修正して、もう一度ファイルを読み込んでください。
admin-ewp-read-another = 別のファイルを読み込む
admin-ewp-record-it = 記録する
admin-ewp-condition = 条件
admin-ewp-ours = 当方
admin-ewp-theirs = 提携校
admin-ewp-our-iia-id = 当方のiia-id
admin-ewp-our-hash = 当方の現在のiia-hash
admin-ewp-our-hash-none = なし：当方の写しはIIAになりません
admin-ewp-partner-iia-id = 提携校のiia-id
admin-ewp-not-known = まだ不明
admin-ewp-partner-copy = 提携校の写し
admin-ewp-read-at = { $at }に読み込み
admin-ewp-states-this-hash = このハッシュを記載
admin-ewp-states-hash = 記載されたハッシュ
admin-ewp-states-no-hash = ハッシュの記載なし
admin-ewp-valid-for-approval = 承認可能
admin-ewp-not-valid-for-approval = 承認不可
admin-ewp-not-read = まだ読み込まれていません。
admin-ewp-import-it = インポートする
admin-ewp-we-approved = 当方の承認
admin-ewp-we-approved-detail = 提携校の写し、{ $at }、{ $by }が承認：
admin-ewp-no-longer-holds = もう有効ではありません
admin-ewp-partner-approved = 提携校の承認
admin-ewp-partner-approved-detail = 当方の写し、{ $at }に記録：
admin-ewp-no-longer-ours = もう当方の写しではありません
admin-ewp-not-yet = まだ
admin-ewp-not-an-iia = 当方の写しは次の理由でIIAになりません：
admin-ewp-cannot-approve = 提携校の写しは現在承認できません：
admin-ewp-refusal-no-copy = この協定について提携校の写しはまだ読み込まれていません
admin-ewp-refusal-hash-mismatch = 提携校の写しは iia-hash { $stated } を示していますが、写しから計算されるのは { $computed } です。提携校に訂正を依頼してください
admin-ewp-refusal-not-valid = 提携校の写しには未確定の値または IIA v6 から残った値がまだあります
admin-ewp-refusal-ours-not-an-iia = 当方の写しは IIA になりません（`kizuna export ewp` を参照）。提携校の写しを承認するには IIA である必要があります
admin-ewp-refusal-conditions-differ = 提携校の条件が当方と異なります。先に二つの写しを一致させてください
admin-ewp-refusal-already-approved = この写しは承認済みです
admin-ewp-approve = 提携校の写しを承認
admin-ewp-how-new = 当方に一致するものなし：新しい内部の下書き
admin-ewp-how-iia-id = 当方のiia-idで一致
## フォームの項目：ラベル、行の名前、ヒント
admin-hint-internal-records-are-shown = 内部のレコードは職員にのみ表示されます
admin-hint-lowercase-letters-digits-and = 小文字の英字、数字、ハイフン。空欄の場合は名前から作成されます。後から変更できません。
admin-hint-bcp-47-eg-en = BCP 47（例：en、ja、zh-Hant）。言語に依存しない場合は空欄
admin-hint-latitude-longitude-as-a = 地図が示す緯度、経度（例：35.0262, 135.7808 または 35.0262 N, 135.7808 E）
admin-hint-only-for-units-the = 部局のみ：所属する機関
admin-hint-only-for-consortia = コンソーシアムのみ
admin-hint-eg-wwwkyoto-uacjp-https = 例：www.kyoto-u.ac.jp（https://は自動で付きます）
admin-hint-without-httpsrororg-eg-057zh3y96 = https://ror.org/ を除く（例：057zh3y96）
admin-hint-eg-kise = 例：ki.se
admin-hint-eg-q7842 = 例：Q7842
admin-hint-staff-only-never-shown = 職員のみ。公開されることはありません
admin-hint-student-mobility = 学生の派遣・受入
admin-hint-staff-mobility = 教職員の派遣・受入
admin-hint-1-to-8 = 1から8
admin-hint-a-fields-name-or = 分野名またはISCED-Fコード（例：看護、0913）
admin-hint-eg-en-b2-ja = 例：en B2, ja。空欄でも構いません
admin-hint-at-least-two-a = 2者以上。コンソーシアムは1者として数えます
admin-hint-empty-for-central-agreements = 大学間協定の場合は空欄
admin-hint-a-signing-date-implies = 締結日があれば締結済みとみなします
admin-hint-empty-when-open-ended = 期限がない場合は空欄。YYYY、YYYY-MM または YYYY-MM-DD
admin-hint-only-when-it-ended = 期限前に終了した場合のみ
admin-hint-the-agreement-this-one = この協定が更新する協定
admin-hint-eg-annual = 例：毎年
admin-hint-the-agreement-it-runs = このプログラムの根拠となる協定
admin-hint-as-text-eg-sek = テキストで（例：月額30,000スウェーデン・クローナ）
admin-hint-where-to-read-more = 詳細と応募先（例：www.jsps.go.jp）
admin-hint-eg-academic-coordinator-japan = 例：日本担当アカデミック・コーディネーター
admin-hint-as-the-office-states = 国際課の記載どおり（例：40）
admin-hint-organisations-that-support-the = 外部から交流を支援する機関（例：大使館）
admin-hint-fields-by-name-or = 分野名またはISCED-Fコードをカンマ区切りで（例：看護, 0915）
admin-hint-country-codes-separated-by = 国コードをカンマ区切りで（例：JP, KR）
admin-field-visibility = 公開範囲
admin-field-organisation = 機関
admin-field-unit = 部局
admin-field-contact = 連絡先
admin-field-agreement = 協定
admin-field-programme = プログラム
admin-field-identifier = 識別子
admin-field-name = 名前
admin-field-language = 言語
admin-field-kind-of-name = 名前の種類
admin-field-kind = 種類
admin-field-names = 名前
admin-field-country = 国
admin-field-city = 都市
admin-field-coordinates = 座標
admin-field-parent-organisation = 上位機関
admin-field-members = 構成機関
admin-field-member = 構成機関
admin-field-website = ウェブサイト
admin-field-ror-id = ROR ID
admin-field-erasmus-code = エラスムスコード
admin-field-schac-code = SCHACコード
admin-field-pic = PIC
admin-field-wikidata-item = Wikidata項目
admin-field-isni = ISNI
admin-field-grid-id = GRID ID
admin-field-year-established = 設立年
admin-field-notes = 備考
admin-field-internal-notes = 内部メモ
admin-field-role = 役割
admin-field-direction = 方向
admin-field-mobility = 交流の種類
admin-field-places-a-year = 年間の人数枠
admin-field-months-a-year = 年間の月数
admin-field-days-a-year = 年間の日数
admin-field-eqf-level = EQFレベル
admin-field-subject-area = 分野
admin-field-languages = 言語
admin-field-first-academic-year = 最初の学年度
admin-field-last-academic-year = 最後の学年度
admin-field-title = 名称
admin-field-level-on-our-side = 当方のレベル
admin-field-parties = 当事者
admin-field-party = 当事者
admin-field-administered-by-home-unit = 担当部局
admin-field-signed = 締結済み
admin-field-signed-on = 締結日
admin-field-valid-from = 有効期間の開始
admin-field-valid-until = 有効期限
admin-field-terminated-on = 終了日
admin-field-renews = 更新元
admin-field-for = 対象
admin-field-study-programmes = 学位プログラム
admin-field-subject-areas = 分野
admin-field-research-fields = 研究分野
admin-field-mobility-conditions = 交流の条件
admin-field-condition = 条件
admin-field-contacts = 連絡先
admin-field-documents = 文書
admin-field-description = 説明
admin-field-partners = 提携先
admin-field-partner = 提携先
admin-field-administrative-bases = 担当部局
admin-field-recurrence = 実施頻度
admin-field-held-at = 実施場所
admin-field-location = 場所
admin-field-date = 日付
admin-field-every-year = 毎年
admin-field-funder = 助成機関
admin-field-destination-countries = 渡航先の国
admin-field-eligibility = 応募資格
admin-field-deadlines = 応募締切
admin-field-deadline = 応募締切
admin-field-amount = 金額
admin-field-link = リンク
admin-field-e-mail = メールアドレス
admin-field-phone = 電話番号
admin-field-who-may-see-the-e = メールアドレスと電話番号の公開範囲
admin-field-countries-covered = 担当する国
admin-field-agreements-handled = 担当する協定
admin-field-programmes-handled = 担当するプログラム
admin-field-years-of-collaboration = 交流年数
admin-field-most-active-research-fields = 特に活発な研究分野
admin-field-key-partners = 主な提携校
admin-field-supporters = 支援機関
admin-field-supporter = 支援機関
admin-field-introduction = はじめに
admin-field-bachelors-and-masters-education = 学士課程・修士課程の教育
admin-field-doctoral-education = 博士課程の教育
admin-field-postdoc = ポスドク
admin-field-funding-scholarships-and-travel-grants = 助成金・奨学金・渡航費補助
admin-hint-partial-date = YYYY、YYYY-MM または YYYY-MM-DD（分かる範囲で正確に）
admin-hint-one-per-line = 1行に1つ
admin-row-n = { $item } { $n }

## フォームの読み込みで見つかった問題
admin-id-taken = 識別子「{ $id }」は使用済みです。別の識別子を選んでください
admin-no-id = 識別子を入力してください（小文字の英字、数字、ハイフン。例：kyoto-university）。「{ $name }」からは作成できません
admin-form-choose-the = { $field }を選んでください
admin-form-give-the = { $field }を入力してください
admin-form-add-one = { $field }に1行以上追加してください
admin-form-choose-listed = { $field }は一覧の値から選んでください
admin-form-not-a-choice = 「{ $value }」は選択肢にありません
admin-form-unreadable = フォームを読み込めませんでした：{ $detail }
admin-picker-none = 「{ $text }」という{ $field }はありません。候補から選ぶか、先に作成してください
admin-picker-many = 「{ $text }」という名前のレコードが{ $count }件あります（{ $ids }）。該当するものの識別子を入力してください
admin-parse-slug = 「{ $text }」は識別子ではありません。小文字の英字、数字、ハイフンを使ってください（例：kyoto-university）
admin-parse-country = 「{ $text }」は国コードではありません。2文字で入力してください（例：JP、SE）
admin-parse-date = 「{ $text }」は日付ではありません。2027、2027-09、2027-09-01 のように入力してください
admin-parse-whole-date = 「{ $text }」は完全な日付ではありません。日も入力してください
admin-parse-lang = 「{ $text }」は言語コードではありません。en、ja、zh-Hant のように入力してください
admin-parse-cefr = 「{ $text }」はCEFRレベルではありません。A1、A2、B1、B2、C1、C2 のいずれかを入力してください
admin-parse-extra = 「{ $part }」の後の「{ $extra }」は不要です。en B2, ja のように入力してください
admin-parse-isced = 「{ $text }」は分野ではありません。ISCED-Fコードか分野名を入力してください（例：0913、看護）
admin-parse-count = 「{ $text }」は整数ではありません
admin-parse-year = 「{ $text }」は年ではありません
admin-parse-number = 「{ $text }」は数値ではありません
admin-parse-coordinates = 「{ $text }」は座標ではありません。緯度、経度の順に入力してください（例：35.0262, 135.7808）
admin-import-cannot = { $file }はインポートできません：{ $detail }

## レジストリの規則で見つかった問題（コード別）
admin-problem-title-missing = { $what ->
    [agreement] 協定の名称を入力してください
    [programme] プログラムの名称を入力してください
   *[funding] 助成の名称を入力してください
}
admin-problem-name-missing = 氏名を入力してください
admin-problem-names-missing = 名前を1つ以上入力してください
admin-problem-name-empty = 名前を空欄にはできません
admin-problem-latitude-range = 緯度は-90から90の間でなければなりません
admin-problem-longitude-range = 経度は-180から180の間でなければなりません
admin-problem-parent-not-unit = 上位機関を持てるのは部局だけです
admin-problem-parent-missing = 部局には所属する機関が必要です
admin-problem-parent-self = 機関を自身の上位機関にはできません
admin-problem-parent-ancestor = この設定では機関が自身の上位機関になってしまいます
admin-problem-members-not-consortium = 構成機関を持てるのはコンソーシアムだけです
admin-problem-member-self = コンソーシアムを自身の構成機関にはできません
admin-problem-partners-missing = プログラムには提携先が1つ以上必要です
admin-problem-parties-too-few = 協定には2者以上の当事者が必要です
admin-problem-party-twice = この当事者は重複しています
admin-problem-validity-end-before-start = 有効期間の終了が開始より前です
admin-problem-ends-before-signed = 協定は締結前に終了できません
admin-problem-renews-itself = 協定は自身を更新できません
admin-problem-eqf-level-range = EQFレベルは1から8です
admin-problem-last-year-before-first = 最後の年が最初の年より前です
admin-problem-months-range = 1年は12か月以内です
admin-problem-id-twice = このIDは重複しています
admin-problem-web-address = ウェブアドレスではありません（例：https://example.org/）
admin-problem-web-address-scheme = ウェブアドレスは https:// または http:// で始まります
admin-problem-email-address = メールアドレスではありません（例：name@example.org）
admin-problem-line-break = この項目は1行です。改行を削除してください
admin-problem-tab = この項目は1行です。タブを削除してください
admin-problem-control-character = 制御文字{ $code }を削除してください。保存も表示もできません
admin-problem-too-long = 長すぎます。{ $max }文字以内にしてください（現在{ $count }文字）
admin-problem-unknown-reference = { $what ->
    [organisation] 「{ $id }」は登録されている機関ではありません
    [unit] 「{ $id }」は登録されている部局ではありません
    [agreement] 「{ $id }」は登録されている協定ではありません
    [programme] 「{ $id }」は登録されているプログラムではありません
    [contact] 「{ $id }」は登録されている連絡先ではありません
   *[other] 「{ $id }」は登録されているレコードではありません
}
admin-problem-unit-not-of-party = 「{ $unit }」は「{ $organisation }」の部局ではありません
admin-problem-not-a-unit = 「{ $id }」は部局（種類が部局の機関）ではありません
admin-problem-not-an-object = レコードはJSONオブジェクトとして送ってください
admin-problem-required = この項目は必須です
admin-problem-unknown-field = この種類のレコードに「{ $name }」という項目はありません
admin-problem-wrong-value = この値はこの項目に合う種類ではありません

## EWPの状態の説明と警告
admin-ewp-explain-not_exchanged = 提携校の写しはまだ読み込まれていません。
admin-ewp-explain-partner_copy_differs = 提携校の写しには当方と異なる条件が記載されています。どちらも承認していません。
admin-ewp-explain-partner_copy_matches = 提携校の写しには当方と同じ条件が記載されています。まだどちらも承認していません。
admin-ewp-explain-approved_by_us = 当方は提携校の写しを承認しました。提携校は当方の写しを承認していません。
admin-ewp-explain-approved_by_partner = 提携校は当方の写しを承認しました。当方は提携校の写しを承認していません。
admin-ewp-explain-approved_by_both = 双方の写しが承認され、その後変更されていません。
admin-ewp-explain-changed_since_approval = 承認後に写しが変更されました。承認は無効になったため、改めて承認が必要です。
admin-ewp-edit-warning = この協定の写しはEWPで承認されています。交流の条件、当事者、終了を変更するとiia-hashが変わり、承認は無効になって改めて承認が必要になります。
admin-ewp-stale-warning = EWPで承認された後に写しが変更されました。承認はもう有効ではありません。
admin-ewp-found = 一致：{ $how }

## フォームのスクリプトが表示する文（値はスクリプトが入れます）
admin-js-preview-empty = まだ表示するものはありません。
admin-js-preview-failed = プレビューを読み込めませんでした。フォームを保存するか、もう一度お試しください。
admin-js-row = 行
admin-js-row-added = { $row }を追加しました
admin-js-row-removed = { $row }を削除しました
admin-js-problem-one = 1件の問題があります。
admin-js-problems = { $n }件の問題があります。
admin-js-existing = { $name }はすでにレジストリに登録されています。複製を作らずにこれを使えます。
admin-js-filled = { $name }から入力しました
admin-js-picked = { $name }を選択しました
admin-js-unreadable = そのレコードを読み込めませんでした
admin-js-not-created = 作成されませんでした。
admin-js-create-failed = 機関を作成できませんでした。もう一度お試しください。
admin-js-new-unit-button = 新しい部局…
admin-js-new-org-button = 新しい機関…
admin-js-new-unit = 新しい部局
