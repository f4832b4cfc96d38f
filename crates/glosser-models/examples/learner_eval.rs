//! Evaluates the sentence learner with leave-one-document-out cross-validation on glosser's
//! annotated fixture corpora and on the seed articles labelled by a fixed rule annotator, and
//! prints precision/recall per label.
//!
//! ```sh
//! cargo run --release --example learner_eval -- [--main PATH] [--noise 0.1] [--dump FILE] [--summary FILE]
//! ```
//! `--dump FILE` writes the seed data set (document, sentence, gold and training label) as JSON
//! lines and `--summary FILE` the incremental learner's per-label results on it, for
//! `checks/run.sh`, which compares with scikit-learn on the same folds.

#[path = "learner_eval/data.rs"]
mod data;
#[path = "learner_eval/rules.rs"]
mod rules;

use std::collections::BTreeMap;
use std::path::PathBuf;

use data::{Doc, SENTENCE_LABELS};
use glosser_models::learner::{Example, LearnerConfig, SentenceLearner};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// One `add_examples` call per labelled sentence, as in the TUI.
    Incremental,
    /// Every sentence added, then `retrain` from scratch.
    Batch,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    fn precision(self) -> Option<f64> {
        (self.tp + self.fp > 0).then(|| self.tp as f64 / (self.tp + self.fp) as f64)
    }
    fn recall(self) -> Option<f64> {
        (self.tp + self.fn_ > 0).then(|| self.tp as f64 / (self.tp + self.fn_) as f64)
    }
    fn f1(self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        (p + r > 0.0).then(|| 2.0 * p * r / (p + r))
    }
}

struct Setup {
    mode: Mode,
    limit: Option<usize>,
    shuffled: bool,
}

/// A held-out sentence's gold label and the probability of each sentence label.
struct Scored {
    doc: usize,
    gold: Option<String>,
    probs: Vec<(String, f64)>,
}

/// Leave-one-document-out: every sentence scored by a model trained on the other documents.
fn evaluate(docs: &[Doc], setup: &Setup) -> Vec<Scored> {
    let mut scored = Vec::new();
    for (held, test) in docs.iter().enumerate() {
        let mut train: Vec<Example> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != held)
            .flat_map(|(_, d)| d.sentences.iter())
            .map(|s| Example {
                text: s.text.clone(),
                label: s.train.clone(),
            })
            .collect();
        if let Some(limit) = setup.limit {
            train.truncate(limit);
        }
        if setup.shuffled {
            let labels: Vec<Option<String>> = train.iter().map(|e| e.label.clone()).collect();
            let n = labels.len().max(1);
            for (i, e) in train.iter_mut().enumerate() {
                e.label.clone_from(&labels[(i * 7919 + 13) % n]);
            }
        }
        let mut learner = SentenceLearner::new(&SENTENCE_LABELS, LearnerConfig::default());
        match setup.mode {
            Mode::Incremental => {
                for e in &train {
                    learner.add_examples(std::slice::from_ref(e));
                }
            }
            Mode::Batch => {
                learner.add_examples(&train);
                learner.retrain();
            }
        }
        for s in &test.sentences {
            scored.push(Scored {
                doc: held,
                gold: s.gold.clone(),
                probs: learner.predict(&s.text).scores,
            });
        }
    }
    scored
}

/// The learner's decision: the most probable sentence label if it reaches the threshold.
fn decide(probs: &[(String, f64)], threshold: f64) -> Option<&str> {
    probs
        .iter()
        .filter(|(c, _)| c != "none")
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .filter(|(_, p)| *p >= threshold)
        .map(|(c, _)| c.as_str())
}

fn counts(scored: &[Scored], threshold: f64) -> BTreeMap<&'static str, Counts> {
    let mut counts: BTreeMap<&'static str, Counts> = BTreeMap::new();
    for s in scored {
        let predicted = decide(&s.probs, threshold);
        for label in SENTENCE_LABELS {
            let (p, g) = (predicted == Some(label), s.gold.as_deref() == Some(label));
            let c = counts.entry(label).or_default();
            match (p, g) {
                (true, true) => c.tp += 1,
                (true, false) => c.fp += 1,
                (false, true) => c.fn_ += 1,
                (false, false) => {}
            }
        }
    }
    counts
}

