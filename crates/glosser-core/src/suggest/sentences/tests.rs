use super::*;
use crate::span::Span;

const TEXT: &str = "U.S. envoys met Putin on Monday. Critics argue the talks are doomed.\nA second line follows. It ends here.\n";

fn doc() -> Document {
    Document::from_text(TEXT)
}

fn at(doc: &Document, needle: &str) -> Range<usize> {
    let start = doc.byte_to_char(TEXT.find(needle).unwrap()).unwrap();
    start..start + needle.chars().count()
}

#[test]
fn sentences_are_what_the_s_key_selects() {
    let doc = doc();
    let got: Vec<&str> = sentences(&doc)
        .iter()
        .map(|r| doc.slice(r.start, r.end))
        .collect();
    assert_eq!(
        got,
        [
            "U.S. envoys met Putin on Monday.",
            "Critics argue the talks are doomed.",
            "A second line follows.",
            "It ends here."
        ]
    );
    for range in sentences(&doc) {
        for c in range.clone() {
            assert_eq!(
                crate::text::bounds::sentence_at(&doc, c),
                Some(range.clone())
            );
        }
    }
}

#[test]
fn sentences_of_a_blank_or_empty_text() {
    assert!(sentences(&Document::from_text("   \n\n")).is_empty());
    assert_eq!(sentences(&Document::from_text("One")), vec![0..3]);
}

#[test]
fn learner_names_are_valid_annotator_names() {
    assert_eq!(learner_name("alice"), "learner-alice");
    let long = learner_name("a-very-long-annotator-name-of-30");
    assert_eq!(long.len(), 32);
    assert!(crate::store::is_valid_annotator(&long));
    assert!(crate::store::is_valid_annotator(&learner_name(
        "abcdefghijklmnopqrstuvw-x"
    )));
}

#[test]
fn sentence_like_labels_of_the_default_set() {
    assert_eq!(
        sentence_labels(&LabelSet::default()),
        ["claim", "opinion", "unverified"]
    );
    assert!(!is_sentence_like("quote"));
}

fn file(doc: &Document, status: Status, spans: &[(&str, &str)]) -> AnnotationFile {
    let mut file = AnnotationFile::new("a.txt", "alice", doc.sha256());
    file.status = status;
    for (needle, label) in spans {
        file.spans
            .insert_unchecked(Span::new(doc, at(doc, needle), *label));
    }
    file
}

#[test]
fn a_done_file_gives_every_sentence_one_in_progress_only_its_labelled_ones() {
    let doc = doc();
    let labels = sentence_labels(&LabelSet::default());
    // An opinion over most of the second sentence, a quote (a phrase label) inside the first.
    let spans = [
        ("Critics argue the talks are doom", "opinion"),
        ("Putin", "quote"),
    ];
    let done = examples(&doc, &file(&doc, Status::Done, &spans), &labels);
    let got: Vec<(&str, Option<&str>)> = done
        .iter()
        .map(|e| (e.text.as_str(), e.label.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("U.S. envoys met Putin on Monday.", None),
            ("Critics argue the talks are doomed.", Some("opinion")),
            ("A second line follows.", None),
            ("It ends here.", None),
        ]
    );
    let in_progress = examples(&doc, &file(&doc, Status::InProgress, &spans), &labels);
    assert_eq!(in_progress.len(), 1);
    assert_eq!(in_progress[0].label.as_deref(), Some("opinion"));
}

#[test]
fn a_span_over_less_than_half_a_sentence_does_not_label_it() {
    let doc = doc();
    let labels = sentence_labels(&LabelSet::default());
    let short = file(&doc, Status::Done, &[("Critics argue", "claim")]);
    assert!(
        examples(&doc, &short, &labels)
            .iter()
            .all(|e| e.label.is_none())
    );
}

#[test]
fn an_empty_learner_suggests_nothing() {
    let learner = new_learner(&sentence_labels(&LabelSet::default()));
    assert!(suggest(&learner, &doc()).is_empty());
}

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// A corpus where alice labels every sentence with "argue" an opinion (Done files), and one
/// document she has not annotated.
fn corpus() -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().unwrap();
    let sentences = [
        "Critics argue the plan will fail.",
        "Officials met on Monday.",
        "Analysts argue the deal is weak.",
        "The talks lasted five hours.",
        "Observers argue the vote was rigged.",
        "Ministers arrived in Paris.",
    ];
    for (i, digit) in DIGITS.iter().enumerate() {
        let text: String = sentences
            .iter()
            .flat_map(|s| [*s, " Number ", digit, " spoke.\n"])
            .collect();
        let name = format!("doc{i:02}.txt");
        std::fs::write(dir.path().join(&name), &text).unwrap();
        let doc = Document::from_text(&text);
        let mut file = AnnotationFile::new(&name, "alice", doc.sha256());
        file.status = Status::Done;
        for range in super::sentences(&doc) {
            if doc.slice(range.start, range.end).contains("argue") {
                file.spans
                    .insert_unchecked(Span::new(&doc, range, "opinion"));
            }
        }
        crate::store::save(&dir.path().join(format!("{name}.alice.ron")), &file).unwrap();
    }
    std::fs::write(
        dir.path().join("new.txt"),
        "Experts argue the plan will fail. The meeting was on Monday.\n",
    )
    .unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    (dir, corpus)
}

#[test]
fn cross_fitted_learns_the_labelling_and_suggests_it_elsewhere() {
    let (_dir, corpus) = corpus();
    let (model, warnings) = CrossFitted::learn(&corpus, "alice", &LabelSet::default());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(model.example_count(), 10 * 12);
    let doc = Document::from_text("Experts argue the plan will fail. The meeting was on Monday.\n");
    let got = model.suggest("new.txt", &doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (doc.slice(got[0].start, got[0].end), got[0].label.as_str()),
        ("Experts argue the plan will fail.", "opinion")
    );
    assert!(got[0].score >= 0.5 && got[0].score <= 1.0);
}

#[test]
fn a_labelled_document_is_suggested_by_a_model_that_did_not_learn_from_it() {
    let (_dir, corpus) = corpus();
    let (model, _) = CrossFitted::learn(&corpus, "alice", &LabelSet::default());
    let k = fold("doc03.txt");
    assert!(model.folds[k].example_count() < model.example_count());
    let own: usize = corpus
        .documents
        .iter()
        .filter(|d| d.annotation("alice").is_some() && fold(&d.id) == k)
        .count();
    assert_eq!(model.folds[k].example_count(), (10 - own) * 12);
    assert_ne!(model.digest("doc03.txt"), model.digest("new.txt"));
    assert!(model.digest("new.txt").ends_with(":all"));
}

#[test]
fn a_stale_file_is_not_learned_from_and_says_so() {
    let (dir, _) = corpus();
    std::fs::write(dir.path().join("doc00.txt"), "Changed text.\n").unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let (model, warnings) = CrossFitted::learn(&corpus, "alice", &LabelSet::default());
    assert_eq!(model.example_count(), 9 * 12);
    assert!(
        warnings.len() == 1 && warnings[0].contains("doc00.txt.alice.ron"),
        "{warnings:?}"
    );
}
