//! A generated stand-in for the ROR file when ../shared is not there: the same
//! number of ROR v2-shaped records, spread over the world, some named in Japanese.

use std::io::Write;
use std::path::Path;

const WORDS: &[&str] = &[
    "University",
    "Institute",
    "Hospital",
    "College",
    "Centre",
    "Academy",
    "Laboratory",
    "School",
];
const PLACES: &[(&str, &str, f64, f64)] = &[
    ("Tokyo", "JP", 35.68, 139.69),
    ("Stockholm", "SE", 59.33, 18.07),
    ("Berlin", "DE", 52.52, 13.40),
    ("Nairobi", "KE", -1.29, 36.82),
    ("Lima", "PE", -12.05, -77.04),
    ("Boston", "US", 42.36, -71.06),
    ("Sydney", "AU", -33.87, 151.21),
    ("Göteborg", "SE", 57.71, 11.97),
];

/// Writes `count` records as JSON lines.
pub fn write(path: &Path, count: usize) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for i in 0..count {
        let (city, country, lat, lng) = PLACES[i % PLACES.len()];
        let spread = (i as f64 * 0.618_033_988_7).fract();
        let name = format!("{city} {} {i}", WORDS[i % WORDS.len()]);
        let mut names = vec![
            serde_json::json!({"lang": "en", "types": ["ror_display", "label"], "value": name}),
        ];
        if country == "JP" {
            names.push(serde_json::json!({"lang": "ja", "types": ["label"], "value": format!("東京研究所{i}")}));
        }
        let record = serde_json::json!({
            "id": format!("https://ror.org/0bench{i:05}"),
            "names": names,
            "types": ["education"],
            "status": "active",
            "established": 1900 + (i % 120),
            "locations": [{"geonames_id": i, "geonames_details": {"name": city, "country_code": country, "lat": lat + spread * 4.0 - 2.0, "lng": lng + spread * 6.0 - 3.0}}],
            "links": [], "external_ids": [], "relationships": [], "domains": [],
            "admin": {"created": {"date": "2020-01-01", "schema_version": "2.1"}, "last_modified": {"date": "2020-01-01", "schema_version": "2.1"}}
        });
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
