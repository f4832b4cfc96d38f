//! `conll`: IOB2, one `TOKEN TAG` per line, a blank line between sentences, `-DOCSTART- O`
//! before each document.

use std::fmt::Write as _;

use super::tokens::Tokenized;

/// The lines of one document, given its tokens and IOB2 tags.
pub fn document(tokens: &Tokenized, tags: &[String]) -> String {
    let mut out = String::from("-DOCSTART- O\n\n");
    for sentence in &tokens.sentences {
        for i in sentence.clone() {
            let _ = writeln!(out, "{} {}", tokens.tokens[i].text, tags[i]);
        }
        out.push('\n');
    }
    out
}
