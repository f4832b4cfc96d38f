//! Motions, selections, the mouse and odd terminal sizes, driven through `update`.

use super::*;

#[test]
fn opens_first_document_with_cursor_at_zero() {
    let f = Fixture::article();
    assert_eq!(f.app.open, Some(0));
    assert_eq!(f.cursor(), 0);
    assert_eq!(f.app.focus, Focus::Article);
    assert!(f.ron("a.txt").is_none(), "opening writes nothing");
}

#[test]
fn grapheme_and_word_motions() {
    let mut f = Fixture::article();
    f.act(&[Action::MoveRight, Action::MoveRight]);
    assert_eq!(f.cursor(), 2);
    f.act(&[Action::MoveLeft]);
    assert_eq!(f.cursor(), 1);
    let emoji = f.at("😀");
    f.set_cursor(emoji);
    f.act(&[Action::MoveRight]);
    assert_eq!(f.cursor(), emoji + 1);
    f.set_cursor(0);
    f.act(&[Action::NextWord]);
    assert_eq!(f.cursor(), f.at("claim"));
    f.act(&[Action::PrevWord]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::MoveLeft]);
    assert_eq!(f.cursor(), 0, "stays at the start");
}

#[test]
fn sentence_paragraph_start_end_motions() {
    let mut f = Fixture::article();
    f.act(&[Action::NextSentence]);
    assert_eq!(f.cursor(), f.at("Second"));
    f.act(&[Action::PrevSentence]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::NextParagraph]);
    assert_eq!(f.cursor(), f.at("Next"));
    f.act(&[Action::PrevParagraph]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::End]);
    assert_eq!(f.cursor(), ARTICLE.chars().count());
    f.act(&[Action::Start]);
    assert_eq!(f.cursor(), 0);
}

#[test]
fn vertical_motions_follow_screen_rows() {
    let long = "word ".repeat(400);
    let mut f = Fixture::new(&[("long.txt", long.as_str())]);
    let width = usize::from(
        crate::layout::Areas::new(120, 40)
            .unwrap()
            .article_text()
            .width,
    );
    f.act(&[Action::MoveDown]);
    let row1 = f.app.wrap.row_range(1);
    assert_eq!(f.cursor(), row1.start);
    assert!(row1.len() <= width + 1);
    f.act(&[Action::MoveUp]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::PageDown]);
    assert!(f.app.wrap.row_of(f.cursor()) >= 30, "a page is many rows");
    assert!(f.app.session().unwrap().top_row > 0, "the view follows");
    f.act(&[Action::PageUp]);
    assert_eq!(f.app.wrap.row_of(f.cursor()), 0);
    f.act(&[Action::MoveUp]);
    assert_eq!(f.cursor(), 0);
}

#[test]
fn select_sentence_and_label_saves_within_a_second() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence]);
    assert_eq!(f.app.session().unwrap().selection(), Some(0..17));
    f.act(&[Action::Label(1)]);
    assert_eq!(f.spans(), [(0, 17, "claim".to_owned())]);
    assert_eq!(
        f.app.session().unwrap().selection(),
        None,
        "labelling ends the selection"
    );
    assert_eq!(f.app.session().unwrap().file.status, Status::InProgress);
    assert!(f.ron("a.txt").is_none(), "debounced, not yet written");
    f.wait_for_save();
    let ron = f.ron("a.txt").unwrap();
    assert!(
        ron.contains("(start: 0, end: 17, label: \"claim\", quote: \"First claim here.\", prefix: \"\", suffix: \" Second “quoted words” 😀\")"),
        "{ron}"
    );
    assert!(ron.contains("status: InProgress"));
    assert_eq!(
        f.app.doc_info[0],
        Some(DocInfo::Annotated {
            status: Status::InProgress,
            spans: 1,
            unsettled: 0
        })
    );
}

