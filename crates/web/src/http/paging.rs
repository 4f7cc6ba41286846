//! Numbered pages of HTML lists: the `page` parameter, page addresses, and
//! where a page sits among its neighbours (the `pager` macro shows it).

use kizuna_core::read::NumberedPage;
use serde::Serialize;

use crate::AppError;

/// The page a `page` parameter asks for: the first when it is absent or blank.
pub fn page_number(page: Option<&str>) -> Result<usize, AppError> {
    match page.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(1),
        Some(p) => p
            .parse()
            .map_err(|_| AppError::BadRequest(format!("`page` must be a page number, not `{p}`"))),
    }
}

/// `path?query` with `page=N` added past the first page.
pub fn with_page(path: &str, query: String, page: usize) -> String {
    let mut query = query;
    if page > 1 {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&format!("page={page}"));
    }
    match query.is_empty() {
        true => path.to_owned(),
        false => format!("{path}?{query}"),
    }
}

/// Where a numbered page sits among its neighbours.
#[derive(Debug, Serialize)]
pub struct Pages {
    /// Records in the whole selection.
    pub total: usize,
    /// This page, from 1.
    pub page: usize,
    /// How many pages.
    pub pages: usize,
    /// The previous page's address.
    pub previous: Option<String>,
    /// The next page's address.
    pub next: Option<String>,
}

impl Pages {
    /// Page `cut` of the list at `path?query`.
    pub fn of<T>(cut: &NumberedPage<'_, T>, path: &str, query: &str) -> Self {
        let link = |n| with_page(path, query.to_owned(), n);
        Pages {
            total: cut.total,
            page: cut.number,
            pages: cut.pages,
            previous: (cut.number > 1).then(|| link(cut.number - 1)),
            next: (cut.number < cut.pages).then(|| link(cut.number + 1)),
        }
    }
}
