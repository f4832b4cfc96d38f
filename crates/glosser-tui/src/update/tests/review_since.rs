//! What changed since adjudication (issue 31): a document with nothing left to decide is
//! marked Done on opening, with what it was decided against; a span deleted or a text edited
//! afterwards is `Δ` — as `glosser status` says it, through `review::since` — until the
//! document is decided again, even after `validate --fix` restamped gold.

use super::super::*;
use super::review::{TEXT, act, write};
use super::review_trust::open_review;
use glosser_core::corpus::Corpus;
use glosser_core::review::since::since_adjudication;
use glosser_core::store::{self, Status};

const AGREED: [(usize, usize, &str); 2] = [(0, 17, "claim"), (38, 53, "quote")];

fn agreeing() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    write(dir.path(), "alice", &AGREED);
    write(dir.path(), "bob", &AGREED);
    dir
}

fn gold_on_disk(dir: &std::path::Path) -> store::AnnotationFile {
    store::load(&dir.join("a.txt.gold.ron")).unwrap()
}

/// What `glosser status` and review's `Δ` say about a.txt, from the files on disk.
fn since_now(dir: &std::path::Path) -> Option<String> {
    let corpus = Corpus::scan(dir).unwrap();
    let entry = corpus.documents.iter().find(|d| d.id == "a.txt").unwrap();
    since_adjudication(entry, "gold", &[])
        .filter(|s| !s.is_empty())
        .map(|s| s.describe())
}

#[test]
fn a_document_with_nothing_to_decide_is_marked_done_on_opening_and_undo_takes_it_back() {
    let dir = agreeing();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    let session = app.session().unwrap();
    assert_eq!(session.file.status, Status::Done);
    assert_eq!(session.file.spans.len(), 2, "the agreed spans are in gold");
    let record = session.file.adjudicated.clone().expect("recorded");
    assert_eq!(
        record.annotators.keys().collect::<Vec<_>>(),
        ["alice", "bob"]
    );
    assert_eq!(record.annotators["alice"].len(), 2);
    let message = app.message.clone().unwrap().0;
    assert!(
        message.contains("nothing left to decide: marked Done (u to undo)"),
        "{message}"
    );
    act(&mut app, &[Action::Undo], &mut now);
    let session = app.session().unwrap();
    assert_ne!(session.file.status, Status::Done);
    assert!(session.file.adjudicated.is_none() && session.file.spans.is_empty());
    act(&mut app, &[Action::Redo, Action::Save], &mut now);
    assert_eq!(gold_on_disk(dir.path()).status, Status::Done);
    assert_eq!(since_now(dir.path()), None, "nothing changed since");
}

#[test]
fn a_span_deleted_after_adjudication_is_delta_until_the_document_is_decided_again() {
    let dir = agreeing();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(&mut app, &[Action::Save], &mut now);
    drop(app);
    // Alice deletes her quote after adjudication; another document comes first in the list.
    write(dir.path(), "alice", &AGREED[..1]);
    std::fs::write(dir.path().join("0.txt"), TEXT).unwrap();
    assert_eq!(since_now(dir.path()).as_deref(), Some("spans alice −1"));
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert_eq!(
        app.reviewing.as_ref().unwrap().changed,
        [false, true],
        "review's Δ agrees with status"
    );
    act(&mut app, &[Action::NextDocument], &mut now);
    let message = app.message.clone().unwrap().0;
    assert!(
        message.contains("changed since adjudication (spans alice −1)")
            && message.contains("adjudicated again"),
        "{message}"
    );
    act(&mut app, &[Action::Save], &mut now);
    assert_eq!(since_now(dir.path()), None, "decided again: no longer Δ");
    assert_eq!(
        gold_on_disk(dir.path()).spans.len(),
        2,
        "gold keeps what it decided"
    );
}

#[test]
fn a_text_edit_after_adjudication_stays_delta_after_validate_fix_restamps_gold() {
    let dir = agreeing();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(&mut app, &[Action::Save], &mut now);
    drop(app);
    std::fs::write(dir.path().join("a.txt"), format!("Breaking news. {TEXT}")).unwrap();
    let fixed = glosser_core::ops::validate::check_scoped(
        dir.path(),
        true,
        &glosser_core::ops::validate::Scope::default(),
    )
    .unwrap();
    assert!(
        fixed.fixed.iter().any(|l| l.contains("a.txt.gold.ron")),
        "gold is restamped: {:?}",
        fixed.fixed
    );
    assert_eq!(
        gold_on_disk(dir.path()).text_sha256,
        glosser_core::text::sha256_hex(format!("Breaking news. {TEXT}").as_bytes())
    );
    assert_eq!(
        since_now(dir.path()).as_deref(),
        Some("article text changed"),
        "gold restamped, the edit still shows"
    );
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    let message = app.message.clone().unwrap().0;
    assert!(
        message.contains("changed since adjudication (article text changed)"),
        "{message}"
    );
    act(&mut app, &[Action::Save], &mut now);
    assert_eq!(since_now(dir.path()), None);
}
