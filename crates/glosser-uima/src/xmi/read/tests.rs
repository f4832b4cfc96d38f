use super::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/xmi/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn namespaces_become_packages() {
    assert_eq!(
        package_of("http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore"),
        "de.tudarmstadt.ukp.dkpro.core.api.ner.type"
    );
    assert_eq!(package_of("http:///uima/noNamespace.ecore"), "");
}

#[test]
fn reads_inception_relation_export() {
    let imported = read(&fixture("relation_test.xmi"), None).unwrap();
    let document = &imported.document;
    assert_eq!(
        document.text,
        "Darmstadt is in Hessen.\r\nHannover is in Lower Saxony."
    );
    let spans: Vec<(usize, usize, &str, &str)> = document
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.layer.as_str(), s.label.as_str()))
        .collect();
    assert_eq!(
        spans,
        [
            (0, 9, "webanno.custom.MyRelationBase", "city"),
            (16, 22, "webanno.custom.MyRelationBase", "state"),
            (25, 33, "webanno.custom.MyRelationBase", "city"),
            (40, 52, "webanno.custom.MyRelationBase", "state"),
        ]
    );
    assert_eq!(document.relations.len(), 1);
    let relation = &document.relations[0];
    assert_eq!((relation.from, relation.to), (0, 1));
    assert_eq!(relation.label, "located in");
    assert_eq!(relation.layer, "webanno.custom.MyRelationLayer");
    assert_eq!(
        document.metadata.document_id.as_deref(),
        Some("relation_test.txt")
    );
    let layer = imported
        .schema
        .layer("webanno.custom.MyRelationLayer")
        .unwrap();
    assert_eq!(
        layer.kind,
        crate::LayerKind::Relation {
            attach: Some("webanno.custom.MyRelationBase".into())
        }
    );
    assert_eq!(layer.label_feature.as_deref(), Some("value"));
    let base = imported
        .schema
        .layer("webanno.custom.MyRelationBase")
        .unwrap();
    assert_eq!(base.tagset.iter().collect::<Vec<_>>(), ["city", "state"]);
    assert!(
        document
            .skipped
            .iter()
            .any(|s| s.what == "11 Token annotations")
    );
}

#[test]
fn astral_characters_count_twice_in_xmi_offsets() {
    let document = read(&fixture("sentence-with-emoji.xmi"), None)
        .unwrap()
        .document;
    assert_eq!(document.text, "I like it 😊 .");
    assert_eq!(document.spans.len(), 1);
    let span = &document.spans[0];
    assert_eq!((span.start, span.end), (10, 11));
    assert_eq!(span.layer, crate::schema::NAMED_ENTITY);
    assert_eq!(document.covered_text(span).as_deref(), Some("😊"));
}

#[test]
fn slot_features_are_reported_with_or_without_type_system() {
    let xmi = fixture("slot-feature.xmi");
    let ts = TypeSystem::from_xml(&fixture("slot-feature-typesystem.xml")).unwrap();
    for types in [None, Some(&ts)] {
        let document = read(&xmi, types).unwrap().document;
        assert_eq!(document.spans.len(), 3, "{types:?}");
        assert!(
            document
                .skipped
                .iter()
                .any(|s| s.what == "1 values of feature links on webanno.custom.SimpleLinkHost"),
            "{:?}",
            document.skipped
        );
    }
}

#[test]
fn a_span_splitting_a_surrogate_pair_is_reported() {
    let xmi = r#"<?xml version="1.0" encoding="UTF-8"?><xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmlns:custom="http:///webanno/custom.ecore" xmi:version="2.0"><custom:Span xmi:id="2" sofa="1" begin="2" end="4" value="x"/><custom:Span xmi:id="3" sofa="1" begin="0" end="4" value="y"/><cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="a&#128522;b"/><cas:View sofa="1" members="2 3"/></xmi:XMI>"#;
    let document = read(xmi, None).unwrap().document;
    assert_eq!(document.spans.len(), 1);
    assert_eq!((document.spans[0].start, document.spans[0].end), (0, 3));
    assert_eq!(document.skipped.len(), 1);
    assert!(
        document.skipped[0]
            .reason
            .contains("its begin 2 falls inside character 1")
    );
}

#[test]
fn malformed_input_is_an_error() {
    assert!(matches!(read("<a/>", None), Err(Error::Structure { .. })));
    assert!(matches!(read("", None), Err(Error::Structure { .. })));
    assert!(matches!(read("<xmi:XMI><x", None), Err(Error::Xml { .. })));
    let no_sofa =
        r#"<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore"/>"#;
    assert!(matches!(read(no_sofa, None), Err(Error::NoText)));
    let undeclared =
        r#"<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><foo:Bar xmi:id="1"/></xmi:XMI>"#;
    assert!(matches!(
        read(undeclared, None),
        Err(Error::Structure { .. })
    ));
}
