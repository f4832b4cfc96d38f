//! `conll`: IOB2, one `TOKEN TAG` line per token (`TOKEN TAG TAG_2 …` with `--overlaps
//! layers`), a blank line between sentences, `-DOCSTART- O` before each document, and before
//! every sentence three comment lines in the CoNLL-U style:
//! `# document = ID`, `# sentence = N` (0-based within the document) and `# status = Done`.
//! Readers that do not know comments can drop lines that start with `# ` and contain ` = `.

use std::fmt::Write as _;

use super::overlaps::Tagged;

/// The lines of one document with `depth` tag columns.
pub fn document(t: &Tagged, depth: usize) -> String {
    let mut out = String::from("-DOCSTART- O\n\n");
    for (n, sentence) in t.sentences.iter().enumerate() {
        let _ = writeln!(
            out,
            "# document = {}\n# sentence = {n}\n# status = {}",
            t.document.replace(['\n', '\r'], " "),
            t.status
        );
        for i in sentence.clone() {
            out.push_str(&t.words[i].0);
            for k in 0..depth.max(1) {
                out.push(' ');
                out.push_str(t.tag(k, i));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}
