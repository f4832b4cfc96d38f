use glosser_uima::{jsoncas, xmi};

use super::*;
use crate::span::Span as GlosserSpan;
use crate::store::{Link, LinkEnd, Status};
use crate::text::Document as Text;

/// A span as the tests compare it: start, end, layer, label, note, annotator.
type Found<'a> = (
    usize,
    usize,
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
);

#[test]
fn json_and_xmi_read_back_with_every_span_link_note_and_the_document_id() {
    let text = Text::from_text("Tsahkna 👩🏽‍🚒 said “positive”\r\n& <left>.");
    let mut quote = GlosserSpan::new(&text, 18..28, "quote");
    quote.note = Some("Moscow <readout> & more".to_owned());
    let spans = vec![GlosserSpan::new(&text, 0..7, "source"), quote];
    let links = vec![Link {
        kind: "speaker".to_owned(),
        from: LinkEnd::of(&spans[1]),
        to: LinkEnd::of(&spans[0]),
    }];
    let d = ExportDoc {
        id: "news/a.txt",
        annotator: "alice",
        doc: &text,
        spans: &spans,
        status: Status::Done,
        orphans: &[],
        links: &links,
        rejected: &[],
    };
    let (body, typesystem) = xmi(&d).unwrap();
    let types = glosser_uima::TypeSystem::from_xml(&typesystem).unwrap();
    assert!(typesystem.contains(SPAN_LAYER) && typesystem.contains(LINK_LAYER));
    for read in [
        xmi::read(&body, Some(&types)).unwrap(),
        jsoncas::read(&json(&d).unwrap()).unwrap(),
    ] {
        let document = read.document;
        assert_eq!(document.text, text.text());
        assert_eq!(
            document.metadata.document_title.as_deref(),
            Some("news/a.txt")
        );
        let got: Vec<Found> = document
            .spans
            .iter()
            .map(|s| {
                (
                    s.start,
                    s.end,
                    s.layer.as_str(),
                    s.label.as_str(),
                    s.note.as_deref(),
                    s.annotator.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (0, 7, SPAN_LAYER, "source", None, Some("alice")),
                (
                    18,
                    28,
                    SPAN_LAYER,
                    "quote",
                    Some("Moscow <readout> & more"),
                    Some("alice")
                ),
            ]
        );
        assert_eq!(document.relations.len(), 1);
        let relation = &document.relations[0];
        assert_eq!(
            (
                relation.layer.as_str(),
                relation.label.as_str(),
                relation.from,
                relation.to
            ),
            (LINK_LAYER, "speaker", 1, 0)
        );
    }
}

#[test]
fn xmi_refuses_what_xml_cannot_hold_and_json_takes_it() {
    let text = Text::from_text("a\u{1}b");
    let spans = vec![GlosserSpan::new(&text, 0..1, "claim")];
    let d = ExportDoc {
        id: "a.txt",
        annotator: "alice",
        doc: &text,
        spans: &spans,
        status: Status::Todo,
        orphans: &[],
        links: &[],
        rejected: &[],
    };
    assert!(xmi(&d).is_err());
    assert!(json(&d).is_ok());
}
