//! A link type's key (SPEC §10): on the second span of a pending link it creates that type, in
//! the type picker it picks it; with no link pending the keymap applies.

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};

use super::super::tests::Fixture;
use super::super::*;
use super::link_edit::{links, message, spans_only};
use glosser_core::labels::LabelSet;

/// `speaker` (key `s`) and `cites` (key `c`), both from a quote to a source.
fn two_keyed_types(speaker_key: char) -> LabelSet {
    LabelSet::parse(
        &format!(
            r#"(labels: [(name: "claim"), (name: "quote"), (name: "opinion"), (name: "source")],
                links: [(name: "speaker", from: ["quote"], to: ["source"], key: '{speaker_key}'),
                        (name: "cites", from: ["quote", "claim"], to: ["source"], key: 'c')])"#
        ),
        "glosser.ron",
    )
    .unwrap()
}

fn key(c: char) -> TermEvent {
    TermEvent::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Types `c` as the terminal would: through `translate`, then `update`.
fn press(f: &mut Fixture, c: char) -> Option<Event> {
    let event = crate::translate(&f.app, &key(c));
    if let Some(e) = event.clone() {
        f.send(e);
    }
    event
}

#[test]
fn a_type_key_on_the_second_span_creates_that_type_without_the_picker() {
    let (mut f, source, _, quote) = spans_only();
    f.app.labels = two_keyed_types('s');
    f.set_cursor(quote.start);
    f.act(&[Action::Link]);
    assert!(
        message(&f).contains("r links, Esc cancels · s speaker · c cites"),
        "{}",
        message(&f)
    );
    f.set_cursor(source.start);
    assert_eq!(press(&mut f, 'c'), Some(Event::Action(Action::LinkAs('c'))));
    assert_eq!(links(&f).len(), 1);
    assert_eq!(links(&f)[0].kind, "cites");
    assert!(
        message(&f).contains("linked cites: quote “quoted words” → source “First”"),
        "{}",
        message(&f)
    );
    assert!(f.app.session().unwrap().pending_link.is_none());
    f.act(&[Action::Undo]);
    assert!(links(&f).is_empty(), "undoable like r");
}

#[test]
fn a_type_that_does_not_fit_is_refused_saying_which_labels_it_joins() {
    let (mut f, source, claim, quote) = spans_only();
    f.app.labels = two_keyed_types('s');
    f.set_cursor(quote.start);
    f.act(&[Action::Link]);
    f.set_cursor(claim.start);
    press(&mut f, 's');
    assert!(links(&f).is_empty());
    assert!(
        message(&f).contains("speaker links go from quote to source, not from quote to claim"),
        "{}",
        message(&f)
    );
    assert!(
        f.app.session().unwrap().pending_link.is_some(),
        "still pending"
    );
    // From a claim, `cites` names both of the labels it may start at.
    f.act(&[Action::Cancel]);
    f.set_cursor(claim.start);
    f.act(&[Action::Link]);
    f.set_cursor(quote.start);
    press(&mut f, 'c');
    assert!(
        message(&f)
            .contains("cites links go from quote or claim to source, not from claim to quote"),
        "{}",
        message(&f)
    );
    f.set_cursor(source.start);
    press(&mut f, 's');
    assert!(
        message(&f).contains("not from claim to source"),
        "{}",
        message(&f)
    );
    press(&mut f, 'c');
    assert_eq!(links(&f).len(), 1);
    assert_eq!(links(&f)[0].kind, "cites");
}

#[test]
fn in_the_type_picker_a_key_picks_its_type_as_a_digit_does() {
    let (mut f, source, _, quote) = spans_only();
    f.app.labels = two_keyed_types('s');
    f.set_cursor(quote.start);
    f.act(&[Action::Link]);
    f.set_cursor(source.start);
    f.act(&[Action::Link]);
    assert!(
        message(&f).contains("which type? 1 speaker · 2 cites · keys: s speaker, c cites"),
        "{}",
        message(&f)
    );
    // Even with the cursor moved off the span the picker asks about.
    f.set_cursor(0);
    f.set_cursor(f.at("Next"));
    assert_eq!(press(&mut f, 's'), Some(Event::Action(Action::LinkAs('s'))));
    assert_eq!(links(&f).len(), 1);
    assert_eq!(links(&f)[0].kind, "speaker");
    assert_eq!(links(&f)[0].to, glosser_core::store::LinkEnd::of(&source));
    assert_eq!(f.spans().len(), 3, "s selected no sentence");
}

#[test]
fn with_r_as_a_type_key_r_keeps_its_behaviour_and_picks_in_the_picker() {
    let (mut f, source, _, quote) = spans_only();
    f.app.labels = two_keyed_types('r');
    f.set_cursor(quote.start);
    assert_eq!(press(&mut f, 'r'), Some(Event::Action(Action::Link)));
    assert!(
        message(&f).contains("r links, Esc cancels · c cites"),
        "r is not listed twice: {}",
        message(&f)
    );
    f.set_cursor(source.start);
    // Two types fit: r asks which, as it always did.
    assert_eq!(press(&mut f, 'r'), Some(Event::Action(Action::Link)));
    assert!(links(&f).is_empty());
    assert!(message(&f).contains("which type?"), "{}", message(&f));
    // In the picker r is speaker's key: r r picks it.
    assert_eq!(press(&mut f, 'r'), Some(Event::Action(Action::LinkAs('r'))));
    assert_eq!(links(&f).len(), 1);
    assert_eq!(links(&f)[0].kind, "speaker");
}

#[test]
fn with_no_link_pending_or_no_second_span_the_keymap_applies() {
    let (mut f, _, _, quote) = spans_only();
    f.app.labels = two_keyed_types('s');
    f.set_cursor(quote.start);
    // No link pending: `s` selects the sentence, `c` moves edges.
    assert_eq!(
        crate::translate(&f.app, &key('s')),
        Some(Event::Action(Action::SelectSentence))
    );
    assert_eq!(
        crate::translate(&f.app, &key('c')),
        Some(Event::Action(Action::EditEdges))
    );
    f.act(&[Action::Link]);
    // Still on the first span, or on no span: the keys keep their meaning.
    assert_eq!(
        crate::translate(&f.app, &key('s')),
        Some(Event::Action(Action::SelectSentence))
    );
    f.set_cursor(f.at("Next"));
    assert_eq!(
        crate::translate(&f.app, &key('c')),
        Some(Event::Action(Action::EditEdges))
    );
    assert_eq!(
        crate::translate(&f.app, &key('s')),
        Some(Event::Action(Action::SelectSentence))
    );
    // Ctrl with a type's key is never the type.
    f.set_cursor(0);
    let ctrl = TermEvent::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(
        crate::translate(&f.app, &ctrl),
        Some(Event::Action(Action::Quit))
    );
    // Spoken directly with nothing pending, the action says how to use it.
    f.act(&[Action::Cancel, Action::LinkAs('c')]);
    assert!(
        message(&f).contains("no link is pending: r on a span starts one"),
        "{}",
        message(&f)
    );
    assert!(links(&f).is_empty());
}

#[test]
fn the_help_lists_the_link_type_keys() {
    let (mut f, ..) = spans_only();
    f.app.labels = two_keyed_types('s');
    let help = crate::view::help::lines(&f.app);
    assert!(
        help.iter()
            .any(|(k, d)| k == "c" && d.contains("a cites link (quote/claim → source)")),
        "{help:?}"
    );
}
