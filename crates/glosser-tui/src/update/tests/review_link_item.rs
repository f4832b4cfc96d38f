//! Review decides links with their spans: two annotators who agree on a quote but link it
//! differently leave an item; accepting a version puts exactly that annotator's links over gold
//! spans into gold; links whose other span is not in gold are counted; agreed links go in up
//! front; a decided link item stays decided until an annotator changes their links.

use super::super::*;
use super::review::{TEXT, act, gold, review, write};
use super::review_trust::open_review;
use glosser_core::store::{self, Link, LinkEnd};

pub(super) fn speaker(from: (usize, usize, &str), to: (usize, usize, &str)) -> Link {
    Link {
        kind: "speaker".into(),
        from: LinkEnd(from.0, from.1, from.2.into()),
        to: LinkEnd(to.0, to.1, to.2.into()),
    }
}

/// Gives `who`'s file in `dir` these links.
pub(super) fn draw_links(dir: &std::path::Path, who: &str, links: &[Link]) {
    let path = dir.join(format!("a.txt.{who}.ron"));
    let mut file = store::load(&path).unwrap();
    file.links = links.to_vec();
    file.links.sort();
    store::save(&path, &file).unwrap();
}

pub(super) const ALPHA: (usize, usize, &str) = (0, 5, "source");
pub(super) const QUOTE: (usize, usize, &str) = (18, 37, "quote");
pub(super) const KAPPA: (usize, usize, &str) = (54, 59, "source");

/// Alice and Bob both mark the sources "Alpha" and "Kappa" and the quote between them; alice
/// links the quote to Alpha, bob to Kappa (or to nothing, `bob_links` empty).
pub(super) fn linked_differently(bob_links: &[Link]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    for who in ["alice", "bob"] {
        write(dir.path(), who, &[ALPHA, QUOTE, KAPPA]);
    }
    draw_links(dir.path(), "alice", &[speaker(QUOTE, ALPHA)]);
    draw_links(dir.path(), "bob", bob_links);
    dir
}

fn gold_links(app: &App) -> Vec<Link> {
    app.session().unwrap().file.links.clone()
}

fn message(app: &App) -> String {
    app.message.clone().map(|(m, _)| m).unwrap_or_default()
}

#[test]
fn a_quote_linked_to_different_sources_is_an_item_and_accepting_takes_those_links() {
    let dir = linked_differently(&[speaker(QUOTE, KAPPA)]);
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert_eq!(review(&app).items.len(), 1, "the quote's links differ");
    assert_eq!(review(&app).items[0].range, 18..37);
    assert_eq!(
        review(&app).links,
        [vec![speaker(QUOTE, ALPHA)], vec![speaker(QUOTE, KAPPA)]]
    );
    // The sources are agreed (a link belongs to the span it goes from) and went in up front.
    assert_eq!(gold(&app).len(), 2);
    assert!(
        message(&app).contains("accepted 2 spans everyone agrees on"),
        "{}",
        message(&app)
    );
    act(&mut app, &[Action::Label(2)], &mut now);
    assert_eq!(gold(&app).len(), 3);
    assert_eq!(
        gold_links(&app),
        [speaker(QUOTE, KAPPA)],
        "bob's link, not alice's"
    );
    assert!(
        message(&app).contains("accepted bob's version; 0 items left"),
        "{}",
        message(&app)
    );
    act(&mut app, &[Action::Undo], &mut now);
    assert!(gold_links(&app).is_empty());
    assert_eq!(gold(&app).len(), 2);
    act(&mut app, &[Action::Label(1)], &mut now);
    assert_eq!(
        gold_links(&app),
        [speaker(QUOTE, ALPHA)],
        "alice's link, not bob's"
    );
}

#[test]
fn a_quote_only_one_annotator_linked_is_an_item_too() {
    let dir = linked_differently(&[]);
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert_eq!(review(&app).items.len(), 1);
    act(&mut app, &[Action::Label(2)], &mut now);
    assert!(gold(&app).iter().any(|g| (g.0, g.1) == (18, 37)));
    assert!(gold_links(&app).is_empty(), "bob drew no link");
}

