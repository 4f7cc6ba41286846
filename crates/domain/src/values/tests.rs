//! Tests of the value types: slugs, country codes, partial dates, ISCED
//! codes and language tags.

use super::*;

#[test]
fn slugs_accept_lowercase_words_and_refuse_the_rest() {
    assert!("utokyo-ki-link".parse::<Slug>().is_ok());
    for bad in ["", "UTokyo", "a b", "-x", "x-", "a--b", "東京"] {
        assert!(bad.parse::<Slug>().is_err(), "{bad:?} should be refused");
    }
}

#[test]
fn slugs_derive_from_names() {
    assert_eq!(
        Slug::from_name("University of Tokyo").unwrap().as_str(),
        "university-of-tokyo"
    );
    assert_eq!(
        Slug::from_name("Göteborgs universitet").unwrap().as_str(),
        "goteborgs-universitet"
    );
    assert_eq!(
        Slug::from_name("Technische Hochschule Straße – Ærø")
            .unwrap()
            .as_str(),
        "technische-hochschule-strasse-aero",
        "a letter may fold into two"
    );
    assert!(Slug::from_name("東京大学").is_none());
}

#[test]
fn country_codes_are_assigned_ones_in_either_case() {
    let jp: CountryCode = "jp".parse().unwrap();
    assert_eq!(jp.as_str(), "JP");
    assert_eq!(jp.name(), "Japan");
    assert!("XX".parse::<CountryCode>().is_err());
    assert!("JPN".parse::<CountryCode>().is_err());
    assert_eq!(CountryCode::all().count(), 250);
}

#[test]
fn partial_dates_keep_their_precision() {
    let y: PartialDate = "2022".parse().unwrap();
    assert_eq!(y.to_string(), "2022");
    assert_eq!(y.first_day(), NaiveDate::from_ymd_opt(2022, 1, 1).unwrap());
    assert_eq!(y.last_day(), NaiveDate::from_ymd_opt(2022, 12, 31).unwrap());
    let m: PartialDate = "2024-02".parse().unwrap();
    assert_eq!(m.last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
    assert_eq!(
        "2022-04-01".parse::<PartialDate>().unwrap().to_string(),
        "2022-04-01"
    );
    for bad in ["22", "2022-13", "2022-02-30", "2022/01/01", "soon"] {
        assert!(
            bad.parse::<PartialDate>().is_err(),
            "{bad:?} should be refused"
        );
    }
}

#[test]
fn isced_and_language_tags_are_checked() {
    assert!("0913".parse::<IscedCode>().is_ok());
    assert!("913".parse::<IscedCode>().is_err());
    assert!("1234".parse::<IscedCode>().is_err());
    assert!("ja".parse::<LanguageTag>().is_ok());
    assert!("zh-Hant".parse::<LanguageTag>().is_ok());
    assert!("japanese language".parse::<LanguageTag>().is_err());
}
