//! `uima-json` and `xmi`: one UIMA CAS per document, for INCEpTION (and dkpro-cassis). Spans are
//! annotations of the custom span layer `webanno.custom.Glosser` (features `value`: the label,
//! `note`, `annotator`), links annotations of the relation layer `webanno.custom.GlosserLink`
//! (`Governor` → `Dependent`, `value`: the link type) attached to it; the document id is the
//! CAS's `documentTitle`. Offsets are UTF-16 code units, as UIMA counts them. Every document of
//! an export declares the same types, so one `TypeSystem.xml` serves the whole XMI export.

use glosser_interchange::{Document, Metadata, Relation, Span};
use glosser_uima::{Layer, OffsetEncoding, Schema};

use super::ExportDoc;

/// The span layer glosser's spans are written to.
pub const SPAN_LAYER: &str = "webanno.custom.Glosser";
/// The relation layer glosser's links are written to.
pub const LINK_LAYER: &str = "webanno.custom.GlosserLink";

/// The layers every document of an export declares.
fn schema() -> Schema {
    let mut span = Layer::span(SPAN_LAYER).with_label_feature("value");
    span.note_feature = Some("note".to_owned());
    span.annotator_feature = Some("annotator".to_owned());
    let link = Layer::relation(LINK_LAYER, Some(SPAN_LAYER.to_owned())).with_label_feature("value");
    Schema {
        layers: vec![span, link],
    }
}

/// A document's spans and links in the neutral model.
fn neutral(d: &ExportDoc) -> Document {
    let spans: Vec<Span> = d
        .spans
        .iter()
        .map(|s| Span {
            id: super::span_id(d.id, d.annotator, s),
            start: s.start,
            end: s.end,
            layer: SPAN_LAYER.to_owned(),
            label: s.label.clone(),
            note: s.note.clone(),
            annotator: Some(d.annotator.to_owned()),
            ..Span::default()
        })
        .collect();
    let relations = d
        .links
        .iter()
        .filter_map(|link| {
            let from = d.spans.iter().position(|s| link.from.matches(s))?;
            let to = d.spans.iter().position(|s| link.to.matches(s))?;
            Some(Relation {
                layer: LINK_LAYER.to_owned(),
                label: link.kind.clone(),
                from,
                to,
                ..Relation::default()
            })
        })
        .collect();
    Document {
        text: d.doc.text().to_owned(),
        spans,
        relations,
        metadata: Metadata {
            document_title: Some(d.id.to_owned()),
            ..Metadata::default()
        },
        skipped: Vec::new(),
    }
}

/// The document as UIMA CAS JSON (UTF-16 offsets, INCEpTION's and cassis's unit).
pub fn json(d: &ExportDoc) -> Result<String, String> {
    glosser_uima::jsoncas::write(&neutral(d), &schema(), OffsetEncoding::Utf16)
        .map_err(|e| e.to_string())
}

/// The document as CAS XMI, and the type system it uses.
pub fn xmi(d: &ExportDoc) -> Result<(String, String), String> {
    glosser_uima::xmi::write(&neutral(d), &schema())
        .map(|files| (files.xmi, files.typesystem))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
