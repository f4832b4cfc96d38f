//! `csv`: one row per span, `document,annotator,label,start,end,text,note,status,id` (RFC 4180
//! quoting): the document's status and the span's stable id come last. A document without
//! spans is one row with only its document, annotator and status, so the export keeps it.

use super::ExportDoc;

pub const HEADER: &str = "document,annotator,label,start,end,text,note,status,id\r\n";

/// The rows of one document.
pub fn rows(d: &ExportDoc) -> String {
    let mut out = String::new();
    if d.spans.is_empty() {
        let fields = [
            field(d.id),
            field(d.annotator),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            d.status.as_str().to_owned(),
            String::new(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    for s in d.spans {
        let fields = [
            field(d.id),
            field(d.annotator),
            field(&s.label),
            s.start.to_string(),
            s.end.to_string(),
            field(&s.quote),
            field(s.note.as_deref().unwrap_or("")),
            d.status.as_str().to_owned(),
            super::span_id(d.id, d.annotator, s),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests;
