#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Files from the wild (SPEC §6): the tools' own example data (tests/fixtures/wild, sources in
//! its SOURCES.md) imports exactly, or says what it could not keep. Every expected span text below
//! was written out by hand from the source tool's own offset convention; the test slices the
//! document by code points itself, independently of glosser's offset code.

use std::path::{Path, PathBuf};
use std::process::Command;

use glosser_core::store;

#[path = "import_wild/brat.rs"]
mod brat;
#[path = "import_wild/doccano.rs"]
mod doccano;
#[path = "import_wild/tools.rs"]
mod tools;

fn wild(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wild")
        .join(name)
}

/// A fresh corpus holding the fixtures' label set.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(wild("glosser.ron"), dir.path().join("glosser.ron")).unwrap();
    dir
}

fn import(input: &Path, format: &str, corpus: &Path, extra: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("import")
        .arg(input)
        .args(["--format", format, "--corpus"])
        .arg(corpus)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// (start, end, label, text sliced from the document by code points), sorted.
fn spans(corpus: &Path, doc: &str, annotator: &str) -> Vec<(usize, usize, String, String)> {
    let text = std::fs::read_to_string(corpus.join(doc)).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let file = store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
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

/// (type, from (start, end), to (start, end)).
type LinkRow = (String, (usize, usize), (usize, usize));

fn links(corpus: &Path, doc: &str, annotator: &str) -> Vec<LinkRow> {
    let file = store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
    file.links
        .iter()
        .map(|l| (l.kind.clone(), (l.from.0, l.from.1), (l.to.0, l.to.1)))
        .collect()
}

fn note(corpus: &Path, doc: &str, annotator: &str, start: usize) -> Vec<String> {
    let file = store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
    file.spans
        .spans()
        .iter()
        .filter(|s| s.start == start)
        .filter_map(|s| s.note.clone())
        .collect()
}

fn only_doc(corpus: &Path, prefix: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .collect();
    assert_eq!(names.len(), 1, "{prefix}: {names:?}");
    names[0].clone()
}
