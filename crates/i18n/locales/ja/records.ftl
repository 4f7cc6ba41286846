# 個別ページ（機関・協定・プログラム・助成・担当者）、一覧、共通カード、
# エラーページ、ログイン、フィードとカレンダー。

## 列挙
rec-list-sep = 、
rec-list-last-sep = 、
rec-list-semi = 、
rec-place-sep = {"、"}

## 共通
rec-home = ホーム
rec-breadcrumb = パンくずリスト
rec-facts = 概要
rec-about = 詳細
rec-for = 対象
rec-kind = 種別
rec-status = 状況
rec-level = 締結レベル
rec-level-tag = { $level }レベル
rec-card-with = 相手先：{ $orgs }
rec-study-programmes = 対象課程
rec-signed = 締結日
rec-valid-until = 有効期限
rec-renews = 更新元
rec-renewed-by = 更新先
rec-at-parent = { $org }：
rec-partners = 提携校・機関
rec-admin-bases = 運営拠点
rec-held-at = 実施場所
rec-under = 根拠協定
rec-offered-by-label = 提供元
rec-destination = 派遣先
rec-destinations = 派遣先
rec-amount = 金額
rec-next-deadline = 次回の応募締切
rec-part-of = 所属
rec-handles = 担当：{ $records }
rec-country = 国・地域
rec-agreement = 協定
rec-agreements = 協定
rec-programme = プログラム
rec-programmes = プログラム
rec-funding = 助成・奨学金
rec-organisation = 機関
rec-organisations = 機関
rec-contact = 担当者
rec-contacts = 担当者
rec-unit = 部局
rec-units = 部局

## 機関ページ
rec-home-organisation = 本学
rec-part-of-org = { $org }の一部
rec-members = 構成機関
rec-no-agreements = 登録されている協定はありません。
rec-funding-it-offers = この機関が提供する助成
rec-member-of = 加盟先
rec-location = 所在地
rec-see-on-map = 地図で見る
rec-also-known-as = 別名
rec-name-kind = （{ $kind }）
rec-established = 設立
rec-website = ウェブサイト
rec-erasmus-code = エラスムスコード
rec-coordinates = 座標

## 協定ページ
rec-parties = 締結機関
rec-administered-by = 担当部局：{ $unit }
rec-offers = この協定で可能なこと
rec-offer-places = 人数
rec-offer-length = 期間
rec-offer-level = レベル
rec-offer-subject = 分野
rec-offer-languages = 言語
rec-offer-years = 対象学年度
rec-offers-not-recorded = この協定の人数・滞在期間・対象学年度は登録されていません。{ $ask }。
rec-ask-below = 下記の担当者にお問い合わせください
rec-renewal-history = 更新履歴
rec-this-agreement = （この協定）
rec-signed-on = { $date }締結
rec-date-not-recorded = 日付未登録
rec-renews-above = 上記の協定を更新
rec-programmes-under = この協定に基づくプログラム
rec-how-to-apply = 応募方法・問い合わせ先
rec-signed-undated = 締結済み（日付未登録）
rec-not-yet = 未締結
rec-valid = 有効期間
rec-valid-range = { $start }～{ $end }
rec-start-not-recorded = 開始日未登録
rec-open-ended = 期限なし
rec-subject-areas = 分野（ISCED-F 2013）
rec-research-fields = 研究分野

## 協定の条件
rec-cond-heading = { $direction ->
    [outgoing] { $mobility ->
        [student_studies] 本学の学生が提携校で学ぶ
        [student_traineeship] 本学の学生が提携校で実習を行う
        [staff_teaching] 本学の教職員が提携校で教える
       *[staff_training] 本学の教職員が提携校で研修を受ける
    }
   *[incoming] { $mobility ->
        [student_studies] 提携校の学生が本学で学ぶ
        [student_traineeship] 提携校の学生が本学で実習を行う
        [staff_teaching] 提携校の教職員が本学で教える
       *[staff_training] 提携校の教職員が本学で研修を受ける
    }
}
rec-cond-places = 年間{ $count }名
rec-cond-months = 年間合計{ $count }か月まで
rec-cond-days = 年間合計{ $count }日まで
rec-cond-eqf = EQFレベル{ $level }
rec-cond-eqf-cycle = EQFレベル{ $level }（{ $cycle ->
    [5] 短期高等教育
    [6] 学士課程
    [7] 修士課程
   *[8] 博士課程
}）
rec-cond-language-cefr = { $language }（{ $cefr }以上）
rec-cond-years-one = { $first }年度
rec-cond-years-range = { $first }～{ $last }年度
rec-cond-years-from = { $first }年度から
rec-cond-years-until = { $last }年度まで

