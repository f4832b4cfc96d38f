#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Scale benches (issue 7): corpus scan, `validate` and `stats` over 10,000 generated documents with
//! two annotators, exports (jsonl, hf, hf as Parquet, spacy; issue 30), saving a 20,000-span
//! file, and opening a 5 MB article.
//!
//! `cargo bench --bench scale` — the corpus is generated once into a temp dir (takes a few seconds).

#[path = "support/synth.rs"]
mod synth;

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use glosser_core::corpus::Corpus;
use glosser_core::formats::Format;
use glosser_core::labels::LabelSet;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::Document;

fn seeds() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
}

fn corpus_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = synth::Spec {
        docs: 10_000,
        min_bytes: 2_000,
        max_bytes: 8_000,
        annotators: 2,
        share: 1.0,
        per_folder: 100,
        seed: 7,
    };
    let written = synth::generate(&spec, seeds(), dir.path()).expect("generate corpus");
    let mut group = c.benchmark_group("corpus_10k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("scan", |b| {
        b.iter(|| Corpus::scan(dir.path()).expect("scan"));
    });
    let corpus = Corpus::scan(dir.path()).expect("scan");
    group.bench_function("validate", |b| {
        b.iter(|| glosser_core::ops::validate::check_corpus(dir.path()).expect("validate"));
    });
    let labels = LabelSet::default();
    group.bench_function("stats", |b| {
        b.iter(|| glosser_core::ops::stats::gather(&corpus, &labels));
    });
    let annotators = vec!["ann1".to_owned(), "ann2".to_owned()];
    group.bench_function("agree", |b| {
        b.iter(|| {
            glosser_core::review::corpus::compute(&corpus, &labels, &annotators, false, &mut |_| {})
        });
    });
    group.bench_function("tui_first_frame", |b| {
        b.iter(|| {
            // As the TUI starts: the listing thread, the first document as soon as it is
            // listed, the frame (the rest of the list fills in later).
            let mut app = glosser_tui::app::App::listed(
                dir.path(),
                LabelSet::default(),
                "ann1".into(),
                glosser_tui::keymap::Keymap::default(),
                glosser_tui::listing::Start::First,
            )
            .expect("listing");
            let now = std::time::Instant::now();
            glosser_tui::listing::wait_for_start(&mut app, std::time::Duration::from_secs(10), now);
            glosser_tui::update::update(&mut app, glosser_tui::update::Event::Resize(200, 60), now);
            let area = ratatui::layout::Rect::new(0, 0, 200, 60);
            let mut buffer = ratatui::buffer::Buffer::empty(area);
            glosser_tui::view::render_screen(&mut buffer, &app, area);
        });
    });
    group.throughput(Throughput::Bytes(written.text_bytes as u64));
    let out = tempfile::tempdir().expect("temp dir");
    let export = |format, parquet, output: &Path| {
        let request = glosser_core::ops::export::Request {
            corpus: dir.path(),
            format,
            annotator: Some("ann1"),
            output: Some(output),
            only: &[],
            done_only: false,
            offsets: glosser_core::formats::Offsets::Utf16,
            overlaps: glosser_core::formats::overlaps::Policy::default(),
            split: None,
            conll: glosser_core::formats::conll::Style::default(),
            parquet,
            pipeline: glosser_core::formats::spacy::Pipeline {
                spancat: true,
                ner: false,
            },
            dataset: glosser_core::ops::export::DatasetMeta::default(),
        };
        glosser_core::ops::export::export(&request, Box::new(std::io::sink()), &mut |_| {})
            .expect("export")
    };
    // Issue 30: hf (JSON lines and Parquet) within 3× of jsonl; spacy for reference.
    for (name, format, parquet, file) in [
        ("export_jsonl", Format::Jsonl, false, "export.jsonl"),
        ("export_hf", Format::Hf, false, "export.hf.jsonl"),
        ("export_hf_parquet", Format::Hf, true, "export.parquet"),
        ("export_spacy", Format::Spacy, false, "export.spacy"),
    ] {
        let output = out.path().join(file);
        group.bench_function(name, |b| b.iter(|| export(format, parquet, &output)));
    }
    group.finish();
}

fn big_article(bytes: usize) -> String {
    let paragraphs = synth::paragraphs(seeds()).expect("seed paragraphs");
    let mut rng = synth::Rng(11);
    synth::article(&mut rng, &paragraphs, bytes)
}

fn file_benches(c: &mut Criterion) {
    let text = big_article(5_000_000);
    let doc = Document::from_text(text.clone());
    let sentences = synth::sentences(&doc);
    let labels = ["claim", "quote", "opinion", "unverified"];
    let spans: Vec<Span> = sentences
        .iter()
        .take(20_000)
        .enumerate()
        .map(|(i, r)| Span::new(&doc, r.clone(), labels[i % 4]))
        .collect();
    assert_eq!(spans.len(), 20_000, "the 5 MB article has 20,000 sentences");
    let file = AnnotationFile {
        document: "big.txt".into(),
        annotator: "bench".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: AnnotationSet::from_spans(spans),
        ..Default::default()
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let ron_path = dir.path().join("big.txt.bench.ron");
    c.bench_function("format_20000_spans", |b| {
        b.iter(|| store::to_ron(&file));
    });
    c.bench_function("save_20000_spans", |b| {
        b.iter(|| store::save(&ron_path, &file).expect("save"));
    });
    c.bench_function("load_20000_spans", |b| {
        b.iter(|| store::load(&ron_path).expect("load"));
    });
    let article = dir.path().join("big.txt");
    std::fs::write(&article, &text).expect("write article");
    c.bench_function("open_5mb_article", |b| {
        b.iter(|| Document::load(&article).expect("load"));
    });
    reanchor_benches(c, &doc, &file);
}

/// Re-anchoring 20,000 spans after the 5 MB article was edited (a lead inserted, a sentence
/// rewritten in the middle): by diff from the old text, and by search without it.
fn reanchor_benches(c: &mut Criterion, doc: &Document, file: &AnnotationFile) {
    let mut stamped = file.clone();
    glosser_core::reanchor::restamp(&mut stamped, doc, &glosser_core::old_texts::NoOldTexts);
    let middle = doc.text().len() / 2;
    let cut = (middle..doc.text().len())
        .find(|&b| doc.text().is_char_boundary(b) && doc.text()[b..].starts_with(". "))
        .expect("a sentence end");
    let edited = format!(
        "A new lead paragraph, written after the article was annotated.\n{} Rewritten here.{}",
        &doc.text()[..cut],
        &doc.text()[cut + 1..]
    );
    let new = Document::from_text(edited);
    let mut group = c.benchmark_group("reanchor_20000_spans_5mb");
    group.sample_size(10);
    group.bench_function("by_diff", |b| {
        b.iter(|| {
            let mut f = stamped.clone();
            glosser_core::reanchor::restamp(&mut f, &new, doc)
        });
    });
    group.bench_function("by_search", |b| {
        b.iter(|| {
            let mut f = stamped.clone();
            glosser_core::reanchor::restamp(&mut f, &new, &glosser_core::old_texts::NoOldTexts)
        });
    });
    group.finish();
}

criterion_group!(benches, corpus_benches, file_benches);
criterion_main!(benches);
