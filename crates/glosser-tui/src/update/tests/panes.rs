//! Panes, the list and its filter, the sidebar, saving on switch and quit, the help overlay.

use super::super::*;
use super::Fixture;

#[test]
fn span_navigation_and_search() {
    let mut f = Fixture::article();
    f.act(&[
        Action::SelectSentence,
        Action::Label(1),
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(3),
    ]);
    f.act(&[Action::Start, Action::NextSpan]);
    assert_eq!(f.cursor(), f.at("Second"));
    f.act(&[Action::PrevSpan]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::Search]);
    for c in "ends".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.search.matches.len(), 1);
    assert_eq!(f.cursor(), f.at("ends"));
    f.act(&[Action::Start, Action::Search]);
    for c in "E".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptBackspace);
    f.send(Event::PromptChar('s'));
    f.send(Event::PromptSubmit);
    assert!(
        f.app.search.matches.len() >= 3,
        "lower case matches any case"
    );
    let first = f.cursor();
    f.act(&[Action::NextMatch]);
    assert!(f.cursor() > first);
    f.act(&[Action::PrevMatch]);
    assert_eq!(f.cursor(), first);
    f.act(&[Action::Cancel]);
    assert!(f.app.search.matches.is_empty());
}

#[test]
fn panes_list_and_switching_saves() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.act(&[Action::PrevPane]);
    assert_eq!(f.app.focus, Focus::List);
    f.act(&[Action::MoveDown, Action::Confirm]);
    assert_eq!(f.app.open, Some(1));
    assert_eq!(f.app.focus, Focus::Article);
    assert!(
        f.ron("a.txt").is_some(),
        "switching saves the document left"
    );
    assert!(f.ron("b.txt").is_none());
    f.act(&[Action::NextPane]);
    assert_eq!(f.app.focus, Focus::Sidebar);
    f.act(&[Action::NextPane]);
    assert_eq!(f.app.focus, Focus::List);
    f.act(&[Action::MoveUp, Action::Confirm]);
    assert_eq!(f.app.open, Some(0));
    assert_eq!(f.spans().len(), 1, "history and spans kept per document");
    f.act(&[Action::Undo]);
    assert!(f.spans().is_empty());
}

#[test]
fn list_filter() {
    let mut f = Fixture::new(&[
        ("alpha.txt", "A."),
        ("beta.txt", "B."),
        ("alphabet.md", "C."),
    ]);
    f.act(&[Action::PrevPane, Action::Search]);
    for c in "alpha".chars() {
        f.send(Event::PromptChar(c));
    }
    assert_eq!(f.app.visible_docs.len(), 2, "filters as you type");
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.visible_docs.len(), 2);
    f.act(&[Action::Search]);
    f.send(Event::PromptCancel);
    assert_eq!(f.app.visible_docs.len(), 3, "Esc clears the filter");
}

#[test]
fn sidebar_moves_between_spans() {
    let mut f = Fixture::article();
    f.act(&[
        Action::SelectSentence,
        Action::Label(1),
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(3),
        Action::Start,
    ]);
    f.act(&[Action::NextPane, Action::MoveDown]);
    assert_eq!(f.app.focus, Focus::Sidebar);
    assert_eq!(f.cursor(), f.at("Second"));
    f.act(&[Action::MoveUp, Action::Confirm]);
    assert_eq!(f.cursor(), 0);
    assert_eq!(f.app.focus, Focus::Article);
}

#[test]
fn ctrl_s_quit_and_no_file_without_edits() {
    let mut f = Fixture::article();
    f.act(&[Action::Save]);
    assert!(f.ron("a.txt").is_none(), "no edits, no file");
    f.act(&[Action::SelectSentence, Action::Label(1), Action::Undo]);
    f.wait_for_save();
    assert!(
        f.ron("a.txt").is_none(),
        "edits undone before saving leave no file"
    );
    f.act(&[Action::SelectSentence, Action::Label(1), Action::Save]);
    assert!(f.ron("a.txt").is_some());
    f.act(&[Action::ToggleDone, Action::Quit]);
    assert!(f.app.quit.is_leaving());
    assert!(f.ron("a.txt").unwrap().contains("status: Done"));
}

#[test]
fn help_overlay_opens_and_closes() {
    let mut f = Fixture::article();
    f.act(&[Action::Help]);
    assert_eq!(f.app.mode, Mode::Help { top: 0 });
    f.act(&[Action::Cancel]);
    assert_eq!(f.app.mode, Mode::Normal);
    f.act(&[Action::Help, Action::MoveRight]);
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(
        f.cursor(),
        0,
        "the key that closes the help does nothing else"
    );
}
