use super::*;
use serde_json::json;

fn agreement() -> Agreement {
    Agreement {
        json: json!({
            "pairs": [
                {"a": "alice", "b": "bob", "kind": "agreement", "overall": {"kappa": 0.5, "f1_overlap": 0.75, "f1_strict": 0.5}},
                {"a": "gold", "b": "alice", "kind": "accuracy", "overall": {"kappa": null, "f1_overlap": 1.0, "f1_strict": 1.0}},
            ],
        }),
        compared: vec!["alice".into(), "bob".into(), "gold".into()],
        excluded: vec![
            ("gold_union".into(), Kind::Merged),
            ("suggest".into(), Kind::Suggester),
        ],
    }
}

fn card<'a>(meta: &'a DatasetMeta, agreement: &'a Agreement, tags: &'a [String]) -> HfCard<'a> {
    HfCard {
        meta,
        fallback_name: "news".into(),
        annotator: "gold",
        annotator_kind: Kind::Gold,
        done_only: true,
        seed: 3,
        parts: vec![
            Part {
                name: "train".into(),
                file: "train.jsonl".into(),
                documents: 2,
                rows: 7,
                arrow_bytes: 1234,
                file_bytes: 2000,
                spans: 9,
                dropped: 1,
            },
            Part {
                name: "test".into(),
                file: "test.jsonl".into(),
                documents: 0,
                rows: 0,
                arrow_bytes: 0,
                file_bytes: 0,
                spans: 0,
                dropped: 0,
            },
        ],
        labels: vec![
            ("claim".into(), "An assertion".into()),
            ("quote".into(), "Words \"said\"".into()),
        ],
        tags,
        depth: 2,
        parquet: false,
        agreement,
        changes: Changes {
            overlapping_dropped: 0,
            layered: 3,
            trimmed: 2,
            ..Changes::default()
        },
    }
}

#[test]
fn yaml_names_splits_features_and_metadata() {
    let meta = DatasetMeta {
        pretty_name: Some("News \"claims\"".into()),
        license: Some("cc-by-4.0".into()),
        language: vec!["en".into()],
    };
    let agreement = agreement();
    let tags: Vec<String> = ["O", "B-claim", "I-claim"].map(String::from).to_vec();
    let text = card(&meta, &agreement, &tags).render();
    let (yaml, prose) = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("---\n\n"))
        .unwrap();
    for line in [
        "pretty_name: \"News \\\"claims\\\"\"",
        "license: \"cc-by-4.0\"",
        "language:\n- \"en\"",
        "task_categories:\n- token-classification",
        "size_categories:\n- \"n<1K\"",
        "configs:\n- config_name: default\n  data_files:\n  - split: \"train\"\n    path: \"train.jsonl\"\ndataset_info:",
        "  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n          '0': \"O\"\n          '1': \"B-claim\"\n          '2': \"I-claim\"\n",
        "  - name: ner_tags_2\n",
        "  splits:\n  - name: \"train\"\n    num_bytes: 1234\n    num_examples: 7\n  download_size: 2000\n  dataset_size: 1234\n",
    ] {
        assert!(yaml.contains(line), "{line:?} not in\n{yaml}");
    }
    assert!(!yaml.contains("test.jsonl"), "an empty split is left out");
    assert!(prose.starts_with("# News \"claims\""));
    assert!(prose.contains("No rows in test"));
    assert!(prose.contains("| alice × bob | agreement | 0.500 | 0.750 | 0.500 |"));
    assert!(prose.contains("| gold × alice | accuracy | — | 1.000 | 1.000 |"));
    assert!(prose.contains("Left out of agreement: `gold_union`, merged"));
    assert!(prose.contains("Left out of agreement: `suggest`, suggester"));
    assert!(prose.contains("- spans written without the whitespace at their edges (a token never holds whitespace): 2\n"));
    assert!(
        prose.contains("- overlapping spans written to further tag layers (`ner_tags_2`, …): 3\n")
    );
    assert!(!prose.contains("No licence was given"));
}

#[test]
fn missing_metadata_is_said_and_the_folder_names_the_dataset() {
    let meta = DatasetMeta::default();
    let agreement = Agreement {
        json: serde_json::Value::Null,
        compared: vec!["alice".into()],
        excluded: Vec::new(),
    };
    let tags = vec!["O".to_owned()];
    let text = card(&meta, &agreement, &tags).render();
    assert!(text.contains("pretty_name: \"news\"\n"));
    assert!(!text.contains("\nlicense:") && !text.contains("\nlanguage:"));
    assert!(text.contains("No licence was given"));
    assert!(text.contains("No language was given"));
    assert!(text.contains("No agreement figures"));
    assert!(text.contains("Annotated by `alice` (one person)."));
}

#[test]
fn size_categories_follow_the_hub() {
    assert_eq!(size_category(0), "n<1K");
    assert_eq!(size_category(999), "n<1K");
    assert_eq!(size_category(1_000), "1K<n<10K");
    assert_eq!(size_category(250_000), "100K<n<1M");
}
