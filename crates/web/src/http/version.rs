//! Versions on the wire: a record's revision is its strong `ETag` (`"42"`),
//! and `If-Match` (RFC 9110 §13.1.1) names the versions a change is meant for.

use axum::http::{HeaderMap, HeaderValue, header};

use kizuna_domain::Entity;

use crate::{AppError, AppState};

/// What the OpenAPI document says an `If-Match` value looks like: `*` or a
/// comma-separated list of entity tags. Anything else is refused with 400.
pub const IF_MATCH_PATTERN: &str = r#"^(\*|(W/)?"[!#-~]*"([ \t]*,[ \t]*(W/)?"[!#-~]*")*)$"#;

/// A revision no record ever has (revisions count from 1): what an entity tag
/// that is not one of ours stands for, so the write answers 412.
const NO_REVISION: i64 = -1;

/// The parsed `If-Match` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// `*`: whatever version is current.
    Any,
    /// The strong entity tags listed (weak ones never match, RFC 9110 §8.8.3.2).
    Tags(Vec<String>),
}

impl IfMatch {
    /// The header of a request, if sent; a value that is not `*` or a list of
    /// entity tags is a 400.
    pub fn from_headers(headers: &HeaderMap) -> Result<Option<IfMatch>, AppError> {
        // An empty value is an empty list (RFC 9110 §5.6.1): no condition.
        let mut all = headers
            .get_all(header::IF_MATCH)
            .iter()
            .filter(|v| !v.as_bytes().iter().all(|b| *b == b' ' || *b == b'\t'))
            .peekable();
        if all.peek().is_none() {
            return Ok(None);
        }
        let mut tags = Vec::new();
        for value in all {
            match parse(value)? {
                IfMatch::Any => return Ok(Some(IfMatch::Any)),
                IfMatch::Tags(more) => tags.extend(more),
            }
        }
        Ok(Some(IfMatch::Tags(tags)))
    }

    /// The revision a single tag names without looking anything up, when
    /// that is all the header says.
    fn only_revision(&self) -> Option<i64> {
        match self {
            IfMatch::Tags(tags) if tags.len() == 1 => Some(revision_of(&tags[0])),
            _ => None,
        }
    }

    /// The revision to expect of a record whose current revision is
    /// `current` (None: it does not exist): the current one when the header
    /// matches it, else one no record has, so the write is refused with 412.
    pub fn expected(&self, current: Option<i64>) -> i64 {
        match (self, current) {
            (_, None) => self.only_revision().unwrap_or(NO_REVISION),
            (IfMatch::Any, Some(now)) => now,
            (IfMatch::Tags(tags), Some(now)) => {
                if tags.iter().any(|t| revision_of(t) == now) {
                    now
                } else {
                    NO_REVISION
                }
            }
        }
    }

    /// The revision to expect, asking `current` for the record's revision
    /// only when the header cannot say it alone (`*`, several tags).
    pub async fn resolve<F>(&self, current: F) -> Result<i64, AppError>
    where
        F: AsyncFnOnce() -> Result<Option<i64>, AppError>,
    {
        match self.only_revision() {
            Some(revision) => Ok(revision),
            None => Ok(self.expected(current().await?)),
        }
    }
}

/// The revision an opaque tag stands for; a tag this server never gave out
/// (`"stale-0"`) stands for none.
fn revision_of(tag: &str) -> i64 {
    // Compared as text (strong comparison): `"007"` is not the tag of revision 7.
    tag.parse::<i64>()
        .ok()
        .filter(|r| *r > 0 && r.to_string() == tag)
        .unwrap_or(NO_REVISION)
}

fn malformed() -> AppError {
    AppError::BadRequest(
        "`If-Match` must be `*` or the record's ETag as sent, like `\"42\"`".to_owned(),
    )
}

