//! Words of the back office in the reader's language that every admin page
//! shares: vocabulary labels and moments of the change log.

use crate::http::lang::{current, languages};

/// A vocabulary word in the reader's language.
pub fn word(word: &str) -> String {
    crate::templates::label_in(current(), word)
}

/// A moment of the change log as the reader writes it: the day in the
/// language's form and the time (UTC).
pub(super) fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    let day = languages().formats(current()).date(at.date_naive());
    format!("{day} {} UTC", at.format("%H:%M"))
}
