use super::*;
use serde_json::json;

#[test]
fn records_are_named_by_their_keys() {
    let cases = [
        (
            json!({"%TYPES": {}, "%FEATURE_STRUCTURES": []}),
            Some(Format::UimaCasJson),
        ),
        (
            json!({"text": "a", "annotation_sets": {}}),
            Some(Format::GateBdocjs),
        ),
        (
            json!({"annotatable": {"parts": ["s1v1"]}, "entities": []}),
            Some(Format::TagtogAnnJson),
        ),
        (
            json!({"e_1": "Person", "r_2": "knows"}),
            Some(Format::TagtogLegend),
        ),
        (json!({"id": 0, "paragraphs": []}), Some(Format::SpacyV2)),
        (
            json!({"data": {"text": "a"}, "annotations": []}),
            Some(Format::LabelStudio),
        ),
        (
            json!({"fields": {"text": "a"}, "responses": {}}),
            Some(Format::Argilla),
        ),
        (
            json!({"text": "a", "spans.responses": []}),
            Some(Format::Argilla),
        ),
        (
            json!({"text": "Ada", "annotation": [["PER", 0, 3]]}),
            Some(Format::Argilla),
        ),
        (
            json!({"text": "a", "_input_hash": 1, "spans": []}),
            Some(Format::Prodigy),
        ),
        (
            json!({"tokens": ["a"], "ner_tags": [0]}),
            Some(Format::HfRows),
        ),
        (json!({"words": ["a"], "ner": ["O"]}), Some(Format::HfRows)),
        (
            json!({"document": "a.txt", "text": "a", "spans": []}),
            Some(Format::GlosserJsonl),
        ),
        (
            json!({"text": "a", "spans": {"sc": []}, "words": ["a"]}),
            Some(Format::GlosserSpacy),
        ),
        (
            json!({"text": "Ada", "label": [{"start": 0, "end": 3, "labels": ["PER"]}]}),
            Some(Format::LabelStudioMin),
        ),
        (
            json!({"text": "a", "id": 1, "annotation_id": 2, "lead_time": 1.0}),
            Some(Format::LabelStudioMin),
        ),
        (
            json!({"text": "Ada", "label": [[0, 3, "PER"]]}),
            Some(Format::Doccano),
        ),
        (
            json!({"text": "Ada", "entities": [{"id": 1, "start_offset": 0, "end_offset": 3, "label": "PER"}]}),
            Some(Format::Doccano),
        ),
        (
            json!({"text": "Ada", "spans": [{"start": 0, "end": 3, "label": "PER"}]}),
            Some(Format::Prodigy),
        ),
        (json!({"text": "Ada"}), None),
        (json!([1]), None),
    ];
    for (record, expected) in cases {
        assert_eq!(classify_record(&record), expected, "{record}");
    }
}
