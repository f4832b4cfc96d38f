//! The sniffer names the format of every fixture, and the unread-keys check catches the cases
//! of issue 27: a GATE document or a JSON-MIN export given to another JSON reader.

use crate::{Format, detect, unread_annotation_keys};

fn bytes(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn every_fixture_is_named() {
    let cases = [
        ("conll/inception-conll2002.txt", Format::Conll),
        ("conll/inception-conll2003.txt", Format::Conll),
        ("conll/seqeval-ground_truth-head.txt", Format::Conll),
        (
            "conll/spacy-ner-token-per-line-conll2003.iob",
            Format::Conll,
        ),
        ("conll/glosser-conll-export.conll", Format::Conll),
        ("hf/transformers-conll-sample.json", Format::HfRows),
        ("hf/glosser-hf-export.jsonl", Format::HfRows),
        (
            "label_studio_min/converter-json-min.json",
            Format::LabelStudioMin,
        ),
        (
            "label_studio_min/glosser-wild-json_min.json",
            Format::LabelStudioMin,
        ),
        (
            "label_studio_min/converter-input-tasks.json",
            Format::LabelStudio,
        ),
        ("gate/tests-testdoc1.bdocjs", Format::GateBdocjs),
        (
            "gate/docs-overview-ann-relations.bdocjs",
            Format::GateBdocjs,
        ),
        ("gate/examples-testdoc.bdocjson", Format::GateBdocjs),
        ("gate/debug-debugdoc01.bdocjs", Format::GateBdocjs),
        ("tagtog/formatted.ann.json", Format::TagtogAnnJson),
        ("tagtog/hellotag.ann.json", Format::TagtogAnnJson),
        ("argilla/v1-records.json", Format::Argilla),
        ("argilla/v1-to-datasets.jsonl", Format::Argilla),
        ("argilla/v2-records.json", Format::Argilla),
        ("argilla/v2-flat.json", Format::Argilla),
        ("spacy_v2/ner-token-per-line.json", Format::SpacyV2),
        ("spacy_v2/training-data.json", Format::SpacyV2),
        ("detect/brat-060-relation_annotation.ann", Format::Brat),
        ("detect/doccano-relation_extraction.jsonl", Format::Doccano),
        ("detect/doccano-v1_tutorial.jsonl", Format::Doccano),
        (
            "detect/label-studio-completions_348.json",
            Format::LabelStudio,
        ),
        ("detect/prodigy-db-out.jsonl", Format::Prodigy),
        ("detect/glosser-jsonl.jsonl", Format::GlosserJsonl),
        ("detect/glosser-spacy.jsonl", Format::GlosserSpacy),
        ("detect/webanno-sentence-with-emoji.tsv", Format::WebAnnoTsv),
        ("detect/uima-sentence-with-emoji.xmi", Format::UimaXmi),
        ("detect/uima-cas-emoji.json", Format::UimaCasJson),
    ];
    let mut wrong = Vec::new();
    for (path, expected) in cases {
        let found = detect(&bytes(path), path);
        if found != Some(expected) {
            wrong.push(format!("{path}: {found:?}, expected {expected:?}"));
        }
        assert_eq!(
            detect(&bytes(path), ""),
            found,
            "{path}: the name only breaks ties"
        );
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(
        detect(&bytes("tagtog/formatted.txt"), "formatted.txt"),
        None
    );
    assert_eq!(
        detect(&bytes("label_studio_min/converter-input-config.xml"), ""),
        None
    );
}

#[test]
fn issue_27_cases_are_caught() {
    let gate: serde_json::Value =
        serde_json::from_slice(&bytes("gate/debug-debugdoc01.bdocjs")).unwrap();
    for reader in [Format::Doccano, Format::LabelStudio, Format::Prodigy] {
        let unread = unread_annotation_keys(&gate, reader);
        assert_eq!(unread.len(), 1, "{reader:?}");
        assert_eq!(
            unread[0].to_string(),
            "`annotation_sets`: GATE annotation sets (39 annotations)"
        );
    }
    let min: serde_json::Value =
        serde_json::from_slice(&bytes("label_studio_min/converter-json-min.json")).unwrap();
    let unread = unread_annotation_keys(&min[0], Format::LabelStudio);
    assert_eq!(unread.len(), 1);
    assert_eq!(unread[0].key, "label");
    assert!(unread_annotation_keys(&min[0], Format::LabelStudioMin).is_empty());
    let tagtog: serde_json::Value =
        serde_json::from_slice(&bytes("tagtog/formatted.ann.json")).unwrap();
    assert_eq!(
        unread_annotation_keys(&tagtog, Format::Doccano)[0].key,
        "entities"
    );
}
