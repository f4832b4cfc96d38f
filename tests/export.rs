#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser export` as a user runs it, on the fixture corpus with emoji, CJK, combining marks,
//! CRLF and a BOM (tests/fixtures/formats/corpus, made by make_corpus.py there).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/corpus")
}

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn export(format: &str, extra: &[&str]) -> (i32, String, String) {
    let c = corpus();
    let mut args = vec!["export", c.to_str().unwrap(), "--format", format];
    args.extend_from_slice(extra);
    let out = glosser(&args);
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn doc_text(id: &str) -> String {
    let text = std::fs::read_to_string(corpus().join(id)).unwrap();
    text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()
}

fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn default_annotator_is_gold_and_output_is_deterministic() {
    let (code, first, _) = export("jsonl", &[]);
    assert_eq!(code, 0);
    assert!(lines(&first).iter().all(|r| r["annotator"] == "gold"));
    let (_, second, _) = export("jsonl", &[]);
    assert_eq!(first, second);
}

#[test]
fn jsonl_offsets_are_code_points() {
    let (_, out, _) = export("jsonl", &["--annotator", "ann"]);
    let records = lines(&out);
    assert_eq!(records.len(), 4);
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["document"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["bom.md", "cjk/北京.txt", "crlf.txt", "emoji.txt"]);
    for r in &records {
        let text = doc_text(r["document"].as_str().unwrap());
        assert_eq!(r["text"], text.as_str(), "BOM dropped, CRLF kept");
        for s in r["spans"].as_array().unwrap() {
            let got = slice(
                &text,
                s["start"].as_u64().unwrap(),
                s["end"].as_u64().unwrap(),
            );
            assert_eq!(got, s["text"].as_str().unwrap());
        }
    }
    let emoji = &records[3];
    let quote = emoji["spans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["label"] == "quote")
        .unwrap();
    assert_eq!(quote["note"], "victory claim");
}

#[test]
fn doccano_counts_utf16_units_unless_asked_for_code_points() {
    let (_, utf16, _) = export("doccano", &["--annotator", "ann"]);
    let (_, points, _) = export("doccano", &["--annotator", "ann", "--offsets", "codepoint"]);
    let emoji_utf16 = lines(&utf16)
        .into_iter()
        .find(|r| r["id"] == "emoji.txt")
        .unwrap();
    let emoji_points = lines(&points)
        .into_iter()
        .find(|r| r["id"] == "emoji.txt")
        .unwrap();
    let text = doc_text("emoji.txt");
    let units: Vec<u16> = text.encode_utf16().collect();
    for (a, b) in emoji_utf16["label"]
        .as_array()
        .unwrap()
        .iter()
        .zip(emoji_points["label"].as_array().unwrap())
    {
        let (s16, e16) = (
            a[0].as_u64().unwrap() as usize,
            a[1].as_u64().unwrap() as usize,
        );
        let via_utf16 = String::from_utf16(&units[s16..e16]).unwrap();
        let via_points = slice(&text, b[0].as_u64().unwrap(), b[1].as_u64().unwrap());
        assert_eq!(via_utf16, via_points);
    }
    assert_ne!(
        emoji_utf16["label"], emoji_points["label"],
        "the family emoji shifts UTF-16 offsets"
    );
}

#[test]
fn conll_drops_overlaps_and_says_so() {
    let (code, out, err) = export("conll", &["--annotator", "ann"]);
    assert_eq!(code, 0);
    // The CoNLL-2003 layout spaCy's converter and the CoNLL-2003 loaders read: a -DOCSTART- line
    // per document, four columns, no comment lines.
    assert_eq!(out.matches("-DOCSTART- -X- O O\n\n").count(), 4);
    assert!(!out.lines().any(|l| l.starts_with('#')), "{out}");
    assert!(
        out.lines()
            .filter(|l| !l.is_empty())
            .all(|l| l.split(' ').count() == 4),
        "{out}"
    );
    assert!(
        err.contains("dropped overlapping span: emoji.txt 24..32 quote \"“we won”\""),
        "{err}"
    );
    assert!(err.contains("dropped 4 spans"), "{err}");
    assert!(
        out.contains("北 -X- O B-claim\n京 -X- O I-claim\nofficials -X- O I-claim"),
        "each Han character is a word in UAX #29: {out}"
    );
    let tags: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("# ") && !l.starts_with("-DOCSTART-"))
        .filter_map(|l| l.rsplit_once(' ').map(|(_, t)| t))
        .collect();
    for (i, tag) in tags.iter().enumerate() {
        if let Some(label) = tag.strip_prefix("I-") {
            let prev = tags[i - 1];
            assert!(prev.ends_with(label), "I- after {prev}");
        }
    }
}

#[test]
fn hf_prodigy_spacy_w3c_label_studio_csv_shapes() {
    let (_, hf, _) = export("hf", &["--annotator", "ann"]);
    for r in lines(&hf) {
        assert_eq!(
            r["tokens"].as_array().unwrap().len(),
            r["ner_tags"].as_array().unwrap().len()
        );
    }
    let (_, prodigy, _) = export("prodigy", &["--annotator", "ann"]);
    let r = &lines(&prodigy)[0];
    assert_eq!(r["answer"], "accept");
    let token = &r["tokens"][0];
    assert!(token.get("ws").is_some() && token.get("id").is_some());
    let (code, _, err) = export("spacy", &["--annotator", "ann"]);
    assert_eq!(code, 2, "a DocBin is binary: not to standard output");
    assert!(err.contains("-o FILE"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let docbin = dir.path().join("train.spacy");
    let (code, _, _) = export(
        "spacy",
        &["--annotator", "ann", "-o", docbin.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    let bytes = std::fs::read(&docbin).unwrap();
    assert_eq!(bytes[0], 0x78, "a DocBin is zlib-compressed msgpack");
    let (_, w3c, _) = export("w3c", &["--annotator", "ann"]);
    let selector = &lines(&w3c)[3]["first"]["items"][0]["target"]["selector"];
    assert_eq!(selector[0]["type"], "TextQuoteSelector");
    assert_eq!(selector[1]["type"], "TextPositionSelector");
    let (_, ls, _) = export("label-studio", &["--annotator", "ann"]);
    let tasks: serde_json::Value = serde_json::from_str(&ls).unwrap();
    let result = &tasks[3]["annotations"][0]["result"];
    assert_eq!(result.as_array().unwrap().len(), 5);
    assert_eq!(result[0]["from_name"], "label");
    assert_eq!(result[0]["type"], "labels");
    let (_, csv, _) = export("csv", &["--annotator", "ann", "--labels", "quote"]);
    assert!(csv.starts_with("document,annotator,label,start,end,text,note,status,id\r\n"));
    assert_eq!(csv.lines().count(), 1 + 4 + 1, "only quotes");
    assert!(
        csv.contains("\r\nbom.md,ann,,,,,,InProgress,\r\n"),
        "a document without quotes is kept as a row without a span: {csv}"
    );
}

#[test]
fn brat_pairs_need_a_directory() {
    let (code, _, err) = export("brat", &["--annotator", "ann"]);
    assert_eq!(code, 2);
    assert!(err.contains("-o DIR"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    let (code, _, _) = export("brat", &["--annotator", "ann", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    let txt = std::fs::read_to_string(out.join("bom.md.txt")).unwrap();
    assert!(!txt.starts_with('\u{feff}'));
    let ann = std::fs::read_to_string(out.join("emoji.ann")).unwrap();
    assert!(ann.contains("AnnotatorNotes"), "{ann}");
    assert!(
        ann.contains(';'),
        "a span over a line break becomes fragments: {ann}"
    );
}

#[test]
fn errors_are_clear_and_leave_nothing_behind() {
    let (code, _, err) = export("xml", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown export format \"xml\""), "{err}");
    assert!(err.contains("uima-json, xmi"), "{err}");
    let (code, _, err) = export("jsonl", &["--annotator", "nobody"]);
    assert_eq!(code, 2);
    assert!(err.contains("ann, gold"), "{err}");
    let (code, _, err) = export("jsonl", &["-o", "/nonexistent-dir/out.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent-dir/out.jsonl"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    let (code, _, _) = export("jsonl", &["-o", target.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "only the output, no temp file"
    );
}

#[test]
fn several_annotators_without_gold_must_choose() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["a.txt", "a.txt.x.ron", "a.txt.y.ron"] {
        let body = std::fs::read_to_string(corpus().join("crlf.txt")).unwrap();
        if f == "a.txt" {
            std::fs::write(dir.path().join(f), body).unwrap();
        } else {
            std::fs::write(dir.path().join(f), "(").unwrap();
        }
    }
    let out = glosser(&["export", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("choose one with --annotator (x, y)"));
    let out = glosser(&[
        "export",
        dir.path().to_str().unwrap(),
        "--format",
        "jsonl",
        "--annotator",
        "x",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a broken file is skipped and reported"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.txt.x.ron:1:"));
}

#[test]
fn output_dash_is_standard_output() {
    let (code, piped, _) = export("jsonl", &[]);
    let (dash_code, dashed, _) = export("jsonl", &["-o", "-"]);
    assert_eq!((code, dash_code), (0, 0));
    assert!(!dashed.is_empty());
    assert_eq!(piped, dashed);
    assert!(!corpus().join("-").exists());
    assert!(!Path::new("-").exists());
}
