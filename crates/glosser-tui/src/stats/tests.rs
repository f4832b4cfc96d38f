use super::*;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{AnnotationFile, Status};
use glosser_core::text::Document;

const TEXT: &str = "One claim here. Another one there. A third.\n";

fn write(dir: &std::path::Path, annotator: &str, spans: &[(usize, usize, &str)], score: bool) {
    let doc = Document::from_text(TEXT);
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: annotator.into(),
        text_sha256: doc.sha256().into(),
        status: Status::Done,
        spans: AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| {
                    let mut span = Span::new(&doc, s..e, l);
                    if score {
                        span.score = Some(glosser_core::span::Score(0.9));
                    }
                    span
                })
                .collect(),
        ),
        ..Default::default()
    };
    glosser_core::store::save(&dir.join(format!("a.txt.{annotator}.ron")), &file).unwrap();
}

fn corpus() -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    write(
        dir.path(),
        "alice",
        &[(0, 15, "claim"), (16, 34, "opinion")],
        false,
    );
    write(
        dir.path(),
        "bob",
        &[(0, 15, "claim"), (16, 34, "claim")],
        false,
    );
    write(dir.path(), "suggest", &[(35, 43, "quote")], true);
    let corpus = Corpus::scan(dir.path()).unwrap();
    (dir, corpus)
}

#[test]
fn the_view_compares_whom_agree_compares_with_its_figures() {
    let (dir, corpus) = corpus();
    let labels = LabelSet::default();
    let stats = gather(&corpus, &labels, "alice", None);
    let names: Vec<&str> = stats.counts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["alice", "bob"], "humans only, as agree");
    assert_eq!(stats.left_out, [("suggest".to_owned(), "suggester")]);
    let agreement = stats.agreement.unwrap();
    assert_eq!(agreement.title, "alice × bob");
    // The same engine, the same annotators: the figures glosser agree prints.
    let report = agree::compute(
        &corpus,
        &labels,
        &["alice".to_owned(), "bob".to_owned()],
        false,
        &mut |_| {},
    );
    assert_eq!(agreement.overall, report.pairs[0].overall);
    assert_eq!(agreement.labels, report.pairs[0].labels);
    drop(dir);
}

#[test]
fn suggesters_count_only_when_named() {
    let (_dir, corpus) = corpus();
    let labels = LabelSet::default();
    let stats = gather(&corpus, &labels, "alice", Some("alice, bob, suggest"));
    assert_eq!(stats.counts.len(), 3);
    assert!(stats.left_out.is_empty());
    let agreement = stats.agreement.unwrap();
    assert_eq!(agreement.title, "mean of the 3 annotator pairs");
    assert_eq!(agreement.pairs.len(), 3);
    let unknown = gather(&corpus, &labels, "alice", Some("alice,carol"));
    assert!(
        unknown
            .refused
            .as_deref()
            .is_some_and(|r| r.contains("carol")),
        "{:?}",
        unknown.refused
    );
    assert!(unknown.agreement.is_none());
}
