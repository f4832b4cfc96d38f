//! Which document opens first and where the list puts new ones: assigned first, a resumed
//! document arriving later.

use super::super::tests::Feed;
use super::super::*;
use crate::action::Action;
use crate::update::{Event, update_now};

#[test]
fn assigned_documents_are_listed_first_as_they_arrive() {
    let files = ["a/1.txt", "a/2.txt", "b/1.txt", "b/2.txt", "c/1.txt"];
    let dir = tempfile::tempdir().unwrap();
    for name in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "Some words.\n").unwrap();
    }
    std::fs::write(
        dir.path().join("assignments.ron"),
        r#"(assign: {"alice": ["b/**"]})"#,
    )
    .unwrap();
    let mut f = Feed::in_dir(dir, "alice", Start::First);
    f.batch(&["a/1.txt", "a/2.txt"]);
    assert_eq!(
        f.app.open, None,
        "the first assigned document is waited for"
    );
    assert_eq!(f.visible_ids(), ["a/1.txt", "a/2.txt"]);
    f.batch(&["b/1.txt"]);
    assert_eq!(f.visible_ids(), ["b/1.txt", "a/1.txt", "a/2.txt"]);
    assert_eq!(f.open_id(), Some("b/1.txt"));
    assert_eq!(f.app.open, Some(2), "corpus indices keep the listing order");
    f.app.focus = Focus::List;
    f.act(Action::MoveDown);
    assert_eq!(f.app.list_cursor, 1);
    f.batch(&["b/2.txt", "c/1.txt"]);
    assert_eq!(
        f.visible_ids(),
        ["b/1.txt", "b/2.txt", "a/1.txt", "a/2.txt", "c/1.txt"]
    );
    assert_eq!(f.app.list_cursor, 2, "the cursor stays on a/1.txt");
    f.done();
    // The same order as today's listing of the whole corpus.
    let mut whole = Corpus::scan(f.dir.path()).unwrap();
    glosser_core::assignments::assigned_first(&mut whole, "alice");
    let ids: Vec<&str> = whole.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(f.visible_ids(), ids);
    // A filter keeps that order.
    f.act(Action::Search);
    update_now(&mut f.app, Event::PromptChar('1'), f.now);
    assert_eq!(f.visible_ids(), ["b/1.txt", "a/1.txt", "c/1.txt"]);
}

#[test]
fn a_resumed_document_opens_when_it_arrives() {
    let start = Start::Resume {
        id: "c.txt".into(),
        cursor: 5,
    };
    let mut f = Feed::new(&["a.txt", "b.txt", "c.txt"], "alice", start);
    f.batch(&["a.txt", "b.txt"]);
    assert_eq!(f.app.open, None, "waiting for c.txt, nothing else opens");
    f.batch(&["c.txt"]);
    assert_eq!(f.open_id(), Some("c.txt"));
    assert_eq!(f.app.session().unwrap().cursor, 5);
    assert_eq!(f.app.list_cursor, 2);
    f.done();
    assert_eq!(f.open_id(), Some("c.txt"));
}

#[test]
fn a_resumed_document_that_is_gone_opens_the_first_at_the_end() {
    let start = Start::Resume {
        id: "gone.txt".into(),
        cursor: 5,
    };
    let mut f = Feed::new(&["a.txt", "b.txt"], "alice", start);
    f.batch(&["a.txt", "b.txt"]);
    assert_eq!(f.app.open, None);
    f.done();
    assert_eq!(f.open_id(), Some("a.txt"));
    assert_eq!(f.app.session().unwrap().cursor, 0);
}

#[test]
fn a_document_the_user_opens_meanwhile_wins_over_the_resumed_one() {
    let start = Start::Resume {
        id: "c.txt".into(),
        cursor: 5,
    };
    let mut f = Feed::new(&["a.txt", "b.txt", "c.txt"], "alice", start);
    f.batch(&["a.txt", "b.txt"]);
    f.app.focus = Focus::List;
    f.act(Action::MoveDown);
    f.act(Action::Confirm);
    assert_eq!(f.open_id(), Some("b.txt"));
    f.batch(&["c.txt"]);
    f.done();
    assert_eq!(f.open_id(), Some("b.txt"));
}
