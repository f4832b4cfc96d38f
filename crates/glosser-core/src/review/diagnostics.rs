//! Warnings on agreement figures where they mislead: too few spans, a rare or skewed label, an
//! annotator with no spans, disagreement that is all boundaries, an unweighted mean hiding its
//! labels. One list per figure row, shared by the table, `--json` and the TUI's `S` view; the
//! thresholds and where they come from are in docs/review.md ("When a figure misleads").

use serde::Serialize;

use super::agree::{Figures, PairResult};

/// Fewer spans than this by one annotator (in a label, or over all labels) is too few to read.
pub const FEW_SPANS: u64 = 10;
/// A label with less than this share of the pair's spans is rare.
pub const RARE_SHARE: f64 = 0.05;
/// A label covering less than this share of the characters (or more than 1 − it) is skewed:
/// the prevalence index |p_yes − p_no| of Byrt, Bishop & Carlin (1993) above 0.9.
pub const SKEWED_PREVALENCE: f64 = 0.05;
/// When skewed, κ is said to be held down by prevalence when AC1 exceeds it by this much.
pub const PARADOX_GAP: f64 = 0.2;
/// One annotator with at least this many times the other's spans marks the label one-sidedly.
pub const ONE_SIDED_RATIO: u64 = 2;
/// An overall κ whose labels' κ spread over more than this hides them.
pub const MEAN_SPREAD: f64 = 0.2;

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Nobody used the label: no figure is defined.
    UnusedLabel,
    /// One annotator has no spans (of the label, or at all).
    NoSpans,
    /// Fewer than [`FEW_SPANS`] spans by an annotator.
    FewSpans,
    /// The label is under [`RARE_SHARE`] of the spans.
    RareLabel,
    /// The label covers very few (or very many) characters and κ is far below AC1.
    Skewed,
    /// One annotator marks the label at least [`ONE_SIDED_RATIO`] times as often.
    OneSided,
    /// Every disagreement is a boundary: the spans overlap, their edges differ.
    BoundaryOnly,
    /// The overall κ (or AC1) is an unweighted mean of labels that disagree.
    UnweightedMean,
    /// γ's alignment hit the search limit and is an upper bound.
    Approximate,
}

impl Kind {
    /// A short name for tables.
    pub fn tag(self) -> &'static str {
        match self {
            Kind::UnusedLabel => "unused",
            Kind::NoSpans => "no spans",
            Kind::FewSpans => "few spans",
            Kind::RareLabel => "rare",
            Kind::Skewed => "skewed",
            Kind::OneSided => "one-sided",
            Kind::BoundaryOnly => "boundaries only",
            Kind::UnweightedMean => "unweighted mean",
            Kind::Approximate => "approximate",
        }
    }
}

/// One warning: its kind, the figures it concerns (JSON names), and a sentence saying why and
/// what to read instead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub kind: Kind,
    pub figures: Vec<&'static str>,
    pub message: String,
}

const ALL: [&str; 6] = [
    "kappa",
    "ac1",
    "alpha_u",
    "f1_strict",
    "f1_overlap",
    "gamma",
];

fn warning(kind: Kind, figures: &[&'static str], message: String) -> Warning {
    Warning {
        kind,
        figures: figures.to_vec(),
        message,
    }
}

/// The warnings of one pair: per label (in the pair's label order) and overall.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PairWarnings {
    pub labels: Vec<(String, Vec<Warning>)>,
    pub overall: Vec<Warning>,
}

impl PairWarnings {
    /// Every warning with the label it is on (`None`: overall).
    pub fn all(&self) -> impl Iterator<Item = (Option<&str>, &Warning)> {
        self.labels
            .iter()
            .flat_map(|(l, ws)| ws.iter().map(move |w| (Some(l.as_str()), w)))
            .chain(self.overall.iter().map(|w| (None, w)))
    }

    pub fn of_label(&self, label: &str) -> &[Warning] {
        self.labels
            .iter()
            .find(|(l, _)| l == label)
            .map_or(&[], |(_, w)| w.as_slice())
    }
}

/// The warnings on a pair's figures.
pub fn of_pair(pair: &PairResult) -> PairWarnings {
    let total = pair.overall.a_spans + pair.overall.b_spans;
    let labels = pair
        .labels
        .iter()
        .map(|(label, f)| (label.clone(), of_label(label, f, total, &pair.a, &pair.b)))
        .collect();
    PairWarnings {
        labels,
        overall: of_overall(pair),
    }
}

fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p < 1.0 {
        format!("{p:.1}%")
    } else {
        format!("{p:.0}%")
    }
}

