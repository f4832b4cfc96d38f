mod fixtures;

use super::*;

#[test]
fn docs_to_json_shape_with_raw_space_and_entities() {
    let input = r#"{"id":0,"paragraphs":[{"raw":"Ada  met Bob.","sentences":[{"tokens":[
        {"id":0,"orth":"Ada","space":"  ","ner":"U-PER"},{"id":1,"orth":"met","space":" ","ner":"O"},
        {"id":2,"orth":"Bob","space":"","ner":"U-PER"},{"id":3,"orth":".","space":"","ner":"-"}]}],
        "cats":[{"label":"news","value":1.0}],"entities":[[0,3,"PER"],[9,12,"PER"]],"links":[]}]}"#;
    let corpus = read(input).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.text, "Ada  met Bob.");
    let spans: Vec<(usize, usize, &str)> = document
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str()))
        .collect();
    assert_eq!(spans, [(0, 3, "PER"), (9, 12, "PER")]);
    assert_eq!(document.skipped.len(), 1, "{:?}", document.skipped);
    assert!(
        document.skipped[0]
            .reason
            .starts_with("1 tokens have no entity tag (\"-\"")
    );
    let reasons: Vec<&str> = corpus.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(reasons, ["the ner tags", "cats"]);
}

#[test]
fn entities_without_tags_and_space_flags_without_raw() {
    let input = r#"[{"id":"d","paragraphs":[{"raw":"Ada met Bob","sentences":[{"tokens":[{"orth":"Ada"},{"orth":"met"},{"orth":"Bob"}]}],"entities":[[0,3,"PER"],[8,30,"PER"]]},
        {"sentences":[{"tokens":[{"orth":"Hi","space":true},{"orth":"!","space":false}]}]}]}]"#;
    let corpus = read(input).unwrap();
    let first = &corpus.documents[0];
    assert_eq!(first.metadata.document_id.as_deref(), Some("d/1"));
    assert_eq!(first.spans.len(), 1);
    assert_eq!(first.spans[0].layer, "entities");
    assert!(
        first.skipped[0]
            .reason
            .starts_with("offset 30 is past the end")
    );
    let second = &corpus.documents[1];
    assert_eq!(second.text, "Hi !");
    assert!(second.skipped.is_empty());
    assert!(read("3").is_err());
    assert!(read(r#"[{"id":1}]"#).is_err());
}
