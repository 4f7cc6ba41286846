//! Word lists of the generated registry: countries weighted roughly as in ROR,
//! their cities with coordinates (and CJK names where the country writes them),
//! fields, people's names and the words of titles.

/// A city: name, latitude, longitude and its name in the local CJK script, if any.
pub type City = (&'static str, f64, f64, Option<&'static str>);

/// Country code, weight (share of organisations) and cities.
#[rustfmt::skip]
pub const COUNTRIES: &[(&str, u32, &[City])] = &[
    ("US", 200, &[("Boston", 42.36, -71.06, None), ("New York", 40.71, -74.01, None), ("San Francisco", 37.77, -122.42, None), ("Chicago", 41.88, -87.63, None), ("Houston", 29.76, -95.37, None), ("Seattle", 47.61, -122.33, None), ("Atlanta", 33.75, -84.39, None), ("Baltimore", 39.29, -76.61, None)]),
    ("CN", 90, &[("Beijing", 39.90, 116.40, Some("北京")), ("Shanghai", 31.23, 121.47, Some("上海")), ("Guangzhou", 23.13, 113.26, Some("广州")), ("Wuhan", 30.59, 114.31, Some("武汉")), ("Nanjing", 32.06, 118.80, Some("南京")), ("Chengdu", 30.57, 104.07, Some("成都")), ("Xi'an", 34.34, 108.94, Some("西安")), ("Hangzhou", 30.27, 120.16, Some("杭州"))]),
    ("JP", 80, &[("Tokyo", 35.68, 139.69, Some("東京")), ("Osaka", 34.69, 135.50, Some("大阪")), ("Kyoto", 35.01, 135.77, Some("京都")), ("Nagoya", 35.18, 136.91, Some("名古屋")), ("Sapporo", 43.06, 141.35, Some("札幌")), ("Fukuoka", 33.59, 130.40, Some("福岡")), ("Sendai", 38.27, 140.87, Some("仙台")), ("Hiroshima", 34.39, 132.46, Some("広島")), ("Kobe", 34.69, 135.20, Some("神戸")), ("Tsukuba", 36.08, 140.08, Some("筑波")), ("Yokohama", 35.44, 139.64, Some("横浜"))]),
    ("DE", 70, &[("Berlin", 52.52, 13.40, None), ("München", 48.14, 11.58, None), ("Hamburg", 53.55, 9.99, None), ("Köln", 50.94, 6.96, None), ("Heidelberg", 49.40, 8.67, None), ("Göttingen", 51.54, 9.93, None), ("Dresden", 51.05, 13.74, None)]),
    ("GB", 70, &[("London", 51.51, -0.13, None), ("Manchester", 53.48, -2.24, None), ("Edinburgh", 55.95, -3.19, None), ("Oxford", 51.75, -1.26, None), ("Cambridge", 52.21, 0.12, None), ("Bristol", 51.45, -2.59, None), ("Glasgow", 55.86, -4.25, None)]),
    ("IN", 50, &[("New Delhi", 28.61, 77.21, None), ("Mumbai", 19.08, 72.88, None), ("Bengaluru", 12.97, 77.59, None), ("Chennai", 13.08, 80.27, None), ("Kolkata", 22.57, 88.36, None), ("Hyderabad", 17.39, 78.49, None)]),
    ("FR", 45, &[("Paris", 48.86, 2.35, None), ("Lyon", 45.76, 4.84, None), ("Marseille", 43.30, 5.37, None), ("Toulouse", 43.60, 1.44, None), ("Strasbourg", 48.57, 7.75, None), ("Montpellier", 43.61, 3.88, None)]),
    ("IT", 35, &[("Roma", 41.90, 12.50, None), ("Milano", 45.46, 9.19, None), ("Bologna", 44.49, 11.34, None), ("Napoli", 40.85, 14.27, None), ("Torino", 45.07, 7.69, None), ("Padova", 45.41, 11.88, None)]),
    ("BR", 30, &[("São Paulo", -23.55, -46.63, None), ("Rio de Janeiro", -22.91, -43.17, None), ("Belo Horizonte", -19.92, -43.94, None), ("Porto Alegre", -30.03, -51.23, None), ("Recife", -8.05, -34.88, None)]),
    ("KR", 30, &[("Seoul", 37.57, 126.98, Some("서울")), ("Busan", 35.18, 129.08, Some("부산")), ("Daejeon", 36.35, 127.38, Some("대전")), ("Daegu", 35.87, 128.60, Some("대구")), ("Gwangju", 35.16, 126.85, Some("광주"))]),
    ("CA", 30, &[("Toronto", 43.65, -79.38, None), ("Montréal", 45.50, -73.57, None), ("Vancouver", 49.28, -123.12, None), ("Ottawa", 45.42, -75.70, None), ("Calgary", 51.05, -114.07, None)]),
    ("ES", 28, &[("Madrid", 40.42, -3.70, None), ("Barcelona", 41.39, 2.17, None), ("Valencia", 39.47, -0.38, None), ("Sevilla", 37.39, -5.98, None), ("Salamanca", 40.97, -5.66, None)]),
    ("AU", 25, &[("Sydney", -33.87, 151.21, None), ("Melbourne", -37.81, 144.96, None), ("Brisbane", -27.47, 153.03, None), ("Perth", -31.95, 115.86, None), ("Adelaide", -34.93, 138.60, None)]),
    ("SE", 20, &[("Stockholm", 59.33, 18.07, None), ("Göteborg", 57.71, 11.97, None), ("Uppsala", 59.86, 17.64, None), ("Lund", 55.70, 13.19, None), ("Umeå", 63.83, 20.26, None), ("Linköping", 58.41, 15.62, None)]),
    ("TW", 15, &[("Taipei", 25.03, 121.57, Some("臺北")), ("Hsinchu", 24.80, 120.97, Some("新竹")), ("Tainan", 22.99, 120.21, Some("臺南")), ("Taichung", 24.15, 120.67, Some("臺中"))]),
    ("NL", 15, &[("Amsterdam", 52.37, 4.90, None), ("Utrecht", 52.09, 5.12, None), ("Leiden", 52.16, 4.49, None), ("Rotterdam", 51.92, 4.48, None), ("Groningen", 53.22, 6.57, None)]),
    ("CH", 12, &[("Zürich", 47.38, 8.54, None), ("Genève", 46.20, 6.14, None), ("Basel", 47.56, 7.59, None), ("Bern", 46.95, 7.45, None), ("Lausanne", 46.52, 6.63, None)]),
    ("RU", 15, &[("Moskva", 55.76, 37.62, None), ("Sankt-Peterburg", 59.93, 30.34, None), ("Novosibirsk", 55.01, 82.93, None), ("Kazan", 55.80, 49.11, None)]),
    ("PL", 12, &[("Warszawa", 52.23, 21.01, None), ("Kraków", 50.06, 19.94, None), ("Wrocław", 51.11, 17.04, None), ("Gdańsk", 54.35, 18.65, None)]),
    ("TR", 12, &[("Ankara", 39.93, 32.86, None), ("İstanbul", 41.01, 28.98, None), ("İzmir", 38.42, 27.14, None)]),
    ("MX", 10, &[("Ciudad de México", 19.43, -99.13, None), ("Guadalajara", 20.66, -103.35, None), ("Monterrey", 25.69, -100.32, None)]),
    ("ZA", 8, &[("Cape Town", -33.92, 18.42, None), ("Johannesburg", -26.20, 28.05, None), ("Durban", -29.86, 31.02, None), ("Pretoria", -25.75, 28.19, None)]),
    ("NO", 8, &[("Oslo", 59.91, 10.75, None), ("Bergen", 60.39, 5.32, None), ("Trondheim", 63.43, 10.40, None), ("Tromsø", 69.65, 18.96, None)]),
    ("DK", 8, &[("København", 55.68, 12.57, None), ("Aarhus", 56.16, 10.20, None), ("Odense", 55.40, 10.39, None)]),
    ("FI", 8, &[("Helsinki", 60.17, 24.94, None), ("Turku", 60.45, 22.27, None), ("Tampere", 61.50, 23.79, None), ("Oulu", 65.01, 25.47, None)]),
    ("BE", 8, &[("Bruxelles", 50.85, 4.35, None), ("Leuven", 50.88, 4.70, None), ("Gent", 51.05, 3.72, None), ("Liège", 50.63, 5.57, None)]),
    ("AT", 7, &[("Wien", 48.21, 16.37, None), ("Graz", 47.07, 15.44, None), ("Innsbruck", 47.27, 11.40, None)]),
    ("IL", 6, &[("Jerusalem", 31.77, 35.21, None), ("Tel Aviv", 32.09, 34.78, None), ("Haifa", 32.79, 34.99, None)]),
    ("SG", 5, &[("Singapore", 1.35, 103.82, None)]),
    ("TH", 6, &[("Bangkok", 13.76, 100.50, None), ("Chiang Mai", 18.79, 98.98, None)]),
    ("ID", 8, &[("Jakarta", -6.21, 106.85, None), ("Bandung", -6.92, 107.62, None), ("Yogyakarta", -7.80, 110.36, None)]),
    ("KE", 5, &[("Nairobi", -1.29, 36.82, None), ("Mombasa", -4.04, 39.67, None), ("Kisumu", -0.09, 34.77, None)]),
    ("NG", 6, &[("Lagos", 6.52, 3.38, None), ("Ibadan", 7.38, 3.95, None), ("Abuja", 9.08, 7.40, None)]),
    ("EG", 5, &[("Cairo", 30.04, 31.24, None), ("Alexandria", 31.20, 29.92, None)]),
    ("AR", 6, &[("Buenos Aires", -34.60, -58.38, None), ("Córdoba", -31.42, -64.18, None), ("Rosario", -32.94, -60.64, None)]),
    ("CL", 5, &[("Santiago", -33.45, -70.67, None), ("Valparaíso", -33.05, -71.62, None), ("Concepción", -36.83, -73.05, None)]),
    ("PE", 3, &[("Lima", -12.05, -77.04, None), ("Cusco", -13.53, -71.97, None)]),
    ("VN", 4, &[("Hà Nội", 21.03, 105.85, None), ("Hồ Chí Minh", 10.82, 106.63, None)]),
    ("NZ", 4, &[("Auckland", -36.85, 174.76, None), ("Wellington", -41.29, 174.78, None), ("Dunedin", -45.88, 170.50, None)]),
    ("IE", 4, &[("Dublin", 53.35, -6.26, None), ("Cork", 51.90, -8.47, None), ("Galway", 53.27, -9.05, None)]),
    ("PT", 5, &[("Lisboa", 38.72, -9.14, None), ("Porto", 41.15, -8.61, None), ("Coimbra", 40.21, -8.43, None)]),
    ("GR", 4, &[("Athína", 37.98, 23.73, None), ("Thessaloníki", 40.64, 22.94, None)]),
    ("CZ", 4, &[("Praha", 50.08, 14.44, None), ("Brno", 49.20, 16.61, None)]),
    ("HU", 3, &[("Budapest", 47.50, 19.04, None), ("Szeged", 46.25, 20.15, None)]),
    ("IR", 6, &[("Tehran", 35.69, 51.39, None), ("Isfahan", 32.65, 51.67, None), ("Shiraz", 29.59, 52.58, None)]),
    ("PK", 5, &[("Islamabad", 33.68, 73.05, None), ("Lahore", 31.55, 74.34, None), ("Karachi", 24.86, 67.01, None)]),
    ("BD", 3, &[("Dhaka", 23.81, 90.41, None), ("Chittagong", 22.36, 91.78, None)]),
    ("MY", 4, &[("Kuala Lumpur", 3.139, 101.69, None), ("Penang", 5.41, 100.33, None)]),
    ("PH", 3, &[("Manila", 14.60, 120.98, None), ("Cebu", 10.32, 123.89, None)]),
    ("SA", 3, &[("Riyadh", 24.71, 46.68, None), ("Jeddah", 21.49, 39.19, None)]),
    ("ET", 2, &[("Addis Ababa", 9.03, 38.74, None)]),
    ("GH", 2, &[("Accra", 5.60, -0.19, None), ("Kumasi", 6.69, -1.62, None)]),
    ("UG", 2, &[("Kampala", 0.35, 32.58, None)]),
    ("TZ", 2, &[("Dar es Salaam", -6.79, 39.21, None)]),
    ("CO", 4, &[("Bogotá", 4.71, -74.07, None), ("Medellín", 6.24, -75.58, None)]),
    ("IS", 1, &[("Reykjavík", 64.15, -21.94, None)]),
    ("EE", 1, &[("Tallinn", 59.44, 24.75, None), ("Tartu", 58.38, 26.72, None)]),
];