/// Average precision of ranking each held-out document's sentences by the label's
/// probability, averaged over the documents that have the label, with what a random ranking
/// scores (the mean prevalence in those documents). Ranking within a document is what the
/// suggestions in one article need, and it is not skewed by fold models calibrated differently.
fn average_precision(scored: &[Scored], label: &str) -> Option<(f64, f64)> {
    let docs: std::collections::BTreeSet<usize> = scored.iter().map(|s| s.doc).collect();
    let (mut ap_sum, mut chance_sum, mut n) = (0.0, 0.0, 0usize);
    for doc in docs {
        let mut ranked: Vec<(f64, bool)> = scored
            .iter()
            .filter(|s| s.doc == doc)
            .map(|s| {
                let p = s
                    .probs
                    .iter()
                    .find(|(c, _)| c == label)
                    .map_or(0.0, |x| x.1);
                (p, s.gold.as_deref() == Some(label))
            })
            .collect();
        let positives = ranked.iter().filter(|r| r.1).count();
        if positives == 0 {
            continue;
        }
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut hits, mut sum) = (0usize, 0.0);
        for (i, (_, positive)) in ranked.iter().enumerate() {
            if *positive {
                hits += 1;
                sum += hits as f64 / (i + 1) as f64;
            }
        }
        ap_sum += sum / positives as f64;
        chance_sum += positives as f64 / ranked.len() as f64;
        n += 1;
    }
    (n > 0).then(|| (ap_sum / n as f64, chance_sum / n as f64))
}

fn fmt(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{v:.2}"))
}

