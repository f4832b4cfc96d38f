use super::*;
use crate::model::{Relation, Span};

fn document() -> Document {
    let mut document = Document::new("a😀 b");
    document.spans.push(Span {
        start: 1,
        end: 2,
        layer: "webanno.custom.Claim".into(),
        label: "quote".into(),
        note: Some("n".into()),
        ..Span::default()
    });
    document.spans.push(Span {
        start: 3,
        end: 4,
        layer: "webanno.custom.Claim".into(),
        ..Span::default()
    });
    document.relations.push(Relation {
        layer: "webanno.custom.ClaimRelation".into(),
        label: "speaker".into(),
        from: 0,
        to: 1,
        ..Relation::default()
    });
    document
}

#[test]
fn offsets_ids_and_features() {
    let plan = plan(&document(), &Schema::default(), OffsetEncoding::Utf16).unwrap();
    assert_eq!(plan.annotations.len(), 3);
    let quote = &plan.annotations[0];
    assert_eq!((quote.id, quote.begin, quote.end), (2, 1, 3));
    assert_eq!(
        quote.strings,
        [
            ("value".to_owned(), "quote".to_owned()),
            ("note".to_owned(), "n".to_owned())
        ]
    );
    assert!(plan.annotations[1].strings.is_empty());
    let relation = &plan.annotations[2];
    assert_eq!((relation.begin, relation.end), (4, 5));
    assert_eq!(
        relation.refs,
        [("Governor".to_owned(), 2), ("Dependent".to_owned(), 3)]
    );
    let claim = plan.types.get("webanno.custom.ClaimRelation").unwrap();
    assert_eq!(claim.features.last().unwrap().range, "webanno.custom.Claim");
}

#[test]
fn metadata_becomes_document_meta_data() {
    let mut document = document();
    document.metadata.document_id = Some("a.txt".into());
    let plan = plan(&document, &Schema::default(), OffsetEncoding::CodePoint).unwrap();
    assert_eq!(plan.annotations[0].type_name, DOCUMENT_META_DATA);
    assert_eq!(plan.annotations[0].end, 4);
    assert!(plan.types.get(DOCUMENT_META_DATA).is_some());
}

#[test]
fn built_in_types_are_used_but_not_declared() {
    let mut document = Document::new("ab");
    document.spans.push(Span {
        start: 0,
        end: 1,
        layer: ANNOTATION.into(),
        ..Span::default()
    });
    let laid_out = plan(&document, &Schema::default(), OffsetEncoding::Utf16).unwrap();
    assert_eq!(laid_out.annotations[0].type_name, ANNOTATION);
    assert!(laid_out.types.types.is_empty());
    document.spans[0].label = "x".into();
    assert!(matches!(
        plan(&document, &Schema::default(), OffsetEncoding::Utf16),
        Err(Error::BuiltInType(_))
    ));
}

#[test]
fn bad_documents_are_refused() {
    let mut outside = document();
    outside.spans[1].end = 9;
    assert!(matches!(
        plan(&outside, &Schema::default(), OffsetEncoding::Utf16),
        Err(Error::SpanOutOfText { index: 1, .. })
    ));
    let mut dangling = document();
    dangling.relations[0].to = 5;
    assert!(matches!(
        plan(&dangling, &Schema::default(), OffsetEncoding::Utf16),
        Err(Error::RelationEnd { span: 5, .. })
    ));
    let mut schema = Schema::default();
    schema.add_relation_layer(
        "webanno.custom.ClaimRelation",
        "value",
        "webanno.custom.Other",
    );
    assert!(matches!(
        plan(&document(), &schema, OffsetEncoding::Utf16),
        Err(Error::AttachLayer { .. })
    ));
    let mut schema = Schema::default();
    schema.add_relation_layer("webanno.custom.Claim", "value", "webanno.custom.Claim");
    assert!(matches!(
        plan(&document(), &schema, OffsetEncoding::Utf16),
        Err(Error::LayerKind { used: "span", .. })
    ));
    let mut schema = Schema::default();
    let mut chain = Layer::span("webanno.custom.Claim");
    chain.kind = LayerKind::Chain;
    schema.add(chain);
    assert!(matches!(
        plan(&document(), &schema, OffsetEncoding::Utf16),
        Err(Error::ChainLayer(_))
    ));
}
