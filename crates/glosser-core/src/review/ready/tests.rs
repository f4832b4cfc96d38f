use super::*;
use crate::corpus::Corpus;
use crate::store::{self, AnnotationFile};

fn file(dir: &std::path::Path, doc: &str, who: &str, status: Status) {
    let d = crate::text::Document::load(&dir.join(doc)).unwrap();
    let mut f = AnnotationFile::new(doc, who, d.sha256());
    f.status = status;
    store::save(&dir.join(format!("{doc}.{who}.ron")), &f).unwrap();
}

#[test]
fn only_documents_everyone_with_a_file_finished_are_ready() {
    let dir = tempfile::tempdir().unwrap();
    for doc in ["a.txt", "b.txt", "c.txt", "d.txt"] {
        std::fs::write(dir.path().join(doc), "Alpha beta.\n").unwrap();
    }
    file(dir.path(), "a.txt", "alice", Status::Done);
    file(dir.path(), "a.txt", "bob", Status::Done);
    file(dir.path(), "b.txt", "alice", Status::Done);
    file(dir.path(), "b.txt", "bob", Status::InProgress);
    file(dir.path(), "c.txt", "alice", Status::Done);
    std::fs::write(dir.path().join("d.txt.bob.ron"), "(broken").unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let names = vec!["alice".to_owned(), "bob".to_owned()];
    let got: Vec<Readiness> = corpus
        .documents
        .iter()
        .map(|e| readiness(e, &names))
        .collect();
    assert_eq!(
        got,
        [
            Readiness::Ready,
            Readiness::InProgress(vec!["bob".into()]),
            Readiness::Ready,
            Readiness::Broken,
        ]
    );
    let mut left = LeftOut::default();
    for r in &got {
        left.count(r);
    }
    left.count(&Readiness::NoFile);
    assert_eq!(
        left.sentence().unwrap(),
        "3 documents left out of review (1 not marked Done by everyone, 1 without their \
         files, 1 with a file that does not parse); --all includes them"
    );
}
