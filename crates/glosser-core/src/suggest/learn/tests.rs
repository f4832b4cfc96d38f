use super::*;
use crate::store::AnnotationFile;

/// A document's name, text and alice's (needle, label) spans.
type Annotated<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn corpus(files: &[Annotated]) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, spans) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
        if spans.is_empty() {
            continue;
        }
        let doc = Document::from_text(*text);
        let mut file = AnnotationFile::new(*name, "alice", doc.sha256());
        for (needle, label) in *spans {
            let start = doc.byte_to_char(text.find(needle).unwrap()).unwrap();
            let span = crate::span::Span::new(&doc, start..start + needle.chars().count(), *label);
            file.spans.insert_unchecked(span);
        }
        let path = dir.path().join(format!("{name}.alice.ron"));
        crate::store::save(&path, &file).unwrap();
    }
    let corpus = Corpus::scan(dir.path()).unwrap();
    (dir, corpus)
}

#[test]
fn the_label_that_won_most_often_with_its_share() {
    let (_dir, corpus) = corpus(&[
        (
            "a.txt",
            "Putin spoke. Putin left.",
            &[("Putin spoke", "claim")],
        ),
        ("b.txt", "Putin spoke again.", &[("Putin spoke", "claim")]),
        ("c.txt", "Yes, Putin spoke.", &[("Putin spoke", "quote")]),
        ("d.txt", "Then Putin spoke, and Putin spoken.", &[]),
    ]);
    let (model, warnings) = Model::learn(&corpus, "alice", &LabelSet::default());
    assert!(warnings.is_empty());
    let doc = Document::from_text("Then Putin spoke, and Putin spoken.");
    let got = model.suggest("d.txt", &doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].start, got[0].end, got[0].label.as_str()),
        (5, 16, "claim")
    );
    assert!((got[0].score - 2.0 / 3.0).abs() < 1e-9);
    // Leave-one-out: in c.txt, its own "quote" does not count.
    let c = Document::from_text("Yes, Putin spoke.");
    let got = model.suggest("c.txt", &c);
    assert_eq!(got[0].label, "claim");
    assert!((got[0].score - 1.0).abs() < 1e-9);
    // In b.txt the other two are one claim and one quote: a tie goes to label-set order.
    let b = Document::from_text("Putin spoke again.");
    let got = model.suggest("b.txt", &b);
    assert_eq!((got[0].label.as_str(), got[0].score), ("claim", 0.5));
    assert_ne!(model.digest("b.txt"), model.digest("c.txt"));
}
