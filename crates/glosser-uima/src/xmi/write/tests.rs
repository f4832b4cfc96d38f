use super::*;
use crate::model::{Relation, Span};
use crate::typesystem::TypeSystem;
use crate::xmi::read;

fn document() -> Document {
    let mut document = Document::new("Putin’s envoy 😀 said\r\n“we won”\ttoday.");
    document.metadata.document_id = Some("a.txt".into());
    for (start, end, label) in [(0, 13, "claim"), (22, 30, "quote")] {
        document.spans.push(Span {
            start,
            end,
            layer: "webanno.custom.Claim".into(),
            label: label.into(),
            note: (label == "quote").then(|| "a \"note\" <&>\n".into()),
            annotator: Some("alice".into()),
            ..Span::default()
        });
    }
    document.spans.push(Span {
        start: 14,
        end: 15,
        layer: crate::schema::NAMED_ENTITY.into(),
        label: "EMOJI".into(),
        ..Span::default()
    });
    document.relations.push(Relation {
        layer: "webanno.custom.ClaimRelation".into(),
        label: "speaker".into(),
        from: 1,
        to: 0,
        ..Relation::default()
    });
    document
}

#[test]
fn written_xmi_reads_back_the_same() {
    let original = document();
    let files = write(&original, &Schema::default()).unwrap();
    assert!(
        files
            .xmi
            .contains("xmlns:custom=\"http:///webanno/custom.ecore\"")
    );
    assert!(files.xmi.contains("begin=\"23\" end=\"31\""));
    let types = TypeSystem::from_xml(&files.typesystem).unwrap();
    for types in [None, Some(&types)] {
        let read = read(&files.xmi, types).unwrap().document;
        assert_eq!(read.text, original.text);
        assert_eq!(read.metadata.document_id.as_deref(), Some("a.txt"));
        assert_eq!(read.metadata.annotators, ["alice"]);
        assert_eq!(read.spans.len(), 3);
        for (read, original) in read.spans.iter().zip(&original.spans) {
            assert_eq!(
                (
                    read.start,
                    read.end,
                    &read.layer,
                    &read.label,
                    &read.note,
                    &read.annotator
                ),
                (
                    original.start,
                    original.end,
                    &original.layer,
                    &original.label,
                    &original.note,
                    &original.annotator
                )
            );
        }
        assert_eq!((read.relations[0].from, read.relations[0].to), (1, 0));
        assert_eq!(read.relations[0].label, "speaker");
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    }
}

#[test]
fn prefixes_are_unique_per_package() {
    let mut document = Document::new("ab");
    for layer in ["a.type.X", "b.type.Y", "Z", "c.cas.W"] {
        document.spans.push(Span {
            start: 0,
            end: 1,
            layer: layer.into(),
            ..Span::default()
        });
    }
    let xmi = write(&document, &Schema::default()).unwrap().xmi;
    assert!(xmi.contains("<type:X "));
    assert!(xmi.contains("<type2:Y "));
    assert!(xmi.contains("<noNamespace:Z "));
    assert!(xmi.contains("<cas2:W "));
    let read = read(&xmi, None).unwrap().document;
    let layers: Vec<&str> = read.spans.iter().map(|s| s.layer.as_str()).collect();
    assert_eq!(layers, ["a.type.X", "b.type.Y", "Z", "c.cas.W"]);
}

#[test]
fn characters_xml_cannot_hold_are_refused() {
    let document = Document::new("bell\u{7}");
    assert!(matches!(
        write(&document, &Schema::default()),
        Err(Error::XmlCharacter { code: 7, offset: 4 })
    ));
    assert_eq!(namespace(""), "http:///uima/noNamespace.ecore");
}
