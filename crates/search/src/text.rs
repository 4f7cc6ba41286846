//! Small text helpers: Markdown to plain text, HTML escaping, edit distance.

/// Markdown reduced to the words a reader sees: link targets, emphasis marks,
/// headings and list bullets removed, whitespace collapsed.
///
/// Indexing raw Markdown would make every record that links to
/// `/organisations/riken` match "riken", and snippets would show the syntax.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        let line = strip_block_marker(line.trim());
        push_inline(line, &mut out);
        out.push(' ');
    }
    collapse_whitespace(&out)
}

fn strip_block_marker(line: &str) -> &str {
    let line = line.trim_start_matches(['#', '>']).trim_start();
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return rest;
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = line[digits..].strip_prefix(". ")
    {
        return rest;
    }
    line
}

/// Copies inline Markdown, keeping link texts and dropping their targets.
fn push_inline(mut s: &str, out: &mut String) {
    while let Some(open) = s.find('[') {
        let (before, after) = s.split_at(open);
        push_unmarked(before.strip_suffix('!').unwrap_or(before), out);
        let link = after[1..].find(']').and_then(|close| {
            let rest = &after[1 + close + 1..];
            let target_end = rest.strip_prefix('(')?.find(')')?;
            Some((&after[1..1 + close], &rest[target_end + 2..]))
        });
        match link {
            Some((text, rest)) => {
                push_unmarked(text, out);
                s = rest;
            }
            None => {
                out.push('[');
                s = &after[1..];
            }
        }
    }
    push_unmarked(s, out);
}

fn push_unmarked(s: &str, out: &mut String) {
    out.extend(s.chars().filter(|c| !matches!(c, '*' | '`')));
}

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
}

/// The first `max` characters of `s`, cut at a word boundary when one is near,
/// with an ellipsis when anything was left out.
pub fn truncate_chars(s: &str, max: usize) -> String {
    let Some((cut, _)) = s.char_indices().nth(max) else {
        return s.to_owned();
    };
    let head = &s[..cut];
    let head = match head.rfind(' ') {
        Some(space) if head[..space].chars().count() > max * 2 / 3 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

/// Whether `a` and `b` differ by at most one insertion, deletion, substitution
/// or swap of neighbours (what a one-typo fuzzy query accepts).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        let i = prefix;
        let substitution = short[i + 1..] == long[i + 1..];
        let swap = i + 1 < short.len()
            && short[i] == long[i + 1]
            && short[i + 1] == long[i]
            && short[i + 2..] == long[i + 2..];
        substitution || swap
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_keep_their_text_only() {
        let md = "# Title\nWith [RIKEN](/organisations/riken) and **bold**.\n\n- a [b] c\n1. ![img](x.png) end";
        assert_eq!(plain_text(md), "Title With RIKEN and bold. a [b] c img end");
    }

    #[test]
    fn html_is_escaped() {
        let mut out = String::new();
        escape_html("<script>alert('x') & \"y\"</script>", &mut out);
        assert_eq!(
            out,
            "&lt;script&gt;alert(&#x27;x&#x27;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn truncation_counts_characters_and_marks_the_cut() {
        assert_eq!(truncate_chars("short", 10), "short");
        assert_eq!(truncate_chars("東京大学東京大学", 4), "東京大学…");
        assert_eq!(truncate_chars("one two three four", 10), "one two…");
    }

    #[test]
    fn one_edit_covers_typos_and_swaps() {
        assert!(within_one_edit("karolinska", "karolinksa"));
        assert!(within_one_edit("japan", "japon"));
        assert!(within_one_edit("goteborg", "goteborgs"));
        assert!(within_one_edit("same", "same"));
        assert!(!within_one_edit("karolinska", "karloinksa"));
        assert!(!within_one_edit("tokyo", "kyoto"));
    }
}
