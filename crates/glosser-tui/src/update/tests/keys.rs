//! Keys without traps: overlays swallow their closing key, `e`, the other end of a selection,
//! the quotation without marks, `J`/`K`, and the label picker.

use super::super::tests::{ARTICLE, Fixture};
use super::super::*;

fn labelled(f: &Fixture) -> Vec<String> {
    let doc = f.app.document().unwrap();
    f.spans()
        .iter()
        .map(|(s, e, l)| format!("{l}:{}", doc.slice(*s, *e)))
        .collect()
}

#[test]
fn the_key_that_closes_an_overlay_does_nothing_else() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    assert_eq!(f.spans().len(), 1);
    f.act(&[Action::Help, Action::DeleteSpan]);
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(f.spans().len(), 1, "? then x must not delete");
    f.act(&[Action::Stats, Action::Label(3)]);
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(
        labelled(&f),
        ["claim:First claim here."],
        "S then 3 must not relabel"
    );
    f.act(&[Action::Stats, Action::Quit]);
    assert!(
        !f.app.quit.is_leaving(),
        "S then q closes the stats, nothing more"
    );
    f.act(&[Action::Help, Action::Help]);
    assert_eq!(f.app.mode, Mode::Normal, "? closes the help");
}

#[test]
fn e_is_the_inclusive_end_of_a_word() {
    let mut f = Fixture::new(&[("a.txt", "Alpha said “yes” today.\n")]);
    f.act(&[Action::StartSelection, Action::WordEnd, Action::Label(1)]);
    assert_eq!(labelled(&f), ["claim:Alpha"]);
    f.set_cursor(0);
    f.act(&[
        Action::StartSelection,
        Action::WordEnd,
        Action::WordEnd,
        Action::Label(2),
    ]);
    assert!(labelled(&f).contains(&"quote:Alpha said".to_owned()));
}

#[test]
fn the_other_end_of_a_selection_moves_after_a_swap() {
    let mut f = Fixture::article();
    let second = f.at("Second");
    f.set_cursor(second);
    // Select "Second “quoted", then swap and move the start back one word.
    f.act(&[
        Action::StartSelection,
        Action::WordEnd,
        Action::WordEnd,
        Action::SwapSelectionEnds,
    ]);
    assert_eq!(f.cursor(), second, "the cursor went to the other end");
    f.act(&[Action::PrevWord, Action::Label(1)]);
    assert_eq!(labelled(&f), ["claim:here. Second “quoted"]);
}

#[test]
fn apostrophe_selects_a_quotation_without_its_marks() {
    let mut f = Fixture::article();
    let inside = f.at("words");
    f.set_cursor(inside);
    f.act(&[Action::SelectQuotationInside, Action::Label(2)]);
    assert_eq!(labelled(&f), ["quote:quoted words"]);
    let keymap = crate::keymap::Keymap::default();
    let rows = keymap.help_rows();
    assert!(rows.contains(&("'".to_owned(), Action::SelectQuotationInside)));
}

#[test]
fn capital_j_and_k_step_through_documents_from_any_pane() {
    let mut f = Fixture::new(&[("a.txt", ARTICLE), ("b.txt", "Bee.\n"), ("c.txt", "Sea.\n")]);
    f.act(&[
        Action::SelectSentence,
        Action::Label(1),
        Action::NextDocument,
    ]);
    assert_eq!(f.app.open, Some(1));
    assert!(f.ron("a.txt").is_some(), "leaving a document saves it");
    f.app.focus = Focus::Sidebar;
    f.act(&[Action::NextDocument]);
    assert_eq!(f.app.open, Some(2));
    f.act(&[Action::NextDocument]);
    assert_eq!(f.app.open, Some(2));
    assert!(
        f.app
            .message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("last document"))
    );
    f.app.focus = Focus::List;
    f.act(&[Action::PrevDocument, Action::PrevDocument]);
    assert_eq!(f.app.open, Some(0));
    assert_eq!(f.app.list_cursor, 0, "the list follows");
}

#[test]
fn the_label_picker_reaches_every_label() {
    let mut f = Fixture::article();
    f.act(&[Action::PickLabel]);
    assert_eq!(f.app.mode, Mode::Normal, "nothing to label: no picker");
    f.act(&[Action::SelectSentence, Action::Confirm]);
    assert!(
        matches!(f.app.mode, Mode::Picker(_)),
        "Enter on a selection"
    );
    f.send(Event::PromptChar('j'));
    f.send(Event::PromptChar('j'));
    f.send(Event::PromptChar('k'));
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(labelled(&f), ["quote:First claim here."]);
    // On the span: filter by typing, then Enter relabels.
    f.act(&[Action::PickLabel]);
    for c in "unv".chars() {
        f.send(Event::PromptChar(c));
    }
    f.act(&[Action::MoveDown]);
    f.send(Event::PromptSubmit);
    assert_eq!(labelled(&f), ["unverified:First claim here."]);
    // A digit picks at once; Esc closes without labelling.
    f.act(&[Action::PickLabel]);
    f.send(Event::PromptChar('3'));
    assert_eq!(labelled(&f), ["opinion:First claim here."]);
    f.act(&[Action::PickLabel]);
    f.send(Event::PromptChar('z'));
    f.send(Event::PromptSubmit);
    assert_eq!(
        labelled(&f),
        ["opinion:First claim here."],
        "no match: no edit"
    );
    f.act(&[Action::PickLabel]);
    f.send(Event::PromptCancel);
    f.act(&[Action::DeleteSpan]);
    assert!(f.spans().is_empty(), "after Esc the keys work again");
}

