//! `brat`: a `NAME.txt` (the text glosser sees, no BOM) and `NAME.ann` per document. `T` lines for
//! spans (a span over line breaks becomes fragments `s e;s e`, since brat forbids newlines in a
//! fragment), `#` lines for notes, `R` lines for links. Offsets are what brat counts: it reads
//! the `.txt` with universal newlines, so a `\r\n` is one character. brat types cannot hold
//! spaces: a label `Worked At` is written `Worked_At`.

use std::fmt::Write as _;

use super::ExportDoc;

mod rejoin;

/// The brat text file for a document id: `a/b.txt` stays, `a/b.md` becomes `a/b.md.txt` (brat
/// pairs `X.txt` with `X.ann`); [`document_id`] undoes it.
pub(crate) fn txt_name(id: &str) -> String {
    if id.ends_with(".txt") {
        id.to_owned()
    } else {
        format!("{id}.txt")
    }
}

/// The document id of a brat text file (see [`txt_name`]).
pub(crate) fn document_id(txt: &str) -> String {
    match txt.strip_suffix(".txt") {
        Some(stem) if stem.ends_with(".md") => stem.to_owned(),
        _ => txt.to_owned(),
    }
}

/// The `.ann` file of one document; its links are `R` lines (`Arg1` the link's source). The
/// fragments of a discontinuous brat span (imported as one span per fragment, each noted `brat
/// T1: fragment 1 of 2`) are joined back into their one `T` line, so brat → glosser → brat keeps
/// it as it was.
pub fn ann(d: &ExportDoc) -> String {
    let brat = BratOffsets::new(d);
    let entities = rejoin::entities(d.spans);
    let mut out = String::new();
    for (i, entity) in entities.iter().enumerate() {
        let mut offsets = Vec::new();
        let mut texts = Vec::new();
        for &k in &entity.spans {
            let s = &d.spans[k];
            for (a, b) in fragments(d, s.start, s.end) {
                offsets.push(format!("{} {}", brat.of(a), brat.of(b)));
                texts.push(d.doc.slice(a, b));
            }
        }
        let label = entity
            .spans
            .first()
            .map_or("", |&k| d.spans[k].label.as_str());
        let _ = writeln!(
            out,
            "T{}\t{} {}\t{}",
            i + 1,
            label.replace(' ', "_"),
            offsets.join(";"),
            texts.join(" ")
        );
        if let Some(note) = &entity.note {
            let note = note.replace(['\n', '\r', '\t'], " ");
            let _ = writeln!(out, "#{}\tAnnotatorNotes T{}\t{note}", i + 1, i + 1);
        }
    }
    let index = |end: &crate::store::LinkEnd| {
        let span = d.spans.iter().position(|s| end.matches(s))?;
        entities.iter().position(|e| e.spans.contains(&span))
    };
    let mut r = 0;
    for link in d.links {
        if let (Some(from), Some(to)) = (index(&link.from), index(&link.to)) {
            r += 1;
            let kind = link.kind.replace(char::is_whitespace, "_");
            let _ = writeln!(out, "R{r}\t{kind} Arg1:T{} Arg2:T{}\t", from + 1, to + 1);
        }
    }
    out
}

/// glosser code points → brat offsets: each `\r\n` wholly before an offset counts one.
struct BratOffsets {
    /// Code-point offsets of the `\r` of every `\r\n`, in order.
    crlf: Vec<usize>,
}

impl BratOffsets {
    fn new(d: &ExportDoc) -> Self {
        let mut crlf = Vec::new();
        let mut prev_cr = false;
        for (i, c) in d.doc.text().chars().enumerate() {
            if prev_cr && c == '\n' {
                crlf.push(i - 1);
            }
            prev_cr = c == '\r';
        }
        Self { crlf }
    }

    fn of(&self, c: usize) -> usize {
        c - self.crlf.partition_point(|&p| p + 2 <= c)
    }
}

/// The parts of `start..end` between line breaks (`\n`, `\r`, or both), each trimmed of
/// surrounding whitespace.
pub fn fragments(d: &ExportDoc, start: usize, end: usize) -> Vec<(usize, usize)> {
    let text = d.doc.slice(start, end);
    if !text.contains(['\n', '\r']) {
        return vec![(start, end)];
    }
    let mut out = Vec::new();
    let mut at = start;
    for line in text.split(['\n', '\r']) {
        let len = line.chars().count();
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
        if lead < len {
            out.push((at + lead, at + len - trail));
        }
        at += len + 1;
    }
    out
}
