//! Country names people type besides the English one: Swedish, Japanese and
//! common short forms, for the countries partners are most often in.
//!
//! English names come from [`CountryCode::name`]; this table only adds what a
//! Swedish or Japanese reader would search for ("Sverige", "日本", "USA").

use kizuna_domain::CountryCode;

/// (code, Swedish, Japanese, other names people use).
const NAMES: &[(&str, &str, &str, &[&str])] = &[
    ("AR", "Argentina", "アルゼンチン", &[]),
    ("AT", "Österrike", "オーストリア", &[]),
    ("AU", "Australien", "オーストラリア", &["豪州"]),
    ("BE", "Belgien", "ベルギー", &[]),
    ("BR", "Brasilien", "ブラジル", &[]),
    ("CA", "Kanada", "カナダ", &[]),
    ("CH", "Schweiz", "スイス", &[]),
    ("CL", "Chile", "チリ", &[]),
    ("CN", "Kina", "中国", &["中華人民共和国", "PRC"]),
    ("CZ", "Tjeckien", "チェコ", &["Czech Republic"]),
    ("DE", "Tyskland", "ドイツ", &["Deutschland"]),
    ("DK", "Danmark", "デンマーク", &[]),
    ("EE", "Estland", "エストニア", &[]),
    ("EG", "Egypten", "エジプト", &[]),
    ("ES", "Spanien", "スペイン", &["España"]),
    ("FI", "Finland", "フィンランド", &["Suomi"]),
    ("FR", "Frankrike", "フランス", &[]),
    (
        "GB",
        "Storbritannien",
        "イギリス",
        &["UK", "Britain", "England", "英国"],
    ),
    ("GR", "Grekland", "ギリシャ", &[]),
    ("HK", "Hongkong", "香港", &[]),
    ("HU", "Ungern", "ハンガリー", &[]),
    ("ID", "Indonesien", "インドネシア", &[]),
    ("IE", "Irland", "アイルランド", &[]),
    ("IL", "Israel", "イスラエル", &[]),
    ("IN", "Indien", "インド", &[]),
    ("IS", "Island", "アイスランド", &[]),
    ("IT", "Italien", "イタリア", &["Italia"]),
    (
        "JP",
        "Japan",
        "日本",
        &["Nippon", "Nihon", "にほん", "ニホン"],
    ),
    ("KE", "Kenya", "ケニア", &[]),
    (
        "KR",
        "Sydkorea",
        "韓国",
        &["Korea", "Republic of Korea", "대한민국", "한국"],
    ),
    ("LT", "Litauen", "リトアニア", &[]),
    ("LV", "Lettland", "ラトビア", &[]),
    ("MX", "Mexiko", "メキシコ", &[]),
    ("MY", "Malaysia", "マレーシア", &[]),
    ("NL", "Nederländerna", "オランダ", &["Holland"]),
    ("NO", "Norge", "ノルウェー", &[]),
    ("NZ", "Nya Zeeland", "ニュージーランド", &[]),
    ("PH", "Filippinerna", "フィリピン", &[]),
    ("PL", "Polen", "ポーランド", &[]),
    ("PT", "Portugal", "ポルトガル", &[]),
    ("RU", "Ryssland", "ロシア", &[]),
    ("SA", "Saudiarabien", "サウジアラビア", &[]),
    ("SE", "Sverige", "スウェーデン", &[]),
    ("SG", "Singapore", "シンガポール", &[]),
    ("TH", "Thailand", "タイ", &[]),
    ("TR", "Turkiet", "トルコ", &["Türkiye"]),
    ("TW", "Taiwan", "台湾", &["臺灣"]),
    ("UA", "Ukraina", "ウクライナ", &[]),
    (
        "US",
        "USA",
        "アメリカ",
        &[
            "United States of America",
            "America",
            "米国",
            "アメリカ合衆国",
        ],
    ),
    ("VN", "Vietnam", "ベトナム", &["Viet Nam"]),
    ("ZA", "Sydafrika", "南アフリカ", &[]),
];

/// Every name a country is searched by: English, then Swedish, Japanese and others.
pub fn country_names(code: CountryCode) -> impl Iterator<Item = &'static str> {
    let extra = NAMES
        .binary_search_by(|(c, ..)| (*c).cmp(code.as_str()))
        .ok()
        .map(|i| NAMES[i]);
    std::iter::once(code.name()).chain(
        extra
            .into_iter()
            .flat_map(|(_, sv, ja, more)| [sv, ja].into_iter().chain(more.iter().copied())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_every_code_is_assigned() {
        // Lookups are binary searches: an unsorted row would silently vanish.
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, ..) in NAMES {
            assert!(code.parse::<CountryCode>().is_ok(), "{code}");
        }
        assert!(NAMES.len() >= 30);
    }

    #[test]
    fn names_come_in_three_languages() {
        let jp: Vec<_> = country_names("JP".parse().unwrap()).collect();
        assert_eq!(&jp[..3], ["Japan", "Japan", "日本"]);
        let se: Vec<_> = country_names("SE".parse().unwrap()).collect();
        assert_eq!(se, ["Sweden", "Sverige", "スウェーデン"]);
        let aq: Vec<_> = country_names("AQ".parse().unwrap()).collect();
        assert_eq!(aq, ["Antarctica"]);
    }
}
