use super::*;
use crate::span::Score;
use crate::store::Status;
use crate::text::Document;

const TEXT: &str = "Putin said “no deal” on Monday. Critics argue it is over. Talks resume soon.\n";

fn span(doc: &Document, needle: &str, label: &str) -> Span {
    let start = doc.byte_to_char(TEXT.find(needle).unwrap()).unwrap();
    Span::new(doc, start..start + needle.chars().count(), label)
}

fn save(dir: &Path, doc_name: &str, who: &str, spans: &[Span], rejected: &[Span]) {
    let doc = Document::from_text(TEXT);
    let mut file = AnnotationFile::new(doc_name, who, doc.sha256());
    file.status = Status::Done;
    for s in spans {
        file.spans.insert_unchecked(s.clone());
    }
    file.rejected = rejected.to_vec();
    crate::store::save(&dir.join(format!("{doc_name}.{who}.ron")), &file).unwrap();
}

fn scored(mut s: Span, score: f64) -> Span {
    s.score = Some(Score(score));
    s
}

/// The suggester `llm` proposes four spans on a.txt and b.txt; alice accepts one, relabels one,
/// reshapes one and rejects one on a.txt; b.txt is blind for her.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_text(TEXT);
    for name in ["a.txt", "b.txt"] {
        std::fs::write(dir.path().join(name), TEXT).unwrap();
        let suggestions = [
            scored(span(&doc, "“no deal”", "quote"), 0.9),
            scored(span(&doc, "Putin said “no deal” on Monday.", "claim"), 0.8),
            scored(span(&doc, "Critics argue it is over.", "opinion"), 0.7),
            scored(span(&doc, "Talks resume soon.", "claim"), 0.4),
        ];
        save(dir.path(), name, "llm", &suggestions, &[]);
    }
    save(
        dir.path(),
        "a.txt",
        "alice",
        &[
            span(&doc, "“no deal”", "quote"),
            span(&doc, "Putin said “no deal” on Monday.", "unverified"),
            span(&doc, "Critics argue it is over", "opinion"),
        ],
        &[span(&doc, "Talks resume soon.", "claim")],
    );
    save(dir.path(), "b.txt", "alice", &[], &[]);
    save(
        dir.path(),
        "a.txt",
        "gold",
        &[
            span(&doc, "“no deal”", "quote"),
            span(&doc, "Critics argue it is over.", "opinion"),
        ],
        &[],
    );
    std::fs::write(
        dir.path().join("assignments.ron"),
        "(blind_for: {\"alice\": [\"b.txt\"]})",
    )
    .unwrap();
    dir
}

#[test]
fn decisions_are_read_from_the_files() {
    let dir = corpus();
    let audit = audit(dir.path(), &mut |w| panic!("{w}")).unwrap();
    assert_eq!(audit.suggesters.len(), 1);
    let llm = &audit.suggesters[0];
    assert_eq!(llm.name, "llm");
    let alice = &llm.annotators["alice"];
    let d = |label: &str| alice[label];
    assert_eq!(
        d("quote"),
        Decisions {
            suggested: 1,
            accepted: 1,
            ..Decisions::default()
        }
    );
    assert_eq!(
        d("claim"),
        Decisions {
            suggested: 2,
            edited: 1,
            rejected: 1,
            ..Decisions::default()
        },
        "relabelled, and rejected"
    );
    assert_eq!(
        d("opinion"),
        Decisions {
            suggested: 1,
            edited: 1,
            ..Decisions::default()
        },
        "other bounds"
    );
    assert_eq!(d("claim").acceptance(), Some(0.0));
    assert_eq!(d("quote").acceptance(), Some(1.0));
    assert_eq!(d("claim").edit_rate(), Some(0.5));
    assert_eq!(d("claim").rejection_rate(), Some(0.5));
    assert_eq!(Decisions::default().edit_rate(), None);
    assert_eq!(audit.blind, 1, "b.txt is blind for alice: left out");
}

#[test]
fn suggesters_against_gold() {
    let dir = corpus();
    let audit = audit(dir.path(), &mut |w| panic!("{w}")).unwrap();
    let llm = &audit.suggesters[0];
    assert_eq!(llm.gold_documents, 1);
    assert_eq!(
        llm.gold["quote"],
        VsGold {
            gold: 1,
            suggested: 1,
            correct: 1
        }
    );
    assert_eq!(
        llm.gold["opinion"],
        VsGold {
            gold: 1,
            suggested: 1,
            correct: 1
        }
    );
    assert_eq!(
        llm.gold["claim"],
        VsGold {
            gold: 0,
            suggested: 2,
            correct: 0
        }
    );
    assert_eq!(llm.gold["claim"].precision(), Some(0.0));
    assert_eq!(llm.gold["claim"].recall(), None);
    assert_eq!(llm.gold["quote"].f1(), Some(1.0));
}

