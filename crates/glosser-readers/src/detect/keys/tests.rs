use super::*;
use serde_json::json;

fn unread(record: &Value, reader: Format) -> Vec<String> {
    unread_annotation_keys(record, reader)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_gate_document_given_to_the_doccano_reader() {
    let gate = json!({"text": "Ada", "annotation_sets": {"": {"annotations": [{"start": 0, "end": 3, "type": "Person"}, {"start": 0, "end": 1, "type": "X"}]}}});
    assert_eq!(
        unread(&gate, Format::Doccano),
        ["`annotation_sets`: GATE annotation sets (2 annotations)"]
    );
    assert!(unread(&gate, Format::GateBdocjs).is_empty());
}

#[test]
fn json_min_regions_given_to_the_label_studio_reader() {
    let min = json!({"text": "Ada", "ner": [{"start": 0, "end": 3, "text": "Ada", "labels": ["PER"]}], "id": 1});
    assert_eq!(
        unread(&min, Format::LabelStudio),
        [
            "`ner`: Label Studio regions (start, end, labels), as JSON-MIN writes them (1 annotations)"
        ]
    );
    assert!(unread(&min, Format::LabelStudioMin).is_empty());
}

#[test]
fn entities_of_another_shape() {
    let tagtog = json!({"entities": [{"classId": "e_1", "part": "s1v1", "offsets": [{"start": 0, "text": "Ada"}]}]});
    assert_eq!(
        unread_annotation_keys(&tagtog, Format::Doccano)[0].shape,
        Shape::TagtogEntities
    );
    let doccano = json!({"text": "Ada", "entities": [{"id": 1, "start_offset": 0, "end_offset": 3, "label": "PER"}], "relations": [{"from_id": 1, "to_id": 1, "type": "x"}]});
    assert!(unread(&doccano, Format::Doccano).is_empty());
    assert_eq!(
        unread_annotation_keys(&doccano, Format::Prodigy)[0].key,
        "entities"
    );
}

#[test]
fn other_shapes_are_found() {
    let record = json!({
        "tokens": ["a", "b"], "ner_tags": [0, 1], "pos": ["X", "Y"], "label": [[0, 1, "A"]],
        "annotations": [{"result": [{}, {}]}], "fields": {"text": "a"}, "responses": {"q": []},
        "q.suggestion": [{"start": 0, "end": 1, "label": "A"}], "paragraphs": [], "%VIEWS": {},
        "plain": [1, 2], "empty": []
    });
    let shapes: Vec<(String, Shape, usize)> = unread_annotation_keys(&record, Format::Conll)
        .into_iter()
        .map(|u| (u.key, u.shape, u.count))
        .collect();
    assert_eq!(
        shapes,
        // In the keys' order (serde_json's maps sort them).
        [
            ("%VIEWS".into(), Shape::CasFeatureStructures, 0),
            ("annotations".into(), Shape::LabelStudioResults, 2),
            ("label".into(), Shape::Triples, 1),
            ("ner_tags".into(), Shape::TokenTags, 2),
            ("paragraphs".into(), Shape::Paragraphs, 0),
            ("q.suggestion".into(), Shape::ArgillaAnswers, 1),
            ("responses".into(), Shape::ArgillaAnswers, 1),
        ]
    );
    assert!(unread_annotation_keys(&json!([1]), Format::Conll).is_empty());
    assert!(
        unread_annotation_keys(&record, Format::HfRows)
            .iter()
            .all(|u| u.key != "ner_tags")
    );
}

#[test]
fn token_lists_are_not_annotations() {
    let prodigy = json!({
        "text": "Ada left.", "answer": "accept",
        "tokens": [{"text": "Ada", "start": 0, "end": 3, "id": 0, "ws": true}],
        "spans": [{"start": 0, "end": 3, "label": "PER", "token_start": 0, "token_end": 0}]
    });
    assert!(unread_annotation_keys(&prodigy, Format::Prodigy).is_empty());
    let keys: Vec<String> = unread_annotation_keys(&prodigy, Format::Doccano)
        .into_iter()
        .map(|u| u.key)
        .collect();
    assert_eq!(keys, ["spans"]);
}
