//! ISCED-F 2013 fields of education and training with their names in
//! English (UNESCO's), Swedish and Japanese: subject areas are picked by name
//! in any of the interface's languages and stored as codes, and a code like
//! `0913` is shown and searched as "Nursing and midwifery".

use crate::values::IscedCode;

/// One detailed field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IscedField {
    /// The four-digit code.
    pub code: &'static str,
    /// The name in English.
    pub en: &'static str,
    /// The name in Swedish.
    pub sv: &'static str,
    /// The name in Japanese.
    pub ja: &'static str,
}

impl IscedField {
    /// The names, English first.
    pub fn names(&self) -> [&'static str; 3] {
        [self.en, self.sv, self.ja]
    }
}

/// Every detailed field of ISCED-F 2013 (the "not elsewhere classified"
/// and inter-disciplinary codes are accepted as codes only).
#[rustfmt::skip]
pub const FIELDS: &[IscedField] = &[
    IscedField { code: "0011", en: "Basic programmes and qualifications", sv: "Grundläggande utbildning", ja: "基礎プログラム" },
    IscedField { code: "0021", en: "Literacy and numeracy", sv: "Läs- och skrivkunnighet och räknefärdighet", ja: "読み書き・計算" },
    IscedField { code: "0031", en: "Personal skills and development", sv: "Personlig utveckling", ja: "自己啓発" },
    IscedField { code: "0111", en: "Education science", sv: "Pedagogik", ja: "教育学" },
    IscedField { code: "0112", en: "Training for pre-school teachers", sv: "Förskollärarutbildning", ja: "幼児教育教員養成" },
    IscedField { code: "0113", en: "Teacher training without subject specialisation", sv: "Lärarutbildning utan ämnesspecialisering", ja: "初等教員養成" },
    IscedField { code: "0114", en: "Teacher training with subject specialisation", sv: "Ämneslärarutbildning", ja: "教科教員養成" },
    IscedField { code: "0211", en: "Audio-visual techniques and media production", sv: "Audiovisuell teknik och medieproduktion", ja: "映像技術・メディア制作" },
    IscedField { code: "0212", en: "Fashion, interior and industrial design", sv: "Mode-, inrednings- och industridesign", ja: "ファッション・インテリア・工業デザイン" },
    IscedField { code: "0213", en: "Fine arts", sv: "Fri konst", ja: "美術" },
    IscedField { code: "0214", en: "Handicrafts", sv: "Konsthantverk", ja: "工芸" },
    IscedField { code: "0215", en: "Music and performing arts", sv: "Musik och scenkonst", ja: "音楽・舞台芸術" },
    IscedField { code: "0221", en: "Religion and theology", sv: "Religion och teologi", ja: "宗教学・神学" },
    IscedField { code: "0222", en: "History and archaeology", sv: "Historia och arkeologi", ja: "歴史学・考古学" },
    IscedField { code: "0223", en: "Philosophy and ethics", sv: "Filosofi och etik", ja: "哲学・倫理学" },
    IscedField { code: "0231", en: "Language acquisition", sv: "Språkinlärning", ja: "語学" },
    IscedField { code: "0232", en: "Literature and linguistics", sv: "Litteratur och lingvistik", ja: "文学・言語学" },
    IscedField { code: "0311", en: "Economics", sv: "Nationalekonomi", ja: "経済学" },
    IscedField { code: "0312", en: "Political sciences and civics", sv: "Statsvetenskap", ja: "政治学" },
    IscedField { code: "0313", en: "Psychology", sv: "Psykologi", ja: "心理学" },
    IscedField { code: "0314", en: "Sociology and cultural studies", sv: "Sociologi och kulturvetenskap", ja: "社会学・文化研究" },
    IscedField { code: "0321", en: "Journalism and reporting", sv: "Journalistik", ja: "ジャーナリズム" },
    IscedField { code: "0322", en: "Library, information and archival studies", sv: "Biblioteks-, informations- och arkivvetenskap", ja: "図書館情報学・アーカイブズ学" },
    IscedField { code: "0411", en: "Accounting and taxation", sv: "Redovisning och beskattning", ja: "会計・税務" },
    IscedField { code: "0412", en: "Finance, banking and insurance", sv: "Finans, bank och försäkring", ja: "金融・銀行・保険" },
    IscedField { code: "0413", en: "Management and administration", sv: "Ledarskap och administration", ja: "経営・管理" },
    IscedField { code: "0414", en: "Marketing and advertising", sv: "Marknadsföring och reklam", ja: "マーケティング・広告" },
    IscedField { code: "0415", en: "Secretarial and office work", sv: "Sekreterar- och kontorsarbete", ja: "秘書・事務" },
    IscedField { code: "0416", en: "Wholesale and retail sales", sv: "Parti- och detaljhandel", ja: "卸売・小売" },
    IscedField { code: "0417", en: "Work skills", sv: "Arbetslivsfärdigheter", ja: "職業技能" },
    IscedField { code: "0421", en: "Law", sv: "Juridik", ja: "法学" },
    IscedField { code: "0511", en: "Biology", sv: "Biologi", ja: "生物学" },
    IscedField { code: "0512", en: "Biochemistry", sv: "Biokemi", ja: "生化学" },
    IscedField { code: "0521", en: "Environmental sciences", sv: "Miljövetenskap", ja: "環境科学" },
    IscedField { code: "0522", en: "Natural environments and wildlife", sv: "Naturmiljö och vilda djur", ja: "自然環境・野生生物" },
    IscedField { code: "0531", en: "Chemistry", sv: "Kemi", ja: "化学" },
    IscedField { code: "0532", en: "Earth sciences", sv: "Geovetenskap", ja: "地球科学" },
    IscedField { code: "0533", en: "Physics", sv: "Fysik", ja: "物理学" },
    IscedField { code: "0541", en: "Mathematics", sv: "Matematik", ja: "数学" },
    IscedField { code: "0542", en: "Statistics", sv: "Statistik", ja: "統計学" },
    IscedField { code: "0611", en: "Computer use", sv: "Datoranvändning", ja: "コンピュータ利用" },
    IscedField { code: "0612", en: "Database and network design and administration", sv: "Databas- och nätverksdesign och administration", ja: "データベース・ネットワーク設計管理" },
    IscedField { code: "0613", en: "Software and applications development and analysis", sv: "Mjukvaru- och applikationsutveckling och analys", ja: "ソフトウェア開発" },
    IscedField { code: "0711", en: "Chemical engineering and processes", sv: "Kemiteknik", ja: "化学工学" },
    IscedField { code: "0712", en: "Environmental protection technology", sv: "Miljöskyddsteknik", ja: "環境保全技術" },
    IscedField { code: "0713", en: "Electricity and energy", sv: "Elektricitet och energi", ja: "電気・エネルギー" },
    IscedField { code: "0714", en: "Electronics and automation", sv: "Elektronik och automation", ja: "電子工学・自動制御" },
    IscedField { code: "0715", en: "Mechanics and metal trades", sv: "Maskinteknik och metallarbete", ja: "機械工学・金属加工" },
    IscedField { code: "0716", en: "Motor vehicles, ships and aircraft", sv: "Motorfordon, fartyg och flygplan", ja: "自動車・船舶・航空機" },
    IscedField { code: "0721", en: "Food processing", sv: "Livsmedelsteknik", ja: "食品加工" },
    IscedField { code: "0722", en: "Materials (glass, paper, plastic and wood)", sv: "Material (glas, papper, plast och trä)", ja: "材料（ガラス・紙・プラスチック・木材）" },
    IscedField { code: "0723", en: "Textiles (clothes, footwear and leather)", sv: "Textil (kläder, skor och läder)", ja: "繊維（衣類・履物・皮革）" },
    IscedField { code: "0724", en: "Mining and extraction", sv: "Gruvdrift och utvinning", ja: "鉱業" },
    IscedField { code: "0731", en: "Architecture and town planning", sv: "Arkitektur och samhällsplanering", ja: "建築・都市計画" },
    IscedField { code: "0732", en: "Building and civil engineering", sv: "Byggnadsteknik och väg- och vattenbyggnad", ja: "建設・土木工学" },
    IscedField { code: "0811", en: "Crop and livestock production", sv: "Växtodling och djurhållning", ja: "農作物・畜産" },
    IscedField { code: "0812", en: "Horticulture", sv: "Trädgårdsodling", ja: "園芸" },
    IscedField { code: "0821", en: "Forestry", sv: "Skogsbruk", ja: "林学" },
    IscedField { code: "0831", en: "Fisheries", sv: "Fiske", ja: "水産学" },
    IscedField { code: "0841", en: "Veterinary", sv: "Veterinärmedicin", ja: "獣医学" },
    IscedField { code: "0911", en: "Dental studies", sv: "Tandvård", ja: "歯学" },
    IscedField { code: "0912", en: "Medicine", sv: "Medicin", ja: "医学" },
    IscedField { code: "0913", en: "Nursing and midwifery", sv: "Omvårdnad och barnmorskeutbildning", ja: "看護学・助産学" },
    IscedField { code: "0914", en: "Medical diagnostic and treatment technology", sv: "Medicinsk diagnostik och behandlingsteknik", ja: "医療技術" },
    IscedField { code: "0915", en: "Therapy and rehabilitation", sv: "Terapi och rehabilitering", ja: "リハビリテーション" },
    IscedField { code: "0916", en: "Pharmacy", sv: "Farmaci", ja: "薬学" },
    IscedField { code: "0917", en: "Traditional and complementary medicine and therapy", sv: "Traditionell och komplementär medicin och terapi", ja: "伝統医学・補完医療" },
    IscedField { code: "0921", en: "Care of the elderly and of disabled adults", sv: "Äldre- och funktionshinderomsorg", ja: "高齢者・障害者介護" },
    IscedField { code: "0922", en: "Child care and youth services", sv: "Barnomsorg och fritidsverksamhet", ja: "保育・青少年支援" },
    IscedField { code: "0923", en: "Social work and counselling", sv: "Socialt arbete och rådgivning", ja: "社会福祉・カウンセリング" },
    IscedField { code: "1011", en: "Domestic services", sv: "Hushållstjänster", ja: "家事サービス" },
    IscedField { code: "1012", en: "Hair and beauty services", sv: "Frisör- och skönhetsvård", ja: "理容・美容" },
    IscedField { code: "1013", en: "Hotel, restaurants and catering", sv: "Hotell, restaurang och storhushåll", ja: "ホテル・レストラン・ケータリング" },
    IscedField { code: "1014", en: "Sports", sv: "Idrott", ja: "スポーツ" },
    IscedField { code: "1015", en: "Travel, tourism and leisure", sv: "Resor, turism och fritid", ja: "旅行・観光・レジャー" },
    IscedField { code: "1021", en: "Community sanitation", sv: "Renhållning", ja: "公衆衛生" },
    IscedField { code: "1022", en: "Occupational health and safety", sv: "Arbetsmiljö och säkerhet", ja: "労働安全衛生" },
    IscedField { code: "1031", en: "Military and defence", sv: "Militär och försvar", ja: "軍事・防衛" },
    IscedField { code: "1032", en: "Protection of persons and property", sv: "Skydd av personer och egendom", ja: "警備・保安" },
    IscedField { code: "1041", en: "Transport services", sv: "Transporttjänster", ja: "運輸サービス" },
];

