#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Render bench (issue 3): one cursor move plus a full 200×60 frame on a 50 KB and a 5 MB article
//! with 20,000 spans; opening a 5 MB article to its first frame; `G` to its end.

#[path = "support/synth.rs"]
mod synth;

use std::path::Path;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::span::{AnnotationSet, Span};
use glosser_tui::action::Action;
use glosser_tui::app::App;
use glosser_tui::keymap::Keymap;
use glosser_tui::update::{Event, update};
use glosser_tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn article(bytes: usize) -> String {
    let seeds = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let paragraphs = synth::paragraphs(seeds).unwrap();
    synth::article(&mut synth::Rng(3), &paragraphs, bytes)
}

/// An app on one article, with 20,000 spans spread over it.
fn app_with(text: &str, dir: &Path) -> App {
    std::fs::write(dir.join("big.txt"), text).unwrap();
    let corpus = Corpus::scan(dir).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "bench".into(),
        Keymap::default(),
    );
    let session = app.session_mut().unwrap();
    let doc = session.doc.as_ref().unwrap();
    let sentences = synth::sentences(doc);
    let labels = ["claim", "quote", "opinion", "unverified"];
    let spans: Vec<Span> = (0..20_000)
        .map(|i| {
            let r = sentences[i % sentences.len()].clone();
            // Several spans per sentence on short articles: shift the label to keep keys unique.
            Span::new(doc, r, labels[(i / sentences.len()) % 4])
        })
        .collect();
    session.file.spans = AnnotationSet::from_spans(spans);
    update(&mut app, Event::Resize(200, 60), Instant::now());
    app
}

fn frame_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("move_and_frame_200x60");
    for (name, bytes) in [("50KB", 50_000), ("5MB", 5_000_000)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with(&article(bytes), dir.path());
        let area = Rect::new(0, 0, 200, 60);
        let mut buffer = Buffer::empty(area);
        let mut down = true;
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let action = if down {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                };
                down = !down;
                update(&mut app, Event::Action(action), Instant::now());
                buffer.reset();
                view::render_screen(&mut buffer, &app, area);
            });
        });
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        group.bench_function(BenchmarkId::new("with_test_backend", name), |b| {
            b.iter(|| {
                let action = if down {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                };
                down = !down;
                update(&mut app, Event::Action(action), Instant::now());
                terminal.draw(|frame| view::draw(frame, &app)).unwrap();
            });
        });
    }
    group.finish();
}

fn open_benches(c: &mut Criterion) {
    let text = article(5_000_000);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), &text).unwrap();
    let mut group = c.benchmark_group("5MB_article");
    group.sample_size(10);
    group.bench_function("open_to_first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let began = Instant::now();
                let corpus = Corpus::scan(dir.path()).unwrap();
                let mut app = App::with_parts(
                    corpus,
                    LabelSet::default(),
                    "bench".into(),
                    Keymap::default(),
                );
                update(&mut app, Event::Resize(200, 60), Instant::now());
                let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
                terminal.draw(|frame| view::draw(frame, &app)).unwrap();
                total += began.elapsed();
                // Untimed: the rest of the article, its index and hash (read on a thread), so
                // that one open's background work does not slow the next.
                app.finish_loading();
                if let Some(doc) = app.document() {
                    std::hint::black_box(doc.sha256());
                    std::hint::black_box(doc.char_to_byte(doc.char_len()));
                }
            }
            total
        });
    });
    let mut app = app_with(&text, dir.path());
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    group.bench_function("G_to_end", |b| {
        b.iter(|| {
            update(&mut app, Event::Action(Action::End), Instant::now());
            terminal.draw(|frame| view::draw(frame, &app)).unwrap();
            update(&mut app, Event::Action(Action::Start), Instant::now());
        });
    });
    group.finish();
}

criterion_group!(benches, frame_benches, open_benches);
criterion_main!(benches);