## 言語名
rec-language-en = 英語
rec-language-ja = 日本語
rec-language-sv = スウェーデン語
rec-language-de = ドイツ語
rec-language-fr = フランス語
rec-language-es = スペイン語
rec-language-it = イタリア語
rec-language-pt = ポルトガル語
rec-language-nl = オランダ語
rec-language-da = デンマーク語
rec-language-no = ノルウェー語
rec-language-fi = フィンランド語
rec-language-zh = 中国語
rec-language-ko = 韓国語
rec-language-ru = ロシア語
rec-language-ar = アラビア語
rec-language-pl = ポーランド語

## 問い合わせ先
rec-ask-record = この{ $what ->
    [agreement] 協定
   *[other] 助成
}の担当者です。応募方法はこちらにお問い合わせください。
rec-ask-agreement = この助成が属する{ $through }の担当者にお問い合わせください。
rec-ask-programme = この助成が属する{ $through }の運営者にお問い合わせください。
rec-ask-unit = この{ $what ->
    [agreement] 協定
   *[other] 助成
}自体の担当者は登録されていません。担当部局の{ $through }にお問い合わせください。
rec-ask-country = この{ $what ->
    [agreement] 協定
   *[other] 助成
}自体の担当者は登録されていません。{ $through }を担当する職員にお問い合わせください。
rec-ask-office = この{ $what ->
    [agreement] 協定
   *[other] 助成
}の担当者は登録されていません。国際交流担当（{ $email }）までご連絡ください。
rec-ask-nobody = この{ $what ->
    [agreement] 協定
   *[other] 助成
}の担当者はまだ登録されていません。所属の国際交流担当にお問い合わせください。

## プログラムページ
rec-under-agreement = 根拠となる協定

## 助成ページ
rec-offered-by = 提供元：{ $org }
rec-official-page-apply = 公式ページで詳細を確認・応募する
rec-who-can-apply = 応募資格
rec-deadlines = 応募締切
rec-every-year = （毎年）
rec-every-year-next = （毎年。次回は{ $next }）
rec-add-to-calendar = カレンダーに追加
rec-add-to-calendar-which = ：応募締切 { $date }
rec-no-deadline = 応募締切は登録されていません。
rec-no-deadline-see-page = 応募締切は登録されていません。最新の締切は公式ページでご確認ください。
rec-subscribe-deadlines = すべての応募締切をカレンダーアプリで：{ $link }。
rec-subscribe-deadlines-link = 応募締切カレンダーを購読する
rec-who-to-ask = 問い合わせ先
rec-funder = 助成機関
rec-not-specified = 指定なし
rec-amount-see = { $page }をご覧ください
rec-official-page-link = 公式ページ
rec-ask = 問い合わせる
rec-official-page = 公式ページ

## 担当者ページ
rec-how-to-reach = { $name }への連絡方法
rec-email = メール
rec-phone = 電話
rec-no-details = 公開されているメールアドレス・電話番号はありません。
rec-no-details-ask = 公開されているメールアドレス・電話番号はありません。{ $org }に取り次ぎをご依頼ください。
rec-agreements-handled = { $name }が担当する協定
rec-programmes-handled = { $name }が担当するプログラム
rec-countries-covered = 担当国・地域

