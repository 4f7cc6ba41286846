# アトラス：トップページ、国・地域、地図、検索、検索候補、埋め込み。

## 複数のページで使う件数
atlas-count-agreements = 協定 { $count } 件
atlas-count-organisations = 機関 { $count } 件
atlas-country-profile = 国別情報
atlas-country-profile-short = 国別情報あり
atlas-no-countries = まだ国・地域はありません。
atlas-any = すべて
atlas-record-type = { $type ->
    [organisations] 機関
    [agreements] 協定
    [programmes] プログラム
    [funding] 助成金
    [contacts] 連絡先
   *[other] { $type }
}
atlas-internal = 学内限定

## トップページ
atlas-home-title = 国際連携
atlas-home-heading-at = { $home }の国際連携
atlas-home-eyebrow = 登録簿とアトラス
atlas-home-lead = 提携校・提携機関、協定、共同プログラム、助成金、問い合わせ先 ― 学生、研究者、教職員のために。
atlas-home-placeholder = 例：RIKEN、東京、看護、ポスドク
atlas-home-figures = 数字で見る登録簿
atlas-home-organisations = 機関
atlas-home-agreements-in-force = 有効な協定
atlas-home-programmes = プログラム
atlas-home-funding = 助成金・奨学金
atlas-home-contacts = 連絡先
atlas-home-start = はじめに
atlas-home-for-students = 学生の方へ
atlas-home-student-exchange = 学生交流協定
atlas-home-joint-programmes = 共同プログラム・コース
atlas-home-scholarships = 奨学金
atlas-home-partners-on-map = 地図で見る提携先
atlas-home-for-researchers = 研究者の方へ
atlas-home-doctoral = 博士課程学生のための協定
atlas-home-postdoc = ポスドクのための協定
atlas-home-fellowships = フェローシップ・渡航助成
atlas-home-institutions = 提携校・提携機関
atlas-home-for-staff = 教職員の方へ
atlas-home-sign-in = 登録簿にログイン
atlas-home-all-agreements = すべての協定
atlas-home-excel = Excel
atlas-home-contacts-by-country = 国・地域別の連絡先
atlas-home-api = オープンデータAPI
atlas-home-countries = 国・地域
atlas-home-explore-map = 地図を見る
atlas-home-all-countries = すべての国・地域
atlas-home-featured = 大学間協定
atlas-home-all-central = 大学間協定（全{ $count }件）

## 国・地域
atlas-countries-title = 国・地域
atlas-countries-lead = { $site }が提携先、協定、または国別情報を持つ国・地域。

## 地図
atlas-map-title = 提携先と協定の地図
atlas-map-lead = 協定またはプログラムのある提携先。地図の横の一覧にも同じ結果が表示されます。
atlas-map-filters = 絞り込み（{ $count }）
atlas-map-country = 国・地域
atlas-map-kind = 協定の種類
atlas-map-level = レベル
atlas-map-status = 状態
atlas-map-education = 教育段階
atlas-map-programme = 学位プログラム
atlas-map-subject = 分野（ISCED-F）
atlas-map-unit = 担当部局
atlas-map-show = 表示
atlas-map-clear = 絞り込みを解除
atlas-map-region = 横の一覧にある提携先の地図
atlas-map-noscript = 地図の表示にはJavaScriptが必要です。一覧には同じ提携先が表示されています。
atlas-map-legend-title = 提携先の数による国・地域の色分け
atlas-map-legend-none = なし
atlas-map-legend-many = 16以上
atlas-map-legend-partner = 提携先
atlas-map-legend-cluster = 複数の提携先：選択すると一覧表示、または拡大
atlas-map-partners = 提携先 { $count } 件
atlas-map-first = 最初の{ $count }件を表示しています。残りを見るには条件を絞り込んでください。
atlas-map-none = 条件に合う提携先はありません。
atlas-map-tiles = 地図タイル：{ $host }
atlas-map-tiles-osm = © OpenStreetMap contributors
atlas-map-js-shapes = 国境データ：Natural Earth（world-atlas）
atlas-map-js-here = ここに提携先 { $count } 件
atlas-map-js-more = ほか{ $count }件：地図の横の一覧をご覧ください。
atlas-map-js-zoom-apart = 拡大して個別に表示
atlas-map-js-open-list = ここに提携先 { $count } 件：一覧を開く
atlas-map-js-zoom-in = 提携先 { $count } 件：拡大
atlas-map-js-found = { $result }が見つかりました