#[test]
fn selection_by_hand_is_trimmed_and_snapped() {
    let mut f = Fixture::article();
    let start = f.at(" Second");
    f.set_cursor(start);
    f.act(&[Action::StartSelection]);
    for _ in 0..6 {
        f.act(&[Action::MoveRight]);
    }
    f.act(&[Action::Label(3)]);
    let second = f.at("Second");
    assert_eq!(
        f.spans(),
        [(second, second + 6, "opinion".to_owned())],
        "leading space dropped"
    );
    let emoji = f.at("😀");
    f.set_cursor(emoji);
    f.act(&[Action::ExtendRight, Action::Label(4)]);
    assert!(
        f.spans()
            .contains(&(emoji, emoji + 1, "unverified".to_owned()))
    );
}

#[test]
fn whitespace_only_selection_is_refused() {
    let mut f = Fixture::new(&[("a.txt", "One.   Two.\n")]);
    let space = f.at("   ");
    f.set_cursor(space);
    f.act(&[Action::StartSelection, Action::MoveRight, Action::Label(1)]);
    assert!(f.spans().is_empty());
    assert!(f.app.message.as_ref().unwrap().0.contains("whitespace"));
}

#[test]
fn quotation_and_paragraph_selection() {
    let mut f = Fixture::article();
    let inside = f.at("words");
    f.set_cursor(inside);
    f.act(&[Action::SelectQuotation, Action::Label(2)]);
    let q = f.at("“quoted");
    assert_eq!(f.spans(), [(q, q + 14, "quote".to_owned())]);
    f.act(&[Action::SelectParagraph, Action::Label(1)]);
    let end = f.at("\nNext");
    assert!(f.spans().contains(&(0, end, "claim".to_owned())));
}

#[test]
fn mouse_click_drag_wheel_and_list() {
    let long = format!("{}\n", "Some words here. ".repeat(300));
    let mut f = Fixture::new(&[("a.txt", long.as_str()), ("b.txt", "B doc.")]);
    let areas = crate::layout::Areas::new(120, 40).unwrap();
    let text = areas.article_text();
    f.send(Event::Mouse {
        kind: MouseKind::Down,
        column: text.x + 5,
        row: text.y + 1,
    });
    let row1 = f.app.wrap.row_range(1);
    assert_eq!(f.cursor(), row1.start + 5);
    f.send(Event::Mouse {
        kind: MouseKind::Drag,
        column: text.x + 9,
        row: text.y + 1,
    });
    assert_eq!(
        f.app.session().unwrap().selection(),
        Some(row1.start + 5..row1.start + 10)
    );
    f.act(&[Action::Label(1)]);
    assert_eq!(f.spans().len(), 1);
    for _ in 0..5 {
        f.send(Event::Mouse {
            kind: MouseKind::ScrollDown,
            column: text.x + 1,
            row: text.y + 1,
        });
    }
    let top = f.app.session().unwrap().top_row;
    assert_eq!(top, 15);
    assert!(
        f.app.wrap.row_of(f.cursor()) >= top,
        "the cursor stays in view"
    );
    f.send(Event::Mouse {
        kind: MouseKind::ScrollUp,
        column: text.x + 1,
        row: text.y + 1,
    });
    assert_eq!(f.app.session().unwrap().top_row, 12);
    let list = crate::layout::inner(areas.list);
    f.send(Event::Mouse {
        kind: MouseKind::Down,
        column: list.x + 2,
        row: list.y + 1,
    });
    assert_eq!(f.app.open, Some(1));
    assert!(f.ron("a.txt").is_some());
}

#[test]
fn tiny_and_odd_sizes_do_not_panic() {
    let mut f = Fixture::article();
    for (w, h) in [(0, 0), (1, 1), (39, 9), (40, 10), (500, 3), (41, 200)] {
        f.send(Event::Resize(w, h));
        f.act(&[
            Action::End,
            Action::MoveUp,
            Action::PageUp,
            Action::SelectSentence,
            Action::Label(1),
        ]);
        f.send(Event::Mouse {
            kind: MouseKind::Down,
            column: 20,
            row: 5,
        });
    }
}