## 一覧
rec-count = { $what ->
    [agreement] 協定{ $count }件
    [programme] プログラム{ $count }件
    [organisation] 機関{ $count }件
   *[funding] 助成{ $count }件
}
rec-count-matching = { $what ->
    [agreement] 条件に合う協定{ $count }件
    [programme] 条件に合うプログラム{ $count }件
    [organisation] 条件に合う機関{ $count }件
   *[funding] 条件に合う助成{ $count }件
}
rec-page-of = { $page }/{ $pages }ページ
rec-page-of-cap = { $page }/{ $pages }ページ
rec-pages-of = { $what ->
    [agreement] 協定一覧のページ
    [funding] 助成一覧のページ
    [contact] 担当者一覧のページ
    [programme] プログラム一覧のページ
   *[organisation] 機関一覧のページ
}
rec-previous-page = 前のページ
rec-next-page = 次のページ
rec-download-list = この一覧をダウンロード：
rec-remove-filter = この条件を解除
rec-where = 所在地
rec-clear-filters = 条件をクリア
rec-any-country = すべての国・地域
rec-any-kind = すべての種別
rec-any-level = すべてのレベル
rec-any-status = すべての状況
rec-any-unit = すべての部局
rec-any-stage = すべての段階
rec-any-destination = すべての派遣先
rec-anyone = すべて
rec-filter-with = 相手先
rec-filter-units-of = 所属部局
rec-filter-words = キーワード
rec-filter-words-hint-agreements = 例：看護、東京
rec-filter-words-hint-programmes = 例：ワークショップ、看護
rec-filter-name-or-city = 名称または都市
rec-filter-name-hint = 例：RIKEN、東京、Kyoto
rec-filter-partner-country = 相手国・地域
rec-filter-signed-at = 締結レベル
rec-filter-administered-by = 担当部局
rec-filter-run-by = 運営部局
rec-filter-subject = 分野（ISCED-Fコード）
rec-filter-subject-hint = 例：0913
rec-list-title-page = { $name }（{ $page }/{ $pages }ページ）
rec-agreements-lead = 提携校・機関と締結した協定：学生交流、ジョイント・ディグリー、研究協力、戦略的パートナーシップ。
rec-filter-agreements = 協定を絞り込む
rec-show-agreements = 協定を表示
rec-no-agreement-matches = 条件に合う協定はありません。{ $all }。
rec-show-all-agreements = すべての協定を表示
rec-programmes-lead = 提携先との共同プログラム、授業、ワークショップ、交流、渡航助成制度。
rec-filter-programmes = プログラムを絞り込む
rec-show-programmes = プログラムを表示
rec-no-programme-matches = 条件に合うプログラムはありません。{ $all }。
rec-show-all-programmes = すべてのプログラムを表示
rec-organisations-lead = 登録されている大学、研究機関、助成機関、{ $site }の部局。
rec-filter-organisations = 機関を絞り込む
rec-show-organisations = 機関を表示
rec-no-organisation-matches = 条件に合う機関はありません。{ $all }。
rec-show-all-organisations = すべての機関を表示
rec-funding-title = 助成：奨学金、フェローシップ、渡航助成
rec-funding-lead = 海外滞在のための資金：助成機関、応募資格、応募時期。
rec-filter-funding = 助成を絞り込む
rec-career-stage = キャリア段階
rec-show-funding = 助成を表示
rec-no-funding-matches = 条件に合うものはありません。{ $all }。
rec-show-all-funding = すべての助成を表示
rec-contacts-lead = 担当する国・地域別の問い合わせ先。
rec-collaboration-in = { $country }との交流
rec-no-contacts = 登録されている担当者はいません。
rec-all-countries = すべての国・地域
rec-filter-contacts = 担当者を絞り込む
rec-contacts-country = 担当する国・地域
rec-show-contacts = 担当者を表示


## エラーページ
rec-error-status = エラー { $status }
rec-error-try = { $start }や{ $countries }の一覧をご覧いただくか、上の検索をお使いください。
rec-error-start-page = トップページ
rec-error-countries = 国・地域
rec-error-404-title = ページが見つかりません
rec-error-404-detail = このアドレスにページはありません。移動したか、公開されなくなった可能性があります。
rec-error-403-title = 権限がありません
rec-error-403-detail = このアカウントではこの操作はできません。必要な場合は管理者にご相談ください。
rec-error-401-title = ログインが必要です
rec-error-401-detail = このページを見るにはログインしてください。
rec-error-500-title = エラーが発生しました
rec-error-500-detail = システム側でエラーが発生しました。記録済みですので、しばらくしてからもう一度お試しください。
rec-error-409-title = 競合があります
rec-error-412-title = 他の人が変更しました
rec-error-412-detail = 読み込んだ後に他の人がこのレコードを変更しました。再読み込みしてから、もう一度変更してください。
rec-error-400-title = 理解できないリクエスト
rec-error-400-detail = アドレスまたはフォームの内容を理解できませんでした：{ $detail }
rec-error-413-title = サイズが大きすぎます
rec-error-413-detail = 送信された内容がこのサーバーの受け付ける上限を超えています。小さいファイルを送るか、管理者に上限を確認してください。

