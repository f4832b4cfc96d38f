//! A search longer than the first slice: the count fills in on `Tick`s, the cursor jumps to the
//! first match after it as soon as that is found, and a new document or `Esc` drops the scan.

use super::super::tests::Fixture;
use super::super::*;
use crate::search::FIRST_SLICE;

fn search(f: &mut Fixture, query: &str) {
    f.act(&[Action::Search]);
    for c in query.chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
}

fn long_article() -> String {
    // Two slices and a half of "x e ", then a last match at the very end.
    let mut text = "x e ".repeat(FIRST_SLICE * 5 / 8);
    text.push_str("zz end\n");
    text
}

#[test]
fn matches_fill_in_on_ticks_and_equal_a_whole_search() {
    let text = long_article();
    let mut f = Fixture::new(&[("a.txt", &text), ("b.txt", "Other doc.\n")]);
    search(&mut f, "e");
    let after_key = f.app.search.matches.len();
    assert!(after_key > 0 && after_key < FIRST_SLICE, "{after_key}");
    assert!(f.app.search.scan.is_some(), "the rest waits for ticks");
    assert_eq!(f.cursor(), 2, "jumped to the first match at once");
    let shown = f.app.message.clone().unwrap().0;
    assert!(shown.contains("so far"), "{shown}");
    for _ in 0..1000 {
        if f.app.search.scan.is_none() {
            break;
        }
        let now = f.now;
        f.send(Event::Tick(now));
    }
    assert!(f.app.search.scan.is_none(), "the scan ends");
    let expected = text.matches('e').count();
    assert_eq!(f.app.search.matches.len(), expected);
    assert_eq!(
        f.app.message.clone().unwrap().0,
        format!("match 1 of {expected} · n / N")
    );
    assert_eq!(f.cursor(), 2, "no second jump");
    let last = f.app.search.matches.last().cloned().unwrap();
    assert_eq!(f.app.document().unwrap().slice(last.start, last.end), "e");
    assert_eq!(
        last.start,
        text.chars().count() - 4,
        "the e of the last word"
    );
}

#[test]
fn a_match_found_only_by_a_tick_is_jumped_to_unless_the_cursor_moved() {
    let text = long_article();
    let mut f = Fixture::new(&[("a.txt", &text), ("b.txt", "Other doc.\n")]);
    search(&mut f, "zz");
    assert!(f.app.search.matches.is_empty());
    assert_eq!(f.cursor(), 0);
    while f.app.search.scan.is_some() {
        let now = f.now;
        f.send(Event::Tick(now));
    }
    assert_eq!(f.cursor(), text.chars().count() - 7);

    f.act(&[Action::Start]);
    search(&mut f, "zz");
    f.act(&[Action::MoveRight]);
    let moved = f.cursor();
    while f.app.search.scan.is_some() {
        let now = f.now;
        f.send(Event::Tick(now));
    }
    assert_eq!(f.app.search.matches.len(), 1);
    assert_eq!(f.cursor(), moved, "the user's move wins");
}

#[test]
fn cancel_drops_the_scan() {
    let text = long_article();
    let mut f = Fixture::new(&[("a.txt", &text), ("b.txt", "Other doc.\n")]);
    search(&mut f, "e");
    assert!(f.app.search.scan.is_some());
    f.act(&[Action::Cancel]);
    let now = f.now;
    f.send(Event::Tick(now));
    assert!(f.app.search.matches.is_empty());
    assert!(f.app.search.scan.is_none());
}