/// One header line: `*` or `#entity-tag`, where a tag may hold commas.
fn parse(value: &HeaderValue) -> Result<IfMatch, AppError> {
    let text = value.to_str().map_err(|_| malformed())?.trim();
    if text == "*" {
        return Ok(IfMatch::Any);
    }
    let mut tags = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        let (weak, tagged) = match rest.strip_prefix("W/") {
            Some(after) => (true, after),
            None => (false, rest),
        };
        let quoted = tagged.strip_prefix('"').ok_or_else(malformed)?;
        let end = quoted.find('"').ok_or_else(malformed)?;
        let opaque = &quoted[..end];
        if !opaque
            .bytes()
            .all(|b| b == b'!' || (b'#'..=b'~').contains(&b))
        {
            return Err(malformed());
        }
        if !weak {
            tags.push(opaque.to_owned());
        }
        rest = quoted[end + 1..].trim_start_matches([' ', '\t']);
        match rest.strip_prefix(',') {
            Some(after) => rest = after,
            None if rest.is_empty() => return Ok(IfMatch::Tags(tags)),
            None => return Err(malformed()),
        }
    }
}

/// The revision `If-Match` asks for, if sent, resolved with `current`.
pub async fn if_match_optional<F>(headers: &HeaderMap, current: F) -> Result<Option<i64>, AppError>
where
    F: AsyncFnOnce() -> Result<Option<i64>, AppError>,
{
    match IfMatch::from_headers(headers)? {
        Some(condition) => Ok(Some(condition.resolve(current).await?)),
        None => Ok(None),
    }
}

/// The revision `If-Match` asks for; without one the change is refused with 428.
pub async fn if_match<F>(headers: &HeaderMap, current: F) -> Result<i64, AppError>
where
    F: AsyncFnOnce() -> Result<Option<i64>, AppError>,
{
    if_match_optional(headers, current).await?.ok_or_else(|| {
        AppError::PreconditionRequired(
            "send the ETag of the version you changed as `If-Match` (GET the record first)"
                .to_owned(),
        )
    })
}

/// The stored revision of record `id`, if it exists: what `*` and lists of
/// tags are compared with.
pub async fn current_revision<E: Entity>(
    state: &AppState,
    id: &str,
) -> Result<Option<i64>, AppError> {
    Ok(state.registry().get::<E>(id).await?.map(|v| v.revision))
}

/// An ETag header value for a revision.
pub fn etag(revision: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{revision}\"")).expect("digits are header-safe")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(value: &str) -> Result<Option<IfMatch>, AppError> {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MATCH, HeaderValue::from_str(value).unwrap());
        IfMatch::from_headers(&headers)
    }

    #[test]
    fn tags_parse_and_match_the_current_revision() {
        let tags = |v| parsed(v).unwrap().unwrap();
        assert_eq!(tags("*"), IfMatch::Any);
        assert_eq!(tags("*").expected(Some(7)), 7);
        assert_eq!(tags("\"7\"").expected(Some(7)), 7);
        assert_eq!(tags("\"3\", \"7\"").expected(Some(7)), 7);
        assert_eq!(tags("\"stale-0\"").expected(Some(7)), NO_REVISION);
        assert_eq!(
            tags("W/\"7\"").expected(Some(7)),
            NO_REVISION,
            "weak never matches"
        );
        assert_eq!(tags("\"+7\"").expected(Some(7)), NO_REVISION);
        assert_eq!(tags("\"007\"").expected(Some(7)), NO_REVISION);
        assert_eq!(tags("\"-1\"").expected(Some(-1)), NO_REVISION);
        assert_eq!(tags("\"9\"").only_revision(), Some(9));
    }

    #[test]
    fn values_that_are_not_entity_tags_are_malformed() {
        assert_eq!(parsed("").unwrap(), None, "an empty list names nothing");
        for bad in ["null", "42", "\"42", "W/", "\"a\"b\"", "\"a b\"", ","] {
            assert!(parsed(bad).is_err(), "{bad:?}");
        }
        for good in ["*", "\"1\"", "W/\"x\", \"2\"", "\"a,b\" ,\"3\""] {
            assert!(parsed(good).is_ok(), "{good}");
        }
        assert_eq!(
            parsed("\"a,b\", \"3\"").unwrap(),
            Some(IfMatch::Tags(vec!["a,b".to_owned(), "3".to_owned()]))
        );
    }
}
