//! `glosser agree --history`: the figures at each commit that changed annotation files (or each
//! tag), as a trend table and a terminal chart, or JSON (every point's full `agree --json`).

use std::io::{IsTerminal as _, Write};
use std::process::ExitCode;

use glosser_core::labels::LabelSet;
use glosser_core::ops::agree_history::{self, History, Request, short};
use glosser_core::review::agree::mean_of;
use glosser_core::review::corpus::json::{inter_annotator, to_json};
use glosser_core::review::corpus::{PairKind, Report};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use super::Args;

/// Which points `--history` visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Points {
    /// Every commit of HEAD's history that changed an annotation file.
    Commits,
    /// Every tag.
    Tags,
}

pub fn run(args: &Args, points: Points) -> anyhow::Result<ExitCode> {
    let census = glosser_core::corpus::stream::Census::take(&args.corpus)?;
    let is_suggester = |name: &str| {
        glosser_core::corpus::walk::walk(&args.corpus).is_ok_and(|walk| {
            glosser_core::suggest::is_suggester_among(&args.corpus, walk.documents(), name)
        })
    };
    let known = census.annotators();
    let (annotators, suggesters) = super::compared(args, &known, &is_suggester)?;
    let (labels, warning) = LabelSet::for_corpus(&args.corpus);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let request = Request {
        corpus: &args.corpus,
        labels: &labels,
        annotators: &annotators,
        options: super::options(args, suggesters),
        points: match points {
            Points::Commits => agree_history::Points::Commits,
            Points::Tags => agree_history::Points::Tags,
        },
        last: args.last,
    };
    let bar = progress_bar();
    let history = agree_history::history(
        &request,
        &mut |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        },
        &mut |w| {
            bar.suspend(|| eprintln_safe!("glosser: {w}"));
        },
    )?;
    bar.finish_and_clear();
    if args.json {
        let points: Vec<serde_json::Value> = history
            .points
            .iter()
            .map(|p| {
                json!({"commit": p.commit.id, "date": p.commit.date, "title": p.commit.title,
                       "analysed_documents": p.analysed, "agreement": to_json(&p.report, false)})
            })
            .collect();
        super::super::print_json(&json!({"points": points, "older_left_out": history.older}))?;
    } else {
        print(
            &mut super::super::safe_stdout(),
            &history,
            points,
            args.last,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("agree --history {bar:40} {pos}/{len} points") {
        bar.set_style(style);
    }
    bar
}

/// The figures a trend follows: the team's (the mean of the annotator pairs, or the one pair).
#[derive(Debug, Clone, Copy, Default)]
struct Trend {
    documents: usize,
    kappa: Option<f64>,
    alpha_u: Option<f64>,
    f1_strict: Option<f64>,
    gamma: Option<f64>,
    warnings: usize,
}

fn trend(report: &Report) -> Trend {
    let overall = match inter_annotator(report) {
        Some(pairs) => Some(mean_of(&pairs).1),
        None => report
            .pairs
            .iter()
            .enumerate()
            .find(|(i, _)| report.kind(*i) == PairKind::Agreement)
            .map(|(_, p)| p.overall),
    };
    let warnings = report
        .warnings
        .iter()
        .map(|w| w.all().count())
        .sum::<usize>()
        + report.gamma.as_ref().map_or(0, |g| {
            g.warnings.len() + g.labels.iter().map(|(_, _, w)| w.len()).sum::<usize>()
        });
    Trend {
        documents: report.documents,
        kappa: overall.and_then(|f| f.kappa),
        alpha_u: overall.and_then(|f| f.alpha_u),
        f1_strict: overall.and_then(|f| f.f1_strict),
        gamma: report
            .gamma
            .as_ref()
            .and_then(|g| g.overall.map(|o| o.gamma)),
        warnings,
    }
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

pub(super) fn print(
    out: &mut impl Write,
    history: &History,
    points: Points,
    last: usize,
) -> std::io::Result<()> {
    let one = history.points.len() == 1;
    let what = match (points, one) {
        (Points::Commits, false) => "commits that changed annotation files",
        (Points::Commits, true) => "commit that changed annotation files",
        (Points::Tags, false) => "tags",
        (Points::Tags, true) => "tag",
    };
    writeln!(
        out,
        "agreement over history: {} {what}",
        history.points.len()
    )?;
    if history.older > 0 {
        writeln!(
            out,
            "({} older left out by --last {last}; --last 0 shows every one)",
            history.older
        )?;
    }
    if history.points.is_empty() {
        return Ok(());
    }
    let trends: Vec<Trend> = history.points.iter().map(|p| trend(&p.report)).collect();
    writeln!(
        out,
        "\n{:>3} {:<10} {:<10} {:>5} {:>7} {:>8} {:>9} {:>7} {:>5}  title",
        "#", "commit", "date", "docs", "kappa", "alpha_u", "f1_strict", "gamma", "warn"
    )?;
    for (i, (p, t)) in history.points.iter().zip(&trends).enumerate() {
        writeln!(
            out,
            "{:>3} {:<10} {:<10} {:>5} {:>7} {:>8} {:>9} {:>7} {:>5}  {}",
            i + 1,
            short(&p.commit.id),
            p.commit.date.get(..10).unwrap_or(&p.commit.date),
            t.documents,
            cell(t.kappa),
            cell(t.alpha_u),
            cell(t.f1_strict),
            cell(t.gamma),
            t.warnings,
            p.commit.title.chars().take(50).collect::<String>()
        )?;
    }
    writeln!(
        out,
        "(the mean of the annotator pairs, as `agree` prints it; warn: warnings on that point's figures)"
    )?;
    let series: [(&str, char, Vec<Option<f64>>); 3] = [
        ("kappa", 'k', trends.iter().map(|t| t.kappa).collect()),
        ("alpha_u", 'a', trends.iter().map(|t| t.alpha_u).collect()),
        ("gamma", 'g', trends.iter().map(|t| t.gamma).collect()),
    ];
    writeln!(out)?;
    for line in super::chart::draw(&series, 10) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
