#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The rest of the field (issue 27): INCEpTION's UIMA CAS XMI and JSON and WebAnno TSV, CoNLL,
//! Hugging Face rows, Label Studio JSON-MIN, GATE, tagtog, Argilla and spaCy v2 files from the
//! tools' own repositories (tests/fixtures/wild, sources in its SOURCES.md) import exactly or
//! say what they could not keep; a file is never read as nothing; `--format auto`; the schema
//! travels with `--add-labels`; documents without spans keep an annotation file. Expected span
//! texts are written out by hand from the files; the tests slice the documents themselves.

use std::path::{Path, PathBuf};
use std::process::Command;

use glosser_core::store;

#[path = "import_field/empty.rs"]
mod empty;
#[path = "import_field/readers.rs"]
mod readers;
#[path = "import_field/schema.rs"]
mod schema;
#[path = "import_field/uima.rs"]
mod uima;

fn wild(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wild")
        .join(name)
}

fn glosser(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `glosser import INPUT --corpus CORPUS ARGS…` (no `--format`: the content tells it unless
/// `args` gives one).
fn import(input: &Path, corpus: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec![
        "import",
        input.to_str().unwrap(),
        "--corpus",
        corpus.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let (code, _, err) = glosser(&all);
    (code, err)
}

/// (start, end, label, the document's text at those code points), in file order.
fn spans(corpus: &Path, doc: &str, annotator: &str) -> Vec<(usize, usize, String, String)> {
    let text = std::fs::read_to_string(corpus.join(doc)).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let file = store::load(&corpus.join(format!("{doc}.{annotator}.ron")))
        .unwrap_or_else(|e| panic!("{doc}: {e}"));
    file.spans
        .spans()
        .iter()
        .map(|s| {
            let sliced: String = chars[s.start..s.end].iter().collect();
            assert_eq!(sliced, s.quote, "{doc}: the quote is the text");
            (s.start, s.end, s.label.clone(), sliced)
        })
        .collect()
}

fn texts(spans: &[(usize, usize, String, String)]) -> Vec<(&str, &str)> {
    spans.iter().map(|s| (s.2.as_str(), s.3.as_str())).collect()
}

/// (type, from's text, to's text) of every link of a file.
fn links(corpus: &Path, doc: &str, annotator: &str) -> Vec<(String, String, String)> {
    let chars: Vec<char> = std::fs::read_to_string(corpus.join(doc))
        .unwrap()
        .chars()
        .collect();
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let file = store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
    file.links
        .iter()
        .map(|l| {
            (
                l.kind.clone(),
                slice(l.from.0, l.from.1),
                slice(l.to.0, l.to.1),
            )
        })
        .collect()
}

fn validate_clean(corpus: &Path) {
    let (code, out, err) = glosser(&["validate", corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
}