fn fmt(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

/// Warnings on one label's figures; `total` is the pair's spans over all labels.
pub(crate) fn of_label(label: &str, f: &Figures, total: u64, a: &str, b: &str) -> Vec<Warning> {
    let (na, nb) = (f.a_spans, f.b_spans);
    if na + nb == 0 {
        return vec![warning(
            Kind::UnusedLabel,
            &ALL,
            format!("nobody marked {label} here: no figure is defined (a dash, not a zero)"),
        )];
    }
    let mut out = Vec::new();
    if na == 0 || nb == 0 {
        let (none, some, n) = if na == 0 { (a, b, nb) } else { (b, a, na) };
        out.push(warning(
            Kind::NoSpans,
            &ALL,
            format!(
                "{none} marked no {label} ({some} marked {n}): the figures measure coverage, not agreement; ask {none} whether {label} was skipped"
            ),
        ));
    } else if na.min(nb) < FEW_SPANS {
        out.push(warning(
            Kind::FewSpans,
            &ALL,
            format!(
                "only {na} and {nb} spans: under {FEW_SPANS} per annotator one span more or less moves every figure; annotate more before reading it"
            ),
        ));
    }
    let share = (na + nb) as f64 / total.max(1) as f64;
    if share < RARE_SHARE {
        out.push(warning(
            Kind::RareLabel,
            &ALL,
            format!(
                "{label} is {} of the spans: a rare label's figures rest on a handful of decisions",
                percent(share)
            ),
        ));
    }
    if let (Some(prevalence), Some(kappa), Some(ac1)) = (f.prevalence, f.kappa, f.ac1)
        && !(SKEWED_PREVALENCE..=1.0 - SKEWED_PREVALENCE).contains(&prevalence)
        && ac1 - kappa >= PARADOX_GAP
    {
        out.push(warning(
            Kind::Skewed,
            &["kappa"],
            format!(
                "{label} covers {} of the characters: κ {} is held down by that prevalence (the kappa paradox); AC1 {} is less affected",
                percent(prevalence),
                fmt(Some(kappa)),
                fmt(Some(ac1))
            ),
        ));
    }
    if na > 0 && nb > 0 && na.max(nb) >= ONE_SIDED_RATIO * na.min(nb) {
        let (more, less) = if na > nb { (a, b) } else { (b, a) };
        out.push(warning(
            Kind::OneSided,
            &ALL,
            format!(
                "{more} marked {label} {} times, {less} {}: they disagree on what counts as {label} (see the missing column of --confusion)",
                na.max(nb),
                na.min(nb)
            ),
        ));
    }
    if f.f1_overlap == Some(1.0) && f.f1_strict.is_some_and(|s| s < 1.0) {
        out.push(warning(
            Kind::BoundaryOnly,
            &["kappa", "alpha_u", "f1_strict"],
            format!(
                "every {label} span of each overlaps one of the other's: the disagreement is all boundaries (strict F1 {}); overlap F1 and γ say they found the same passages",
                fmt(f.f1_strict)
            ),
        ));
    }
    out
}

fn of_overall(pair: &PairResult) -> Vec<Warning> {
    let f = &pair.overall;
    let mut out = Vec::new();
    if f.a_spans == 0 || f.b_spans == 0 {
        let none = if f.a_spans == 0 { &pair.a } else { &pair.b };
        out.push(warning(
            Kind::NoSpans,
            &ALL,
            format!("{none} has no spans in these documents: nothing to agree on yet"),
        ));
    } else if f.a_spans.min(f.b_spans) < FEW_SPANS {
        out.push(warning(
            Kind::FewSpans,
            &ALL,
            format!(
                "only {} and {} spans in all: under {FEW_SPANS} per annotator the figures are anecdotes",
                f.a_spans, f.b_spans
            ),
        ));
    }
    let kappas: Vec<(&str, f64)> = pair
        .labels
        .iter()
        .filter_map(|(l, f)| f.kappa.map(|k| (l.as_str(), k)))
        .collect();
    let lowest = kappas.iter().min_by(|x, y| x.1.total_cmp(&y.1));
    let highest = kappas.iter().max_by(|x, y| x.1.total_cmp(&y.1));
    if let (Some((low_label, low)), Some((high_label, high))) = (lowest, highest)
        && high - low > MEAN_SPREAD
    {
        out.push(warning(
            Kind::UnweightedMean,
            &["kappa", "ac1"],
            format!(
                "overall κ {} is the unweighted mean of {} labels' κ, from {} ({low_label}) to {} ({high_label}): a rare label counts as much as a common one; read the labels",
                fmt(f.kappa),
                kappas.len(),
                fmt(Some(*low)),
                fmt(Some(*high))
            ),
        ));
    }
    let used: Vec<&Figures> = pair
        .labels
        .iter()
        .map(|(_, f)| f)
        .filter(|f| f.a_spans + f.b_spans > 0)
        .collect();
    let agreed = |f: &&Figures| f.f1_strict == Some(1.0);
    let boundary = |f: &&Figures| f.f1_overlap == Some(1.0) && f.f1_strict.is_some_and(|s| s < 1.0);
    if !used.is_empty()
        && used.iter().all(|f| agreed(f) || boundary(f))
        && used.iter().any(boundary)
    {
        out.push(warning(
            Kind::BoundaryOnly,
            &["kappa", "alpha_u", "f1_strict"],
            format!(
                "all disagreement is boundaries: every span overlaps one of the same label (strict F1 {}, overlap F1 {})",
                fmt(f.f1_strict),
                fmt(f.f1_overlap)
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
