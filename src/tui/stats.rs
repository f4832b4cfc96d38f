//! The numbers behind the stats view (`S`): spans per label per annotator, agreement per label,
//! and this annotator's progress. Computed on demand, from the annotation files only (and the
//! documents two annotators share, for agreement).

use crate::corpus::Corpus;
use crate::labels::LabelSet;
use crate::review::agree::Figures;
use crate::review::corpus as agree;
use crate::store::Status;

/// What the stats view shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusStats {
    pub labels: Vec<String>,
    /// Per annotator: spans per label (in `labels` order).
    pub counts: Vec<(String, Vec<u64>)>,
    /// Agreement per label (mean over pairs) when two annotators or more share documents.
    pub agreement: Option<Vec<(String, Figures)>>,
    pub done: usize,
    pub in_progress: usize,
    pub todo: usize,
    /// This annotator's links (SPEC §10), over the corpus.
    pub links: usize,
}

/// Gathers the figures for `annotator`'s progress and everyone's spans.
pub fn gather(corpus: &Corpus, labels: &LabelSet, annotator: &str) -> CorpusStats {
    let names: Vec<String> = labels.labels().iter().map(|l| l.name.clone()).collect();
    let annotators: Vec<String> = corpus.annotators().into_iter().collect();
    let mut counts: Vec<(String, Vec<u64>)> = annotators
        .iter()
        .map(|a| (a.clone(), vec![0; names.len()]))
        .collect();
    let (mut done, mut in_progress, mut annotatable, mut links) = (0, 0, 0usize, 0usize);
    for entry in &corpus.documents {
        if crate::text::Document::check_file(&entry.path).is_ok() {
            annotatable += 1;
        }
        for annotation in &entry.annotations {
            let Ok(file) = annotation.load() else {
                continue;
            };
            if annotation.annotator == annotator {
                links += file.links.len();
                match file.status {
                    Status::Done => done += 1,
                    Status::InProgress => in_progress += 1,
                    Status::Todo => {}
                }
            }
            if let Some((_, row)) = counts.iter_mut().find(|(a, _)| *a == annotation.annotator) {
                for span in file.spans.spans() {
                    if let Some(i) = names.iter().position(|n| *n == span.label) {
                        row[i] += 1;
                    }
                }
            }
        }
    }
    let reviewers: Vec<String> = annotators
        .iter()
        .filter(|a| *a != crate::store::GOLD)
        .cloned()
        .collect();
    let agreement = (reviewers.len() >= 2).then(|| {
        let report = agree::compute(corpus, labels, &reviewers, false, &mut |_| {});
        agree_labels(&report.pairs)
    });
    CorpusStats {
        labels: names,
        counts,
        agreement: agreement.filter(|a| !a.is_empty()),
        done,
        in_progress,
        // As `glosser stats`: annotatable documents neither done nor in progress.
        todo: annotatable.saturating_sub(done + in_progress),
        links,
    }
}

fn agree_labels(pairs: &[crate::review::agree::PairResult]) -> Vec<(String, Figures)> {
    match pairs {
        [] => Vec::new(),
        [one] => one.labels.clone(),
        many => crate::review::agree::mean_of(many).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn left_to_do_is_what_glosser_stats_says() {
        let dir = tempfile::tempdir().unwrap();
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora/clean");
        for name in ["a.txt", "a.txt.alice.ron", "a.txt.bob.ron", "c.txt"] {
            std::fs::copy(fixture.join(name), dir.path().join(name)).unwrap();
        }
        // A document that cannot be annotated is not work left to do.
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        std::fs::write(dir.path().join("d.txt"), "Not started.\n").unwrap();
        let corpus = Corpus::scan(dir.path()).unwrap();
        let labels = LabelSet::default();
        let cli = crate::cli::stats::gather(&corpus, &labels);
        for name in ["alice", "bob"] {
            let view = gather(&corpus, &labels, name);
            let row = &cli.annotators[name];
            assert_eq!(view.todo, cli.left_to_do(row), "{name}");
            assert_eq!(view.done, row.done, "{name}");
            assert_eq!(view.todo + view.done + view.in_progress, cli.annotatable());
        }
    }
}
