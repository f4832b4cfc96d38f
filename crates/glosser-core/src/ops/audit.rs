//! The audit of influence (`glosser stats --suggesters`): what the analysts did with each
//! suggester's suggestions — accepted, edited, rejected, or left open — per label and annotator,
//! and how each suggester agrees with gold.
//!
//! It is read from the files, so it travels with the corpus through git: a suggestion (a span
//! of the suggester's file, on a document the annotator has a file for and does not annotate
//! blind) is **accepted** when the annotator has a span on the same characters with the same
//! label; **edited** when they have one on the same characters with another label, or one with
//! its label overlapping it with other bounds; **rejected** when it is in their `rejected` list
//! (and neither of the above); **open** otherwise (not decided: left alone, or not reached).
//! Documents a suggester's file was made on another text than the annotator's are left out and
//! counted. A learner's file (`learner-NAME`, what NAME's live learner showed) is read against
//! NAME's decisions only. The control set's comparison (blind documents beside suggested ones) is in
//! [`control`].

use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus::{Corpus, DocumentEntry};
use crate::labels::LabelSet;
use crate::span::Span;
use crate::store::{AnnotationFile, GOLD};
use crate::suggest::state::{About, State};

pub mod control;

pub use control::{AnnotatorControl, Arm};

/// What happened to one suggester's suggestions of one label at one annotator's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Decisions {
    pub suggested: u64,
    pub accepted: u64,
    pub edited: u64,
    pub rejected: u64,
    pub open: u64,
}

impl Decisions {
    /// Those the annotator decided (accepted, edited or rejected).
    pub fn decided(&self) -> u64 {
        self.accepted + self.edited + self.rejected
    }

    /// The share of decided suggestions accepted as they were; `None` when none was decided.
    pub fn acceptance(&self) -> Option<f64> {
        let decided = self.decided();
        (decided > 0).then(|| self.accepted as f64 / decided as f64)
    }

    /// The share of decided suggestions edited (relabelled or reshaped).
    pub fn edit_rate(&self) -> Option<f64> {
        let decided = self.decided();
        (decided > 0).then(|| self.edited as f64 / decided as f64)
    }

    /// The share of decided suggestions rejected.
    pub fn rejection_rate(&self) -> Option<f64> {
        let decided = self.decided();
        (decided > 0).then(|| self.rejected as f64 / decided as f64)
    }

    fn add(&mut self, other: Self) {
        self.suggested += other.suggested;
        self.accepted += other.accepted;
        self.edited += other.edited;
        self.rejected += other.rejected;
        self.open += other.open;
    }
}

/// A suggester's spans against gold, one label: strict matches (start, end and label equal).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VsGold {
    pub gold: u64,
    pub suggested: u64,
    pub correct: u64,
}

impl VsGold {
    pub fn precision(&self) -> Option<f64> {
        (self.suggested > 0).then(|| self.correct as f64 / self.suggested as f64)
    }

    pub fn recall(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.correct as f64 / self.gold as f64)
    }

    pub fn f1(&self) -> Option<f64> {
        let total = self.gold + self.suggested;
        (total > 0).then(|| 2.0 * self.correct as f64 / total as f64)
    }
}

/// One suggester's audit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SuggesterAudit {
    pub name: String,
    /// What its state file says it is (kind, model, prompt hash…), when it has one.
    pub about: Option<About>,
    /// Annotator → label → decisions.
    pub annotators: BTreeMap<String, BTreeMap<String, Decisions>>,
    /// Label → its agreement with gold, over the documents both have a file for.
    pub gold: BTreeMap<String, VsGold>,
    /// Documents gold and the suggester both have a file for.
    pub gold_documents: u64,
}

/// The whole audit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Audit {
    pub suggesters: Vec<SuggesterAudit>,
    /// (annotator, document) pairs left out because the annotator annotates the document blind.
    pub blind: u64,
    /// (suggester, annotator, document) left out because their files were made on different
    /// texts (run `glosser validate --fix` and suggest again).
    pub stale: u64,
    /// The label set's labels, in its order (for tables).
    pub labels: Vec<String>,
    /// Analyst → their labels on blind documents beside those on suggested ones.
    pub control: BTreeMap<String, AnnotatorControl>,
    /// Whether `assignments.ron` marks any document blind.
    pub has_control_set: bool,
}

/// How one suggestion was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accepted,
    Edited,
    Rejected,
    Open,
}

/// How `analyst` decided `suggestion` (see the module's rules).
pub fn decide(suggestion: &Span, analyst: &AnnotationFile) -> Decision {
    let mut same_bounds = false;
    let mut reshaped = false;
    for (_, span) in analyst.spans.intersecting(suggestion.start..suggestion.end) {
        if span.start == suggestion.start && span.end == suggestion.end {
            if span.label == suggestion.label {
                return Decision::Accepted;
            }
            same_bounds = true;
        } else if span.label == suggestion.label {
            reshaped = true;
        }
    }
    if same_bounds || reshaped {
        Decision::Edited
    } else if analyst.rejected.iter().any(|r| r.key() == suggestion.key()) {
        Decision::Rejected
    } else {
        Decision::Open
    }
}

/// One document's decisions of every suggester at every annotator, and against gold.
#[derive(Default)]
struct DocAudit {
    decisions: BTreeMap<(String, String, String), Decisions>,
    gold: BTreeMap<(String, String), VsGold>,
    gold_documents: Vec<String>,
    control: BTreeMap<String, AnnotatorControl>,
    blind: u64,
    stale: u64,
}

/// The analyst whose live learner `suggester` is (`learner-NAME`): only they were shown its
/// suggestions, so only their decisions are read.
fn learner_of<'a>(suggester: &str, analysts: &'a [String]) -> Option<&'a String> {
    analysts
        .iter()
        .find(|a| crate::suggest::sentences::learner_name(a) == suggester)
}