/// Broad fields (two digits).
const BROAD: &[(&str, &str)] = &[
    ("00", "Generic programmes and qualifications"),
    ("01", "Education"),
    ("02", "Arts and humanities"),
    ("03", "Social sciences, journalism and information"),
    ("04", "Business, administration and law"),
    ("05", "Natural sciences, mathematics and statistics"),
    ("06", "Information and communication technologies"),
    ("07", "Engineering, manufacturing and construction"),
    ("08", "Agriculture, forestry, fisheries and veterinary"),
    ("09", "Health and welfare"),
    ("10", "Services"),
];

/// Narrow fields (three digits).
const NARROW: &[(&str, &str)] = &[
    ("001", "Basic programmes and qualifications"),
    ("002", "Literacy and numeracy"),
    ("003", "Personal skills and development"),
    ("011", "Education"),
    ("021", "Arts"),
    ("022", "Humanities (except languages)"),
    ("023", "Languages"),
    ("031", "Social and behavioural sciences"),
    ("032", "Journalism and information"),
    ("041", "Business and administration"),
    ("042", "Law"),
    ("051", "Biological and related sciences"),
    ("052", "Environment"),
    ("053", "Physical sciences"),
    ("054", "Mathematics and statistics"),
    ("061", "Information and communication technologies"),
    ("071", "Engineering and engineering trades"),
    ("072", "Manufacturing and processing"),
    ("073", "Architecture and construction"),
    ("081", "Agriculture"),
    ("082", "Forestry"),
    ("083", "Fisheries"),
    ("084", "Veterinary"),
    ("091", "Health"),
    ("092", "Welfare"),
    ("101", "Personal services"),
    ("102", "Hygiene and occupational health services"),
    ("103", "Security services"),
    ("104", "Transport services"),
];