/// Subjects, in English, with their Japanese and Chinese forms and an ISCED-F code.
#[rustfmt::skip]
pub const FIELDS: &[(&str, &str, &str, &str)] = &[
    ("Medicine", "医科", "医科", "0912"),
    ("Medical Sciences", "医学", "医学", "0912"),
    ("Technology", "工業", "理工", "0788"),
    ("Engineering", "工学", "工程", "0710"),
    ("Science", "理科", "科学", "0588"),
    ("Agriculture", "農業", "农业", "0811"),
    ("Pharmacy", "薬科", "药科", "0916"),
    ("Nursing", "看護", "护理", "0913"),
    ("International Studies", "国際", "国际", "0312"),
    ("Fine Arts", "芸術", "艺术", "0213"),
    ("Economics", "経済", "财经", "0311"),
    ("Informatics", "情報", "信息", "0611"),
    ("Public Health", "公衆衛生", "公共卫生", "0988"),
    ("Dentistry", "歯科", "口腔", "0911"),
    ("Education", "教育", "师范", "0111"),
    ("Marine Science", "海洋", "海洋", "0521"),
    ("Biology", "生物", "生物", "0511"),
    ("Chemistry", "化学", "化学", "0531"),
    ("Physics", "物理", "物理", "0533"),
    ("Environmental Studies", "環境", "环境", "0521"),
    ("Neuroscience", "脳科学", "脑科学", "0912"),
    ("Veterinary Medicine", "獣医", "兽医", "0841"),
    ("Law", "法学", "政法", "0421"),
    ("Foreign Studies", "外国語", "外国语", "0231"),
    ("Sport Sciences", "体育", "体育", "1014"),
];

