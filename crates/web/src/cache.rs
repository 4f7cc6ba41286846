//! Answers that depend only on the data (and the day, for derived statuses)
//! kept as bytes until the registry's revision or the day changes, so a
//! popular country page or map view is rendered once per change, not per
//! request. Bounded by total size: when full it starts over.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use crate::http::compression::Precompressible;

/// Most bytes held before the cache starts over.
const BUDGET_BYTES: usize = 32 * 1024 * 1024;
/// What an answer costs beside its body and key: the map's slot, the page's
/// handles and the allocator's rounding. Counted so that many small answers
/// (20,000 map views of 3.5 KB) cannot hold far more than the budget says.
const ENTRY_BYTES: usize = 256;

/// A rendered answer.
#[derive(Debug, Clone)]
pub struct CachedPage {
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// Its body, with the gzip form made the first time a client asks.
    pub body: Precompressible,
    /// Its `ETag`, for single records of the API.
    pub etag: Option<HeaderValue>,
}

impl CachedPage {
    /// `body` as `content_type`, with `etag` when it names a version.
    pub fn new(content_type: &'static str, body: Bytes, etag: Option<HeaderValue>) -> Self {
        CachedPage {
            content_type,
            body: Precompressible::new(body),
            etag,
        }
    }
}

impl IntoResponse for CachedPage {
    fn into_response(self) -> Response {
        let body = self.body.identity();
        let mut response = ([(header::CONTENT_TYPE, self.content_type)], body).into_response();
        match self.etag {
            // A tagged answer is one exact representation: it goes as it is.
            Some(etag) => {
                response.headers_mut().insert(header::ETAG, etag);
            }
            None if self.body.worth_it() => {
                response.extensions_mut().insert(self.body);
            }
            None => {}
        }
        response
    }
}

#[derive(Default)]
struct Entries {
    revision: i64,
    day: Option<NaiveDate>,
    bytes: usize,
    pages: HashMap<String, CachedPage>,
}

/// Rendered answers of one revision and day, by request.
#[derive(Default)]
pub struct PageCache {
    entries: Mutex<Entries>,
}

impl PageCache {
    /// The answer to `key` rendered at this revision and day, if kept.
    pub fn get(&self, revision: i64, day: NaiveDate, key: &str) -> Option<CachedPage> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.revision != revision || entries.day != Some(day) {
            return None;
        }
        entries.pages.get(key).cloned()
    }

    /// Keeps the answer to `key` rendered at this revision and day.
    pub fn put(&self, revision: i64, day: NaiveDate, key: String, page: CachedPage) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        // An older revision's answer never replaces a newer one's.
        if revision < entries.revision {
            return;
        }
        let cost = page.body.size() + key.len() + ENTRY_BYTES;
        if entries.revision != revision
            || entries.day != Some(day)
            || entries.bytes + cost > BUDGET_BYTES
        {
            *entries = Entries {
                revision,
                day: Some(day),
                ..Entries::default()
            };
        }
        entries.bytes += cost;
        entries.pages.insert(key, page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &'static str) -> CachedPage {
        CachedPage::new("text/plain", Bytes::from_static(text.as_bytes()), None)
    }

    #[test]
    fn answers_are_kept_per_revision_and_day() {
        let cache = PageCache::default();
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        cache.put(3, day, "/a".into(), page("three"));
        assert_eq!(cache.get(3, day, "/a").unwrap().body.identity(), "three");
        assert!(cache.get(4, day, "/a").is_none(), "a newer revision misses");
        assert!(
            cache.get(3, day.succ_opt().unwrap(), "/a").is_none(),
            "so does the next day"
        );
        cache.put(4, day, "/a".into(), page("four"));
        cache.put(3, day, "/a".into(), page("stale"));
        assert_eq!(cache.get(4, day, "/a").unwrap().body.identity(), "four");
        assert!(cache.get(3, day, "/a").is_none());
    }

    #[test]
    fn many_small_answers_count_what_each_entry_costs() {
        let cache = PageCache::default();
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let fits = BUDGET_BYTES / (ENTRY_BYTES + "/0000000".len() + 1);
        for i in 0..fits {
            cache.put(1, day, format!("/{i:07}"), page("x"));
        }
        assert!(cache.get(1, day, "/0000000").is_some(), "all of them fit");
        for i in fits..fits + ENTRY_BYTES {
            cache.put(1, day, format!("/{i:07}"), page("x"));
        }
        assert!(
            cache.get(1, day, "/0000000").is_none(),
            "the budget counts entries, not only bodies: the cache started over"
        );
    }

    #[test]
    fn a_kept_record_answers_with_its_etag() {
        let mut tagged = page("{}");
        tagged.etag = Some(HeaderValue::from_static("\"7\""));
        let response = tagged.into_response();
        assert_eq!(response.headers()[header::ETAG], "\"7\"");
        assert!(
            !page("{}")
                .into_response()
                .headers()
                .contains_key(header::ETAG)
        );
    }
}
