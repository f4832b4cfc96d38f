//! The numbers behind the stats view (`S`): spans per label per annotator, agreement, and this
//! annotator's progress. The annotators compared are `glosser agree`'s, chosen by the same core
//! function (`review::corpus::choose_among`): every human with a file by default — suggesters
//! and gold only when named (`:stats A,B,suggest`) — and the figures are the same core
//! agreement's: one pair's, or the mean over the pairs as `agree` prints it.

use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::review::agree::{Figures, PairResult, mean_of};
use glosser_core::review::corpus::{self as agree, is_gold_pair};

/// Agreement as the view shows it: what the figures are of, per label, and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agreement {
    /// "alice × bob", "mean of the 3 annotator pairs", "alice against gold (accuracy)".
    pub title: String,
    pub labels: Vec<(String, Figures)>,
    pub overall: Figures,
    /// With several pairs: each pair's name and overall κ.
    pub pairs: Vec<(String, Option<f64>)>,
    /// Documents compared.
    pub documents: usize,
}

/// What the stats view shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusStats {
    pub labels: Vec<String>,
    /// Per annotator compared: spans per label (in `labels` order).
    pub counts: Vec<(String, Vec<u64>)>,
    /// Agreement between the annotators compared, when two of them share documents.
    pub agreement: Option<Agreement>,
    /// Annotators with files that were left out, and why ("suggester", "gold").
    pub left_out: Vec<(String, &'static str)>,
    /// Why no annotators could be compared (too few, an unknown name), as `agree` says it.
    pub refused: Option<String>,
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

/// Gathers the figures for `annotator`'s progress, and spans and agreement of the annotators
/// `agree` would compare — or of those `named` (comma-separated), as `agree --annotators`.
pub fn gather(
    corpus: &Corpus,
    labels: &LabelSet,
    annotator: &str,
    named: Option<&str>,
) -> CorpusStats {
    let stats = glosser_core::ops::stats::gather(corpus, labels);
    let names = stats.label_names.clone();
    let known = corpus.annotators();
    let asked: Vec<String> = named
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect();
    let is_suggester = |name: &str| {
        glosser_core::suggest::is_suggester_among(&corpus.root, corpus.documents.iter(), name)
    };
    let chosen = agree::choose_among(&corpus.root, &known, &asked, &is_suggester);
    let (compared, refused) = match chosen {
        Ok(list) => (list, None),
        // Fewer than two: still show whoever is a person, and say why there is no agreement.
        Err(e) => {
            let people: Vec<String> = if asked.is_empty() {
                known
                    .iter()
                    .filter(|a| *a != glosser_core::store::GOLD && !is_suggester(a))
                    .cloned()
                    .collect()
            } else {
                asked
                    .iter()
                    .filter(|a| known.contains(*a))
                    .cloned()
                    .collect()
            };
            (people, Some(e.to_string()))
        }
    };
    let left_out = known
        .iter()
        .filter(|a| !compared.contains(a))
        .map(|a| {
            let why = if a == glosser_core::store::GOLD {
                "gold"
            } else if is_suggester(a) {
                "suggester"
            } else {
                "not named"
            };
            (a.clone(), why)
        })
        .collect();
    let counts = compared
        .iter()
        .map(|name| {
            let count = |label: &String| {
                stats
                    .annotators
                    .get(name)
                    .and_then(|a| a.labels.get(label))
                    .copied()
                    .unwrap_or(0) as u64
            };
            (name.clone(), names.iter().map(count).collect())
        })
        .collect();
    let report = (refused.is_none() && compared.len() >= 2).then(|| {
        let options = agree::Options {
            gamma: Some(glosser_core::review::gamma::Settings::default()),
            suggesters: known.iter().filter(|a| is_suggester(a)).cloned().collect(),
            ..agree::Options::default()
        };
        agree::compute_with(corpus, labels, &compared, &options, &mut |_| {})
    });
    let agreement = report
        .as_ref()
        .and_then(|r| summarise(&r.pairs, r.documents));
    let warnings = report.as_ref().map(warnings).unwrap_or_default();
    let mine = stats.annotators.get(annotator);
    CorpusStats {
        gamma: report.and_then(|r| r.gamma),
        warnings,
        counts,
        agreement,
        left_out,
        refused,
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

/// The block `agree` prints last: one pair's figures, or the mean of the annotator pairs (gold
/// pairs are accuracy, not agreement: shown only when no other pair is compared).
fn summarise(pairs: &[PairResult], documents: usize) -> Option<Agreement> {
    if documents == 0 {
        return None;
    }
    let inter: Vec<PairResult> = pairs.iter().filter(|p| !is_gold_pair(p)).cloned().collect();
    let title = |p: &PairResult| {
        if is_gold_pair(p) {
            format!("{} against {} (accuracy)", p.b, p.a)
        } else {
            format!("{} × {}", p.a, p.b)
        }
    };
    let named: Vec<(String, Option<f64>)> =
        pairs.iter().map(|p| (title(p), p.overall.kappa)).collect();
    match inter.as_slice() {
        [] => pairs.first().map(|p| Agreement {
            title: title(p),
            labels: p.labels.clone(),
            overall: p.overall,
            pairs: if pairs.len() > 1 { named } else { Vec::new() },
            documents,
        }),
        [one] => Some(Agreement {
            title: title(one),
            labels: one.labels.clone(),
            overall: one.overall,
            pairs: if pairs.len() > 1 { named } else { Vec::new() },
            documents,
        }),
        many => {
            let (labels, overall) = mean_of(many);
            Some(Agreement {
                title: format!("mean of the {} annotator pairs", many.len()),
                labels,
                overall,
                pairs: named,
                documents,
            })
        }
    }
}

#[cfg(test)]
mod tests;
