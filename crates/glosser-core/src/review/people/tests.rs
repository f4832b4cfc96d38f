use super::*;
use crate::span::{AnnotationSet, Score, Span};
use crate::store::{self, AnnotationFile};
use crate::text::Document;

/// Writes `who`'s file for a.txt with one span on "Alpha", set up by `shape`.
fn file(dir: &std::path::Path, who: &str, shape: impl FnOnce(&mut Span)) {
    let doc = Document::load(&dir.join("a.txt")).unwrap();
    let mut span = Span::new(&doc, 0..5, "claim".to_owned());
    shape(&mut span);
    let mut f = AnnotationFile::new("a.txt", who, doc.sha256());
    f.spans = AnnotationSet::from_spans(vec![span]);
    store::save(&dir.join(format!("a.txt.{who}.ron")), &f).unwrap();
}

#[test]
fn people_are_told_from_gold_merged_sets_and_suggesters() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Alpha beta.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Gamma.\n").unwrap();
    file(dir.path(), "alice", |_| {});
    file(dir.path(), "bob", |_| {});
    file(dir.path(), "gold", |s| {
        s.from = vec!["alice".into(), "bob".into()];
    });
    file(dir.path(), "gold_union", |s| {
        s.from = vec!["alice".into(), "bob".into()];
    });
    file(dir.path(), "suggest", |s| s.score = Some(Score(0.5)));
    // A merged set whose file for this document holds no span is told by another file.
    let doc = Document::load(&dir.path().join("b.txt")).unwrap();
    let mut f = AnnotationFile::new("b.txt", "gold_major", doc.sha256());
    let mut span = Span::new(&doc, 0..5, "claim".to_owned());
    span.from = vec!["carol".into()];
    f.rejected = vec![span];
    store::save(&dir.path().join("b.txt.gold_major.ron"), &f).unwrap();
    file(dir.path(), "gold_major", |_| {});
    let corpus = Corpus::scan(dir.path()).unwrap();
    assert_eq!(kind_of(&corpus, "alice"), Kind::Person);
    assert_eq!(kind_of(&corpus, "gold"), Kind::Gold);
    assert_eq!(kind_of(&corpus, "gold_union"), Kind::Merged);
    assert_eq!(kind_of(&corpus, "gold_major"), Kind::Merged);
    assert_eq!(kind_of(&corpus, "suggest"), Kind::Suggester);
    let sorted = sort_out(&corpus);
    assert_eq!(sorted.people, ["alice", "bob"]);
    assert_eq!(
        sorted.others,
        [
            ("gold".to_owned(), Kind::Gold),
            ("gold_major".to_owned(), Kind::Merged),
            ("gold_union".to_owned(), Kind::Merged),
            ("suggest".to_owned(), Kind::Suggester),
        ]
    );
    assert!(Kind::Merged.evidence().contains("from"));
    assert_eq!(Kind::Suggester.as_str(), "suggester");
}
