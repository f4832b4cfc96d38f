//! Property tests: any document written as CAS XMI or CAS JSON reads back unchanged.

use crate::{Document, OffsetEncoding, Relation, Schema, Span, jsoncas, xmi};
use proptest::prelude::*;

type Comparable = (
    String,
    Vec<(usize, usize, String, Option<String>)>,
    Vec<(usize, usize, String)>,
);

fn document() -> impl Strategy<Value = Document> {
    let text = "[a-z \\n\\r\\t😀👩🏽‍🚒漢字é\u{301}𝔘“”<&>\"]{0,30}";
    (
        text,
        proptest::collection::vec(
            (
                0usize..40,
                0usize..40,
                "[a-zä ]{0,6}",
                proptest::option::of("[ -~\\n]{0,8}"),
            ),
            0..6,
        ),
    )
        .prop_map(|(text, raw)| {
            let length = text.chars().count();
            let mut document = Document::new(text);
            for (a, b, label, note) in raw {
                let (start, end) = (a.min(b) % (length + 1), a.max(b) % (length + 1));
                let (start, end) = (start.min(end), start.max(end));
                document.spans.push(Span {
                    start,
                    end,
                    layer: "webanno.custom.Claim".into(),
                    label,
                    note,
                    ..Span::default()
                });
            }
            if document.spans.len() >= 2 {
                document.relations.push(Relation {
                    layer: "webanno.custom.ClaimRelation".into(),
                    label: "speaker".into(),
                    from: 1,
                    to: 0,
                    ..Relation::default()
                });
            }
            document
        })
}

fn comparable(document: &Document) -> Comparable {
    (
        document.text.clone(),
        document
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.clone(), s.note.clone()))
            .collect(),
        document
            .relations
            .iter()
            .map(|r| (r.from, r.to, r.label.clone()))
            .collect(),
    )
}

proptest! {
    #[test]
    fn xmi_round_trip(original in document()) {
        let files = xmi::write(&original, &Schema::default()).unwrap();
        let read = xmi::read(&files.xmi, None).unwrap().document;
        prop_assert_eq!(comparable(&read), comparable(&original));
    }

    #[test]
    fn json_round_trip(original in document(), pick in 0usize..3) {
        let encoding = [OffsetEncoding::Utf16, OffsetEncoding::Utf8, OffsetEncoding::CodePoint][pick];
        let json = jsoncas::write(&original, &Schema::default(), encoding).unwrap();
        let read = jsoncas::read(&json).unwrap().document;
        prop_assert_eq!(comparable(&read), comparable(&original));
    }
}
