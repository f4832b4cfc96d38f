//! Python's `str.lower()` as of the Python that dumped the rules: its per-char table, plus the
//! final-sigma rule (Σ → ς at the end of a word), which Rust's `to_lowercase` applies the same way.

use std::collections::HashMap;

/// `text.lower()` in the dumping Python: `table` maps every char that Python lowercases.
pub(crate) fn python_lower(table: &HashMap<char, String>, text: &str) -> String {
    let mut rust_lower: Option<Vec<char>> = None;
    let mut out = String::with_capacity(text.len());
    // Where this char's mapping starts in Rust's lowercase of the whole text: only Σ depends
    // on its neighbours, and σ and ς have the same length.
    let mut rust_at = 0;
    for c in text.chars() {
        if c == 'Σ' {
            let full = rust_lower.get_or_insert_with(|| text.to_lowercase().chars().collect());
            out.push(full.get(rust_at).copied().unwrap_or('σ'));
        } else if let Some(lower) = table.get(&c) {
            out.push_str(lower);
        } else {
            out.push(c);
        }
        rust_at += c.to_lowercase().count();
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::python_lower;

    fn table() -> HashMap<char, String> {
        [
            ('A', "a"),
            ('Σ', "σ"),
            ('Ο', "ο"),
            ('İ', "i\u{307}"),
            ('Ω', "ω"),
        ]
        .into_iter()
        .map(|(c, s)| (c, s.to_owned()))
        .collect()
    }

    #[test]
    fn maps_through_the_table_and_leaves_other_chars() {
        assert_eq!(python_lower(&table(), "AİB"), "ai\u{307}B");
    }

    #[test]
    fn final_sigma_follows_the_word_end() {
        assert_eq!(python_lower(&table(), "ΟΣ"), "ος");
        assert_eq!(python_lower(&table(), "ΣΟ"), "σο");
        assert_eq!(python_lower(&table(), "İΟΣ Σ"), "i\u{307}ος σ");
    }
}
