# すべてのページに共通のレイアウト：ヘッダー、ナビゲーション、フッター、言語切替。
skip-to-main = メインコンテンツへ移動
brand-sub = 国際連携
nav-main = メインメニュー
nav-countries = 国・地域
nav-map = 地図
nav-funding = 助成金
nav-contacts = 連絡先
search-site = サイト内
search-label = 提携先、協定、プログラム、助成金を検索
search-placeholder = 例：RIKEN、東京、看護
search-button = 検索
footer-registry = 国際連携登録簿
footer-open-data = オープンデータ（API）
footer-sign-in = 職員ログイン
footer-powered = Powered by Kizuna
lang-switcher = 言語
count-partners = { $count } 件の提携先
