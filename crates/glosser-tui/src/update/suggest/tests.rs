//! The suggestion keys, driven through `update` as a user would press them.

use proptest::prelude::*;
use ratatui::style::Modifier;

use super::super::tests::{ARTICLE, Fixture, app_for};
use super::*;
use crate::update::{Event, update_now};
use glosser_core::span::Score;
use glosser_core::store::AnnotationFile;
use glosser_core::text::Document;

/// Writes `a.txt.suggest.ron` with these (needle, label, score) suggestions.
fn suggest_file(f: &Fixture, spans: &[(&str, &str, f64)]) {
    let doc = Document::from_text(ARTICLE);
    let mut file = AnnotationFile::new("a.txt", "suggest", doc.sha256());
    for (needle, label, score) in spans {
        let start = doc.byte_to_char(ARTICLE.find(needle).unwrap()).unwrap();
        let mut span = Span::new(&doc, start..start + needle.chars().count(), *label);
        span.score = Some(Score(*score));
        file.spans.insert_unchecked(span);
    }
    glosser_core::store::save(&f.dir.path().join("a.txt.suggest.ron"), &file).unwrap();
}

fn with_suggestions(spans: &[(&str, &str, f64)]) -> Fixture {
    let mut f = Fixture::article();
    suggest_file(&f, spans);
    f.app.show_suggestions("suggest");
    f
}

fn ghost_keys(f: &Fixture) -> Vec<(usize, usize, String)> {
    ghosts(f.app.session().unwrap())
        .iter()
        .map(|g| (g.start, g.end, g.label.clone()))
        .collect()
}

const TWO: &[(&str, &str, f64)] = &[
    ("First claim here.", "claim", 0.75),
    ("“quoted words”", "quote", 1.0),
];

#[test]
fn y_accepts_the_suggestion_under_the_cursor_as_an_ordinary_span() {
    let mut f = with_suggestions(TWO);
    assert_eq!(ghost_keys(&f).len(), 2);
    let at = f.at("quoted");
    f.set_cursor(at);
    f.act(&[Action::AcceptSuggestion]);
    let quote = f.at("“");
    assert_eq!(f.spans(), vec![(quote, quote + 14, "quote".to_owned())]);
    let span = f.app.session().unwrap().file.spans.get(0).unwrap().clone();
    assert_eq!(
        span.score, None,
        "an accepted span is the analyst's: no score"
    );
    assert_eq!(
        ghost_keys(&f).len(),
        1,
        "accepted suggestions are no longer ghosts"
    );
    f.act(&[Action::Undo]);
    assert!(f.spans().is_empty());
    assert_eq!(ghost_keys(&f).len(), 2);
}

#[test]
fn an_accepted_suggestion_relabelled_does_not_come_back_as_a_ghost() {
    let mut f = with_suggestions(TWO);
    let at = f.at("quoted");
    f.set_cursor(at);
    // Accepted, then picked with `[` and relabelled (a digit alone would be a count).
    f.act(&[Action::AcceptSuggestion, Action::PrevSpan, Action::Label(3)]);
    let quote = f.at("“");
    assert_eq!(f.spans(), vec![(quote, quote + 14, "opinion".to_owned())]);
    assert_eq!(
        ghost_keys(&f),
        vec![(f.at("First"), f.at("First") + 17, "claim".to_owned())],
        "the relabelled suggestion is decided; only the other one is still open"
    );
}

#[test]
fn capital_y_accepts_all_in_one_undo_step() {
    let mut f = with_suggestions(TWO);
    f.act(&[Action::AcceptAllSuggestions]);
    assert_eq!(f.spans().len(), 2);
    assert!(ghost_keys(&f).is_empty());
    f.act(&[Action::Undo]);
    assert!(
        f.spans().is_empty(),
        "one undo takes back every accepted suggestion"
    );
}

#[test]
fn x_rejects_and_the_rejection_survives_a_restart() {
    let mut f = with_suggestions(TWO);
    f.act(&[Action::RejectSuggestion]);
    assert!(f.spans().is_empty(), "rejecting adds no span");
    assert_eq!(ghost_keys(&f).len(), 1);
    f.wait_for_save();
    let saved = f
        .ron("a.txt")
        .expect("the rejection is saved in the analyst's file");
    assert!(saved.contains("rejected: ["), "{saved}");
    assert!(saved.contains("First claim here."), "{saved}");
    let mut again = app_for(f.dir.path());
    again.show_suggestions("suggest");
    let left = ghosts(again.session().unwrap());
    assert_eq!(left.len(), 1, "the rejected suggestion never comes back");
    assert_eq!(left[0].label, "quote");
    // Undo takes the rejection back.
    f.act(&[Action::Undo]);
    assert_eq!(ghost_keys(&f).len(), 2);
}

