//! Spans that share their start (one sentence tagged claim and unverified): the span keys and
//! a sidebar click pick each in turn, and every key that acts on "the span under the cursor"
//! acts on the picked one.

use super::super::tests::Fixture;
use super::super::*;

/// ARTICLE's first sentence as claim and as unverified, the cursor at its start.
fn twice_tagged() -> Fixture {
    let mut f = Fixture::article();
    f.act(&[
        Action::SelectSentence,
        Action::Label(1),
        Action::SelectSentence,
        Action::Label(4),
        Action::Start,
    ]);
    assert_eq!(
        f.spans(),
        [
            (0, 17, "claim".to_owned()),
            (0, 17, "unverified".to_owned())
        ]
    );
    f
}

fn current_label(f: &Fixture) -> String {
    let session = f.app.session().unwrap();
    let i = session.current_span().unwrap();
    session.file.spans.get(i).unwrap().label.clone()
}

#[test]
fn the_span_keys_step_through_spans_that_share_their_start() {
    let mut f = twice_tagged();
    assert_eq!(current_label(&f), "claim");
    f.act(&[Action::NextSpan]);
    assert_eq!(f.cursor(), 0, "the cursor stays on the sentence");
    assert_eq!(current_label(&f), "unverified");
    f.act(&[Action::NextSpan]);
    assert_eq!(current_label(&f), "unverified", "no further span: it stays");
    f.act(&[Action::PrevSpan]);
    assert_eq!(current_label(&f), "claim");
    // In the sidebar, j and k do the same.
    f.act(&[Action::NextPane, Action::MoveDown]);
    assert_eq!(f.app.focus, Focus::Sidebar);
    assert_eq!(current_label(&f), "unverified");
    // Any other cursor move lets the innermost span under the cursor lead again.
    f.act(&[Action::PrevPane, Action::MoveRight]);
    assert_eq!(f.app.focus, Focus::Article);
    assert_eq!(current_label(&f), "claim");
}

#[test]
fn note_relabel_and_delete_act_on_the_picked_span() {
    let mut f = twice_tagged();
    f.act(&[Action::NextSpan, Action::EditNote]);
    for c in "unsourced".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    let notes: Vec<(String, Option<String>)> = f
        .app
        .session()
        .unwrap()
        .file
        .spans
        .spans()
        .iter()
        .map(|s| (s.label.clone(), s.note.clone()))
        .collect();
    assert_eq!(
        notes,
        [
            ("claim".to_owned(), None),
            ("unverified".to_owned(), Some("unsourced".to_owned()))
        ]
    );
    f.act(&[Action::Label(3)]);
    assert_eq!(
        f.spans(),
        [(0, 17, "claim".to_owned()), (0, 17, "opinion".to_owned())]
    );
    assert_eq!(
        current_label(&f),
        "opinion",
        "the relabelled span stays picked"
    );
    f.act(&[Action::DeleteSpan]);
    assert_eq!(f.spans(), [(0, 17, "claim".to_owned())]);
}
