//! Times γ on a realistic news-article document: `annotators` annotators marking about `units`
//! spans each (claims one after another, quotes nested in some of them, boundaries that differ
//! by a few characters, missed and extra spans, 20 % of labels changed).
//!
//! `cargo run --release --example bench_document -- [annotators] [units] [runs] [--json]`
//! prints the median time of `document_gamma` with pygamma's defaults (30 samples); `--json`
//! prints the document instead, for timing pygamma on the same input.

use std::time::Instant;

use glosser_gamma::{Document, GammaConfig, Unit, document_gamma};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const LABELS: [&str; 4] = ["claim", "quote", "opinion", "unverified"];

fn article(annotators: usize, units: usize, seed: u64) -> Document {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut spans: Vec<(f64, f64, usize)> = Vec::new();
    let mut cursor = 0.0;
    while spans.len() < units {
        let start = cursor + f64::from(rng.random_range(5_u32..120));
        let end = start + f64::from(rng.random_range(60_u32..260));
        let label = rng.random_range(0..LABELS.len());
        spans.push((start, end, label));
        if rng.random::<f64>() < 0.3 && end - start > 40.0 {
            let inner = start + f64::from(rng.random_range(5_u32..20));
            spans.push((inner, end - f64::from(rng.random_range(2_u32..15)), 1));
        }
        cursor = end;
    }
    spans.truncate(units);
    let mut document = Document {
        id: format!("article-{seed}"),
        annotators: (0..annotators).map(|a| format!("annotator{a}")).collect(),
        units: Vec::new(),
    };
    for name in &document.annotators {
        for &(start, end, label) in &spans {
            if rng.random::<f64>() < 0.12 {
                continue;
            }
            let jitter = |rng: &mut ChaCha8Rng| f64::from(rng.random_range(0_u32..12)) - 5.0;
            let s = (start + jitter(&mut rng)).max(0.0);
            let e = (end + jitter(&mut rng)).max(s + 1.0);
            let label = if rng.random::<f64>() < 0.8 {
                label
            } else {
                rng.random_range(0..LABELS.len())
            };
            document.units.push(Unit {
                annotator: name.clone(),
                start: s,
                end: e,
                category: LABELS[label].to_owned(),
            });
        }
        for _ in 0..rng.random_range(1..4) {
            let s = f64::from(rng.random_range(0_u32..(cursor as u32).max(1)));
            document.units.push(Unit {
                annotator: name.clone(),
                start: s,
                end: s + f64::from(rng.random_range(20_u32..200)),
                category: LABELS[rng.random_range(0..LABELS.len())].to_owned(),
            });
        }
    }
    document
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (annotators, units, runs) = (number(0, 4), number(1, 40), number(2, 20));
    let document = article(annotators, units, 1);
    if args.iter().any(|a| a == "--json") {
        println!("{}", serde_json::to_string(&document)?);
        return Ok(());
    }
    let config = GammaConfig::default();
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        last = Some(document_gamma(&document, &config)?);
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    if let Some(result) = last {
        println!(
            "{annotators} annotators, {} units: gamma {:.4}, gamma-cat {:.4}, exact {}, \
             candidates {}, states {}; median {:.1} ms over {} runs ({} samples)",
            result.units,
            result.gamma,
            result.gamma_cat,
            result.exact,
            result.alignment.search.candidates,
            result.alignment.search.states,
            median * 1e3,
            times.len(),
            result.chance.samples,
        );
    }
    Ok(())
}
