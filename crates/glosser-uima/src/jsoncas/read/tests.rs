use super::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/json/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn reads_uima_emoji_test_with_utf16_offsets() {
    let document = read(&fixture("emoji.json")).unwrap().document;
    let texts: Vec<String> = document
        .spans
        .iter()
        .map(|span| document.covered_text(span).unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "🥳",
            "This",
            "👳🏻\u{200d}♀\u{fe0f}",
            "is",
            "✆",
            "a",
            "🧔🏾\u{200d}♂\u{fe0f}",
            "test",
            "👻"
        ]
    );
    assert!(
        document
            .spans
            .iter()
            .all(|span| span.layer == "uima.tcas.Annotation")
    );
}

#[test]
fn reads_inception_types_and_reports_slot_features() {
    let imported = read(&fixture("slot-feature.json")).unwrap();
    let document = &imported.document;
    assert_eq!(document.text, "This is a test .");
    assert_eq!(document.spans.len(), 3);
    assert_eq!(document.metadata.document_id.as_deref(), Some("doc"));
    assert!(
        document
            .skipped
            .iter()
            .any(|s| s.what == "1 values of feature links on webanno.custom.SimpleLinkHost")
    );
    assert!(imported.schema.layer("webanno.custom.SimpleSpan").is_some());
}

#[test]
fn other_offset_encodings_and_keyed_structures() {
    let json = r#"{"%HEADER":{"offset-encoding":"UTF-8"},"%FEATURE_STRUCTURES":{
        "1":{"%TYPE":"uima.cas.Sofa","sofaID":"_InitialView","sofaString":"é😀x"},
        "2":{"%TYPE":"webanno.custom.Span","@sofa":1,"begin":2,"end":6,"value":"E"},
        "3":{"%TYPE":"webanno.custom.Span","@sofa":1,"begin":1,"end":6,"value":"bad"}}}"#;
    let document = read(json).unwrap().document;
    assert_eq!(document.spans.len(), 1);
    assert_eq!((document.spans[0].start, document.spans[0].end), (1, 2));
    assert_eq!(document.skipped.len(), 1);
    let json = r#"{"%HEADER":{"offset-encoding":"UTF-32"},"%FEATURE_STRUCTURES":[
        {"%ID":1,"%TYPE":"uima.cas.Sofa","sofaID":"_InitialView","sofaString":"é😀x"},
        {"%ID":2,"%TYPE":"webanno.custom.Span","@sofa":1,"begin":1,"end":2,"value":"E"}]}"#;
    let document = read(json).unwrap().document;
    assert_eq!((document.spans[0].start, document.spans[0].end), (1, 2));
}

#[test]
fn bad_files_are_errors() {
    assert!(matches!(read("[1"), Err(Error::Json(_))));
    assert!(matches!(read("3"), Err(Error::Structure { .. })));
    assert!(matches!(read("{}"), Err(Error::Structure { .. })));
    assert!(matches!(
        read(r#"{"%HEADER":{"offset-encoding":"UTF-7"},"%FEATURE_STRUCTURES":[]}"#),
        Err(Error::OffsetEncoding(_))
    ));
    assert!(matches!(
        read(r#"{"%FEATURE_STRUCTURES":[{"%TYPE":"x"}]}"#),
        Err(Error::Structure { .. })
    ));
    assert!(matches!(
        read(r#"{"%FEATURE_STRUCTURES":[]}"#),
        Err(Error::NoText)
    ));
}