#[test]
fn jumps_between_suggestions_and_refuses_without_one() {
    let mut f = with_suggestions(TWO);
    f.act(&[Action::NextSuggestion]);
    assert_eq!(f.cursor(), f.at("“"));
    f.act(&[Action::NextSuggestion]);
    assert_eq!(
        f.cursor(),
        f.at("“"),
        "no further suggestion: the cursor stays"
    );
    f.act(&[Action::PrevSuggestion]);
    assert_eq!(f.cursor(), 0);
    f.set_cursor(f.at("Next"));
    f.act(&[Action::AcceptSuggestion, Action::RejectSuggestion]);
    assert!(f.spans().is_empty());
    assert!(f.app.session().unwrap().file.rejected.is_empty());
}

#[test]
fn without_a_suggester_the_keys_say_how_to_get_one() {
    let mut f = Fixture::article();
    suggest_file(&f, TWO);
    f.act(&[Action::AcceptAllSuggestions]);
    assert!(f.spans().is_empty());
    let (message, _) = f.app.message.clone().unwrap();
    assert!(message.contains("--suggestions"), "{message}");
}

#[test]
fn ghosts_are_drawn_apart_from_real_spans_under_no_color() {
    let mut f = with_suggestions(TWO);
    f.app.color = false;
    f.set_cursor(f.at("quoted"));
    f.act(&[Action::AcceptSuggestion]);
    f.set_cursor(f.at("Next"));
    let size = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(size);
    crate::view::render_screen(&mut buf, &f.app, size);
    let areas = crate::layout::Areas::new(120, 40).unwrap();
    let text = areas.article_text();
    let style_of = |col: u16| buf[(text.x + col, text.y)].modifier;
    // Row 0: "First claim here. Second “quoted words” …": a ghost, then a real span.
    let ghost = style_of(2);
    let real = style_of(u16::try_from(f.at("quoted")).unwrap());
    assert!(
        ghost.contains(Modifier::DIM | Modifier::UNDERLINED),
        "{ghost:?}"
    );
    assert!(
        real.contains(Modifier::UNDERLINED) && !real.contains(Modifier::DIM),
        "{real:?}"
    );
    let sidebar: String = (0..40)
        .flat_map(|y| (areas.sidebar.x..areas.sidebar.x + areas.sidebar.width).map(move |x| (x, y)))
        .map(|(x, y)| buf[(x, y)].symbol().to_owned())
        .collect();
    assert!(
        sidebar.contains("◇ claim 0.75"),
        "the sidebar lists ghosts with their score"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Accepting (one or all) or rejecting, then undoing, leaves the analyst's file as it was.
    #[test]
    fn accept_or_reject_then_undo_is_a_no_op(
        picks in proptest::collection::vec((0usize..80, 1usize..12, 0usize..4), 1..6),
        cursor in 0usize..80,
        key in 0usize..3,
    ) {
        let doc = Document::from_text(ARTICLE);
        let len = doc.char_len();
        let mut f = Fixture::article();
        let labels = ["claim", "quote", "opinion", "unverified"];
        let mut file = AnnotationFile::new("a.txt", "suggest", doc.sha256());
        for (start, width, label) in picks {
            let start = doc.grapheme_floor(start.min(len - 1));
            let end = doc.grapheme_ceil((start + width).min(len)).max(doc.next_grapheme(start));
            let mut span = Span::new(&doc, start..end, labels[label]);
            span.score = Some(Score(0.5));
            file.spans.insert_unchecked(span);
        }
        glosser_core::store::save(&f.dir.path().join("a.txt.suggest.ron"), &file).unwrap();
        f.app.show_suggestions("suggest");
        f.set_cursor(cursor.min(len));
        // The new file's hash is stamped once it is known (a Tick, or the first edit).
        f.app.session_mut().unwrap().stamp_new(true);
        let before = f.app.session().unwrap().file.clone();
        let action = [Action::AcceptSuggestion, Action::AcceptAllSuggestions, Action::RejectSuggestion][key];
        update_now(&mut f.app, Event::Action(action), f.now);
        update_now(&mut f.app, Event::Action(Action::Undo), f.now);
        prop_assert_eq!(&f.app.session().unwrap().file, &before);
    }
}

#[test]
fn help_lists_the_suggestion_keys_only_when_suggestions_are_shown() {
    let mut f = Fixture::article();
    let listed = |f: &Fixture| {
        crate::view::help::lines(&f.app)
            .iter()
            .any(|(keys, what)| keys == "y" && what.contains("accept the suggestion"))
    };
    assert!(!listed(&f));
    suggest_file(&f, TWO);
    f.app.show_suggestions("suggest");
    assert!(listed(&f));
}

#[test]
fn the_config_names_a_suggester() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(&path, "(annotator: \"alice\", suggestions: \"model\")\n").unwrap();
    let (config, warning) = glosser_core::config::load_config(Some(&path));
    assert_eq!(warning, None);
    assert_eq!(config.suggestions.as_deref(), Some("model"));
}