/// The field of a code.
pub fn field(code: &str) -> Option<&'static IscedField> {
    FIELDS.iter().find(|f| f.code == code)
}

/// Reads a subject area: a code (`0913`, also followed by its name, as the
/// forms show it), a whole name in any language (`Nursing and midwifery`,
/// `看護学・助産学`), or a part of a name that only one field has (`nursing`,
/// `omvårdnad`, `看護`).
pub fn subject_area(text: &str) -> Result<IscedCode, String> {
    let text = text.trim();
    let first = text.split_whitespace().next().unwrap_or_default();
    if first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit()) {
        return first
            .parse()
            .map_err(|_| format!("“{first}” is not an ISCED-F 2013 field code"));
    }
    let wanted = text.to_lowercase();
    if wanted.is_empty() {
        return Err("give a subject area, e.g. nursing or 0913".to_owned());
    }
    let code = |f: &IscedField| f.code.parse().expect("the table holds valid codes");
    if let Some(f) = FIELDS
        .iter()
        .find(|f| f.names().iter().any(|n| n.to_lowercase() == wanted))
    {
        return Ok(code(f));
    }
    let found: Vec<&IscedField> = FIELDS
        .iter()
        .filter(|f| f.names().iter().any(|n| n.to_lowercase().contains(&wanted)))
        .collect();
    match found.as_slice() {
        [one] => Ok(code(one)),
        [] => Err(format!(
            "no ISCED-F 2013 field is called “{text}”: give a code such as 0913 or a name such as nursing"
        )),
        many => {
            let names: Vec<String> = many
                .iter()
                .take(6)
                .map(|f| format!("{} {}", f.code, f.en))
                .collect();
            Err(format!(
                "“{text}” fits several fields ({}): give the code or more of the name",
                names.join("; ")
            ))
        }
    }
}

