//! Helpers of the back-office tests: a signed-in staff member, requests
//! sent with their session cookie, and reading forms out of HTML the way a
//! browser would (the hidden `csrf` field included).

use axum::body::Body;
use axum::http::{Request, header};
use kizuna_domain::Role;

use crate::browser::{Browser, PASSWORD, add_user, csrf_field};
use crate::common::{TestApp, TestResponse};

/// A staff member signed in through the sign-in form: a browser session and
/// its CSRF token (which forms carry as their hidden `csrf` field).
pub struct Staff {
    pub cookie: String,
    pub csrf: String,
}

/// Signs in a new user of `role` (`{role}@example.org`).
pub async fn signed_in(app: &TestApp, role: Role) -> Staff {
    let email = format!("{role}@example.org");
    add_user(app, &email, role).await;
    let mut browser = Browser::new();
    let response = browser.login(app, &email, PASSWORD).await;
    assert_eq!(response.status, 303, "{}", response.body);
    let dashboard = browser.get(app, "/admin").await;
    Staff {
        cookie: browser.cookie.expect("signed in"),
        csrf: csrf_field(&dashboard.body),
    }
}

/// Sends a request with the staff member's session cookie (and no token
/// unless the request has one); the body's `&#x2f;` (how templates escape
/// `/`) is read back as `/` so URLs can be looked for.
pub async fn send(app: &TestApp, staff: &Staff, request: Request<Body>) -> TestResponse {
    let mut browser = Browser::new();
    browser.cookie = Some(staff.cookie.clone());
    let mut response = browser.send(app, request).await;
    response.body = response.body.replace("&#x2f;", "/");
    response
}

pub async fn get(app: &TestApp, staff: &Staff, uri: &str) -> TestResponse {
    send(app, staff, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// Posts a form as a browser would: only the fields given (a form read with
/// [`form_fields`] carries its `csrf` field; hand-made ones add
/// [`Staff::csrf`] themselves).
pub async fn post(
    app: &TestApp,
    staff: &Staff,
    uri: &str,
    fields: &[(String, String)],
) -> TestResponse {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(fields).unwrap()))
        .unwrap();
    send(app, staff, request).await
}

pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// The value of `name="…"` in one tag's text.
pub fn attr(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = start + tag[start..].find('"')?;
    Some(unescape(&tag[start..end]))
}

pub fn has_attr(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_whitespace() || c == '>')
        .any(|w| w == name || w.starts_with(&format!("{name}=")))
}

/// Every `<{name} …>` start tag of `html`, with what follows it.
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{name} ");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i..];
        let end = after.find('>').unwrap() + 1;
        found.push((&after[..end], &after[end..]));
        rest = &after[end..];
    }
    found
}

/// The fields a browser would send for the first admin form of a page (no button pressed).
pub fn form_fields(html: &str) -> Vec<(String, String)> {
    let start = html
        .find("<form class=\"admin-form")
        .expect("an admin form");
    let form = &html[start..start + html[start..].find("</form>").unwrap()];
    let mut fields: Vec<(usize, String, String)> = Vec::new();
    for (tag, _) in tags(form, "input") {
        let pos = tag.as_ptr() as usize;
        let kind = attr(tag, "type").unwrap_or_default();
        let Some(name) = attr(tag, "name") else {
            continue;
        };
        if kind == "checkbox" && !has_attr(tag, "checked") {
            continue;
        }
        fields.push((pos, name, attr(tag, "value").unwrap_or_default()));
    }
    for (tag, rest) in tags(form, "select") {
        let body = &rest[..rest.find("</select>").unwrap()];
        let chosen = tags(body, "option")
            .into_iter()
            .find(|(o, _)| has_attr(o, "selected"))
            .or_else(|| tags(body, "option").into_iter().next())
            .and_then(|(o, _)| attr(o, "value"))
            .unwrap_or_default();
        fields.push((tag.as_ptr() as usize, attr(tag, "name").unwrap(), chosen));
    }
    for (tag, rest) in tags(form, "textarea") {
        let body = &rest[..rest.find("</textarea>").unwrap()];
        // A browser drops one newline right after `<textarea>`.
        let body = body.strip_prefix('\n').unwrap_or(body);
        fields.push((
            tag.as_ptr() as usize,
            attr(tag, "name").unwrap(),
            unescape(body),
        ));
    }
    fields.sort_by_key(|f| f.0);
    fields.into_iter().map(|(_, k, v)| (k, v)).collect()
}

pub fn set(fields: &mut [(String, String)], name: &str, value: &str) {
    let field = fields
        .iter_mut()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("no field {name}"));
    field.1 = value.to_owned();
}

/// Asserts every visible control has a `<label for>` (or is inside a label).
pub fn assert_labelled(uri: &str, html: &str) {
    for name in ["input", "select", "textarea"] {
        for (tag, _) in tags(html, name) {
            let kind = attr(tag, "type").unwrap_or_default();
            if matches!(kind.as_str(), "hidden" | "submit" | "button") {
                continue;
            }
            let id =
                attr(tag, "id").unwrap_or_else(|| panic!("{uri}: a control without id: {tag}"));
            assert!(
                html.contains(&format!("for=\"{id}\"")) || attr(tag, "aria-label").is_some(),
                "{uri}: no label for {tag}"
            );
        }
    }
}

pub fn location(response: &TestResponse) -> &str {
    response
        .headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}
