//! `glosser status CORPUS [--json]`: prints the core's team overview (`ops::status`) as a
//! table or JSON (SPEC §11).

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use glosser_core::corpus::Corpus;
use glosser_core::ops::status::{Overview, overview, status_name};
use glosser_core::review::since::SinceAdjudication;

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

/// What changed since adjudication, as JSON: `{"text": bool, "annotators": {NAME: {"added",
/// "removed", "relabelled"}}, "links": bool}`, or null.
fn since_json(since: Option<&SinceAdjudication>) -> serde_json::Value {
    let Some(since) = since else {
        return serde_json::Value::Null;
    };
    let annotators: serde_json::Map<String, serde_json::Value> = since
        .annotators
        .iter()
        .map(|(name, c)| {
            let value = json!({"added": c.added, "removed": c.removed, "relabelled": c.relabelled});
            (name.clone(), value)
        })
        .collect();
    json!({"text": since.text_changed, "annotators": annotators, "reopened": since.reopened})
}

/// The documents where `you` have orphaned or ambiguous spans to settle, with how many.
pub fn yours_to_settle<'a>(overview: &'a Overview, you: &str) -> Vec<(&'a str, usize)> {
    overview
        .rows
        .iter()
        .filter_map(|row| {
            let cell = row.annotators.get(you)?;
            (cell.unsettled > 0).then_some((row.document.as_str(), cell.unsettled))
        })
        .collect()
}

/// The overview as JSON (SPEC §11); `you`: whose spans to settle are listed first.
pub fn to_json(overview: &Overview, you: Option<&str>) -> serde_json::Value {
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
                "since_gold": since_json(row.since_gold.as_ref()),
                "underassigned": overview.overlap > 0 && row.assigned.len() < overview.overlap,
                "unreadable": row.unreadable,
            })
        })
        .collect();
    let yours = you.map(|you| {
        let documents: Vec<serde_json::Value> = yours_to_settle(overview, you)
            .into_iter()
            .map(|(document, spans)| json!({"document": document, "spans": spans}))
            .collect();
        json!({"annotator": you, "documents": documents})
    });
    json!({
        "yours_to_settle": yours,
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
    // Whoever asks sees their own spans to settle first.
    let you = glosser_core::config::current_annotator()
        .ok()
        .map(|(name, _)| name);
    if args.json {
        super::print_json(&to_json(&overview, you.as_deref()))?;
    } else {
        table::print(&mut super::safe_stdout(), &overview, you.as_deref())?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests;