fn find(table: &[(&str, &'static str)], code: &str) -> Option<&'static str> {
    table.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

impl IscedCode {
    /// The field's English name; the classification's catch-all codes
    /// (`0910`, `0919`, `0988`, `0900`) are named after the field they sit in.
    pub fn name(&self) -> Option<String> {
        let code = self.as_str();
        if let Some(f) = field(code) {
            return Some(f.en.to_owned());
        }
        let broad = find(BROAD, &code[..2])?;
        let narrow = find(NARROW, &code[..3]);
        match (&code[2..3], &code[3..4], narrow) {
            ("0", "0", _) => Some(format!("{broad} (not further defined)")),
            ("8", "8", _) => Some(format!("{broad} (inter-disciplinary programmes)")),
            (_, "0", Some(n)) => Some(format!("{n} (not further defined)")),
            (_, "9", Some(n)) => Some(format!("{n} (not elsewhere classified)")),
            _ => None,
        }
    }

    /// The code with its name, as shown to readers: `0913 Nursing and midwifery`.
    pub fn labelled(&self) -> String {
        match self.name() {
            Some(name) => format!("{} {name}", self.as_str()),
            None => self.as_str().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_areas_are_found_by_name_in_every_language() {
        for text in [
            "nursing",
            "Nursing",
            "omvårdnad",
            "看護",
            "Nursing and midwifery",
            "0913",
            "0913 Nursing and midwifery",
        ] {
            assert_eq!(subject_area(text).unwrap().as_str(), "0913", "{text}");
        }
        assert_eq!(subject_area("medicine").unwrap().as_str(), "0912");
        assert_eq!(subject_area("0188").unwrap().as_str(), "0188");
    }

    #[test]
    fn unknown_or_ambiguous_names_say_why_in_plain_words() {
        let e = subject_area("basket weaving").unwrap_err();
        assert!(
            e.contains("no ISCED-F 2013 field") && !e.contains('`'),
            "{e}"
        );
        let e = subject_area("engineering").unwrap_err();
        assert!(e.contains("several fields"), "{e}");
        assert!(subject_area("1234").is_err());
    }

    #[test]
    fn the_table_holds_valid_unique_codes() {
        for f in FIELDS {
            assert!(f.code.parse::<IscedCode>().is_ok(), "{}", f.code);
            assert_eq!(FIELDS.iter().filter(|g| g.code == f.code).count(), 1);
        }
        assert_eq!(field("0913").unwrap().en, "Nursing and midwifery");
    }

    fn code(s: &str) -> IscedCode {
        s.parse().unwrap()
    }

    #[test]
    fn detailed_fields_have_their_names() {
        assert_eq!(
            code("0913").name().as_deref(),
            Some("Nursing and midwifery")
        );
        assert_eq!(code("0915").labelled(), "0915 Therapy and rehabilitation");
        assert_eq!(code("1041").name().as_deref(), Some("Transport services"));
    }

    #[test]
    fn catch_all_codes_are_named_after_their_field() {
        assert_eq!(
            code("0910").name().as_deref(),
            Some("Health (not further defined)")
        );
        assert_eq!(
            code("0919").name().as_deref(),
            Some("Health (not elsewhere classified)")
        );
        assert_eq!(
            code("0900").name().as_deref(),
            Some("Health and welfare (not further defined)")
        );
        assert_eq!(
            code("0988").name().as_deref(),
            Some("Health and welfare (inter-disciplinary programmes)")
        );
        // A code the classification does not define keeps its digits alone.
        assert_eq!(code("0997").name(), None);
        assert_eq!(code("0997").labelled(), "0997");
    }
}
