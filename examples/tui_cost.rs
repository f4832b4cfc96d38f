//! The TUI's costs on a corpus, for docs/performance.md's "how cost grows" table: first frame
//! (from the start to the first 200×60 frame that shows the first document's text: the listing
//! thread starts, the first document is listed and opened, the frame drawn), the whole listing
//! (until the list is complete, `Tick`s every 20 ms as in the TUI), one cursor move with its
//! frame, the `/e` key (first slice of the search) and the whole search (its `Tick`s), and `G`
//! with its frame (the last three on the complete list). Best of `--runs` (default 5), each
//! from a fresh start. `--scan-first` measures the old start-up instead, for comparison: the
//! whole corpus scanned before the first frame (`Corpus::scan`, `App::with_parts`).
//!
//! ```sh
//! cargo run --release --example tui_cost -- /tmp/gp-1000 /tmp/gp-10000 /tmp/gp-100000
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use glosser_core::labels::LabelSet;
use glosser_tui::action::Action;
use glosser_tui::app::App;
use glosser_tui::keymap::Keymap;
use glosser_tui::listing::{self, Start};
use glosser_tui::update::{Event, update};
use glosser_tui::view;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn frame(app: &App, buffer: &mut Buffer) {
    buffer.reset();
    let area = buffer.area;
    view::render_screen(buffer, app, area);
}

fn timed(f: impl FnOnce()) -> Duration {
    let began = Instant::now();
    f();
    began.elapsed()
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() -> anyhow::Result<()> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut runs = 5;
    let mut scan_first = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--scan-first" {
            scan_first = true;
        } else if arg == "--runs" {
            runs = args.next().unwrap_or_default().parse()?;
        } else {
            dirs.push(arg.into());
        }
    }
    println!(
        "corpus | documents | first frame ms | whole list ms | move ms | `/e` key ms | whole search ms | matches | `G` ms"
    );
    let mut buffer = Buffer::empty(Rect::new(0, 0, 200, 60));
    for dir in dirs {
        let mut best = [Duration::MAX; 6];
        let (mut documents, mut matches) = (0, 0);
        for _ in 0..runs {
            let began = Instant::now();
            let mut app = None;
            let first = timed(|| {
                let opened = if scan_first {
                    glosser_core::corpus::Corpus::scan(&dir).map(|corpus| {
                        App::with_parts(
                            corpus,
                            LabelSet::default(),
                            "bench".into(),
                            Keymap::default(),
                        )
                    })
                } else {
                    App::listed(
                        &dir,
                        LabelSet::default(),
                        "bench".into(),
                        Keymap::default(),
                        Start::First,
                    )
                };
                let mut a = match opened {
                    Ok(a) => a,
                    Err(e) => return eprintln!("{e}"),
                };
                // As `App::new` and the event loop: wait for the first document to be listed
                // (at most 100 ms there), take the terminal's size, draw.
                listing::wait_for_start(&mut a, Duration::from_secs(10), Instant::now());
                update(&mut a, Event::Resize(200, 60), Instant::now());
                frame(&a, &mut buffer);
                app = Some(a);
            });
            let Some(mut app) = app else { continue };
            if app.document().is_none() {
                eprintln!("{}: the first frame has no document", dir.display());
            }
            while app.listing.is_listing() {
                std::thread::sleep(Duration::from_millis(20));
                update(&mut app, Event::Tick(Instant::now()), Instant::now());
                frame(&app, &mut buffer);
            }
            let listed = began.elapsed();
            documents = app.corpus.documents.len();
            app.finish_loading();
            if let Some(doc) = app.document() {
                // Let the loading thread (rest, index, hash) finish before the next figures.
                let _ = doc.sha256();
            }
            let step = timed(|| {
                update(&mut app, Event::Action(Action::MoveDown), Instant::now());
                frame(&app, &mut buffer);
            });
            let key = timed(|| {
                update(&mut app, Event::Action(Action::Search), Instant::now());
                update(&mut app, Event::PromptChar('e'), Instant::now());
                update(&mut app, Event::PromptSubmit, Instant::now());
                frame(&app, &mut buffer);
            });
            let rest = timed(|| {
                while app.search.scan.is_some() {
                    update(&mut app, Event::Tick(Instant::now()), Instant::now());
                }
            });
            matches = app.search.matches.len();
            update(&mut app, Event::Action(Action::Cancel), Instant::now());
            let end = timed(|| {
                update(&mut app, Event::Action(Action::End), Instant::now());
                frame(&app, &mut buffer);
            });
            for (b, d) in best
                .iter_mut()
                .zip([first, listed, step, key, key + rest, end])
            {
                *b = (*b).min(d);
            }
        }
        println!(
            "{} | {documents} | {} | {} | {} | {} | {} | {matches} | {}",
            dir.display(),
            ms(best[0]),
            ms(best[1]),
            ms(best[2]),
            ms(best[3]),
            ms(best[4]),
            ms(best[5])
        );
    }
    Ok(())
}
