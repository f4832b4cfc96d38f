//! The numbers behind the stats view (`S`): spans per label per annotator, agreement per label,
//! and this annotator's progress. Computed on demand, from the annotation files only (and the
//! documents two annotators share, for agreement).

use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::review::agree::Figures;
use glosser_core::review::corpus as agree;

/// What the stats view shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusStats {
    pub labels: Vec<String>,
    /// Per annotator: spans per label (in `labels` order).
    pub counts: Vec<(String, Vec<u64>)>,
    /// Agreement per label (mean over pairs) when two annotators or more share documents.
    pub agreement: Option<Vec<(String, Figures)>>,
    /// The team's γ, with its settings (the core's, as `glosser agree` prints it).
    pub gamma: Option<glosser_core::review::gamma::Report>,
    /// The warnings on these figures (`glosser agree` prints the same): where (a label or
    /// "overall", with the pair when there are several) and why, each once.
    pub warnings: Vec<(String, String)>,
    pub done: usize,
    pub in_progress: usize,
    pub todo: usize,
    /// This annotator's links (SPEC §10), over the corpus.
    pub links: usize,
}

/// Gathers the figures for `annotator`'s progress and everyone's spans, through the core's
/// statistics engine (`glosser stats` prints the same numbers).
pub fn gather(corpus: &Corpus, labels: &LabelSet, annotator: &str) -> CorpusStats {
    let stats = glosser_core::ops::stats::gather(corpus, labels);
    let names = stats.label_names.clone();
    // Every annotator with a file, strays' included (a file whose article is gone).
    let annotators: Vec<String> = corpus.annotators().into_iter().collect();
    let counts: Vec<(String, Vec<u64>)> = annotators
        .iter()
        .map(|name| {
            let count = |label: &String| {
                stats
                    .annotators
                    .get(name)
                    .and_then(|a| a.labels.get(label))
                    .copied()
            };
            let row = names.iter().map(|n| count(n).unwrap_or(0) as u64).collect();
            (name.clone(), row)
        })
        .collect();
    let mine = stats.annotators.get(annotator);
    let reviewers: Vec<String> = annotators
        .iter()
        .filter(|a| *a != glosser_core::store::GOLD)
        .cloned()
        .collect();
    let report = (reviewers.len() >= 2).then(|| {
        let options = agree::Options {
            gamma: Some(glosser_core::review::gamma::Settings::default()),
            ..agree::Options::default()
        };
        agree::compute_with(corpus, labels, &reviewers, &options, &mut |_| {})
    });
    let agreement = report.as_ref().map(|r| agree_labels(&r.pairs));
    let warnings = report.as_ref().map(warnings).unwrap_or_default();
    CorpusStats {
        gamma: report.and_then(|r| r.gamma),
        warnings,
        counts,
        agreement: agreement.filter(|a| !a.is_empty()),
        done: mine.map_or(0, |a| a.done),
        in_progress: mine.map_or(0, |a| a.in_progress),
        todo: mine.map_or(stats.annotatable(), |a| stats.left_to_do(a)),
        links: mine.map_or(0, |a| a.links.values().sum()),
        labels: names,
    }
}

/// Every warning of the report once: the pairs' (named when there are several), then γ's.
fn warnings(report: &agree::Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let several = report.pairs.len() > 1;
    for (pair, warnings) in report.pairs.iter().zip(&report.warnings) {
        for (label, w) in warnings.all() {
            let place = label.unwrap_or("overall");
            let place = if several {
                format!("{place} ({} × {})", pair.a, pair.b)
            } else {
                place.to_owned()
            };
            out.push((place, w.message.clone()));
        }
    }
    if let Some(g) = &report.gamma {
        for (label, _, warnings) in &g.labels {
            out.extend(
                warnings
                    .iter()
                    .map(|w| (format!("{label} (γ)"), w.message.clone())),
            );
        }
        out.extend(
            g.warnings
                .iter()
                .map(|w| ("overall (γ)".to_owned(), w.message.clone())),
        );
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|(_, message)| seen.insert(message.clone()));
    out
}

fn agree_labels(pairs: &[glosser_core::review::agree::PairResult]) -> Vec<(String, Figures)> {
    match pairs {
        [] => Vec::new(),
        [one] => one.labels.clone(),
        many => glosser_core::review::agree::mean_of(many).0,
    }
}