#[test]
fn links_everyone_drew_go_into_gold_with_the_agreed_spans_undoably() {
    let dir = linked_differently(&[speaker(QUOTE, ALPHA)]);
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert!(review(&app).items.is_empty());
    assert_eq!(gold_links(&app), [speaker(QUOTE, ALPHA)]);
    assert!(
        message(&app).contains("accepted 3 spans and 1 link everyone agrees on"),
        "{}",
        message(&app)
    );
    act(&mut app, &[Action::Undo], &mut now);
    assert!(gold_links(&app).is_empty());
    assert!(gold(&app).is_empty());
}

#[test]
fn a_decided_link_item_stays_decided_until_an_annotator_changes_their_links() {
    let dir = linked_differently(&[speaker(QUOTE, KAPPA)]);
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(&mut app, &[Action::Label(2), Action::Save], &mut now);
    drop(app);
    let (app, _) = open_review(dir.path(), 120, 40);
    assert!(review(&app).items.is_empty());
    assert_eq!(review(&app).earlier, 1);
    assert_eq!(gold_links(&app), [speaker(QUOTE, KAPPA)]);
    drop(app);
    // Bob now links the quote to Alpha as well: gold's link is nobody's any more.
    draw_links(
        dir.path(),
        "bob",
        &[speaker(QUOTE, KAPPA), speaker(QUOTE, ALPHA)],
    );
    let corpus = glosser_core::corpus::Corpus::scan(dir.path()).unwrap();
    let names = vec!["alice".to_owned(), "bob".to_owned()];
    assert!(glosser_core::review::ready::changed_since_adjudication(
        &corpus.documents[0],
        &names,
        "gold"
    ));
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert_eq!(review(&app).items.len(), 1, "open again");
    assert!(review(&app).changed);
    // Deciding afresh puts exactly alice's links in: bob's link from the quote leaves gold.
    act(&mut app, &[Action::Label(1)], &mut now);
    assert_eq!(gold_links(&app), [speaker(QUOTE, ALPHA)]);
}

#[test]
fn a_link_waits_for_its_other_span_and_follows_the_decision_on_its_first_span() {
    // Alice has the quote linked to Kappa; bob has the quote, no Kappa and no link.
    let setup = || {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
        write(dir.path(), "alice", &[QUOTE, KAPPA]);
        write(dir.path(), "bob", &[QUOTE]);
        draw_links(dir.path(), "alice", &[speaker(QUOTE, KAPPA)]);
        dir
    };
    let dir = setup();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert_eq!(
        review(&app).items.len(),
        2,
        "the quote (links) and Kappa (alice's only)"
    );
    act(&mut app, &[Action::Label(1)], &mut now);
    assert!(gold_links(&app).is_empty());
    assert!(
        message(&app).contains(
            "accepted alice's version; 1 of alice's links not carried: its other span is not in gold"
        ),
        "{}",
        message(&app)
    );
    // Kappa from alice: the link comes along, since the quote was decided for alice.
    act(&mut app, &[Action::Label(1)], &mut now);
    assert_eq!(gold_links(&app), [speaker(QUOTE, KAPPA)]);

    // The quote decided for bob instead: accepting alice's Kappa does not bring her link.
    let dir = setup();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(&mut app, &[Action::Label(2), Action::Label(1)], &mut now);
    assert_eq!(gold(&app).len(), 2);
    assert!(gold_links(&app).is_empty(), "{:?}", gold_links(&app));
}

#[test]
fn a_gold_with_the_agreed_spans_but_not_their_link_gains_the_link() {
    let dir = linked_differently(&[speaker(QUOTE, ALPHA)]);
    write(dir.path(), "gold", &[ALPHA, QUOTE, KAPPA]);
    let (app, _) = open_review(dir.path(), 120, 40);
    assert_eq!(gold_links(&app), [speaker(QUOTE, ALPHA)]);
    assert!(
        message(&app).contains("accepted 1 link everyone agrees on"),
        "{}",
        message(&app)
    );
}
