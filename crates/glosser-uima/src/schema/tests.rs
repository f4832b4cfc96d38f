use super::*;
use crate::model::{Relation, Span};

fn span(layer: &str, label: &str) -> Span {
    Span {
        layer: layer.into(),
        label: label.into(),
        end: 1,
        ..Span::default()
    }
}

#[test]
fn built_in_layers_know_their_label_feature() {
    assert_eq!(built_in_label_feature(NAMED_ENTITY), Some("value"));
    assert_eq!(built_in_label_feature("webanno.custom.Claim"), None);
    assert_eq!(
        Layer::span("de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS").label_feature,
        Some("PosValue".into())
    );
    assert_eq!(LayerKind::Chain.name(), "chain");
}

#[test]
fn covering_infers_layers_features_and_attachment() {
    let mut document = Document::new("ab");
    document.spans.push(span("webanno.custom.Claim", "claim"));
    let mut quote = span("webanno.custom.Claim", "quote");
    quote.note = Some("n".into());
    quote.annotator = Some("alice".into());
    quote.features.insert("confidence".into(), "high".into());
    document.spans.push(quote);
    document.relations.push(Relation {
        layer: "webanno.custom.ClaimRelation".into(),
        label: "speaker".into(),
        from: 1,
        to: 0,
        ..Relation::default()
    });
    let schema = Schema::default().covering(&document);
    let claim = schema.layer("webanno.custom.Claim").unwrap();
    assert_eq!(
        claim.all_features(),
        ["value", "note", "annotator", "confidence"]
    );
    assert_eq!(claim.tagset.iter().collect::<Vec<_>>(), ["claim", "quote"]);
    assert_eq!(claim.short_name(), "Claim");
    let relation = schema.layer("webanno.custom.ClaimRelation").unwrap();
    assert_eq!(
        relation.kind,
        LayerKind::Relation {
            attach: Some("webanno.custom.Claim".into())
        }
    );
    assert!(schema.validate().is_ok());
}

#[test]
fn a_relation_between_layers_has_no_attachment() {
    let mut document = Document::new("ab");
    document.spans.push(span("webanno.custom.A", ""));
    document.spans.push(span("webanno.custom.B", ""));
    document.relations.push(Relation {
        layer: "webanno.custom.R".into(),
        from: 0,
        to: 1,
        ..Relation::default()
    });
    let schema = Schema::default().covering(&document);
    assert_eq!(
        schema.layer("webanno.custom.R").unwrap().kind,
        LayerKind::Relation { attach: None }
    );
}

#[test]
fn explicit_layers_are_kept_and_replaced() {
    let mut schema = Schema::default();
    schema.add_span_layer("webanno.custom.Claim", "label");
    schema.add_span_layer("webanno.custom.Claim", "tag");
    schema.add_relation_layer("webanno.custom.Link", "kind", "webanno.custom.Claim");
    assert_eq!(schema.layers.len(), 2);
    let mut document = Document::new("a");
    document.spans.push(span("webanno.custom.Claim", "x"));
    let schema = schema.covering(&document);
    assert_eq!(
        schema.layer("webanno.custom.Claim").unwrap().label_feature,
        Some("tag".into())
    );
}

#[test]
fn invalid_names_are_rejected() {
    let mut schema = Schema::default();
    schema.add(Layer::span("webanno.custom.My Claim"));
    assert!(matches!(schema.validate(), Err(Error::InvalidName(_))));
    let mut schema = Schema::default();
    schema.add_span_layer("webanno.custom.Claim", "begin");
    assert!(matches!(schema.validate(), Err(Error::InvalidName(_))));
    assert!(is_type_name("Claim"));
    assert!(!is_type_name("webanno..Claim"));
}
