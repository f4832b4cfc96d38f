//! `conll`: the CoNLL-2003 layout that spaCy's converter (`spacy convert -c ner`,
//! `conll_ner_to_docs`), the CoNLL-2003 loaders (Hugging Face's among them) and seqeval read
//! exactly: before each document a `-DOCSTART- -X- O O` line (the delimiter spaCy splits
//! documents at, which the loaders skip) and a blank line; one `TOKEN -X- O TAG` line per token
//! (IOB2; `--overlaps layers` adds `TAG_2 …` columns); a blank line after each sentence.
//!
//! A plain CoNLL file has no place for a document's id or status: documents are in corpus order
//! (that of `glosser export --format jsonl`), and the ids are not written unless asked for with
//! `--conll-ids comment` (a `# document = ID` line after each `-DOCSTART-`, which glosser's
//! CoNLL reader and CoNLL-U tools read, and spaCy's converter and the CoNLL-2003 loaders would
//! take for tokens). `--conll-columns 2` writes the CoNLL-2002 layout (`TOKEN TAG`, and
//! `-DOCSTART- O`), which strict two-column readers (INCEpTION's CoNLL 2002 reader) need.

use super::overlaps::Tagged;

/// The line spaCy's converter splits documents at.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// How a CoNLL export is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// `TOKEN TAG` (CoNLL-2002) instead of `TOKEN -X- O TAG` (CoNLL-2003).
    pub two_columns: bool,
    /// A `# document = ID` line after each `-DOCSTART-` line.
    pub id_comments: bool,
}

/// The lines of one document with `depth` tag columns.
pub fn document(t: &Tagged, depth: usize, style: Style) -> String {
    let mut out = String::from(if style.two_columns {
        "-DOCSTART- O\n"
    } else {
        "-DOCSTART- -X- O O\n"
    });
    if style.id_comments {
        out.push_str("# document = ");
        out.push_str(&t.document.replace(['\n', '\r'], " "));
        out.push('\n');
    }
    out.push('\n');
    for sentence in &t.sentences {
        for i in sentence.clone() {
            out.push_str(&t.words[i].0);
            if !style.two_columns {
                out.push_str(" -X- O");
            }
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

#[cfg(test)]
mod tests;
