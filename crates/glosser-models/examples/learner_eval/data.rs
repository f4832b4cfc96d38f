//! The evaluation data: glosser's annotated fixture corpora (RON files with spans) and the
//! seed articles labelled sentence by sentence by a fixed rule annotator (`rules-v1`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use glosser_models::Span;
use glosser_models::hash::sha256_hex;
use glosser_models::learner::{examples_from_document, split_sentences};
use serde::Deserialize;

pub use crate::rules::rule_label;

pub const SENTENCE_LABELS: [&str; 3] = ["claim", "opinion", "unverified"];

/// A document's sentences with their gold label and the label the learner is trained on
/// (the same, unless training noise was added).
#[derive(Debug, Clone)]
pub struct Doc {
    #[allow(dead_code, reason = "kept for debugging output")]
    pub id: String,
    pub sentences: Vec<Labelled>,
}

#[derive(Debug, Clone)]
pub struct Labelled {
    pub text: String,
    pub gold: Option<String>,
    pub train: Option<String>,
}

#[derive(Deserialize)]
struct AnnotationFile {
    annotator: String,
    #[serde(default)]
    text_sha256: Option<String>,
    #[serde(default)]
    spans: Vec<RonSpan>,
}

#[derive(Deserialize)]
struct RonSpan {
    start: usize,
    end: usize,
    label: String,
}

/// What was read from the fixture folders, and what was left out and why.
pub struct FixtureReport {
    pub docs: Vec<Doc>,
    pub files_read: usize,
    pub skipped: Vec<String>,
}

/// Every `TEXT.ANNOTATOR.ron` under `roots` whose text is beside it and whose `text_sha256`
/// matches; one annotation per distinct text (`gold` first, else the first annotator by name).
pub fn fixture_docs(roots: &[PathBuf]) -> FixtureReport {
    let mut files = Vec::new();
    for root in roots {
        collect_ron(root, &mut files);
    }
    files.sort();
    let mut skipped = Vec::new();
    let mut by_text: BTreeMap<String, (String, String, String, Vec<Span>)> = BTreeMap::new();
    let mut files_read = 0;
    for path in files {
        let shown = path.display().to_string();
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|s| {
                ron::Options::default()
                    .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                    .from_str::<AnnotationFile>(&s)
                    .map_err(|e| e.to_string())
            });
        let file = match parsed {
            Ok(f) => f,
            Err(e) => {
                skipped.push(format!("{shown}: not readable RON ({e})"));
                continue;
            }
        };
        let suffix = format!(".{}.ron", file.annotator);
        let Some(text_path) = shown.strip_suffix(&suffix).map(PathBuf::from) else {
            skipped.push(format!(
                "{shown}: name does not end in .{}.ron",
                file.annotator
            ));
            continue;
        };
        let Ok(bytes) = std::fs::read(&text_path) else {
            skipped.push(format!("{shown}: no text file beside it"));
            continue;
        };
        let sha = sha256_hex(&bytes);
        if file.text_sha256.as_deref().is_some_and(|s| s != sha) {
            skipped.push(format!("{shown}: text changed since it was annotated"));
            continue;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            skipped.push(format!("{shown}: text is not UTF-8"));
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
        let chars = text.chars().count();
        let spans: Vec<Span> = file
            .spans
            .iter()
            .filter(|s| s.start < s.end && s.end <= chars)
            .map(|s| Span {
                start: s.start,
                end: s.end,
                label: s.label.clone(),
                score: 1.0,
            })
            .collect();
        files_read += 1;
        let rank = if file.annotator == "gold" {
            "0".to_owned()
        } else {
            format!("1{}", file.annotator)
        };
        let id = format!("{} ({})", text_path.display(), file.annotator);
        match by_text.get(&sha) {
            Some((r, ..)) if *r <= rank => {}
            _ => {
                by_text.insert(sha, (rank, id, text, spans));
            }
        }
    }
    let docs = by_text
        .into_values()
        .map(|(_, id, text, spans)| Doc {
            id,
            sentences: examples_from_document(&text, &spans, &SENTENCE_LABELS)
                .into_iter()
                .map(|e| Labelled {
                    text: e.text,
                    gold: e.label.clone(),
                    train: e.label,
                })
                .collect(),
        })
        .collect();
    FixtureReport {
        docs,
        files_read,
        skipped,
    }
}

fn collect_ron(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_ron(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron")
            && path
                .file_name()
                .is_some_and(|n| n != "glosser.ron" && n != "assignments.ron")
        {
            out.push(path);
        }
    }
}

/// The seed articles' sentences labelled by `rules-v1` (see [`rule_label`]); `noise` of the
/// training labels (chosen by a hash of the sentence, so always the same ones) are replaced by
/// another class, like an annotator's slips, while the gold labels stay clean.
pub fn seed_docs(seeds: &Path, noise: f64) -> std::io::Result<Vec<Doc>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let classes = [None, Some("claim"), Some("opinion"), Some("unverified")];
    let mut docs = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(&name)?;
        let sentences = split_sentences(&text)
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let gold = rule_label(&s.text, i == 0).map(str::to_owned);
                let h = glosser_models::learner::fnv1a(&[b"noise", s.text.as_bytes()]);
                let train = if (h % 10_000) as f64 / 10_000.0 < noise {
                    let others: Vec<Option<&str>> = classes
                        .iter()
                        .copied()
                        .filter(|c| *c != gold.as_deref())
                        .collect();
                    others[(h >> 20) as usize % others.len()].map(str::to_owned)
                } else {
                    gold.clone()
                };
                Labelled {
                    text: s.text,
                    gold,
                    train,
                }
            })
            .collect();
        docs.push(Doc {
            id: name.display().to_string(),
            sentences,
        });
    }
    Ok(docs)
}

/// The same sentences labelled by another rule (training labels = gold, no noise).
pub fn relabel(docs: &[Doc], rule: impl Fn(&str) -> Option<&'static str>) -> Vec<Doc> {
    docs.iter()
        .map(|d| Doc {
            id: d.id.clone(),
            sentences: d
                .sentences
                .iter()
                .map(|s| {
                    let label = rule(&s.text).map(str::to_owned);
                    Labelled {
                        text: s.text.clone(),
                        gold: label.clone(),
                        train: label,
                    }
                })
                .collect(),
        })
        .collect()
}
