//! `Content-Disposition` (RFC 6266): the file name a client sends with an
//! upload, read by the grammar (quoted strings may hold `;` and escaped
//! quotes; `filename*` is an RFC 8187 ext-value), and the header a download
//! is sent with, which any client reads back to the same name.

/// The file name a `Content-Disposition` value gives: `filename*` when it
/// decodes, else `filename`; None when there is neither or the value does
/// not follow the grammar.
pub fn file_name(value: &str) -> Option<String> {
    let params = parameters(value)?;
    let find = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    find("filename*")
        .and_then(ext_value)
        .or_else(|| find("filename").map(str::to_owned))
}

/// `token` characters (RFC 9110 §5.6.2).
fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// The parameters after the disposition type, names as sent, values unquoted.
fn parameters(value: &str) -> Option<Vec<(String, String)>> {
    let mut rest = value.trim_start();
    let kind_end = rest.find(|c: char| !is_tchar(c)).unwrap_or(rest.len());
    if kind_end == 0 {
        return None;
    }
    rest = &rest[kind_end..];
    let mut params = Vec::new();
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            return Some(params);
        }
        rest = rest.strip_prefix(';')?.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            return Some(params); // a trailing `;` is common and harmless
        }
        let name_end = rest.find(|c: char| !is_tchar(c)).unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start_matches([' ', '\t']);
        rest = rest.strip_prefix('=')?.trim_start_matches([' ', '\t']);
        let (parsed, after) = match rest.strip_prefix('"') {
            Some(quoted) => quoted_string(quoted)?,
            None => {
                let end = rest.find(|c: char| !is_tchar(c)).unwrap_or(rest.len());
                (rest[..end].to_owned(), &rest[end..])
            }
        };
        if name.is_empty() {
            return None;
        }
        params.push((name.to_owned(), parsed));
        rest = after;
    }
}

/// The rest of a quoted string after its opening quote: its text with
/// escapes undone, and what follows the closing quote.
fn quoted_string(text: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &text[i + 1..])),
            '\\' => out.push(chars.next()?.1),
            c => out.push(c),
        }
    }
    None // never closed
}

/// An RFC 8187 ext-value: `UTF-8'lang'percent-encoded` (or ISO-8859-1).
fn ext_value(value: &str) -> Option<String> {
    let mut parts = value.splitn(3, '\'');
    let (charset, _language, encoded) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes = percent_decode(encoded)?;
    if charset.eq_ignore_ascii_case("utf-8") {
        String::from_utf8(bytes).ok()
    } else if charset.eq_ignore_ascii_case("iso-8859-1") {
        Some(bytes.into_iter().map(char::from).collect())
    } else {
        None
    }
}

/// Decodes `%XX` escapes; a `%` not followed by two hex digits is an error.
fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// `attachment` naming the file twice (RFC 6266 §4.3): a plain ASCII
/// `filename` for old clients, with every character that could end or bend
/// the quoted string replaced, and the exact name as `filename*`.
pub fn attachment(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            let plain = c == ' ' || (c.is_ascii_graphic() && !"\"\\;%".contains(c));
            if plain { c } else { '_' }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_names_may_hold_semicolons_and_escaped_quotes() {
        assert_eq!(
            file_name(r#"attachment; filename="a\"b;c.pdf""#).as_deref(),
            Some("a\"b;c.pdf")
        );
        assert_eq!(
            file_name(r#"attachment;filename="x;y.pdf";size=3"#).as_deref(),
            Some("x;y.pdf")
        );
        assert_eq!(
            file_name("attachment; filename=plain.txt").as_deref(),
            Some("plain.txt")
        );
        assert_eq!(file_name(r#"attachment; filename="never closed"#), None);
        assert_eq!(file_name("inline"), None);
    }

    #[test]
    fn the_extended_name_wins_when_it_decodes() {
        assert_eq!(
            file_name("attachment; filename=\"a.pdf\"; filename*=UTF-8''%E5%8D%94%E5%AE%9A.pdf")
                .as_deref(),
            Some("協定.pdf")
        );
        assert_eq!(
            file_name("attachment; FILENAME*=iso-8859-1'en'%E9t%E9.txt").as_deref(),
            Some("été.txt")
        );
        // Not UTF-8, or a broken escape: the plain name is used.
        assert_eq!(
            file_name("attachment; filename=\"ok.pdf\"; filename*=UTF-8''%FF.pdf").as_deref(),
            Some("ok.pdf")
        );
        assert_eq!(
            file_name("attachment; filename=\"ok.pdf\"; filename*=UTF-8''%Z1.pdf").as_deref(),
            Some("ok.pdf")
        );
    }

    #[test]
    fn downloads_read_back_to_the_same_name() {
        for name in [
            "a\"b;c.pdf",
            "協定 \"final\".pdf",
            "100% sure\\.txt",
            "plain.pdf",
        ] {
            let header = attachment(name);
            assert_eq!(file_name(&header).as_deref(), Some(name), "{header}");
            let ascii = parameters(&header).unwrap()[0].1.clone();
            assert!(!ascii.contains(['"', ';', '\\', '%']), "{header}");
        }
        assert_eq!(
            attachment("協定 \"final\".pdf"),
            "attachment; filename=\"__ _final_.pdf\"; filename*=UTF-8''%E5%8D%94%E5%AE%9A%20%22final%22.pdf"
        );
    }
}
