//! `glosser stats --suggesters`: the audit of influence (`ops::audit`) as tables or JSON — per
//! suggester, what each analyst did with its suggestions per label, and the suggester against
//! gold.

use std::io::Write;

use serde_json::json;

use glosser_core::ops::audit::{Audit, Decisions, SuggesterAudit, VsGold};

pub fn rate(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

pub fn vs_gold_json(g: &VsGold) -> serde_json::Value {
    json!({
        "gold": g.gold,
        "spans": g.suggested,
        "correct": g.correct,
        "precision": g.precision(),
        "recall": g.recall(),
        "f1": g.f1(),
    })
}

fn decisions_json(d: &Decisions) -> serde_json::Value {
    json!({
        "suggested": d.suggested,
        "accepted": d.accepted,
        "edited": d.edited,
        "rejected": d.rejected,
        "open": d.open,
        "acceptance": d.acceptance(),
        "edit_rate": d.edit_rate(),
        "rejection_rate": d.rejection_rate(),
    })
}

fn suggester_json(s: &SuggesterAudit) -> serde_json::Value {
    let annotators: serde_json::Map<String, serde_json::Value> = s
        .annotators
        .iter()
        .map(|(who, labels)| {
            let labels: serde_json::Map<String, serde_json::Value> = labels
                .iter()
                .map(|(label, d)| (label.clone(), decisions_json(d)))
                .collect();
            (who.clone(), serde_json::Value::Object(labels))
        })
        .collect();
    let gold: serde_json::Map<String, serde_json::Value> = s
        .gold
        .iter()
        .map(|(label, g)| (label.clone(), vs_gold_json(g)))
        .collect();
    json!({
        "name": s.name,
        "about": s.about,
        "annotators": annotators,
        "gold": {"documents": s.gold_documents, "labels": gold},
    })
}

pub fn to_json(root: &str, audit: &Audit) -> serde_json::Value {
    json!({
        "corpus": root,
        "suggesters": audit.suggesters.iter().map(suggester_json).collect::<Vec<_>>(),
        "blind_left_out": audit.blind,
        "stale_left_out": audit.stale,
    })
}

/// The labels in the label set's order, then any others met.
pub fn ordered<'a>(known: &'a [String], met: impl Iterator<Item = &'a String>) -> Vec<&'a String> {
    let mut out: Vec<&String> = known.iter().collect();
    for label in met {
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

fn describe(s: &SuggesterAudit) -> String {
    let Some(about) = &s.about else {
        return s.name.clone();
    };
    let mut parts = vec![about.kind.clone()];
    parts.extend(about.model.iter().map(|m| format!("model {m}")));
    parts.extend(about.prompt_hash.iter().map(|h| format!("prompt {h}")));
    parts.extend(
        about
            .learned_from
            .iter()
            .map(|a| format!("learned from {a}")),
    );
    format!("{} ({})", s.name, parts.join(", "))
}

pub fn print_human(out: &mut impl Write, root: &str, audit: &Audit) -> std::io::Result<()> {
    if audit.suggesters.is_empty() {
        writeln!(out, "{root}: no suggester's files")?;
        return Ok(());
    }
    for s in &audit.suggesters {
        writeln!(out, "suggester {}", describe(s))?;
        writeln!(
            out,
            "  {:<12} {:<12} {:>9} {:>8} {:>6} {:>8} {:>5} {:>10} {:>7} {:>9}",
            "annotator",
            "label",
            "suggested",
            "accepted",
            "edited",
            "rejected",
            "open",
            "acceptance",
            "edits",
            "rejection"
        )?;
        for (who, labels) in &s.annotators {
            for label in ordered(&audit.labels, labels.keys()) {
                let Some(d) = labels.get(label) else { continue };
                writeln!(
                    out,
                    "  {who:<12} {label:<12} {:>9} {:>8} {:>6} {:>8} {:>5} {:>10} {:>7} {:>9}",
                    d.suggested,
                    d.accepted,
                    d.edited,
                    d.rejected,
                    d.open,
                    rate(d.acceptance()),
                    rate(d.edit_rate()),
                    rate(d.rejection_rate())
                )?;
            }
        }
        if s.annotators.is_empty() {
            writeln!(out, "  no analyst has a file on a document it suggested")?;
        }
        if s.gold_documents == 0 {
            writeln!(out, "  against gold: no gold file on its documents")?;
        } else {
            writeln!(
                out,
                "  against gold ({} documents, strict: same characters and label)",
                s.gold_documents
            )?;
            writeln!(
                out,
                "  {:<12} {:>5} {:>6} {:>7} {:>9} {:>7} {:>7}",
                "label", "gold", "spans", "correct", "precision", "recall", "F1"
            )?;
            let mut never = Vec::new();
            for label in ordered(&audit.labels, s.gold.keys()) {
                let Some(g) = s.gold.get(label) else { continue };
                if g.suggested == 0 {
                    never.push(format!("{label} ({} in gold)", g.gold));
                    continue;
                }
                writeln!(
                    out,
                    "  {label:<12} {:>5} {:>6} {:>7} {:>9} {:>7} {:>7}",
                    g.gold,
                    g.suggested,
                    g.correct,
                    rate(g.precision()),
                    rate(g.recall()),
                    rate(g.f1())
                )?;
            }
            if !never.is_empty() {
                writeln!(out, "  labels it suggested none of: {}", never.join(", "))?;
            }
        }
        writeln!(out)?;
    }
    if audit.blind > 0 {
        writeln!(
            out,
            "left out: {} blind (annotator, document) pairs (see `glosser agree --control`)",
            audit.blind
        )?;
    }
    if audit.stale > 0 {
        writeln!(
            out,
            "left out: {} files made on another text than the suggester's (run `glosser validate --fix`, then suggest again)",
            audit.stale
        )?;
    }
    Ok(())
}
