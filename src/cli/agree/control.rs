//! `glosser agree --control`: the control set (`ops::audit::control`) — each annotator's labels
//! on the documents they annotated blind beside those on documents with suggestions: spans per
//! label per document, and agreement with gold in each arm.

use std::io::Write;

use serde_json::json;

use glosser_core::ops::audit::{Arm, Audit};

use crate::cli::stats::{ordered, rate, vs_gold_json};

fn arm_json(arm: &Arm) -> serde_json::Value {
    let per_document: serde_json::Map<String, serde_json::Value> = arm
        .spans
        .keys()
        .map(|label| (label.clone(), json!(arm.per_document(label))))
        .collect();
    let gold: serde_json::Map<String, serde_json::Value> = arm
        .gold
        .iter()
        .map(|(label, g)| (label.clone(), vs_gold_json(g)))
        .collect();
    json!({
        "documents": arm.documents,
        "spans": arm.spans,
        "spans_per_document": per_document,
        "gold": {
            "documents": arm.gold_documents,
            "overall": vs_gold_json(&arm.gold_overall()),
            "labels": gold,
        },
    })
}

pub fn to_json(root: &str, audit: &Audit) -> serde_json::Value {
    let annotators: serde_json::Map<String, serde_json::Value> = audit
        .control
        .iter()
        .map(|(who, c)| {
            let value = json!({
                "blind": arm_json(&c.blind),
                "with_suggestions": arm_json(&c.shown),
                "unsuggested_documents": c.unsuggested,
            });
            (who.clone(), value)
        })
        .collect();
    json!({"corpus": root, "control": annotators})
}

pub fn print_human(out: &mut impl Write, audit: &Audit) -> std::io::Result<()> {
    let labels = ordered(
        &audit.labels,
        audit
            .control
            .values()
            .flat_map(|c| c.blind.spans.keys().chain(c.shown.spans.keys())),
    );
    writeln!(
        out,
        "control set: each annotator's labels on blind documents (no suggestions shown) and on documents with suggestions"
    )?;
    write!(out, "{:<12} {:<11} {:>9}", "annotator", "arm", "documents")?;
    for label in &labels {
        write!(out, " {:>12}", format!("{label}/doc"))?;
    }
    writeln!(
        out,
        " {:>9} {:>9} {:>7} {:>7}",
        "gold docs", "precision", "recall", "F1"
    )?;
    for (who, c) in &audit.control {
        for (name, arm) in [("blind", &c.blind), ("suggested", &c.shown)] {
            write!(out, "{who:<12} {name:<11} {:>9}", arm.documents)?;
            for label in &labels {
                let cell = arm
                    .per_document(label)
                    .map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"));
                write!(out, " {cell:>12}")?;
            }
            let g = arm.gold_overall();
            writeln!(
                out,
                " {:>9} {:>9} {:>7} {:>7}",
                arm.gold_documents,
                rate(g.precision()),
                rate(g.recall()),
                rate(g.f1())
            )?;
        }
        if c.unsuggested > 0 {
            writeln!(
                out,
                "{who:<12} ({} documents neither blind nor suggested, in neither arm)",
                c.unsuggested
            )?;
        }
    }
    Ok(())
}