## ログイン
rec-login-title = ログイン
rec-login-lead = 登録情報を管理する国際交流担当と部局の担当者向けです。
rec-login-sso = 大学のアカウントでログイン
rec-login-or-password = メールアドレスとパスワードでもログインできます：
rec-login-email = メールアドレス
rec-login-password = パスワード
rec-login-error = エラー：
rec-login-submit = ログイン
rec-login-accounts-sso = 教職員のアカウントは、大学のアカウントで初めてログインしたときに作成されます。
rec-login-accounts-admin = アカウントは管理者が作成します。
rec-login-visitors = 閲覧にアカウントは不要です。{ $countries }、{ $map }、{ $search }はどなたでもご利用いただけます。
rec-login-visitors-countries = 国・地域
rec-login-visitors-map = 地図
rec-login-visitors-search = 検索
rec-login-signed-out = ログアウトしました。
rec-login-passwords-off = このサイトではパスワードによるログインは無効です。シングルサインオンをご利用ください。
rec-login-csrf = フォームの有効期限が切れたか、別のサイトから送信されました。ページを再読み込みしてやり直してください。
rec-login-email-missing = メールアドレスを入力してください。
rec-login-email-invalid = name@example.org のような形式でメールアドレスを入力してください。
rec-login-password-missing = パスワードを入力してください。
rec-login-locked = ログインの失敗が多すぎます。{ $minutes }分後にもう一度お試しください。
rec-login-wrong = メールアドレスまたはパスワードが正しくありません。
rec-login-disabled = このアカウントは無効になっています。管理者にご相談ください。

## シングルサインオン
rec-oidc-unreachable = 現在、認証プロバイダーに接続できません。数分後にもう一度お試しください。
rec-oidc-not-started = このログインはこのブラウザで開始されたものではないか、すでに使用済みです。最初からやり直してください。
rec-oidc-refused = 認証プロバイダーでログインできませんでした（{ $error }）。
rec-oidc-state = 認証プロバイダーからの応答が、ここで開始したログインのものではありません（stateが一致しません）。最初からやり直してください。
rec-oidc-no-code = 認証プロバイダーからの応答にコードが含まれていません。最初からやり直してください。
rec-oidc-nonce = 認証プロバイダーからの応答が、このログイン用のものではありません（nonceが一致しません）。最初からやり直してください。
rec-oidc-unverified = 認証プロバイダーからの応答を検証できませんでした。最初からやり直してください。
rec-oidc-no-role = 認証プロバイダーにはログインしていますが、所属グループにKizunaの権限がないため、アカウントは作成されませんでした。国際交流担当に利用申請をしてください。
rec-oidc-no-email = 認証プロバイダーから確認済みのメールアドレスが送られてきませんでした。新しいアカウントにはメールアドレスが必要です。
rec-oidc-linked-elsewhere = アカウント { $email } は認証プロバイダーの別のIDに紐づいています。管理者にご相談ください。
rec-oidc-store = システム側の問題でログインできませんでした。もう一度お試しください。

## フィードとカレンダー
rec-feed-changes-title = { $site }：最近の更新
rec-feed-added = 追加：{ $title }
rec-feed-updated = 更新：{ $title }
rec-feed-removed = 削除：{ $title }
rec-cal-deadlines-name = 助成の応募締切
rec-cal-deadlines-description = 奨学金・フェローシップ・渡航助成の応募締切
rec-cal-deadline-summary = 応募締切：{ $title }
rec-cal-deadline-description = { $title }の応募締切です。詳細：{ $url }
rec-cal-expiring-name = 協定の満了
rec-cal-expiring-description = 締結済みの協定が満了する日
rec-cal-expiring-summary = 協定満了：{ $title }
rec-cal-expiring-event = 状況：{ $status }。更新するか、満了とするかを決めてください。

# Who to ask: more people than the page lists.
rec-ask-more = ほかに { $count } 名が対応できます。
rec-ask-all-contacts = すべての連絡先
