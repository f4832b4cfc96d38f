//! Adding entries to a `glosser.ron` without rewriting it: the file is scanned as RON tokens
//! (strings, chars, comments and brackets understood), and the new entries are inserted at the
//! end of its top-level `labels` and `links` lists (a `links` list is added when it has none),
//! so the team's comments, order and layout stay as they were.

/// Where the top-level fields of a RON struct end.
struct Outline {
    /// The `]` closing `labels: [`, and the end of the last token before it.
    labels: Option<(usize, usize)>,
    links: Option<(usize, usize)>,
    /// The `)` closing the top-level struct, and the end of the last token before it.
    close: Option<(usize, usize)>,
}

/// `source` with `labels` (each an entry such as `(name: "x")`) appended to its `labels` list
/// and `links` to its `links` list; `None` when the file is not a RON struct with a `labels`
/// list.
pub(super) fn append(source: &str, labels: &[String], links: &[String]) -> Option<String> {
    let outline = outline(source)?;
    let (labels_close, labels_last) = outline.labels?;
    let mut inserts: Vec<(usize, String)> = Vec::new();
    if !labels.is_empty() {
        inserts.push((
            labels_last,
            entries(source, labels_last, labels, 8, labels_close),
        ));
    }
    if !links.is_empty() {
        if let Some((close, last)) = outline.links {
            inserts.push((last, entries(source, last, links, 8, close)));
        } else {
            let (_, last) = outline.close?;
            let mut text = String::new();
            if !ends_list(source, last) {
                text.push(',');
            }
            text.push_str("\n    links: [");
            for link in links {
                text.push_str("\n        ");
                text.push_str(link);
                text.push(',');
            }
            text.push_str("\n    ],");
            inserts.push((last, text));
        }
    }
    inserts.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let mut out = source.to_owned();
    for (at, text) in inserts {
        out.insert_str(at, &text);
    }
    Some(out)
}

/// The text inserted after the last token `last` of a list closed at `close`.
fn entries(source: &str, last: usize, items: &[String], indent: usize, close: usize) -> String {
    let mut text = String::new();
    let empty = source[..last].trim_end().ends_with('[');
    if !empty && !ends_list(source, last) {
        text.push(',');
    }
    for item in items {
        text.push('\n');
        text.push_str(&" ".repeat(indent));
        text.push_str(item);
        text.push(',');
    }
    if empty && source[last..close].trim().is_empty() {
        text.push_str("\n    ");
    }
    text
}

/// Whether the token ending at `last` is a separator (`,`) or an opening bracket.
fn ends_list(source: &str, last: usize) -> bool {
    matches!(source[..last].chars().last(), Some(',' | '[' | '('))
}

/// Scans the top level of a RON struct: where its `labels` and `links` lists and the struct
/// itself close.
fn outline(source: &str) -> Option<Outline> {
    let bytes: Vec<(usize, char)> = source.char_indices().collect();
    let mut out = Outline {
        labels: None,
        links: None,
        close: None,
    };
    let mut depth = 0usize;
    // The last significant token's end, and the field name the depth-1 list belongs to.
    let mut last_end = 0usize;
    let mut field: Option<String> = None;
    let mut list_field: Option<String> = None;
    let mut word = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let (at, c) = bytes[i];
        let next = bytes.get(i + 1).map(|(_, c)| *c);
        let end_of = |j: usize| bytes.get(j).map_or(source.len(), |(at, _)| *at);
        if c == '/' && next == Some('/') {
            while i < bytes.len() && bytes[i].1 != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut nested = 0usize;
            while i < bytes.len() {
                let (a, b) = (bytes[i].1, bytes.get(i + 1).map(|(_, c)| *c));
                if a == '/' && b == Some('*') {
                    nested += 1;
                    i += 2;
                } else if a == '*' && b == Some('/') {
                    nested -= 1;
                    i += 2;
                    if nested == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        }
        if c == '"' || (c == 'r' && matches!(next, Some('"' | '#'))) {
            i = skip_string(&bytes, i)?;
            last_end = end_of(i);
            word.clear();
            continue;
        }
        if c == '\'' {
            i += 1;
            if bytes.get(i).map(|(_, c)| *c) == Some('\\') {
                i += 1;
            }
            i += 1;
            while i < bytes.len() && bytes[i].1 != '\'' {
                i += 1;
            }
            i += 1;
            last_end = end_of(i);
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' | '[' | '{' => {
                if depth == 1 && c == '[' {
                    list_field = field.take();
                }
                depth += 1;
            }
            ')' | ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 1 && c == ']' {
                    match list_field.take().as_deref() {
                        Some("labels") => out.labels = Some((at, last_end)),
                        Some("links") => out.links = Some((at, last_end)),
                        _ => {}
                    }
                }
                if depth == 0 && c == ')' {
                    out.close = Some((at, last_end));
                    return Some(out);
                }
            }
            ':' if depth == 1 => field = Some(std::mem::take(&mut word)),
            _ if depth == 1 && (c.is_alphanumeric() || c == '_') => word.push(c),
            _ => word.clear(),
        }
        i += 1;
        last_end = end_of(i);
    }
    None
}

/// The index just past a string literal starting at `i` (plain or raw).
fn skip_string(bytes: &[(usize, char)], mut i: usize) -> Option<usize> {
    if bytes[i].1 == 'r' {
        i += 1;
        let mut hashes = 0;
        while bytes.get(i)?.1 == '#' {
            hashes += 1;
            i += 1;
        }
        i += 1;
        loop {
            if bytes.get(i)?.1 == '"'
                && (1..=hashes).all(|k| bytes.get(i + k).is_some_and(|(_, c)| *c == '#'))
            {
                return Some(i + 1 + hashes);
            }
            i += 1;
        }
    }
    i += 1;
    loop {
        match bytes.get(i)?.1 {
            '\\' => i += 2,
            '"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests;
