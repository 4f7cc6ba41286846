//! The back office's word filter: staff type a few words into a list's box
//! and expect every record that holds them anywhere, internal fields
//! included (an email, a ROR id, a line of the notes).

use kizuna_domain::Entity;

/// Words that must all occur somewhere in a record, ignoring case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffWords(Vec<String>);

impl StaffWords {
    /// The words of `q`, lower-cased; blank means every record.
    pub fn new(q: &str) -> Self {
        StaffWords(
            q.to_lowercase()
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        )
    }

    /// The records that hold every word, in the order given. Each record is
    /// looked at as its JSON text, so every field counts.
    pub fn select<'a, E: Entity>(&self, records: Vec<&'a E>) -> Vec<&'a E> {
        if self.0.is_empty() {
            return records;
        }
        records.into_iter().filter(|r| self.holds(*r)).collect()
    }

    fn holds<E: Entity>(&self, record: &E) -> bool {
        let json = serde_json::to_string(record)
            .unwrap_or_default()
            .to_lowercase();
        // The name as written too: JSON escapes quotes and backslashes.
        let title = || record.title().to_lowercase();
        self.0
            .iter()
            .all(|w| json.contains(w.as_str()) || title().contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use kizuna_domain::Contact;

    use super::StaffWords;

    fn contact(id: &str, name: &str, role: &str) -> Contact {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "name": name,
            "email": format!("{id}@example.org"),
            "role": role,
        }))
        .unwrap()
    }

    #[test]
    fn every_word_must_be_somewhere_in_the_record() {
        let people = [
            contact("anna", "Anna Berg", "Met at NAFSA"),
            contact("kenji", "Kenji \"Ken\" Sato", "東京 office"),
            contact("maria", "María Sjöberg", ""),
        ];
        let found = |q: &str| -> Vec<String> {
            StaffWords::new(q)
                .select(people.iter().collect())
                .iter()
                .map(|c| c.id.to_string())
                .collect()
        };
        assert_eq!(found(""), ["anna", "kenji", "maria"], "blank is everyone");
        assert_eq!(found("nafsa"), ["anna"], "any field counts");
        assert_eq!(found("ANNA example.org"), ["anna"], "all words, any case");
        assert_eq!(found("anna sato"), Vec::<String>::new());
        assert_eq!(found("\"ken\""), ["kenji"], "quotes as typed");
        assert_eq!(found("東京"), ["kenji"]);
        assert_eq!(found("MARÍA SJÖBERG"), ["maria"], "non-ASCII case");
    }
}