#[test]
fn an_open_suggestion_is_one_nobody_decided() {
    let doc = Document::from_text(TEXT);
    let mut file = AnnotationFile::new("a.txt", "bob", doc.sha256());
    let s = span(&doc, "Talks resume soon.", "claim");
    assert_eq!(decide(&s, &file), Decision::Open);
    file.spans
        .insert_unchecked(span(&doc, "Critics argue it is over.", "claim"));
    assert_eq!(
        decide(&s, &file),
        Decision::Open,
        "another sentence is no decision"
    );
    file.rejected.push(s.clone());
    assert_eq!(decide(&s, &file), Decision::Rejected);
    file.spans
        .insert_unchecked(span(&doc, "Talks resume", "claim"));
    assert_eq!(
        decide(&s, &file),
        Decision::Edited,
        "rejected and redrawn is an edit"
    );
}

#[test]
fn files_made_on_other_texts_are_left_out_and_counted() {
    let dir = corpus();
    std::fs::write(dir.path().join("a.txt"), format!("{TEXT}More.\n")).unwrap();
    let audit = audit(dir.path(), &mut |_| {}).unwrap();
    // The files on a.txt still agree with each other (none was restamped): counted.
    assert_eq!(audit.stale, 0);
    let doc = Document::from_text(TEXT);
    let mut restamped = AnnotationFile::new("a.txt", "alice", "0".repeat(64));
    restamped
        .spans
        .insert_unchecked(span(&doc, "“no deal”", "quote"));
    crate::store::save(&dir.path().join("a.txt.alice.ron"), &restamped).unwrap();
    let audit = super::audit(dir.path(), &mut |_| {}).unwrap();
    assert_eq!(audit.stale, 1);
}

#[test]
fn the_control_set_splits_each_analysts_files_by_condition() {
    let dir = corpus();
    std::fs::write(dir.path().join("c.txt"), TEXT).unwrap();
    let doc = Document::from_text(TEXT);
    save(
        dir.path(),
        "c.txt",
        "alice",
        &[span(&doc, "Talks resume soon.", "claim")],
        &[],
    );
    let audit = audit(dir.path(), &mut |w| panic!("{w}")).unwrap();
    assert!(audit.has_control_set);
    let alice = &audit.control["alice"];
    assert_eq!(alice.blind.documents, 1, "b.txt");
    assert_eq!(alice.shown.documents, 1, "a.txt, suggested by llm");
    assert_eq!(alice.unsuggested, 1, "c.txt: no suggester, not blind");
    assert_eq!(alice.shown.per_document("quote"), Some(1.0));
    assert_eq!(alice.blind.per_document("quote"), Some(0.0));
    assert_eq!(alice.shown.gold_documents, 1);
    assert_eq!(
        alice.shown.gold_overall(),
        VsGold {
            gold: 2,
            suggested: 3,
            correct: 1
        }
    );
    assert_eq!(alice.blind.gold_documents, 0, "no gold on b.txt");
    assert_eq!(
        audit.blind, 1,
        "one (annotator, document) pair, whatever the suggesters"
    );
}

#[test]
fn a_learners_suggestions_are_read_against_its_annotator_only() {
    let dir = corpus();
    let doc = Document::from_text(TEXT);
    let suggestion = scored(span(&doc, "Talks resume soon.", "claim"), 0.6);
    save(dir.path(), "a.txt", "learner-alice", &[suggestion], &[]);
    save(
        dir.path(),
        "a.txt",
        "bob",
        &[span(&doc, "Talks resume soon.", "claim")],
        &[],
    );
    let audit = audit(dir.path(), &mut |w| panic!("{w}")).unwrap();
    let learner = audit
        .suggesters
        .iter()
        .find(|s| s.name == "learner-alice")
        .unwrap();
    assert_eq!(
        learner.annotators.keys().collect::<Vec<_>>(),
        ["alice"],
        "bob never saw it"
    );
    assert_eq!(learner.annotators["alice"]["claim"].rejected, 1);
    let llm = audit.suggesters.iter().find(|s| s.name == "llm").unwrap();
    assert!(
        llm.annotators.contains_key("bob"),
        "other suggesters are read against everyone"
    );
}
