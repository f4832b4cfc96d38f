//! Writes a synthetic corpus for benchmarks and scale tests: N documents of a given size range in
//! subfolders, built from the seed articles' paragraphs, with K annotators' files on a share of them.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out /tmp/big --docs 10000 --annotators 2 --share 1.0
//! ```
//! The same arguments (and `--seed`) always give the same bytes.

use std::path::{Path, PathBuf};

use clap::Parser;
use glosser::span::{AnnotationSet, Span};
use glosser::store::{self, AnnotationFile, Status};
use glosser::text::{Document, bounds};

#[derive(Debug, Parser)]
struct Args {
    /// Folder to create (must not exist or be empty).
    #[arg(long)]
    out: PathBuf,
    /// Number of documents.
    #[arg(long, default_value_t = 10_000)]
    docs: usize,
    /// Smallest document size in bytes.
    #[arg(long, default_value_t = 2_000)]
    min_bytes: usize,
    /// Largest document size in bytes.
    #[arg(long, default_value_t = 8_000)]
    max_bytes: usize,
    /// Annotators (named ann1, ann2, …).
    #[arg(long, default_value_t = 2)]
    annotators: usize,
    /// Share of documents that get annotation files.
    #[arg(long, default_value_t = 1.0)]
    share: f64,
    /// Documents per subfolder.
    #[arg(long, default_value_t = 100)]
    per_folder: usize,
    /// Random seed.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Folder of seed articles to take paragraphs from.
    #[arg(long, default_value = "seeds")]
    seeds: PathBuf,
}

/// splitmix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

fn paragraphs(seeds: &Path) -> anyhow::Result<Vec<String>> {
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

fn article(rng: &mut Rng, paragraphs: &[String], target: usize) -> String {
    let mut text = String::with_capacity(target + 600);
    while text.len() < target {
        text.push_str(&paragraphs[rng.below(paragraphs.len())]);
        text.push('\n');
    }
    text
}

/// Sentences of the document as char ranges.
fn sentences(doc: &Document) -> Vec<std::ops::Range<usize>> {
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

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    anyhow::ensure!(
        args.min_bytes <= args.max_bytes,
        "--min-bytes is larger than --max-bytes"
    );
    let paragraphs = paragraphs(&args.seeds)?;
    let mut rng = Rng(args.seed);
    std::fs::create_dir_all(&args.out)?;
    let mut bytes = 0usize;
    let mut files = 0usize;
    for i in 0..args.docs {
        let folder = args
            .out
            .join(format!("batch-{:04}", i / args.per_folder.max(1)));
        std::fs::create_dir_all(&folder)?;
        let name = format!("doc-{i:06}.txt");
        let target = args.min_bytes + rng.below(args.max_bytes - args.min_bytes + 1);
        let text = article(&mut rng, &paragraphs, target);
        bytes += text.len();
        std::fs::write(folder.join(&name), &text)?;
        if !rng.chance(args.share) {
            continue;
        }
        let doc = Document::from_text(text);
        let sentences = sentences(&doc);
        let mut reference: Vec<(usize, &str)> = Vec::new();
        for i in 0..sentences.len() {
            if rng.chance(0.4) {
                reference.push((i, LABELS[rng.below(LABELS.len())]));
            }
        }
        for a in 1..=args.annotators {
            let mut spans = Vec::new();
            for &(i, label) in &reference {
                // Each annotator agrees with the reference most of the time.
                if rng.chance(0.15) {
                    continue;
                }
                let label = if rng.chance(0.1) {
                    LABELS[rng.below(LABELS.len())]
                } else {
                    label
                };
                spans.push(Span::new(&doc, sentences[i].clone(), label));
            }
            let file = AnnotationFile {
                document: name.clone(),
                annotator: format!("ann{a}"),
                text_sha256: doc.sha256().to_owned(),
                status: if rng.chance(0.5) {
                    Status::Done
                } else {
                    Status::InProgress
                },
                spans: AnnotationSet::from_spans(spans),
            };
            std::fs::write(
                folder.join(store::annotation_file_name(&name, &file.annotator)),
                store::to_ron(&file),
            )?;
            files += 1;
        }
    }
    eprintln!(
        "wrote {} documents ({:.1} MB of text) and {files} annotation files to {}",
        args.docs,
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}
