//! Keystrokes to attribute a quote to a name already tagged, on the first seed article: the
//! figures in docs/keys.md ("Links").

use super::super::tests::Fixture;
use super::super::*;
use glosser_core::store::LinkEnd;

const SEED: &str = include_str!("../../../../../seeds/000_b226eff58fa68952.txt");

fn typed(f: &mut Fixture, text: &str) {
    text.chars().for_each(|c| f.send(Event::PromptChar(c)));
    f.send(Event::PromptSubmit);
}

/// The seed with "Estonian Foreign Minister Margus Tsahkna" tagged `source` and his quotation
/// “a leader positioning for advantage, not peace.” tagged `quote`; the cursor on the quote.
fn tagged() -> Fixture {
    let mut f = Fixture::new(&[("seed.txt", SEED)]);
    f.set_cursor(683);
    f.act(&[Action::StartSelection, Action::NameEnd, Action::Label(5)]);
    f.act(&[Action::Search]);
    typed(&mut f, "lead");
    f.act(&[Action::SelectQuotation, Action::Label(2)]);
    assert_eq!(
        f.spans(),
        [(683, 723, "source".into()), (825, 873, "quote".into())]
    );
    f
}

fn speaker() -> Vec<glosser_core::store::Link> {
    vec![glosser_core::store::Link {
        kind: "speaker".into(),
        from: LinkEnd(825, 873, "quote".into()),
        to: LinkEnd(683, 723, "source".into()),
    }]
}

#[test]
fn three_keys_when_the_name_is_the_neighbouring_span() {
    let mut f = tagged();
    // At the quote's start, where `]`, `[` leave the cursor (inside it, `[` goes to its start).
    f.set_cursor(825);
    // r [ r: three keys.
    f.act(&[Action::Link, Action::PrevSpan, Action::Link]);
    assert_eq!(f.app.session().unwrap().file.links, speaker());
}

#[test]
fn r_search_r_when_the_name_is_further_away() {
    let mut f = tagged();
    f.set_cursor(830);
    // r /Tsah Enter r: seven keys (one per typed character).
    f.act(&[Action::Link, Action::Search]);
    typed(&mut f, "Tsah");
    f.act(&[Action::Link]);
    assert_eq!(f.app.session().unwrap().file.links, speaker());
}

#[test]
fn four_keys_when_the_name_is_in_the_same_sentence() {
    let mut f = tagged();
    f.set_cursor(830);
    // r f <hint> r: the word jump shows a letter on every word of the sentence.
    f.act(&[Action::Link, Action::JumpToWord]);
    let crate::app::Mode::Jump(jump) = &f.app.mode else {
        panic!("f shows the hints");
    };
    let hint = jump
        .targets
        .iter()
        .find(|(_, offset)| *offset == 716)
        .map(|(h, _)| h.clone())
        .expect("Tsahkna has a hint");
    assert_eq!(hint.chars().count(), 1, "a near word: one letter");
    hint.chars().for_each(|c| f.send(Event::PromptChar(c)));
    f.act(&[Action::Link]);
    assert_eq!(f.app.session().unwrap().file.links, speaker());
}