/// Family names used in institution names and for contacts.
#[rustfmt::skip]
pub const SURNAMES: &[&str] = &[
    "Carnegie", "Mellon", "Pasteur", "Curie", "Koch", "Humboldt", "Planck", "Helmholtz",
    "Nobel", "Linnaeus", "Darwin", "Newton", "Fleming", "Lister", "Jenner", "Kitasato",
    "Noguchi", "Yamanaka", "Hideyo", "Tagore", "Raman", "Bose", "Salk", "Sabin", "Osler",
    "Cajal", "Golgi", "Virchow", "Ehrlich", "Semmelweis", "Banting", "Best", "Hopkins",
    "Mayo", "Johnson", "Watson", "Crick", "Franklin", "Hodgkin", "Sanger", "Lindqvist",
    "Andersson", "Bergström", "Nakamura", "Suzuki", "Tanaka", "Watanabe", "Kobayashi",
    "Wang", "Li", "Zhang", "Chen", "Liu", "Kim", "Park", "Nguyen", "Silva", "Santos",
    "García", "Fernández", "Müller", "Schmidt", "Schneider", "Dubois", "Lefèvre", "Rossi",
    "Bianchi", "Kowalski", "Novák", "Ivanov", "Okafor", "Mensah", "Kamau", "Haddad",
];