fn print_table(title: &str, scored: &[Scored], threshold: f64) -> serde_json::Value {
    println!("\n{title}\n");
    println!(
        "| label | gold | predicted | correct | precision | recall | F1 | AP per document (chance) |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut all = Counts::default();
    let mut summary = serde_json::Map::new();
    for (label, c) in &counts(scored, threshold) {
        all.add(*c);
        let ap = average_precision(scored, label);
        println!(
            "| {label} | {} | {} | {} | {} | {} | {} | {} ({}) |",
            c.tp + c.fn_,
            c.tp + c.fp,
            c.tp,
            fmt(c.precision()),
            fmt(c.recall()),
            fmt(c.f1()),
            fmt(ap.map(|a| a.0)),
            fmt(ap.map(|a| a.1))
        );
        summary.insert(
            (*label).to_owned(),
            serde_json::json!({
                "gold": c.tp + c.fn_, "predicted": c.tp + c.fp, "correct": c.tp,
                "average_precision": ap.map(|a| a.0), "chance": ap.map(|a| a.1),
            }),
        );
    }
    println!(
        "| **all three (micro)** | {} | {} | {} | {} | {} | {} | |",
        all.tp + all.fn_,
        all.tp + all.fp,
        all.tp,
        fmt(all.precision()),
        fmt(all.recall()),
        fmt(all.f1())
    );
    serde_json::Value::Object(summary)
}

fn describe(name: &str, docs: &[Doc]) {
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let mut per: BTreeMap<String, usize> = BTreeMap::new();
    let mut noisy = 0;
    for s in docs.iter().flat_map(|d| &d.sentences) {
        *per.entry(s.gold.clone().unwrap_or_else(|| "none".into()))
            .or_default() += 1;
        noisy += usize::from(s.gold != s.train);
    }
    let per: Vec<String> = per.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!(
        "\n{name}: {} documents, {sentences} sentences ({}); {noisy} training labels differ from gold",
        docs.len(),
        per.join(", ")
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The glosser checkout this crate sits in (crates/glosser-models).
    let mut main_repo = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let mut noise = 0.1;
    let mut dump: Option<PathBuf> = None;
    let mut summary_path: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--main" => main_repo = args.next().ok_or("--main needs a path")?.into(),
            "--noise" => noise = args.next().ok_or("--noise needs a number")?.parse()?,
            "--dump" => dump = Some(args.next().ok_or("--dump needs a path")?.into()),
            "--summary" => summary_path = Some(args.next().ok_or("--summary needs a path")?.into()),
            other => return Err(format!("unknown argument {other:?}").into()),
        }
    }
    let fixtures = data::fixture_docs(&[
        main_repo.join("tests/fixtures/formats/corpus"),
        main_repo.join("tests/fixtures/corpora"),
    ]);
    println!("# Sentence learner, leave-one-document-out\n");
    println!(
        "Fixture corpora: {} annotation files read, {} left out:",
        fixtures.files_read,
        fixtures.skipped.len()
    );
    for s in &fixtures.skipped {
        println!("  - {s}");
    }
    describe("Fixture corpora (distinct texts)", &fixtures.docs);
    let seeds = data::seed_docs(&main_repo.join("seeds"), noise)?;
    describe(&format!("Seeds, rules-v1, training noise {noise}"), &seeds);
    if let Some(path) = &dump {
        let mut out = String::new();
        for (d, doc) in seeds.iter().enumerate() {
            for s in &doc.sentences {
                out.push_str(&serde_json::json!({"doc": d, "text": s.text, "gold": s.gold, "train": s.train}).to_string());
                out.push('\n');
            }
        }
        std::fs::write(path, out)?;
        println!("wrote {}", path.display());
    }
    let run = |mode, shuffled| Setup {
        mode,
        limit: None,
        shuffled,
    };
    let scored = evaluate(&fixtures.docs, &run(Mode::Incremental, false));
    print_table(
        "## Fixture corpora, incremental (one sentence at a time), threshold 0.5",
        &scored,
        0.5,
    );
    let quotation_rule = data::relabel(&seeds, |s| {
        (s.contains('“') || s.contains('"')).then_some("claim")
    });
    describe(
        "Seeds, docs/export.md rule (a sentence holding a quotation is a claim)",
        &quotation_rule,
    );
    let scored = evaluate(&quotation_rule, &run(Mode::Incremental, false));
    print_table(
        "## Seeds, quotation rule, incremental, threshold 0.5",
        &scored,
        0.5,
    );
    let incremental = evaluate(&seeds, &run(Mode::Incremental, false));
    let summary = print_table(
        "## Seeds (rules-v1), incremental (one sentence at a time), threshold 0.5",
        &incremental,
        0.5,
    );
    let batch = evaluate(&seeds, &run(Mode::Batch, false));
    print_table(
        "## Seeds (rules-v1), batch retrain (10 epochs), threshold 0.5",
        &batch,
        0.5,
    );
    let shuffled = evaluate(&seeds, &run(Mode::Incremental, true));
    print_table(
        "## Control: seeds (rules-v1) with training labels shuffled",
        &shuffled,
        0.5,
    );
    if let Some(path) = &summary_path {
        std::fs::write(path, serde_json::to_string_pretty(&summary)?)?;
    }
    println!(
        "\n## Seeds (rules-v1), incremental: micro P/R/F1 over the three labels by training size and threshold\n"
    );
    println!("| training sentences | threshold | precision | recall | F1 |");
    println!("|---|---|---|---|---|");
    for limit in [Some(10), Some(25), Some(50), Some(100), None] {
        let scored = evaluate(
            &seeds,
            &Setup {
                mode: Mode::Incremental,
                limit,
                shuffled: false,
            },
        );
        for threshold in [0.3, 0.5, 0.7] {
            let mut all = Counts::default();
            for c in counts(&scored, threshold).values() {
                all.add(*c);
            }
            let n = limit.map_or_else(|| "all (4 of 5 documents)".to_owned(), |l| l.to_string());
            println!(
                "| {n} | {threshold} | {} | {} | {} |",
                fmt(all.precision()),
                fmt(all.recall()),
                fmt(all.f1())
            );
        }
    }
    let all: Vec<Example> = seeds
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| Example {
            text: s.text.clone(),
            label: s.train.clone(),
        })
        .collect();
    let mut learner = SentenceLearner::new(&SENTENCE_LABELS, LearnerConfig::default());
    let started = std::time::Instant::now();
    for e in &all {
        learner.add_examples(std::slice::from_ref(e));
    }
    let per_update = started.elapsed() / all.len().max(1) as u32;
    let article = std::fs::read_to_string(main_repo.join("seeds/002_5502cd240076f5f2.txt"))?;
    let started = std::time::Instant::now();
    let spans = learner.suggest(&article);
    println!(
        "\n## Speed\n\nOne labelled sentence (an incremental update): {:.2} ms on average over {} updates; \
         suggesting on seed 002 ({} bytes, {} sentences): {:.2} ms, {} suggestions.",
        per_update.as_secs_f64() * 1e3,
        all.len(),
        article.len(),
        glosser_models::learner::split_sentences(&article).len(),
        started.elapsed().as_secs_f64() * 1e3,
        spans.len()
    );
    Ok(())
}
