#![allow(clippy::expect_used, clippy::unwrap_used)]
//! "Cost follows the screen, not the data" (issue 14): every figure is a pair measured side by
//! side in one run, and the table in docs/performance.md gives their ratio.
//!
//! - `move_and_frame/{plain,searched}`: a cursor move plus a 200×60 frame on a 5 MB article,
//!   without a search and with ≈500,000 matches highlighted (`/e`, finished on `Tick`s).
//! - `open_to_first_frame/{50KB,5MB,60MB}`: scan, open (a big article's first slice; the rest
//!   is read on a thread, waited for untimed), first 200×60 frame.
//! - `search_key/{50KB,5MB,60MB}`: the key that submits `/e` (the first slice of the scan).
//! - `open_and_first_G/{50KB,5MB}`: opening and going to the end (the rest of the article and
//!   the whole wrap, on that key).

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_tui::action::Action;
use glosser_tui::app::App;
use glosser_tui::keymap::Keymap;
use glosser_tui::update::{Event, update};
use glosser_tui::view;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn article(bytes: usize) -> String {
    let seeds = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let paragraphs = synth::paragraphs(seeds).unwrap();
    synth::article(&mut synth::Rng(3), &paragraphs, bytes)
}

fn open(dir: &Path) -> App {
    let corpus = Corpus::scan(dir).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "bench".into(),
        Keymap::default(),
    );
    update(&mut app, Event::Resize(200, 60), Instant::now());
    app
}

fn frame(app: &App, buffer: &mut Buffer) {
    buffer.reset();
    view::render_screen(buffer, app, buffer.area);
}

/// Submits a search and lets `Tick`s finish it.
fn search(app: &mut App, query: &str) {
    update(app, Event::Action(Action::Search), Instant::now());
    for c in query.chars() {
        update(app, Event::PromptChar(c), Instant::now());
    }
    update(app, Event::PromptSubmit, Instant::now());
    while app.search.scan.is_some() {
        update(app, Event::Tick(Instant::now()), Instant::now());
    }
}

fn move_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), article(5_000_000)).unwrap();
    let mut group = c.benchmark_group("move_and_frame");
    let area = Rect::new(0, 0, 200, 60);
    let mut buffer = Buffer::empty(area);
    for name in ["plain", "searched"] {
        let mut app = open(dir.path());
        if name == "searched" {
            search(&mut app, "e");
            eprintln!("{} matches of /e", app.search.matches.len());
            assert!(app.search.matches.len() > 400_000);
        }
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                let action = if down {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                };
                down = !down;
                update(&mut app, Event::Action(action), Instant::now());
                frame(&app, &mut buffer);
            });
        });
    }
    group.finish();
}

const SIZES: [(&str, usize); 3] = [("50KB", 50_000), ("5MB", 5_000_000), ("60MB", 60_000_000)];

fn open_benches(c: &mut Criterion) {
    let area = Rect::new(0, 0, 200, 60);
    let mut buffer = Buffer::empty(area);
    let dirs: Vec<_> = SIZES
        .iter()
        .map(|&(name, bytes)| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("big.txt"), article(bytes)).unwrap();
            (name, dir)
        })
        .collect();
    let mut group = c.benchmark_group("open_to_first_frame");
    group.sample_size(20);
    for (name, dir) in &dirs {
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let began = Instant::now();
                    let mut app = open(dir.path());
                    frame(&app, &mut buffer);
                    total += began.elapsed();
                    // Untimed: let the loading thread (the rest of the article, its index and
                    // hash) finish, so that one open's background work does not slow the next.
                    app.finish_loading();
                    if let Some(doc) = app.document() {
                        black_box(doc.sha256());
                        black_box(doc.char_to_byte(doc.char_len()));
                    }
                }
                total
            });
        });
    }
    group.finish();
    let mut group = c.benchmark_group("search_key");
    group.sample_size(20);
    for (name, dir) in &dirs {
        let mut app = open(dir.path());
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                update(&mut app, Event::Action(Action::Search), Instant::now());
                update(&mut app, Event::PromptChar('e'), Instant::now());
                update(&mut app, Event::PromptSubmit, Instant::now());
                frame(&app, &mut buffer);
            });
        });
    }
    group.finish();
    let mut group = c.benchmark_group("open_and_first_G");
    group.sample_size(10);
    for (name, dir) in &dirs[..2] {
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let mut app = open(dir.path());
                update(&mut app, Event::Action(Action::End), Instant::now());
                frame(&app, &mut buffer);
                app
            });
        });
    }
    group.finish();
}

criterion_group!(benches, move_benches, open_benches);
criterion_main!(benches);
