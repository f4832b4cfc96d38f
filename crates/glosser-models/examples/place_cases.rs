//! Reads placement cases as JSON lines on stdin and writes each result as a JSON line, for
//! `checks/placement_check.py`, which compares them with its Python reference.
//!
//! In:  `{"text": …, "labels": ["claim", …], "proposals": [{"index", "label", "quote",
//!        "occurrence"?, "context"?, "score"?}], "normalization": {…}}`
//! Out: `{"spans": [{"start", "end", "label", "score"}], "rejected": [{"index", "kind"}]}`

use std::io::{BufRead, Write};

use glosser_models::{Label, LabelKind, Normalization, Proposal, place};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    text: String,
    labels: Vec<String>,
    proposals: Vec<Proposal>,
    #[serde(default)]
    normalization: Normalization,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let case: Case = serde_json::from_str(&line?)?;
        let labels: Vec<Label> = case
            .labels
            .iter()
            .map(|n| Label::new(n.clone(), "", LabelKind::Phrase))
            .collect();
        let placed = place(&case.text, &labels, &case.proposals, case.normalization);
        let rejected: Vec<serde_json::Value> = placed
            .rejected
            .iter()
            .map(|r| {
                let reason = serde_json::to_value(&r.reason).unwrap_or_default();
                serde_json::json!({"index": r.index, "kind": reason["kind"]})
            })
            .collect();
        let result = serde_json::json!({"spans": placed.spans, "rejected": rejected});
        writeln!(out, "{result}")?;
    }
    Ok(())
}
