//! WebAnno TSV escaping: sentence text (`\t`, `\n`, `\\`, …) and feature values (`\|`, `\_`,
//! `\[`, `\->`, …), and splitting at separators that are not escaped.

/// Undoes the escaping of `#Text=` lines in TSV 3.2 and later.
pub(crate) fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        let replacement = match chars.peek() {
            Some('t') => Some('\t'),
            Some('n') => Some('\n'),
            Some('f') => Some('\u{c}'),
            Some('r') => Some('\r'),
            Some('b') => Some('\u{8}'),
            Some('\\') => Some('\\'),
            Some(&control) if u32::from(control) < 32 && !(8..14).contains(&u32::from(control)) => {
                Some(control)
            }
            _ => None,
        };
        match replacement {
            Some(replacement) => {
                chars.next();
                out.push(replacement);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Undoes Java string escapes, as TSV 3.0 and 3.1 wrote sentence text.
pub(crate) fn unescape_java(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('f') => out.push('\u{c}'),
            Some('b') => out.push('\u{8}'),
            Some('u') => {
                let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                if let Some(decoded) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(decoded);
                } else {
                    out.push_str("\\u");
                    out.push_str(&hex);
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Undoes the escaping of a feature value.
pub(crate) fn unescape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(position) = rest.find('\\') {
        out.push_str(&rest[..position]);
        let after = &rest[position + 1..];
        let (replacement, used) = match after.chars().next() {
            Some(ch @ ('\\' | '[' | ']' | '|' | '_' | ';' | '*')) => (ch.to_string(), 1),
            Some('t') => ("\t".to_owned(), 1),
            Some('n') => ("\n".to_owned(), 1),
            Some('-') if after.starts_with("->") => ("->".to_owned(), 2),
            _ => ("\\".to_owned(), 0),
        };
        out.push_str(&replacement);
        rest = &after[used..];
    }
    out.push_str(rest);
    out
}

/// Splits at every `separator` not directly after a backslash, as WebAnno's
/// `(?<!\\)<separator>` does.
pub(crate) fn split_unescaped(value: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut previous = None;
    for (index, ch) in value.char_indices() {
        if ch == separator && previous != Some('\\') {
            parts.push(&value[start..index]);
            start = index + ch.len_utf8();
        }
        previous = Some(ch);
    }
    parts.push(&value[start..]);
    parts
}

/// A value's disambiguation suffix: `PER[2]` → (`PER`, `2`), as long as the `]` is not escaped.
pub(crate) fn split_suffix(value: &str) -> (&str, Option<&str>) {
    if value.ends_with(']')
        && !value.ends_with("\\]")
        && let Some(open) = value.rfind('[')
    {
        return (&value[..open], Some(&value[open + 1..value.len() - 1]));
    }
    (value, None)
}

/// A chain link's `relation->chain-link` suffix: `coref->1-2` → (`coref`, (1, 2)).
pub(crate) fn split_chain(value: &str) -> Option<(&str, (u32, u32))> {
    let arrow = value.rfind("->")?;
    if value[..arrow].ends_with('\\') {
        return None;
    }
    let (chain, link) = value[arrow + 2..].split_once('-')?;
    Some((&value[..arrow], (chain.parse().ok()?, link.parse().ok()?)))
}

#[cfg(test)]
mod tests;
