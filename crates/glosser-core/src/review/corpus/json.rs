//! Agreement as JSON (`glosser agree --json`, the export card): the SPEC §7 shape with what each pair is, how the overall figures
//! pool, and the mean of the inter-annotator pairs (gold left out).

use serde_json::{Value, json};

use super::{PairKind, Report};
use crate::review::agree::{Figures, PairResult, mean_of};
use crate::review::confusion::{Confusion, MISSING};
use crate::review::diagnostics::{PairWarnings, Warning};

fn figures_json(f: &Figures) -> Value {
    json!({
        "kappa": f.kappa, "ac1": f.ac1, "alpha_u": f.alpha_u, "f1_strict": f.f1_strict,
        "f1_overlap": f.f1_overlap, "a_spans": f.a_spans, "b_spans": f.b_spans,
    })
}

fn with_warnings(mut v: Value, warnings: &[Warning]) -> Value {
    v["warnings"] = json!(warnings);
    v
}

fn labels_json(labels: &[(String, Figures)], warnings: Option<&PairWarnings>) -> Value {
    Value::Object(
        labels
            .iter()
            .map(|(n, f)| {
                let mut v = figures_json(f);
                v["prevalence"] = json!(f.prevalence);
                if let Some(w) = warnings {
                    v = with_warnings(v, w.of_label(n));
                }
                (n.clone(), v)
            })
            .collect(),
    )
}

/// A confusion table: rows `a`'s labels, columns `b`'s, each with "missing"; the diagonal's
/// boundary-only matches; the split.
pub fn confusion_json(c: &Confusion) -> Value {
    let names: Vec<&str> = c
        .labels
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(MISSING))
        .collect();
    let rows: serde_json::Map<String, Value> = names
        .iter()
        .zip(&c.cells)
        .map(|(row, cells)| {
            let cols: serde_json::Map<String, Value> = names
                .iter()
                .zip(cells)
                .map(|(col, n)| ((*col).to_owned(), json!(n)))
                .collect();
            ((*row).to_owned(), Value::Object(cols))
        })
        .collect();
    let boundary: serde_json::Map<String, Value> = c
        .labels
        .iter()
        .zip(&c.boundary_only)
        .map(|(l, n)| (l.clone(), json!(n)))
        .collect();
    json!({"a": c.a, "b": c.b, "rows": rows, "boundary_only": boundary, "summary": c.summary(),
           "matched_apart": c.apart, "approximate_documents": c.approximate})
}

/// How the overall figures pool the labels (and the mean pools the pairs).
pub const POOLING: [(&str, &str); 5] = [
    ("kappa", "mean of the per-label kappas that are defined"),
    ("alpha_u", "pooled over labels: 1 - sum(D_o) / sum(D_e)"),
    ("f1_strict", "pooled: span counts summed over labels"),
    ("f1_overlap", "pooled: span counts summed over labels"),
    (
        "mean",
        "unweighted mean over the annotator pairs, gold pairs left out; no span counts",
    ),
];

/// The inter-annotator pairs (gold pairs left out), when there are several to average.
pub fn inter_annotator(report: &Report) -> Option<Vec<PairResult>> {
    let inter: Vec<PairResult> = report
        .pairs
        .iter()
        .enumerate()
        .filter(|(i, _)| report.kind(*i) == PairKind::Agreement)
        .map(|(_, p)| p.clone())
        .collect();
    (inter.len() > 1).then_some(inter)
}

/// The SPEC §7 shape, plus the skipped counts, what each pair is (`kind`: `agreement` between
/// annotators or `accuracy` against gold), how overall figures pool, the mean of the
/// inter-annotator pairs, and per-document rows.
/// The team's γ: settings, overall figures, per label, the alignment's split, warnings.
pub fn gamma_json(g: &crate::review::gamma::Report) -> Value {
    let labels: serde_json::Map<String, Value> = g
        .labels
        .iter()
        .map(|(label, f, warnings)| {
            let units: serde_json::Map<String, Value> =
                f.units.iter().map(|(a, n)| (a.clone(), json!(n))).collect();
            let v = json!({"gamma": f.gamma, "gamma_k": f.gamma_k, "exact": f.exact,
                           "spans": units, "warnings": warnings});
            (label.clone(), v)
        })
        .collect();
    json!({"annotators": g.annotators, "documents": g.documents, "settings": g.settings,
           "overall": g.overall, "labels": labels, "split": g.split, "warnings": g.warnings})
}

pub fn to_json(report: &Report, per_doc: bool) -> Value {
    let pairs: Vec<Value> = report
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let kind = report.kind(i).name();
            let links = report.relations.get(i).copied().unwrap_or_default();
            let relations = json!({"f1": links.f1(), "a": links.a, "b": links.b, "matched": links.matched});
            let warnings = report.warnings.get(i);
            let overall = with_warnings(figures_json(&p.overall), warnings.map_or(&[], |w| w.overall.as_slice()));
            json!({"a": p.a, "b": p.b, "kind": kind, "labels": labels_json(&p.labels, warnings), "overall": overall, "relations": relations})
        })
        .collect();
    let mut out = json!({
        "annotators": report.annotators,
        "documents": report.documents,
        "single_annotator_documents": report.single,
        "excluded_documents": report.excluded,
        "pairs": pairs,
        "pooling": POOLING.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect::<serde_json::Map<_, _>>(),
    });
    if let Some(inter) = inter_annotator(report) {
        let (labels, overall) = mean_of(&inter);
        let strip = |mut v: Value| {
            if let Some(o) = v.as_object_mut() {
                o.remove("a_spans");
                o.remove("b_spans");
            }
            v
        };
        let labels = Value::Object(
            labels
                .iter()
                .map(|(n, f)| (n.clone(), strip(figures_json(f))))
                .collect(),
        );
        out["mean"] = json!({"pairs": inter.len(), "labels": labels, "overall": strip(figures_json(&overall))});
    }
    if let Some(gamma) = &report.gamma {
        out["gamma"] = gamma_json(gamma);
    }
    if !report.confusion.is_empty() {
        out["confusion"] = Value::Array(report.confusion.iter().map(confusion_json).collect());
        if let Some(gold) = report.confusion_against_gold() {
            out["confusion_against_gold"] = confusion_json(&gold);
        }
    }
    if per_doc {
        out["per_doc"] = Value::Array(
            report
                .per_doc
                .iter()
                .enumerate()
                .map(|(k, (id, row))| {
                    let pairs: Vec<Value> = row
                        .iter()
                        .map(|(a, b, f)| {
                            let mut v = figures_json(f);
                            v["a"] = json!(a);
                            v["b"] = json!(b);
                            v
                        })
                        .collect();
                    let mut doc = json!({"document": id, "pairs": pairs});
                    if let Some(g) = report.per_doc_gamma.get(k) {
                        doc["gamma"] = json!(g.map(|g| g.gamma));
                        doc["gamma_detail"] = json!(g);
                    }
                    doc
                })
                .collect(),
        );
    }
    out
}
