//! The agreement review shows for the open document: mean κ and strict F1 over the pairs of
//! annotators who both have a file.

use super::super::super::app::App;
use glosser_core::review::agree::Pair;
use glosser_core::span::Span;

/// Mean κ and strict F1 of the document over the pairs of annotators who both have a file, as
/// `glosser agree --per-doc` computes them; `None` when fewer than two have one.
pub(super) fn document_agreement(
    app: &App,
    sides: &[Option<Vec<Span>>],
    names: &[String],
) -> (Option<f64>, Option<f64>) {
    let Some(doc) = app.document() else {
        return (None, None);
    };
    let labels: Vec<String> = app.labels.labels().iter().map(|l| l.name.clone()).collect();
    let (mut kappas, mut f1s) = (Vec::new(), Vec::new());
    for i in 0..sides.len() {
        for j in i + 1..sides.len() {
            let (Some(a), Some(b)) = (&sides[i], &sides[j]) else {
                continue;
            };
            let mut pair = Pair::new(&names[i], &names[j], &labels);
            pair.add(doc.text(), a, b);
            let overall = pair.result().overall;
            kappas.extend(overall.kappa);
            f1s.extend(overall.f1_strict);
        }
    }
    let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    (mean(&kappas), mean(&f1s))
}
