//! Labelling, relabelling, deleting, notes, status and undo/redo.

use super::super::*;
use super::Fixture;
use glosser_core::store::Status;

#[test]
fn relabel_delete_note_done_and_undo_redo() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.set_cursor(3);
    // A digit on a span nobody picked is a count: the span stays a claim.
    f.act(&[Action::Label(2), Action::Cancel]);
    assert_eq!(f.spans(), [(0, 17, "claim".to_owned())]);
    // Picked with `[`, a digit relabels it, and the status line says what it did.
    f.act(&[Action::PrevSpan, Action::Label(2)]);
    assert_eq!(
        f.spans(),
        [(0, 17, "quote".to_owned())],
        "relabel of the picked span"
    );
    assert_eq!(
        f.app.message.as_ref().unwrap().0,
        "relabelled claim → quote: “First claim here.” (u undoes)"
    );
    f.act(&[Action::EditNote]);
    for c in "checked".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    assert_eq!(
        f.app
            .session()
            .unwrap()
            .file
            .spans
            .get(0)
            .unwrap()
            .note
            .as_deref(),
        Some("checked")
    );
    f.act(&[Action::ToggleDone]);
    assert_eq!(f.app.session().unwrap().file.status, Status::Done);
    f.act(&[Action::DeleteSpan]);
    assert!(f.spans().is_empty());

    f.act(&[Action::Undo]);
    assert_eq!(f.spans(), [(0, 17, "quote".to_owned())]);
    f.act(&[Action::Undo]);
    assert_eq!(f.app.session().unwrap().file.status, Status::InProgress);
    f.act(&[Action::Undo]);
    assert_eq!(
        f.app.session().unwrap().file.spans.get(0).unwrap().note,
        None
    );
    f.act(&[Action::Undo]);
    assert_eq!(f.spans(), [(0, 17, "claim".to_owned())]);
    f.act(&[Action::Undo]);
    assert!(f.spans().is_empty());
    assert_eq!(
        f.app.session().unwrap().file.status,
        Status::Todo,
        "first edit's status undone too"
    );
    f.act(&[Action::Undo]);
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("nothing to undo")
    );
    f.act(&[Action::Redo, Action::Redo, Action::Redo]);
    assert_eq!(f.spans(), [(0, 17, "quote".to_owned())]);
    assert_eq!(
        f.app
            .session()
            .unwrap()
            .file
            .spans
            .get(0)
            .unwrap()
            .note
            .as_deref(),
        Some("checked")
    );
    f.act(&[Action::Redo, Action::Redo]);
    assert!(f.spans().is_empty());
    assert_eq!(f.app.session().unwrap().file.status, Status::Done);
    f.act(&[Action::Redo]);
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("nothing to redo")
    );
}

#[test]
fn new_edit_clears_redo() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1), Action::Undo]);
    f.act(&[Action::SelectSentence, Action::Label(3), Action::Redo]);
    assert_eq!(f.spans(), [(0, 17, "opinion".to_owned())]);
}

#[test]
fn label_without_selection_or_span_explains() {
    let mut f = Fixture::article();
    f.act(&[Action::Label(1)]);
    assert!(f.spans().is_empty());
    assert_eq!(
        f.app.count,
        Some(1),
        "nothing selected: the digit is a count"
    );
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("to label, select: s \" t v")
    );
    f.act(&[Action::Cancel, Action::SelectSentence, Action::Label(9)]);
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("no label on key 9")
    );
    f.act(&[Action::DeleteSpan]);
    assert!(f.app.message.as_ref().unwrap().0.contains("no span"));
}

#[test]
fn nested_spans_innermost_first() {
    let mut f = Fixture::article();
    let inside = f.at("words");
    f.set_cursor(inside);
    f.act(&[
        Action::SelectQuotation,
        Action::Label(2),
        Action::SelectSentence,
        Action::Label(1),
    ]);
    assert_eq!(f.spans().len(), 2);
    f.set_cursor(inside);
    f.act(&[Action::DeleteSpan]);
    assert_eq!(f.spans().len(), 1);
    assert_eq!(f.spans()[0].2, "claim", "the inner quote went first");
}
