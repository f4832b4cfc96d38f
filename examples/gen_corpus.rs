//! Writes a synthetic corpus for benchmarks and scale tests: N documents of a given size range in
//! subfolders, built from the seed articles' paragraphs, with K annotators' files on a share of them.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out /tmp/big --docs 10000 --annotators 2 --share 1.0
//! ```
//! The same arguments (and `--seed`) always give the same bytes.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;

use clap::Parser;

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

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let spec = synth::Spec {
        docs: args.docs,
        min_bytes: args.min_bytes,
        max_bytes: args.max_bytes,
        annotators: args.annotators,
        share: args.share,
        per_folder: args.per_folder,
        seed: args.seed,
    };
    let written = synth::generate(&spec, &args.seeds, &args.out)?;
    eprintln!(
        "wrote {} documents ({:.1} MB of text) and {} annotation files to {}",
        args.docs,
        written.text_bytes as f64 / 1e6,
        written.annotation_files,
        args.out.display()
    );
    Ok(())
}
