//! Agreement as JSON (`glosser agree --json`, the export card): the SPEC §7 shape with what each pair is, how the overall figures
//! pool, and the mean of the inter-annotator pairs (gold left out).

use serde_json::{Value, json};

use super::{Report, is_gold_pair};
use crate::review::agree::{Figures, PairResult, mean_of};

fn figures_json(f: &Figures) -> Value {
    json!({
        "kappa": f.kappa, "alpha_u": f.alpha_u, "f1_strict": f.f1_strict,
        "f1_overlap": f.f1_overlap, "a_spans": f.a_spans, "b_spans": f.b_spans,
    })
}

fn labels_json(labels: &[(String, Figures)]) -> Value {
    Value::Object(
        labels
            .iter()
            .map(|(n, f)| (n.clone(), figures_json(f)))
            .collect(),
    )
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
        .filter(|p| !is_gold_pair(p))
        .cloned()
        .collect();
    (inter.len() > 1).then_some(inter)
}

/// The SPEC §7 shape, plus the skipped counts, what each pair is (`kind`: `agreement` between
/// annotators or `accuracy` against gold), how overall figures pool, the mean of the
/// inter-annotator pairs, and per-document rows.
pub fn to_json(report: &Report, per_doc: bool) -> Value {
    let pairs: Vec<Value> = report
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let kind = if is_gold_pair(p) { "accuracy" } else { "agreement" };
            let links = report.relations.get(i).copied().unwrap_or_default();
            let relations = json!({"f1": links.f1(), "a": links.a, "b": links.b, "matched": links.matched});
            json!({"a": p.a, "b": p.b, "kind": kind, "labels": labels_json(&p.labels), "overall": figures_json(&p.overall), "relations": relations})
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
    if per_doc {
        out["per_doc"] = Value::Array(
            report
                .per_doc
                .iter()
                .map(|(id, row)| {
                    let pairs: Vec<Value> = row
                        .iter()
                        .map(|(a, b, f)| {
                            let mut v = figures_json(f);
                            v["a"] = json!(a);
                            v["b"] = json!(b);
                            v
                        })
                        .collect();
                    json!({"document": id, "pairs": pairs})
                })
                .collect(),
        );
    }
    out
}