/// Given names of contacts.
#[rustfmt::skip]
pub const GIVEN: &[&str] = &[
    "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Yuki", "Haruto", "Sakura", "Ren",
    "Wei", "Jing", "Min-jun", "Seo-yeon", "Priya", "Arjun", "Lucía", "Mateo", "Sofia",
    "Lukas", "Emma", "Noah", "Olivia", "Liam", "Chloé", "Hugo", "Giulia", "Marco", "Ama",
    "Kwame", "Amina", "Omar", "Fatima", "Ana", "João", "Mei", "Hiroshi", "Aiko", "Linh",
];

/// Japanese names of contacts in Japan.
#[rustfmt::skip]
pub const JA_PEOPLE: &[&str] = &[
    "山田 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲", "田中 健", "伊藤 さくら", "渡辺 翔",
    "中村 陽子", "小林 大輔", "加藤 結衣",
];

/// What English institution names are made of.
#[rustfmt::skip]
pub const INSTITUTIONS: &[&str] = &[
    "University", "Institute", "College", "Hospital", "Research Centre", "Academy",
    "Laboratory", "Foundation", "School", "Medical Center", "Polytechnic", "Observatory",
];

/// Qualifiers that make names distinct.
#[rustfmt::skip]
pub const QUALIFIERS: &[&str] = &[
    "National", "Central", "Royal", "Metropolitan", "Prefectural", "Municipal", "Northern",
    "Southern", "Eastern", "Western", "Advanced", "Applied", "Graduate", "Open", "Free",
    "Catholic", "Technical", "Regional", "Pacific", "Atlantic", "Imperial", "Federal",
];

/// Study programmes named in agreements.
#[rustfmt::skip]
pub const STUDY_PROGRAMMES: &[&str] = &[
    "Biomedicine", "Global Health", "Nursing", "Medicine", "Public Health Sciences",
    "Molecular Techniques in Life Science", "Health Informatics", "Toxicology",
    "Physiotherapy", "Dental Medicine", "Bioentrepreneurship", "Epidemiology",
];

/// Research fields named in agreements.
#[rustfmt::skip]
pub const RESEARCH_FIELDS: &[&str] = &[
    "stem cells", "neuroscience", "cancer biology", "immunology", "epidemiology",
    "ageing", "regenerative medicine", "infectious diseases", "bioinformatics",
    "cardiovascular research", "metabolism", "structural biology",
];
