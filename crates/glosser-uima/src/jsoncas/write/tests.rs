use super::*;
use crate::jsoncas::read;
use crate::model::{Relation, Span};

fn document() -> Document {
    let mut document = Document::new("a\u{7}😀 b\r\n");
    document.spans.push(Span {
        start: 2,
        end: 3,
        layer: "webanno.custom.Claim".into(),
        label: "x".into(),
        ..Span::default()
    });
    document.spans.push(Span {
        start: 4,
        end: 5,
        layer: "webanno.custom.Claim".into(),
        label: "y".into(),
        ..Span::default()
    });
    document.relations.push(Relation {
        layer: "webanno.custom.ClaimRelation".into(),
        label: "r".into(),
        from: 0,
        to: 1,
        ..Relation::default()
    });
    document
}

#[test]
fn every_encoding_reads_back() {
    for encoding in [
        OffsetEncoding::Utf16,
        OffsetEncoding::Utf8,
        OffsetEncoding::CodePoint,
    ] {
        let json = write(&document(), &Schema::default(), encoding).unwrap();
        assert_eq!(json.contains("%HEADER"), encoding != OffsetEncoding::Utf16);
        let read = read(&json).unwrap().document;
        assert_eq!(read.text, document().text);
        let ranges: Vec<(usize, usize, &str)> = read
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        assert_eq!(ranges, [(2, 3, "x"), (4, 5, "y")]);
        assert_eq!((read.relations[0].from, read.relations[0].to), (0, 1));
        assert!(read.skipped.is_empty());
    }
}

#[test]
fn utf16_offsets_are_written() {
    let json = write(&document(), &Schema::default(), OffsetEncoding::Utf16).unwrap();
    let parsed: Json = serde_json::from_str(&json).unwrap();
    let claim = &parsed["%FEATURE_STRUCTURES"][1];
    assert_eq!(
        (claim["begin"].as_u64(), claim["end"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(parsed["%FEATURE_STRUCTURES"][3]["@Governor"], json!(2));
    assert_eq!(
        parsed["%VIEWS"]["_InitialView"]["%MEMBERS"],
        json!([2, 3, 4])
    );
}
