#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Issue 30 as a user meets it: a corpus annotated by three people, merged into `gold_union`
//! and run through a suggester, exported for publishing (`hf --split` with its `README.md` card,
//! `--parquet`) and for spaCy (a DocBin on spaCy's own tokens with `config.cfg`); what the
//! export changes (trimmed edges, spans spaCy cannot hold) is named on stderr and counted.
//! Real readers (datasets, huggingface_hub, pyarrow, DuckDB, spacy train) check the same files in
//! tests/consumers/run.sh.

use std::path::Path;
use std::process::Command;

const TEXT: &str =
    "Putin said the talks were positive. 北京官员说了 Critics doubt it. Hello there.\n";

fn glosser(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `a.txt` annotated by alice, bob and carol (carol's quote ends in a space; bob has a span on
/// part of a Han run), merged into `gold_union`, and a pattern suggester's file.
fn corpus(root: &Path) -> std::path::PathBuf {
    let corpus = root.join("corpus");
    let span = |start: usize, end: usize, label: &str| {
        let text: String = TEXT.chars().skip(start).take(end - start).collect();
        serde_json::json!({"start": start, "end": end, "label": label, "text": text})
    };
    let records = [
        ("alice", vec![span(0, 35, "claim"), span(43, 60, "opinion")]),
        ("bob", vec![span(0, 35, "claim"), span(36, 38, "source")]),
        ("carol", vec![span(0, 35, "claim"), span(61, 67, "quote")]),
    ];
    let mut jsonl = String::new();
    for (annotator, spans) in records {
        jsonl.push_str(
            &serde_json::json!({
                "document": "a.txt", "annotator": annotator, "text": TEXT, "spans": spans,
            })
            .to_string(),
        );
        jsonl.push('\n');
    }
    let input = root.join("people.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let (code, _, err) = glosser(&[
        "import",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "--corpus",
        corpus.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = glosser(&[
        "merge",
        corpus.to_str().unwrap(),
        "--annotators",
        "alice,bob,carol",
        "--strategy",
        "union",
        "--into",
        "gold_union",
    ]);
    assert!(code == 0 || code == 1, "{err}");
    let patterns = root.join("patterns.jsonl");
    std::fs::write(&patterns, "{\"label\":\"source\",\"pattern\":\"Putin\"}\n").unwrap();
    let (code, _, err) = glosser(&[
        "suggest",
        corpus.to_str().unwrap(),
        "--patterns",
        patterns.to_str().unwrap(),
        "--as",
        "patterns",
    ]);
    assert_eq!(code, 0, "{err}");
    corpus
}

#[test]
fn hf_split_writes_a_card_and_agreement_over_people_only() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("hf");
    let (code, _, err) = glosser(&[
        "export",
        corpus.to_str().unwrap(),
        "--format",
        "hf",
        "--annotator",
        "carol",
        "--split",
        "train=1",
        "--license",
        "cc-by-4.0",
        "--language",
        "en,zh",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("glosser: trimmed span edge: a.txt 61..67 quote \"Hello \""),
        "carol's quote ends in a space: {err}"
    );
    assert!(
        err.contains("1 span written without the whitespace"),
        "{err}"
    );
    let card = std::fs::read_to_string(out.join("README.md")).unwrap();
    let yaml = card
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map(|(yaml, _)| yaml)
        .expect("the card opens with YAML between --- lines");
    for line in [
        "license: \"cc-by-4.0\"",
        "- \"en\"",
        "- \"zh\"",
        "  - split: \"train\"",
        "    path: \"train.jsonl\"",
        "      class_label:",
        "          '0': \"O\"",
        "          '1': \"B-claim\"",
        "    num_examples: ",
    ] {
        assert!(yaml.contains(line), "{line:?} in {yaml}");
    }
    assert!(card.contains("spans written without the whitespace at their edges (a token never holds whitespace): 1"), "{card}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("dataset.json")).unwrap()).unwrap();
    let who = &json["agreement_annotators"];
    assert_eq!(
        who["compared"],
        serde_json::json!(["alice", "bob", "carol"])
    );
    let excluded: Vec<(&str, &str)> = who["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["annotator"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        excluded,
        [("gold_union", "merged"), ("patterns", "suggester")]
    );
    assert!(
        card.contains("gold_union"),
        "the card names who was left out: {card}"
    );
    assert!(card.contains("patterns"), "{card}");
    assert_eq!(json["spans_trimmed"][0]["written_end"], 66);

    let parquet = dir.path().join("parquet");
    let (code, _, err) = glosser(&[
        "export",
        corpus.to_str().unwrap(),
        "--format",
        "hf",
        "--parquet",
        "--annotator",
        "carol",
        "--split",
        "train=1",
        "-o",
        parquet.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(parquet.join("train.parquet")).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let card = std::fs::read_to_string(parquet.join("README.md")).unwrap();
    assert!(card.contains("path: \"train.parquet\""), "{card}");
    let (code, _, err) = glosser(&[
        "export",
        corpus.to_str().unwrap(),
        "--format",
        "jsonl",
        "--parquet",
        "-o",
        dir.path().join("x").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--parquet writes hf rows"), "{err}");
}

#[test]
fn spacy_names_what_its_tokens_cannot_hold_and_writes_a_config_that_proposes_every_span() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("spacy");
    let (code, _, err) = glosser(&[
        "export",
        corpus.to_str().unwrap(),
        "--format",
        "spacy",
        "--annotator",
        "gold_union",
        "--spacy-pipeline",
        "spancat,ner",
        "--split",
        "train=.5,dev=.5",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("span not on spaCy's tokens, left out: a.txt 36..38 source \"北京\""),
        "a span on part of a Han run (one spaCy token): {err}"
    );
    assert!(err.contains("spacy: 1 span left out"), "{err}");
    assert!(
        err.contains("trimmed span edge: a.txt 61..67 quote \"Hello \""),
        "{err}"
    );
    let config = std::fs::read_to_string(out.join("config.cfg")).unwrap();
    assert!(
        config.contains("pipeline = [\"tok2vec\", \"spancat\", \"ner\"]"),
        "{config}"
    );
    let sizes = config
        .lines()
        .skip_while(|l| *l != "[components.spancat.suggester]")
        .find_map(|l| l.strip_prefix("sizes = "))
        .expect("the suggester's sizes");
    // "Putin said the talks were positive." is 7 spaCy tokens: the default 1–3 cannot propose it.
    assert!(sizes.contains('7'), "{sizes}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("dataset.json")).unwrap()).unwrap();
    let dropped = json["spans_dropped"].as_array().unwrap();
    assert_eq!(dropped.len(), 1, "{dropped:?}");
    assert!(dropped[0]["why"].as_str().unwrap().starts_with("spaCy: "));
    assert_eq!(json["spacy"]["config"], "config.cfg");
    let placed: usize = json["parts"]
        .as_object()
        .unwrap()
        .values()
        .map(|p| {
            p["spans"]
                .as_object()
                .unwrap()
                .values()
                .map(|n| n.as_u64().unwrap() as usize)
                .sum::<usize>()
        })
        .sum();
    assert_eq!(placed, 3, "claim, opinion and quote (trimmed) are placed");
}