#[test]
fn the_picker_filters_a_long_label_set_by_name() {
    let mut f = Fixture::article();
    let labels: Vec<glosser_core::labels::Label> = (0..9)
        .map(|i| glosser_core::labels::Label {
            name: format!("label{i}"),
            key: char::from_digit(i + 1, 10),
            color: "#808080".into(),
            description: String::new(),
        })
        .collect();
    f.app.labels = glosser_core::labels::LabelSet::new(labels).unwrap();
    f.act(&[Action::SelectSentence, Action::PickLabel]);
    for c in "label8".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    assert_eq!(labelled(&f), ["label8:First claim here."]);
}

#[test]
fn a_document_locked_elsewhere_is_not_marked_broken() {
    let first = Fixture::article();
    let second = super::super::tests::app_for(first.dir.path());
    assert_eq!(second.doc_info[0], Some(crate::app::DocInfo::Locked));
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    crate::view::render_screen(&mut buf, &second, area);
    assert_eq!(buf[(1, 1)].symbol(), "⊘", "the list's glyph for a lock");
}

#[test]
fn esc_in_the_list_clears_a_confirmed_filter() {
    let mut f = Fixture::article();
    f.act(&[Action::PrevPane, Action::Search]);
    assert_eq!(f.app.focus, Focus::List);
    f.send(Event::PromptChar('b'));
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.visible_docs, [1]);
    f.act(&[Action::Cancel]);
    assert_eq!(f.app.visible_docs, [0, 1]);
    assert!(f.app.filter.is_empty());
}

#[test]
fn messages_do_not_outlive_the_next_key_and_counts_agree() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1), Action::EditNote]);
    for c in "hm".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.message.as_ref().unwrap().0, "note saved");
    f.act(&[Action::EditNote]);
    f.send(Event::PromptCancel);
    assert_eq!(f.app.message, None, "no stale \"note saved\" after Esc");
    f.act(&[Action::Search]);
    for c in "here".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    assert_eq!(
        f.app.message.as_ref().unwrap().0,
        "match 1 of 1 · n / N, wrapped to the top"
    );
    f.act(&[Action::MoveRight]);
    assert_eq!(f.app.message, None);
    f.act(&[Action::PrevPane, Action::Search]);
    f.send(Event::PromptChar('a'));
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.message.as_ref().unwrap().0, "1 document matches");
}

#[test]
fn reopening_resumes_at_the_last_document_and_cursor() {
    let mut f = Fixture::new(&[("a.txt", ARTICLE), ("b.txt", "Bee sting.\n")]);
    let state = tempfile::tempdir().unwrap();
    let path = state.path().join("resume.json");
    f.act(&[Action::NextDocument, Action::NextWord]);
    assert_eq!(f.cursor(), 4);
    assert_eq!(crate::resume::remember_app(&f.app, Some(&path)), None);
    let corpus = glosser_core::corpus::Corpus::scan(f.dir.path()).unwrap();
    let place = crate::resume::starting_place(Some(&path), &corpus, "tester");
    assert_eq!(place, (1, 4));
    let other = crate::resume::starting_place(Some(&path), &corpus, "someone");
    assert_eq!(other, (0, 0), "per annotator");
    assert!(
        std::fs::read_dir(f.dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("resume")),
        "nothing written in the corpus"
    );
    std::fs::remove_file(f.dir.path().join("b.txt")).unwrap();
    let corpus = glosser_core::corpus::Corpus::scan(f.dir.path()).unwrap();
    let gone = crate::resume::starting_place(Some(&path), &corpus, "tester");
    assert_eq!(gone, (0, 0), "a document that left: the first one");
}

#[test]
fn keys_md_names_every_action() {
    let doc = include_str!("../../../../../docs/keys.md");
    let names = doc
        .split("Action names:")
        .nth(1)
        .and_then(|rest| rest.split('`').nth(1))
        .unwrap();
    for action in Action::ALL {
        let name = action.name();
        let listed = match action {
            Action::Label(2..=8) => names.contains("Label1 … Label9"),
            _ => names.split_whitespace().any(|n| n == name),
        };
        assert!(listed, "{name} missing from docs/keys.md's action names");
    }
}

#[test]
fn any_key_closes_the_help_even_an_unbound_one_and_arrows_move_the_picker() {
    use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
    let key = |code| TermEvent::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut f = Fixture::article();
    f.act(&[Action::Help]);
    let event = crate::translate(&f.app, &key(KeyCode::Char('z')));
    assert_eq!(event, Some(Event::Action(Action::Cancel)));
    f.send(event.unwrap());
    assert_eq!(f.app.mode, Mode::Normal);
    f.act(&[Action::SelectSentence, Action::PickLabel]);
    assert_eq!(
        crate::translate(&f.app, &key(KeyCode::Down)),
        Some(Event::Action(Action::MoveDown))
    );
    assert_eq!(
        crate::translate(&f.app, &key(KeyCode::Char('x'))),
        Some(Event::PromptChar('x')),
        "letters filter; they never run as keys"
    );
}
