//! Synthetic corpora for benchmarks and scale tests, built from the seed articles' paragraphs.
//! Shared by `examples/gen_corpus.rs` and the benches (included with `#[path]`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::{Document, bounds};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Spec {
    pub docs: usize,
    pub min_bytes: usize,
    pub max_bytes: usize,
    pub annotators: usize,
    pub share: f64,
    pub per_folder: usize,
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy)]
pub struct Written {
    pub text_bytes: usize,
    pub annotation_files: usize,
}

/// splitmix64: small, fast, deterministic.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

pub fn paragraphs(seeds: &Path) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for name in names {
        let text = std::fs::read_to_string(&name)?;
        out.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| l.len() > 40)
                .map(str::to_owned),
        );
    }
    anyhow::ensure!(!out.is_empty(), "{}: no paragraphs found", seeds.display());
    Ok(out)
}

pub fn article(rng: &mut Rng, paragraphs: &[String], target: usize) -> String {
    let mut text = String::with_capacity(target + 600);
    while text.len() < target {
        text.push_str(&paragraphs[rng.below(paragraphs.len())]);
        text.push('\n');
    }
    text
}

/// Sentences of the document as char ranges.
pub fn sentences(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < doc.char_len() {
        if let Some(r) = bounds::sentence_at(doc, at)
            && out.last() != Some(&r)
        {
            out.push(r);
        }
        let next = bounds::next_sentence_start(doc, at);
        if next <= at {
            break;
        }
        at = next;
    }
    out
}

const LABELS: [&str; 4] = ["claim", "quote", "opinion", "unverified"];

/// Writes `spec.docs` documents (and annotation files) under `out`.
pub fn generate(spec: &Spec, seeds: &Path, out: &Path) -> anyhow::Result<Written> {
    anyhow::ensure!(
        spec.min_bytes <= spec.max_bytes,
        "--min-bytes is larger than --max-bytes"
    );
    let paragraphs = paragraphs(seeds)?;
    let mut rng = Rng(spec.seed);
    std::fs::create_dir_all(out)?;
    let mut written = Written {
        text_bytes: 0,
        annotation_files: 0,
    };
    for i in 0..spec.docs {
        let folder: PathBuf = out.join(format!("batch-{:04}", i / spec.per_folder.max(1)));
        std::fs::create_dir_all(&folder)?;
        let name = format!("doc-{i:06}.txt");
        let target = spec.min_bytes + rng.below(spec.max_bytes - spec.min_bytes + 1);
        let text = article(&mut rng, &paragraphs, target);
        written.text_bytes += text.len();
        std::fs::write(folder.join(&name), &text)?;
        if !rng.chance(spec.share) {
            continue;
        }
        let doc = Document::from_text(text);
        for file in annotation_files(&mut rng, &doc, &name, spec.annotators) {
            std::fs::write(
                folder.join(store::annotation_file_name(&name, &file.annotator)),
                store::to_ron(&file),
            )?;
            written.annotation_files += 1;
        }
    }
    Ok(written)
}

/// Annotation files of `annotators` people (`ann1`, `ann2`, …) who mostly agree on sentences.
pub fn annotation_files(
    rng: &mut Rng,
    doc: &Document,
    name: &str,
    annotators: usize,
) -> Vec<AnnotationFile> {
    let sentences = sentences(doc);
    let mut reference: Vec<(usize, &str)> = Vec::new();
    for i in 0..sentences.len() {
        if rng.chance(0.4) {
            reference.push((i, LABELS[rng.below(LABELS.len())]));
        }
    }
    (1..=annotators)
        .map(|a| {
            let mut spans = Vec::new();
            for &(i, label) in &reference {
                if rng.chance(0.15) {
                    continue;
                }
                let label = if rng.chance(0.1) {
                    LABELS[rng.below(LABELS.len())]
                } else {
                    label
                };
                spans.push(Span::new(doc, sentences[i].clone(), label));
            }
            AnnotationFile {
                document: name.to_owned(),
                annotator: format!("ann{a}"),
                text_sha256: doc.sha256().to_owned(),
                status: if rng.chance(0.5) {
                    Status::Done
                } else {
                    Status::InProgress
                },
                spans: AnnotationSet::from_spans(spans),
                ..Default::default()
            }
        })
        .collect()
}
