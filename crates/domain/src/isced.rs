//! Names of the ISCED-F 2013 fields of education and training, in English,
//! so a code like `0913` can be shown and searched as "Nursing and midwifery".

use crate::IscedCode;

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

/// Detailed fields (four digits).
const DETAILED: &[(&str, &str)] = &[
    ("0011", "Basic programmes and qualifications"),
    ("0021", "Literacy and numeracy"),
    ("0031", "Personal skills and development"),
    ("0111", "Education science"),
    ("0112", "Training for pre-school teachers"),
    ("0113", "Teacher training without subject specialisation"),
    ("0114", "Teacher training with subject specialisation"),
    ("0211", "Audio-visual techniques and media production"),
    ("0212", "Fashion, interior and industrial design"),
    ("0213", "Fine arts"),
    ("0214", "Handicrafts"),
    ("0215", "Music and performing arts"),
    ("0221", "Religion and theology"),
    ("0222", "History and archaeology"),
    ("0223", "Philosophy and ethics"),
    ("0231", "Language acquisition"),
    ("0232", "Literature and linguistics"),
    ("0311", "Economics"),
    ("0312", "Political sciences and civics"),
    ("0313", "Psychology"),
    ("0314", "Sociology and cultural studies"),
    ("0321", "Journalism and reporting"),
    ("0322", "Library, information and archival studies"),
    ("0411", "Accounting and taxation"),
    ("0412", "Finance, banking and insurance"),
    ("0413", "Management and administration"),
    ("0414", "Marketing and advertising"),
    ("0415", "Secretarial and office work"),
    ("0416", "Wholesale and retail sales"),
    ("0417", "Work skills"),
    ("0421", "Law"),
    ("0511", "Biology"),
    ("0512", "Biochemistry"),
    ("0521", "Environmental sciences"),
    ("0522", "Natural environments and wildlife"),
    ("0531", "Chemistry"),
    ("0532", "Earth sciences"),
    ("0533", "Physics"),
    ("0541", "Mathematics"),
    ("0542", "Statistics"),
    ("0611", "Computer use"),
    ("0612", "Database and network design and administration"),
    ("0613", "Software and applications development and analysis"),
    ("0711", "Chemical engineering and processes"),
    ("0712", "Environmental protection technology"),
    ("0713", "Electricity and energy"),
    ("0714", "Electronics and automation"),
    ("0715", "Mechanics and metal trades"),
    ("0716", "Motor vehicles, ships and aircraft"),
    ("0721", "Food processing"),
    ("0722", "Materials (glass, paper, plastic and wood)"),
    ("0723", "Textiles (clothes, footwear and leather)"),
    ("0724", "Mining and extraction"),
    ("0731", "Architecture and town planning"),
    ("0732", "Building and civil engineering"),
    ("0811", "Crop and livestock production"),
    ("0812", "Horticulture"),
    ("0821", "Forestry"),
    ("0831", "Fisheries"),
    ("0841", "Veterinary"),
    ("0911", "Dental studies"),
    ("0912", "Medicine"),
    ("0913", "Nursing and midwifery"),
    ("0914", "Medical diagnostic and treatment technology"),
    ("0915", "Therapy and rehabilitation"),
    ("0916", "Pharmacy"),
    ("0917", "Traditional and complementary medicine and therapy"),
    ("0921", "Care of the elderly and of disabled adults"),
    ("0922", "Child care and youth services"),
    ("0923", "Social work and counselling"),
    ("1011", "Domestic services"),
    ("1012", "Hair and beauty services"),
    ("1013", "Hotels, restaurants and catering"),
    ("1014", "Sports"),
    ("1015", "Travel, tourism and leisure"),
    ("1021", "Community sanitation"),
    ("1022", "Occupational health and safety"),
    ("1031", "Military and defence"),
    ("1032", "Protection of persons and property"),
    ("1041", "Transport services"),
];

fn find(table: &[(&str, &'static str)], code: &str) -> Option<&'static str> {
    table.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

impl IscedCode {
    /// The field's English name; the classification's catch-all codes
    /// (`0910`, `0919`, `0988`, `0900`) are named after the field they sit in.
    pub fn name(&self) -> Option<String> {
        let code = self.as_str();
        if let Some(name) = find(DETAILED, code) {
            return Some(name.to_owned());
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
