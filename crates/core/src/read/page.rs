//! Keyset pagination over id-ordered selections: a page is cut from
//! references, so only the records on it are ever copied.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Records per page when the client does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// The most records one page may hold.
pub const MAX_LIMIT: usize = 500;

/// Why a page cannot be cut.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// The limit is 0 or above [`MAX_LIMIT`].
    #[error("`limit` must be between 1 and {MAX_LIMIT}")]
    Limit,
    /// The cursor was not made by [`Page::next`].
    #[error("`cursor` is not one this API gave out")]
    Cursor,
}

/// One page of a selection.
#[derive(Debug)]
pub struct Page<'a, T> {
    /// The records on this page.
    pub items: Vec<&'a T>,
    /// How many records the whole selection holds.
    pub total: usize,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
}

impl<'a, T> Page<'a, T> {
    /// Cuts the page after `cursor` out of id-ordered `items`.
    pub fn cut(
        items: Vec<&'a T>,
        id: impl Fn(&T) -> &str,
        cursor: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Self, PageError> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(PageError::Limit);
        }
        let after = cursor
            .map(|c| {
                URL_SAFE_NO_PAD
                    .decode(c)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .ok_or(PageError::Cursor)
            })
            .transpose()?;
        let total = items.len();
        let start = match &after {
            Some(a) => items.partition_point(|i| id(i) <= a.as_str()),
            None => 0,
        };
        let end = (start + limit).min(total);
        let page: Vec<&'a T> = items[start..end].to_vec();
        let next = (end < total)
            .then(|| page.last().map(|last| URL_SAFE_NO_PAD.encode(id(last))))
            .flatten();
        Ok(Page {
            items: page,
            total,
            next,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("id-{i:03}")).collect()
    }

    #[test]
    fn pages_follow_each_other_without_gaps_or_repeats() {
        let all = ids(7);
        let refs: Vec<&String> = all.iter().collect();
        let first = Page::cut(refs.clone(), |s| s, None, Some(3)).unwrap();
        assert_eq!(first.total, 7);
        assert_eq!(first.items, [&all[0], &all[1], &all[2]]);
        let second = Page::cut(refs.clone(), |s| s, first.next.as_deref(), Some(3)).unwrap();
        assert_eq!(second.items, [&all[3], &all[4], &all[5]]);
        let last = Page::cut(refs, |s| s, second.next.as_deref(), Some(3)).unwrap();
        assert_eq!(last.items, [&all[6]]);
        assert_eq!(last.next, None);
    }

    #[test]
    fn a_full_last_page_has_no_next() {
        let all = ids(4);
        let page = Page::cut(all.iter().collect(), |s| s, None, Some(4)).unwrap();
        assert_eq!(page.next, None);
    }

    #[test]
    fn bad_limits_and_cursors_are_refused() {
        let all = ids(2);
        let refs: Vec<&String> = all.iter().collect();
        assert_eq!(
            Page::cut(refs.clone(), |s| s, None, Some(0)).unwrap_err(),
            PageError::Limit
        );
        assert_eq!(
            Page::cut(refs.clone(), |s| s, None, Some(501)).unwrap_err(),
            PageError::Limit
        );
        assert_eq!(
            Page::cut(refs, |s| s, Some("%%%"), None).unwrap_err(),
            PageError::Cursor
        );
    }
}
