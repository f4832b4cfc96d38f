//! Writing an annotation file: deterministic RON text (fixed field order, one span per line),
//! strings escaped so that no control or bidi character reaches a terminal or a diff.

use std::fmt::Write as _;

use super::{Adjudicated, AnnotationFile, FORMAT_VERSION};
use crate::span::Span;

/// The file's deterministic RON text: fixed field order, one span per line.
pub fn to_ron(file: &AnnotationFile) -> String {
    let mut out = String::with_capacity(256 + file.spans.len() * 96);
    out.push_str("(\n");
    let _ = writeln!(out, "    glosser: {},", version_needed(file));
    let _ = writeln!(out, "    document: {},", ron_string(&file.document));
    let _ = writeln!(out, "    annotator: {},", ron_string(&file.annotator));
    let _ = writeln!(out, "    text_sha256: {},", ron_string(&file.text_sha256));
    let _ = writeln!(out, "    status: {},", file.status.as_str());
    let mut spans: Vec<&Span> = file.all_spans().collect();
    spans.sort_by(|a, b| (a.key(), a.orphan, a.ambiguous).cmp(&(b.key(), b.orphan, b.ambiguous)));
    push_span_list(&mut out, "spans", &spans);
    if !file.links.is_empty() {
        out.push_str("    links: [\n");
        for link in &file.links {
            out.push_str("        (type: ");
            push_ron_string(&mut out, &link.kind);
            for (name, end) in [("from", &link.from), ("to", &link.to)] {
                let _ = write!(out, ", {name}: ({}, {}, ", end.0, end.1);
                push_ron_string(&mut out, &end.2);
                out.push(')');
            }
            out.push_str("),\n");
        }
        out.push_str("    ],\n");
    }
    if !file.rejected.is_empty() {
        let rejected: Vec<&Span> = file.rejected.iter().collect();
        push_span_list(&mut out, "rejected", &rejected);
    }
    if let Some(record) = &file.adjudicated {
        push_adjudicated(&mut out, record);
    }
    out.push_str(")\n");
    out
}

/// Gold's adjudication record: the hash, then one line per annotator.
fn push_adjudicated(out: &mut String, record: &Adjudicated) {
    out.push_str("    adjudicated: (\n        text_sha256: ");
    push_ron_string(out, &record.text_sha256);
    out.push_str(",\n        annotators: {\n");
    for (name, prints) in &record.annotators {
        out.push_str("            ");
        push_ron_string(out, name);
        out.push_str(": [");
        for (i, print) in prints.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_ron_string(out, print);
        }
        out.push_str("],\n");
    }
    out.push_str("        },\n    ),\n");
}

/// The oldest schema version that holds everything in `file`, so a file that needs nothing new
/// keeps the bytes (and the readers) it had: 4 for gold's adjudication record, 3 for ambiguous
/// spans, else 2.
fn version_needed(file: &AnnotationFile) -> u32 {
    if file.adjudicated.is_some() {
        FORMAT_VERSION
    } else if file.orphans.iter().any(|s| s.ambiguous) {
        3
    } else {
        2
    }
}

fn push_span_list(out: &mut String, name: &str, spans: &[&Span]) {
    if spans.is_empty() {
        let _ = writeln!(out, "    {name}: [],");
        return;
    }
    let _ = writeln!(out, "    {name}: [");
    for span in spans {
        push_span(out, span);
    }
    out.push_str("    ],\n");
}

/// One span on one line, fields in the schema's order, optional ones only when set.
fn push_span(out: &mut String, span: &Span) {
    let _ = write!(
        out,
        "        (start: {}, end: {}, label: ",
        span.start, span.end
    );
    push_ron_string(out, &span.label);
    out.push_str(", quote: ");
    push_ron_string(out, &span.quote);
    if let Some(note) = &span.note {
        out.push_str(", note: ");
        push_ron_string(out, note);
    }
    if !span.from.is_empty() {
        out.push_str(", from: [");
        for (i, name) in span.from.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_ron_string(out, name);
        }
        out.push(']');
    }
    if span.orphan {
        out.push_str(", orphan: true");
    }
    if span.ambiguous {
        out.push_str(", ambiguous: true");
    }
    if let Some(score) = span.score {
        let _ = write!(out, ", score: {:?}", score.0);
    }
    for (name, hint) in [("prefix", &span.prefix), ("suffix", &span.suffix)] {
        if let Some(text) = hint.as_deref() {
            let _ = write!(out, ", {name}: ");
            push_ron_string(out, text);
        }
    }
    out.push_str("),\n");
}

/// A RON string literal that keeps text readable: only quotes, backslashes, control
/// characters and bidi controls are escaped, so the line stays one line and safe to `cat`.
pub(crate) fn ron_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_ron_string(&mut out, s);
    out
}

/// Appends [`ron_string`] of `s` to `out`, copying runs of plain text in one go.
pub(crate) fn push_ron_string(out: &mut String, s: &str) {
    out.push('"');
    let mut plain_from = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if c.is_control() || crate::fsio::is_bidi_control(c) => "",
            _ => continue,
        };
        out.push_str(&s[plain_from..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push_str(escape);
        }
        plain_from = i + c.len_utf8();
    }
    out.push_str(&s[plain_from..]);
    out.push('"');
}
