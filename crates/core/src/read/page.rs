//! Keyset pagination over id-ordered selections: a page is cut from
//! references, so only the records on it are ever copied.

use std::sync::Arc;

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
        Self::cut_from(&items, |t| *t, id, cursor, limit)
    }

    /// Cuts the page after `cursor` out of an id-ordered index of shared
    /// records, every one of which is in the selection: only the records on
    /// the page are touched, so a page costs the same at any registry size.
    pub fn cut_shared(
        items: &'a [Arc<T>],
        id: impl Fn(&T) -> &str,
        cursor: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Self, PageError> {
        Self::cut_from(items, |t| &**t, id, cursor, limit)
    }

    fn cut_from<'b, S>(
        items: &'b [S],
        get: impl Fn(&'b S) -> &'a T,
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
        // The first record after the cursor, by binary search over id order.
        let (mut start, mut above) = (0, total);
        if let Some(a) = &after {
            while start < above {
                let mid = start + (above - start) / 2;
                if id(get(&items[mid])) <= a.as_str() {
                    start = mid + 1;
                } else {
                    above = mid;
                }
            }
        }
        let end = (start + limit).min(total);
        let page: Vec<&'a T> = items[start..end].iter().map(get).collect();
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

/// One numbered page of a selection, for pages people click through.
#[derive(Debug)]
pub struct NumberedPage<'a, T> {
    /// The records on this page.
    pub items: Vec<&'a T>,
    /// How many records the whole selection holds.
    pub total: usize,
    /// This page's number, from 1 (a number past the end shows the last page).
    pub number: usize,
    /// How many pages there are (at least 1, even when empty).
    pub pages: usize,
}

impl<'a, T> NumberedPage<'a, T> {
    /// Cuts page `number` (from 1) of `per_page` records out of `items`.
    pub fn cut(items: Vec<&'a T>, number: usize, per_page: usize) -> Self {
        let total = items.len();
        let (number, pages, start, end) = bounds(total, number, per_page);
        NumberedPage {
            items: items[start..end].to_vec(),
            total,
            number,
            pages,
        }
    }

    /// Cuts page `number` (from 1) of `per_page` records out of `items` in
    /// the order of their ranks (unique per record), without sorting the
    /// whole selection: the page's records are found by selection, in time
    /// linear in the selection, and only they are sorted.
    pub fn cut_ranked(
        items: Vec<&'a T>,
        rank: impl Fn(&T) -> u32,
        number: usize,
        per_page: usize,
    ) -> Self {
        let ranked = items.into_iter().map(|t| (rank(t), t)).collect();
        Self::cut_by_rank(ranked, number, per_page)
    }

    /// [`NumberedPage::cut_ranked`] of items whose ranks are known.
    pub fn cut_by_rank(mut ranked: Vec<(u32, &'a T)>, number: usize, per_page: usize) -> Self {
        let total = ranked.len();
        let (number, pages, start, end) = bounds(total, number, per_page);
        if start < total {
            if start > 0 {
                ranked.select_nth_unstable_by_key(start, |(r, _)| *r);
            }
            let rest = &mut ranked[start..];
            if end - start < rest.len() {
                rest.select_nth_unstable_by_key(end - start, |(r, _)| *r);
            }
        }
        let page = &mut ranked[start..end];
        page.sort_unstable_by_key(|(r, _)| *r);
        NumberedPage {
            items: page.iter().map(|(_, t)| *t).collect(),
            total,
            number,
            pages,
        }
    }
}

/// The page shown (past the end: the last), the number of pages, and where
/// the page starts and ends among `total` records.
pub(crate) fn bounds(total: usize, number: usize, per_page: usize) -> (usize, usize, usize, usize) {
    let per_page = per_page.clamp(1, MAX_LIMIT);
    let pages = total.div_ceil(per_page).max(1);
    let number = number.clamp(1, pages);
    let start = ((number - 1) * per_page).min(total);
    (number, pages, start, (start + per_page).min(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("id-{i:03}")).collect()
    }

    #[test]
    fn ranked_pages_follow_the_ranks_without_gaps_or_repeats() {
        // Ranks in reverse id order, so the ranked order is not the given one.
        let all = ids(23);
        let rank = |s: &String| 100 - s[3..].parse::<u32>().unwrap();
        let mut seen = Vec::new();
        for number in 1..=3 {
            let refs: Vec<&String> = all.iter().collect();
            let page = NumberedPage::cut_ranked(refs, rank, number, 10);
            assert_eq!((page.total, page.pages, page.number), (23, 3, number));
            seen.extend(page.items.into_iter().cloned());
        }
        let mut expected = all.clone();
        expected.reverse();
        assert_eq!(seen, expected);
        let past = NumberedPage::cut_ranked(all.iter().collect(), rank, 9, 10);
        assert_eq!(past.items, [&all[2], &all[1], &all[0]]);
        let none: Vec<&String> = Vec::new();
        let empty = NumberedPage::cut_ranked(none, rank, 1, 10);
        assert_eq!((empty.items.len(), empty.pages), (0, 1));
        assert_eq!(bounds(45, 9, 20), (3, 3, 40, 45));
        assert_eq!(bounds(40, 2, 20), (2, 2, 20, 40));
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
    fn numbered_pages_cover_the_selection_once() {
        let all = ids(7);
        let refs: Vec<&String> = all.iter().collect();
        let second = NumberedPage::cut(refs.clone(), 2, 3);
        assert_eq!((second.total, second.pages, second.number), (7, 3, 2));
        assert_eq!(second.items, [&all[3], &all[4], &all[5]]);
        let past_the_end = NumberedPage::cut(refs.clone(), 9, 3);
        assert_eq!(past_the_end.number, 3);
        assert_eq!(past_the_end.items, [&all[6]]);
        assert_eq!(NumberedPage::cut(refs, 0, 3).number, 1);
        let none: Vec<&String> = Vec::new();
        let empty = NumberedPage::cut(none, 1, 3);
        assert_eq!((empty.pages, empty.items.len()), (1, 0));
    }

    #[test]
    fn shared_pages_cut_like_borrowed_ones() {
        let all: Vec<Arc<String>> = ids(7).into_iter().map(Arc::new).collect();
        let refs: Vec<&String> = all.iter().map(|s| &**s).collect();
        let mut cursor = None;
        loop {
            let shared = Page::cut_shared(&all, |s| s, cursor.as_deref(), Some(3)).unwrap();
            let borrowed = Page::cut(refs.clone(), |s| s, cursor.as_deref(), Some(3)).unwrap();
            assert_eq!(shared.items, borrowed.items);
            assert_eq!((shared.total, &shared.next), (7, &borrowed.next));
            match shared.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert!(Page::cut_shared(&all, |s| s, None, Some(0)).is_err());
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
