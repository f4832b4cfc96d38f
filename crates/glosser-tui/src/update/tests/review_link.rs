//! Review carries the accepted annotator's links into gold, only those whose two spans are gold.

use std::time::Instant;

use super::super::*;
use super::review::{TEXT, alice_and_bob, write};
use crate::keymap::Keymap;
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::store::{self, Link, LinkEnd};

fn end(s: usize, e: usize, l: &str) -> LinkEnd {
    LinkEnd(s, e, l.into())
}

/// Gold reviewing alice and bob on the corpus at `root`.
fn review_as_gold(root: &std::path::Path) -> (App, Instant) {
    let corpus = Corpus::scan(root).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "gold".into(),
        Keymap::default(),
    );
    let now = Instant::now();
    update_now(&mut app, Event::Resize(120, 40), now);
    crate::update::review::start(&mut app, vec!["alice".into(), "bob".into()], now);
    (app, now)
}

#[test]
fn accepting_a_version_carries_its_links_once_both_spans_are_gold() {
    let dir = tempfile::tempdir().unwrap();
    alice_and_bob(dir.path());
    let path = dir.path().join("a.txt.alice.ron");
    let mut alice = store::load(&path).unwrap();
    let mut links = vec![
        Link {
            kind: "speaker".into(),
            from: end(38, 53, "quote"),
            to: end(0, 17, "claim"),
        },
        Link {
            kind: "speaker".into(),
            from: end(18, 37, "opinion"),
            to: end(38, 53, "quote"),
        },
    ];
    links.sort();
    alice.links.clone_from(&links);
    store::save(&path, &alice).unwrap();
    let (mut app, now) = review_as_gold(dir.path());
    let gold_links = |app: &App| app.session().unwrap().file.links.clone();
    assert!(gold_links(&app).is_empty());
    // Accept alice's opinion: its link goes to her quote, not gold yet, so nothing comes along.
    update_now(&mut app, Event::Action(Action::Label(1)), now);
    let file = &app.session().unwrap().file;
    assert!(file.spans.position((18, 37, "opinion")).is_some());
    assert!(gold_links(&app).is_empty(), "{:?}", gold_links(&app));
    let said = app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(
        said.contains("1 of alice's links not carried: its other span is not in gold"),
        "nothing silent: {said}"
    );
    // Accept alice's quote: both of her links now have their spans in gold.
    update_now(&mut app, Event::Action(Action::Label(1)), now);
    assert_eq!(gold_links(&app), links);
    update_now(&mut app, Event::Action(Action::Undo), now);
    assert!(gold_links(&app).is_empty());
}

#[test]
fn the_majority_carries_the_links_most_annotators_drew() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    write(
        dir.path(),
        "alice",
        &[(0, 17, "claim"), (18, 37, "opinion"), (38, 53, "quote")],
    );
    write(
        dir.path(),
        "bob",
        &[(0, 17, "claim"), (18, 37, "claim"), (38, 53, "quote")],
    );
    let shared = Link {
        kind: "speaker".into(),
        from: end(38, 53, "quote"),
        to: end(0, 17, "claim"),
    };
    let alone = Link {
        kind: "speaker".into(),
        from: end(38, 53, "quote"),
        to: end(18, 37, "opinion"),
    };
    for (who, links) in [
        ("alice", vec![shared.clone(), alone]),
        ("bob", vec![shared.clone()]),
    ] {
        let path = dir.path().join(format!("a.txt.{who}.ron"));
        let mut file = store::load(&path).unwrap();
        file.links = links;
        file.links.sort();
        store::save(&path, &file).unwrap();
    }
    let (mut app, now) = review_as_gold(dir.path());
    update_now(&mut app, Event::Action(Action::AcceptMajority), now);
    assert_eq!(
        app.session().unwrap().file.links,
        [shared],
        "only the link both drew, over spans gold holds"
    );
    update_now(&mut app, Event::Action(Action::Undo), now);
    assert!(app.session().unwrap().file.links.is_empty());
}

#[test]
fn a_digit_in_the_link_type_choice_picks_the_type_and_decides_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    write(
        dir.path(),
        "alice",
        &[(0, 17, "claim"), (18, 37, "opinion")],
    );
    write(dir.path(), "bob", &[(0, 17, "claim"), (18, 37, "claim")]);
    write(dir.path(), "gold", &[(0, 17, "claim"), (38, 53, "quote")]);
    let (mut app, now) = review_as_gold(dir.path());
    // Two link types fit quote → claim: linking asks which, by digit.
    app.labels = LabelSet::parse(
        r#"(labels: [(name: "claim"), (name: "quote"), (name: "opinion")],
            links: [(name: "speaker", from: ["quote"], to: ["claim"]),
                    (name: "cites", from: ["quote"], to: ["claim"])])"#,
        "glosser.ron",
    )
    .unwrap();
    for focus in [Focus::Sidebar, Focus::List] {
        let spans_before = app.session().unwrap().file.spans.clone();
        app.focus = focus;
        app.session_mut().unwrap().cursor = 40;
        update_now(&mut app, Event::Action(Action::Link), now);
        app.session_mut().unwrap().cursor = 3;
        update_now(&mut app, Event::Action(Action::Link), now);
        assert!(
            app.session()
                .unwrap()
                .pending_link
                .as_ref()
                .is_some_and(|p| p.choice.is_some()),
            "the type choice is open"
        );
        update_now(&mut app, Event::Action(Action::Label(2)), now);
        let file = &app.session().unwrap().file;
        assert_eq!(
            file.spans, spans_before,
            "{focus:?}: no review item decided"
        );
        assert_eq!(file.links.len(), 1, "{focus:?}");
        assert_eq!(file.links[0].kind, "cites");
        update_now(&mut app, Event::Action(Action::Undo), now);
        assert!(app.session().unwrap().file.links.is_empty());
    }
}