fn audit_document(
    entry: &DocumentEntry,
    suggesters: &[String],
    analysts: &[String],
    assignments: &crate::assignments::Assignments,
    warn: &mut dyn FnMut(String),
) -> DocAudit {
    let mut out = DocAudit::default();
    let mut load = |name: &str| -> Option<AnnotationFile> {
        let annotation = entry.annotation(name)?;
        match annotation.load() {
            Ok(file) => Some(file),
            Err(e) => {
                warn(format!("left out: {e}"));
                None
            }
        }
    };
    let mut files: BTreeMap<&str, AnnotationFile> = BTreeMap::new();
    for name in suggesters
        .iter()
        .chain(analysts)
        .map(String::as_str)
        .chain([GOLD])
    {
        if let Some(file) = load(name) {
            files.insert(name, file);
        }
    }
    let suggested_here = suggesters.iter().any(|s| files.contains_key(s.as_str()));
    for analyst in analysts {
        let Some(file) = files.get(analyst.as_str()) else {
            continue;
        };
        let arms = out.control.entry(analyst.clone()).or_default();
        if assignments.is_blind(analyst, &entry.id) {
            out.blind += 1;
            arms.blind.add(file, files.get(GOLD));
        } else if suggested_here {
            arms.shown.add(file, files.get(GOLD));
        } else {
            arms.unsuggested += 1;
        }
    }
    for suggester in suggesters {
        let Some(suggested) = files.get(suggester.as_str()) else {
            continue;
        };
        let placed: Vec<&Span> = suggested
            .spans
            .spans()
            .iter()
            .filter(|s| !s.orphan)
            .collect();
        let shown_to = learner_of(suggester, analysts);
        for analyst in analysts {
            if shown_to.is_some_and(|owner| owner != analyst) {
                continue;
            }
            let Some(file) = files.get(analyst.as_str()) else {
                continue;
            };
            if assignments.is_blind(analyst, &entry.id) {
                continue;
            }
            if file.text_sha256 != suggested.text_sha256 {
                out.stale += 1;
                continue;
            }
            for s in &placed {
                let slot = out
                    .decisions
                    .entry((suggester.clone(), analyst.clone(), s.label.clone()))
                    .or_default();
                slot.suggested += 1;
                match decide(s, file) {
                    Decision::Accepted => slot.accepted += 1,
                    Decision::Edited => slot.edited += 1,
                    Decision::Rejected => slot.rejected += 1,
                    Decision::Open => slot.open += 1,
                }
            }
        }
        if let Some(gold) = files.get(GOLD)
            && gold.text_sha256 == suggested.text_sha256
        {
            out.gold_documents.push(suggester.clone());
            for s in gold.spans.spans().iter().filter(|s| !s.orphan) {
                out.gold
                    .entry((suggester.clone(), s.label.clone()))
                    .or_default()
                    .gold += 1;
            }
            for s in &placed {
                let slot = out
                    .gold
                    .entry((suggester.clone(), s.label.clone()))
                    .or_default();
                slot.suggested += 1;
                if gold.spans.position(s.key()).is_some() {
                    slot.correct += 1;
                }
            }
        }
    }
    out
}

/// Audits every suggester of the corpus at `root` against every analyst (neither gold nor a
/// suggester); warnings name the files left out.
pub fn audit(root: &Path, warn: &mut dyn FnMut(String)) -> crate::ops::Result<Audit> {
    let corpus = Corpus::scan(root)?;
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        warn(w);
    }
    let (assignments, warning) = crate::assignments::Assignments::for_corpus(&corpus.root);
    if let Some(w) = warning {
        warn(w);
    }
    let suggesters: Vec<String> = crate::suggest::suggesters(&corpus)
        .into_iter()
        .filter(|name| name != GOLD)
        .collect();
    let analysts: Vec<String> = corpus
        .annotators()
        .into_iter()
        .filter(|a| a != GOLD && !suggesters.contains(a))
        .collect();
    let mut audits: Vec<SuggesterAudit> = suggesters
        .iter()
        .map(|name| SuggesterAudit {
            name: name.clone(),
            about: State::load(&corpus.root, name).0.suggester,
            ..SuggesterAudit::default()
        })
        .collect();
    let mut audit = Audit::default();
    for entry in &corpus.documents {
        let doc = audit_document(entry, &suggesters, &analysts, &assignments, warn);
        audit.blind += doc.blind;
        audit.stale += doc.stale;
        for (analyst, arms) in doc.control {
            audit.control.entry(analyst).or_default().merge(arms);
        }
        for ((suggester, analyst, label), d) in doc.decisions {
            if let Some(a) = audits.iter_mut().find(|a| a.name == suggester) {
                a.annotators
                    .entry(analyst)
                    .or_default()
                    .entry(label)
                    .or_default()
                    .add(d);
            }
        }
        for ((suggester, label), g) in doc.gold {
            if let Some(a) = audits.iter_mut().find(|a| a.name == suggester) {
                let slot = a.gold.entry(label).or_default();
                slot.gold += g.gold;
                slot.suggested += g.suggested;
                slot.correct += g.correct;
            }
        }
        for suggester in doc.gold_documents {
            if let Some(a) = audits.iter_mut().find(|a| a.name == suggester) {
                a.gold_documents += 1;
            }
        }
    }
    audit.has_control_set = assignments.has_control_set();
    audit.labels = labels.labels().iter().map(|l| l.name.clone()).collect();
    audit.suggesters = audits;
    Ok(audit)
}

#[cfg(test)]
mod tests;
