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

/// Characters that stress the writers: ASCII, astral emoji (two UTF-16 units), CJK, XML's
/// specials, line breaks (a CR that XML would normalise away unless escaped), a tab.
const CHARS: &[char] = &[
    'a', 'Z', ' ', '😀', '🥳', '北', '京', '<', '&', '"', '\n', '\r', '\t', 'é',
];

proptest::proptest! {
    #[test]
    fn every_span_and_link_comes_back_from_json_and_xmi(
        picks in proptest::collection::vec(0..CHARS.len(), 1..40),
        cuts in proptest::collection::vec((0usize..40, 1usize..8), 1..6),
    ) {
        let source: String = picks.iter().map(|&i| CHARS[i]).collect();
        let text = Text::from_text(&source);
        let length = source.chars().count();
        let mut spans: Vec<GlosserSpan> = cuts
            .iter()
            .map(|&(start, width)| (start % length, (start % length + width).min(length)))
            .filter(|(start, end)| start < end)
            .enumerate()
            .map(|(i, (start, end))| GlosserSpan::new(&text, start..end, if i % 2 == 0 { "claim" } else { "quote" }))
            .collect();
        spans.sort_by_key(|s| (s.start, s.end, s.label.clone()));
        spans.dedup_by_key(|s| (s.start, s.end, s.label.clone()));
        let links: Vec<Link> = spans
            .windows(2)
            .map(|pair| Link {
                kind: "speaker".to_owned(),
                from: LinkEnd::of(&pair[1]),
                to: LinkEnd::of(&pair[0]),
            })
            .collect();
        let d = ExportDoc {
            id: "a.txt",
            annotator: "alice",
            doc: &text,
            spans: &spans,
            status: Status::InProgress,
            orphans: &[],
            links: &links,
            rejected: &[],
        };
        let (body, typesystem) = xmi(&d).unwrap();
        let types = glosser_uima::TypeSystem::from_xml(&typesystem).unwrap();
        let want: Vec<(usize, usize, &str)> =
            spans.iter().map(|s| (s.start, s.end, s.label.as_str())).collect();
        for read in [
            xmi::read(&body, Some(&types)).unwrap(),
            jsoncas::read(&json(&d).unwrap()).unwrap(),
        ] {
            let document = read.document;
            proptest::prop_assert_eq!(&document.text, text.text());
            let got: Vec<(usize, usize, &str)> = document
                .spans
                .iter()
                .map(|s| (s.start, s.end, s.label.as_str()))
                .collect();
            proptest::prop_assert_eq!(&got, &want);
            let relations: Vec<(usize, usize)> =
                document.relations.iter().map(|r| (r.from, r.to)).collect();
            let expected: Vec<(usize, usize)> = (1..spans.len()).map(|i| (i, i - 1)).collect();
            proptest::prop_assert_eq!(relations, expected);
        }
    }
}