## 検索と検索候補
atlas-search-title = 検索
atlas-search-title-q = 検索：{ $q }
atlas-search-results-for = 「{ $q }」の検索結果
atlas-search-form = アトラス内を検索
atlas-search-label = 提携先、協定、プログラム、助成金、連絡先を検索（どの言語でも可）
atlas-search-placeholder = 例：東京、Karolinska、看護
atlas-search-filters = 絞り込み
atlas-search-filters-count = 絞り込み（{ $count }）
atlas-search-remove = 条件を解除：
atlas-search-all-values = すべて表示（{ $count }）
atlas-search-nothing-to-narrow = 絞り込める項目はありません。
atlas-search-range = { $total }件中 { $from }–{ $to }件
atlas-search-range-partial = 部分一致 { $total }件中 { $from }–{ $to }件
atlas-search-no-results = 該当なし
atlas-search-partial = すべての語を含む記録はありません。近いもの：
atlas-search-empty = 該当するものはありません。語を減らす、別の表記にする、または絞り込みを解除してください。
atlas-search-pages = 検索結果のページ
atlas-search-previous = 前へ
atlas-search-next = 次へ
atlas-facet-type = 種別
atlas-facet-country = 国・地域
atlas-facet-kind = 種類
atlas-facet-level = レベル
atlas-facet-education_level = 教育段階
atlas-facet-career_stage = キャリア段階
atlas-suggest-label = 検索候補
atlas-suggest-internal = { $type }・学内限定
atlas-suggest-count = 候補 { $count } 件。矢印キーで選択できます
atlas-suggest-one = 候補 1 件。矢印キーで選択できます

## 埋め込み
atlas-embed-summary = 自分のウェブサイトに埋め込む
atlas-embed-help = このコードをご自身のウェブサイトのページに貼り付けてください。そのサイトがKizunaの許可サイト一覧（{ $setting }）に登録されている必要があります。Kizunaの管理者にお問い合わせください。
atlas-embed-code = 貼り付けるコード
atlas-embed-copy = コードをコピー
atlas-embed-copied = コピーしました。
atlas-embed-copy-by-hand = Ctrl+C（または⌘C）を押して、選択したコードをコピーしてください。

## 埋め込みウィジェット
atlas-embed-see-more = { $site }でもっと見る
atlas-embed-showing-first = 最初の{ $count }件を表示しています。
atlas-embed-map-title = 提携先
atlas-embed-map-title-in = { $country }の提携先
atlas-embed-map-region = 下の一覧にある提携先の地図
atlas-embed-map-noscript = 地図の表示にはJavaScriptが必要です。下の一覧には同じ提携先が表示されています。
atlas-embed-map-list = 提携先 { $count } 件を一覧で表示
atlas-embed-map-none = 該当する提携先はありません。
atlas-embed-map-more = { $site }で地図全体を見る
atlas-embed-agreements-title = 協定
atlas-embed-agreements-title-in = { $country }の提携先との協定
atlas-embed-agreements-with = 相手先：{ $partners }
atlas-embed-agreements-until = { $date }まで
atlas-embed-agreements-none = 該当する協定はありません。
atlas-embed-agreements-more = { $site }ですべての協定と提携先を見る
atlas-embed-funding-title = 助成金
atlas-embed-funding-title-in = { $country }での滞在のための助成金
atlas-embed-funding-count = 助成金・奨学金 { $count } 件
atlas-embed-funding-from = 助成元：{ $funder }
atlas-embed-funding-deadline = 次の応募締切：{ $date }
atlas-embed-funding-none = 該当する助成金はありません。
atlas-embed-funding-more = { $site }ですべての助成金を探す
atlas-embed-country-title = { $country }との連携
atlas-embed-country-partners = 提携機関
atlas-embed-country-agreements = 協定
atlas-embed-country-in-force = （うち有効 { $count } 件）
atlas-embed-country-programmes = プログラム
atlas-embed-country-funding = 助成金・奨学金
atlas-embed-country-years = 連携年数
atlas-embed-country-key-partners = 主な提携先
atlas-embed-country-fields = 活発な分野：
atlas-embed-country-more = { $site }で{ $country }についてすべて見る
atlas-embed-frame-map = 提携先の地図
atlas-embed-frame-agreements = 協定
atlas-embed-frame-funding = 助成金・奨学金
atlas-embed-frame-country = 国・地域の概要
atlas-embed-partner-in = { $name }（{ $country }）
atlas-list-separator = 、
atlas-embed-unknown = 埋め込み可能なウィジェット `{ $name }` はありません。利用できるもの：{ $widgets }。
atlas-embed-needs-country = 国・地域の概要には `country` が必要です（例：country=JP）。
