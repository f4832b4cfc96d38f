//! `glosser status CORPUS [--json]`: prints the core's team overview (`ops::status`) as a
//! table or JSON (SPEC §11).

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use glosser_core::corpus::Corpus;
use glosser_core::ops::status::{Overview, overview, status_name};

mod table;

/// Arguments of `glosser status`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Print the overview as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The overview as JSON (SPEC §11).
pub fn to_json(overview: &Overview) -> serde_json::Value {
    let documents: Vec<serde_json::Value> = overview
        .rows
        .iter()
        .map(|row| {
            let annotators: serde_json::Map<String, serde_json::Value> = row
                .annotators
                .iter()
                .map(|(name, cell)| {
                    let value = json!({
                        "status": status_name(cell),
                        "spans": cell.spans,
                        "problems": cell.problems,
                    });
                    (name.clone(), value)
                })
                .collect();
            json!({
                "document": row.document,
                "annotators": annotators,
                "assigned": row.assigned,
                "changed_since_gold": row.changed_since_gold,
                "underassigned": overview.overlap > 0 && row.assigned.len() < overview.overlap,
                "unreadable": row.unreadable,
            })
        })
        .collect();
    json!({
        "annotators": overview.annotators,
        "overlap": overview.overlap,
        "documents": documents,
        "warnings": overview.warnings,
    })
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = Corpus::scan(&args.corpus)?;
    let overview = overview(&corpus);
    for warning in &overview.warnings {
        eprintln_safe!("glosser: {warning}");
    }
    if args.json {
        super::print_json(&to_json(&overview))?;
    } else {
        table::print(&mut super::safe_stdout(), &overview)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests;
