//! Search finds what you typed (issue #28): typographic punctuation folded, smart case, whole
//! words, backwards, `n` / `N` both ways with the wrap said, and a search of every document
//! from the list.

use super::super::tests::Fixture;
use super::super::*;

const SEED: &str = include_str!("../../../../../seeds/000_b226eff58fa68952.txt");

fn typed(f: &mut Fixture, prompt: Action, query: &str) {
    f.act(&[prompt]);
    query.chars().for_each(|c| f.send(Event::PromptChar(c)));
    f.send(Event::PromptSubmit);
}

fn message(f: &Fixture) -> String {
    f.app.message.clone().map(|(m, _)| m).unwrap_or_default()
}

#[test]
fn what_you_type_finds_the_typographic_text() {
    let mut f = Fixture::new(&[("seed.txt", SEED)]);
    for (query, found) in [
        ("putin's", "Putin’s battlefield"),
        ("aren't", "aren’t just"),
        ("\"a leader", "“a leader"),
        ("itself-", "itself—stretching"),
        ("positive,\"", "positive,”"),
    ] {
        f.act(&[Action::Start]);
        typed(&mut f, Action::Search, query);
        assert!(!f.app.search.matches.is_empty(), "{query}: {}", message(&f));
        assert_eq!(f.cursor(), f.at(found), "{query}");
    }
}

#[test]
fn smart_case_and_whole_words() {
    let mut f = Fixture::new(&[("seed.txt", SEED)]);
    typed(&mut f, Action::Search, "pos");
    let anywhere = f.app.search.matches.len();
    assert!(anywhere >= 3, "pos is in supposed, positioning, positive…");
    typed(&mut f, Action::Search, "Pos");
    assert!(
        f.app.search.matches.is_empty(),
        "a capital makes the search exact: {}",
        message(&f)
    );
    // Tab in the prompt turns whole words on: `pos` then misses "supposed".
    f.act(&[Action::Search]);
    "positive"
        .chars()
        .for_each(|c| f.send(Event::PromptChar(c)));
    f.send(Event::PromptTab);
    f.send(Event::PromptSubmit);
    assert!(f.app.search.whole_word);
    assert_eq!(f.app.search.matches.len(), 1);
    typed(&mut f, Action::Search, "pos");
    assert!(f.app.search.matches.is_empty(), "whole words only");
    assert!(message(&f).contains("whole words"), "{}", message(&f));
}

#[test]
fn backward_search_and_n_and_capital_n_both_ways_with_the_wrap_said() {
    let mut f = Fixture::new(&[("seed.txt", SEED)]);
    let moscows: Vec<usize> = SEED
        .match_indices("Moscow")
        .map(|(b, _)| SEED[..b].chars().count())
        .collect();
    assert_eq!(moscows.len(), 2);
    f.set_cursor(475);
    typed(&mut f, Action::SearchBack, "mosc");
    assert_eq!(f.cursor(), moscows[0], "backwards from 475: back to 440");
    // `n` goes on backwards (and wraps to the bottom), `N` the other way.
    f.act(&[Action::NextMatch]);
    assert_eq!(f.cursor(), moscows[1]);
    assert!(
        message(&f).contains("wrapped to the bottom"),
        "{}",
        message(&f)
    );
    f.act(&[Action::PrevMatch]);
    assert_eq!(f.cursor(), moscows[0]);
    assert!(
        message(&f).contains("wrapped to the top"),
        "{}",
        message(&f)
    );
    assert!(message(&f).starts_with("match 1 of 2"), "{}", message(&f));
    f.act(&[Action::PrevMatch]);
    assert_eq!(f.cursor(), moscows[1]);
    assert_eq!(message(&f), "match 2 of 2 · n / N");
}

#[test]
fn star_searches_the_word_under_the_cursor_as_a_whole_word() {
    let mut f = Fixture::new(&[("seed.txt", SEED)]);
    f.set_cursor(f.at("Russia continued"));
    f.act(&[Action::SearchWord]);
    assert_eq!(f.app.search.query, "Russia");
    assert!(f.app.search.whole_word);
    assert!(
        f.app.search.matches.iter().all(|m| {
            let doc = f.app.document().unwrap();
            doc.slice(m.start, m.end) == "Russia"
                && !doc.char_at(m.end).is_some_and(char::is_alphanumeric)
        }),
        "Russian and Russia’s… the apostrophe ends the word, Russian does not match"
    );
    assert!(f.cursor() > f.at("Russia continued"));
    // `#` from there searches backwards: back to the first one.
    f.act(&[Action::SearchWordBack]);
    assert_eq!(f.cursor(), f.at("Russia continued"));
}

#[test]
fn searching_every_document_from_the_list_then_opening_one_at_its_match() {
    let mut f = Fixture::new(&[
        ("a.txt", "Nothing here.\n"),
        ("b.txt", "Moscow said so. Moscow again.\n"),
        ("c.txt", "In MOSCOW’s view.\n"),
    ]);
    f.app.focus = crate::app::Focus::List;
    f.act(&[Action::Search]);
    f.send(Event::PromptTab);
    assert!(matches!(
        &f.app.mode,
        crate::app::Mode::Prompt(p) if p.kind == crate::app::PromptKind::CorpusSearch
    ));
    "moscow's"
        .chars()
        .for_each(|c| f.send(Event::PromptChar(c)));
    f.send(Event::PromptSubmit);
    let shown: Vec<&str> = f
        .app
        .visible_docs
        .iter()
        .map(|&i| f.app.corpus.documents[i].id.as_str())
        .collect();
    assert_eq!(shown, ["c.txt"], "{}", message(&f));
    assert!(
        message(&f).contains("1 match in 1 of 3 documents"),
        "{}",
        message(&f)
    );
    f.act(&[Action::Cancel]);
    assert_eq!(f.app.visible_docs.len(), 3, "Esc shows them all");
    f.act(&[Action::Search]);
    f.send(Event::PromptTab);
    "moscow".chars().for_each(|c| f.send(Event::PromptChar(c)));
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.visible_docs.len(), 2);
    f.act(&[Action::Confirm]);
    assert_eq!(
        f.app.document().unwrap().text(),
        "Moscow said so. Moscow again.\n"
    );
    assert_eq!(f.cursor(), 0, "on the first match");
    assert_eq!(f.app.search.matches.len(), 2);
    f.act(&[Action::NextMatch]);
    assert_eq!(f.cursor(), 16);
}
