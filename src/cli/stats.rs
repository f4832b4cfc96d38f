//! `glosser stats`: prints the core's statistics (`ops::stats`) as a table or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use glosser_core::labels::LabelSet;
use glosser_core::ops::stats::{Stats, gather_streamed};

/// Arguments of `glosser stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// The audit of influence instead: per suggester, what each annotator did with its
    /// suggestions per label (accepted, edited, rejected, open), and the suggester against gold
    /// (see docs/suggest.md).
    #[arg(long)]
    pub suggesters: bool,
}

mod suggesters;
pub use suggesters::{ordered, rate, vs_gold_json};

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.suggesters {
        let audit = glosser_core::ops::audit::audit(&args.corpus, &mut |w| {
            eprintln_safe!("glosser: warning: {w}");
        })?;
        let root = args.corpus.display().to_string();
        if args.json {
            super::print_json(&suggesters::to_json(&root, &audit))?;
        } else {
            suggesters::print_human(&mut super::safe_stdout(), &root, &audit)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (labels, warning) = LabelSet::for_corpus(&args.corpus);
    if let Some(warning) = warning {
        eprintln_safe!("glosser: warning: {warning}");
    }
    let stats = gather_streamed(&args.corpus, &labels, args.json)?;
    if args.json {
        super::print_json(&to_json(&args.corpus.display().to_string(), &stats))?;
    } else {
        print_human(
            &mut super::safe_stdout(),
            &args.corpus.display().to_string(),
            &stats,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json(root: &str, stats: &Stats) -> serde_json::Value {
    let annotators: serde_json::Map<String, serde_json::Value> = stats
        .annotators
        .iter()
        .map(|(name, a)| {
            let value = json!({
                "files": a.files,
                "broken": a.broken,
                "status": {"Todo": a.todo, "InProgress": a.in_progress, "Done": a.done},
                "spans": a.spans,
                "labels": a.labels,
                "links": a.links,
                "progress": stats.progress(a),
                "to_do": stats.left_to_do(a),
            });
            (name.clone(), value)
        })
        .collect();
    let unannotatable: Vec<serde_json::Value> = stats
        .unannotatable
        .iter()
        .map(|(id, why)| json!({"document": id, "reason": why}))
        .collect();
    let list: Vec<serde_json::Value> = stats
        .list
        .iter()
        .map(|d| {
            let annotators: serde_json::Map<String, serde_json::Value> = d
                .annotators
                .iter()
                .map(|(name, file)| {
                    let value = match file {
                        Some((status, spans)) => json!({"status": status.as_str(), "spans": spans}),
                        None => json!({"status": null, "spans": null, "broken": true}),
                    };
                    (name.clone(), value)
                })
                .collect();
            json!({
                "id": d.id,
                "bytes": d.bytes,
                "annotatable": d.problem.is_none(),
                "problem": d.problem,
                "annotators": annotators,
            })
        })
        .collect();
    json!({
        "corpus": root,
        "documents": {
            "total": stats.documents,
            "annotatable": stats.annotatable(),
            "unannotatable": unannotatable,
            "list": list,
        },
        "labels": stats.label_names,
        "annotators": annotators,
    })
}

fn print_human(out: &mut impl std::io::Write, root: &str, stats: &Stats) -> std::io::Result<()> {
    writeln!(
        out,
        "{root}: {} {}, {} can be annotated",
        stats.documents,
        if stats.documents == 1 {
            "document"
        } else {
            "documents"
        },
        stats.annotatable()
    )?;
    for (id, why) in &stats.unannotatable {
        writeln!(out, "  cannot annotate {id}: {why}")?;
    }
    if stats.annotators.is_empty() {
        writeln!(out, "no annotation files yet")?;
        return Ok(());
    }
    let label_width = stats.label_names.iter().map(String::len).max().unwrap_or(5);
    write!(
        out,
        "\n{:<12} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>8}",
        "annotator", "files", "to do", "doing", "done", "broken", "spans", "progress"
    )?;
    for name in &stats.label_names {
        write!(out, " {name:>label_width$}")?;
    }
    writeln!(out)?;
    for (name, a) in &stats.annotators {
        write!(
            out,
            "{name:<12} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>7.1}%",
            a.files,
            stats.left_to_do(a),
            a.in_progress,
            a.done,
            a.broken,
            a.spans,
            stats.progress(a) * 100.0
        )?;
        for label in &stats.label_names {
            write!(
                out,
                " {:>label_width$}",
                a.labels.get(label).copied().unwrap_or(0)
            )?;
        }
        let unknown: Vec<String> = a
            .labels
            .iter()
            .filter(|(l, n)| **n > 0 && !stats.label_names.contains(l))
            .map(|(l, n)| format!("{l}={n}"))
            .collect();
        if !unknown.is_empty() {
            write!(out, "  (unknown labels: {})", unknown.join(", "))?;
        }
        if !a.links.is_empty() {
            let links: Vec<String> = a.links.iter().map(|(t, n)| format!("{t}={n}")).collect();
            write!(out, "  links: {}", links.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
