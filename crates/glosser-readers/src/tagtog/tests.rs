mod fixtures;

use super::*;

#[test]
fn relation_hashes_parse() {
    assert_eq!(
        entity_key("s1p1|e_1|9,17"),
        Some(("s1p1".into(), "e_1".into(), 9, 17))
    );
    assert_eq!(entity_key("s1p1|e_1"), None);
    assert_eq!(entity_key("s1p1|e_1|a,2"), None);
}

#[test]
fn utf16_offsets_relations_and_removed_pre_annotations() {
    let text = "😀 Ada works at ACME.";
    let ann = r#"{"entities":[
        {"classId":"e_1","part":"s1v1","offsets":[{"start":3,"text":"Ada"}],"confidence":{"state":"","who":["user:bob"],"prob":1},"fields":{"f_1":{"value":"x"}}},
        {"classId":"e_2","part":"s1v1","offsets":[{"start":16,"text":"ACME"}],"confidence":{"state":"pre-added","who":["ml:model"]}},
        {"classId":"e_2","part":"s1v1","offsets":[{"start":0,"text":"😀"}],"confidence":{"state":"pre-removed"}},
        {"classId":"e_2","part":"s2h1","offsets":[{"start":0,"text":"x"}]}],
      "relations":[{"classId":"r_1","type":"linked","directed":true,"entities":["s1v1|e_1|3,6","s1v1|e_2|16,20"]},{"classId":"r_1","entities":["s1v1|e_1|0,1"]}],
      "metas":{"m_1":{"value":true}},"anncomplete":true}"#;
    let legend = parse_legend(
        r#"{"e_1":"Person","e_2":"Org","r_1":"works_at","f_1":"role","m_1":"reviewed"}"#,
    )
    .unwrap();
    let corpus = read(ann, text, Some(&legend)).unwrap();
    let document = &corpus.documents[0];
    let spans: Vec<(usize, usize, &str, Option<&str>)> = document
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str(), s.annotator.as_deref()))
        .collect();
    assert_eq!(
        spans,
        [
            (2, 5, "Person", Some("bob")),
            (15, 19, "Org", Some("ml:model"))
        ]
    );
    assert_eq!(document.spans[0].features["role"], "x");
    assert_eq!(document.spans[0].features["probability"], "1");
    assert_eq!(document.relations.len(), 1);
    assert_eq!(
        (
            document.relations[0].from,
            document.relations[0].to,
            document.relations[0].label.as_str()
        ),
        (0, 1, "works_at")
    );
    let reasons: Vec<String> = document
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.what, s.reason))
        .collect();
    assert_eq!(reasons.len(), 7, "{reasons:?}");
    assert!(reasons[0].starts_with("entity 1: offsets read as UTF-16"));
    assert!(reasons[2].starts_with("entity 3: a pre-annotation the annotator removed"));
    assert!(reasons[3].contains("part \"s2h1\""));
    assert!(reasons[4].starts_with("relation 2"));
    assert_eq!(
        reasons[5],
        "document labels (metas): not kept: reviewed=true"
    );
    assert_eq!(corpus.labels, ["Person", "Org"]);
    assert!(corpus.skipped.is_empty());
    assert!(parse_legend("[]").is_err());
    let legend = parse_legend(r#"{"e_2": "Org", "e_10": "Date", "e_1": "Person"}"#).unwrap();
    let ids: Vec<&str> = legend.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["e_2", "e_10", "e_1"]);
    assert!(read("[]", text, None).is_err());
}
