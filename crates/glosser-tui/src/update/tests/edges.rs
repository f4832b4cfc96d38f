//! Edges that move in place (issue #28): `c` then motions grow and shrink the span's end (`;`
//! its start) by a character, a word, to the punctuation; the span keeps its label, note and
//! links (renamed in the same undoable edit); the mouse drags an edge; `t` and `T` select to
//! the punctuation; `"` and `'` look ahead in the paragraph.

use super::super::tests::Fixture;
use super::super::*;
use glosser_core::store::{Link, LinkEnd};

const TEXT: &str =
    "Officials said that the refusal to commit undermines its credibility, adding more. Next.\n";

/// "the refusal to commit" as a quote with a note, linked (speaker) to "Officials" as source.
fn quote_with_link() -> Fixture {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.act(&[Action::StartSelection, Action::WordEnd, Action::Label(5)]);
    f.set_cursor(f.at("the refusal"));
    f.act(&[
        Action::StartSelection,
        Action::WordEnd,
        Action::WordEnd,
        Action::WordEnd,
        Action::WordEnd,
        Action::Label(2),
    ]);
    let quote = (f.at("the refusal"), f.at(" undermines"));
    assert_eq!(
        f.spans(),
        [
            (0, 9, "source".to_owned()),
            (quote.0, quote.1, "quote".to_owned())
        ]
    );
    f.act(&[Action::Link, Action::PrevSpan, Action::Link]);
    f.set_cursor(quote.0);
    f.act(&[Action::EditNote]);
    "indirect"
        .chars()
        .for_each(|c| f.send(Event::PromptChar(c)));
    f.send(Event::PromptSubmit);
    f
}

fn links(f: &Fixture) -> Vec<Link> {
    f.app.session().unwrap().file.links.clone()
}

fn quote(f: &Fixture) -> glosser_core::span::Span {
    f.app
        .session()
        .unwrap()
        .file
        .spans
        .spans()
        .iter()
        .find(|s| s.label == "quote")
        .unwrap()
        .clone()
}

#[test]
fn the_end_grows_and_shrinks_by_character_word_and_punctuation_keeping_note_and_links() {
    let mut f = quote_with_link();
    let start = f.at("the refusal");
    f.act(&[Action::EditEdges]);
    assert!(f.app.edges.is_some());
    f.act(&[Action::NextWord]);
    assert_eq!(quote(&f).end, f.at(" its"), "grown by a word: …undermines");
    f.act(&[Action::SelectToPunctuation]);
    assert_eq!(quote(&f).end, f.at(", adding"), "to the punctuation");
    f.act(&[Action::MoveLeft, Action::MoveLeft]);
    assert_eq!(quote(&f).end, f.at("ty, adding"), "two characters back");
    f.act(&[Action::PrevWord]);
    assert_eq!(quote(&f).end, f.at(" credibil"), "shrunk by a word: …its");
    // The start: `;`, then `w` shrinks it by a word, `b` grows it back.
    f.act(&[Action::SwapSelectionEnds, Action::NextWord]);
    assert_eq!(quote(&f).start, f.at("refusal"));
    f.act(&[Action::PrevWord]);
    assert_eq!(quote(&f).start, start);
    let q = quote(&f);
    assert_eq!(q.note.as_deref(), Some("indirect"), "the note stays");
    assert_eq!(
        links(&f),
        [Link {
            kind: "speaker".into(),
            from: LinkEnd::of(&q),
            to: LinkEnd(0, 9, "source".into()),
        }],
        "the link follows the span"
    );
    f.act(&[Action::Confirm]);
    assert!(f.app.edges.is_none());
    // Each move is one undoable edit, links included.
    f.act(&[Action::Undo]);
    assert_eq!(quote(&f).start, f.at("refusal"));
    assert_eq!(links(&f)[0].from, LinkEnd::of(&quote(&f)));
    f.wait_for_save();
    let report = glosser_core::ops::validate::check_corpus(f.dir.path()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn a_mouse_drag_on_the_last_character_moves_the_end() {
    let mut f = quote_with_link();
    let q = quote(&f);
    f.set_cursor(q.start + 2);
    let areas = crate::layout::Areas::new(120, 40).unwrap();
    let text = areas.article_text();
    let at = |offset: usize, f: &Fixture| {
        let column = u16::try_from(offset).unwrap();
        let _ = f;
        (text.x + column, text.y)
    };
    let (x, y) = at(q.end - 1, &f);
    f.send(Event::Mouse {
        kind: MouseKind::Down,
        column: x,
        row: y,
    });
    let (x, y) = at(f.at("undermines") + 9, &f);
    f.send(Event::Mouse {
        kind: MouseKind::Drag,
        column: x,
        row: y,
    });
    assert_eq!(
        quote(&f).end,
        q.end,
        "nothing changes before the button is let go"
    );
    f.send(Event::Mouse {
        kind: MouseKind::Up,
        column: x,
        row: y,
    });
    let moved = quote(&f);
    assert_eq!((moved.start, moved.end), (q.start, f.at(" its")));
    assert_eq!(links(&f)[0].from, LinkEnd::of(&moved));
    assert_eq!(moved.note.as_deref(), Some("indirect"));
}

#[test]
fn t_selects_to_the_punctuation_and_again_to_the_next() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.set_cursor(f.at("the refusal"));
    f.act(&[Action::SelectToPunctuation, Action::Label(2)]);
    assert_eq!(
        f.spans(),
        [(f.at("the refusal"), f.at(", adding"), "quote".to_owned())]
    );
    f.set_cursor(f.at("that"));
    f.act(&[
        Action::SelectToPunctuation,
        Action::SelectToPunctuation,
        Action::Label(1),
    ]);
    assert!(
        f.spans()
            .contains(&(f.at("that"), f.at(". Next"), "claim".to_owned())),
        "t t: two clauses"
    );
    f.set_cursor(f.at("refusal"));
    f.act(&[Action::SelectFromPunctuation, Action::Label(3)]);
    assert!(
        f.spans()
            .contains(&(0, f.at("refusal") + 1, "opinion".to_owned())),
        "T: from the paragraph's start (no mark before) to the cursor's character: {:?}",
        f.spans()
    );
}

#[test]
fn the_quotation_keys_look_ahead_in_the_paragraph() {
    let mut f = Fixture::new(&[("a.txt", "He said “we will” and left.\n")]);
    f.act(&[Action::SelectQuotationInside, Action::Label(2)]);
    assert_eq!(f.spans(), [(9, 16, "quote".to_owned())], "we will");
    f.act(&[Action::Start, Action::SelectQuotation, Action::Label(1)]);
    assert!(f.spans().contains(&(8, 17, "claim".to_owned())));
}
