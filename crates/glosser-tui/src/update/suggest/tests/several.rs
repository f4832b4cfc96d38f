//! Several suggesters at once (`--suggestions a,b`), `--min-score`, and the control set (a
//! document annotated blind shows no suggestions).

use super::*;

/// Writes `a.txt.NAME.ron` with these (needle, label, score) suggestions.
fn file_of(f: &Fixture, name: &str, spans: &[(&str, &str, f64)]) {
    let doc = Document::from_text(ARTICLE);
    let mut file = AnnotationFile::new("a.txt", name, doc.sha256());
    for (needle, label, score) in spans {
        let start = doc.byte_to_char(ARTICLE.find(needle).unwrap()).unwrap();
        let mut span = Span::new(&doc, start..start + needle.chars().count(), *label);
        span.score = Some(Score(*score));
        file.spans.insert_unchecked(span);
    }
    glosser_core::store::save(&f.dir.path().join(format!("a.txt.{name}.ron")), &file).unwrap();
}

/// (label, score, suggesters) of the ghosts.
fn shown(f: &Fixture) -> Vec<(String, f64, Vec<String>)> {
    ghosts(f.app.session().unwrap())
        .iter()
        .map(|g| {
            (
                g.label.clone(),
                g.score.map_or(0.0, |s| s.0),
                g.from.clone(),
            )
        })
        .collect()
}

#[test]
fn several_suggesters_are_shown_together_the_same_span_once() {
    let mut f = Fixture::article();
    file_of(&f, "quotes", &[("“quoted words”", "quote", 1.0)]);
    file_of(
        &f,
        "llm",
        &[
            ("“quoted words”", "quote", 0.6),
            ("First claim here.", "claim", 0.8),
        ],
    );
    f.app.override_suggesting(&crate::app::Suggesting {
        names: vec!["quotes".into(), "llm".into()],
        ..Default::default()
    });
    assert_eq!(
        shown(&f),
        [
            ("claim".into(), 0.8, vec!["llm".into()]),
            ("quote".into(), 1.0, vec!["quotes".into(), "llm".into()]),
        ]
    );
    // Accepting the shared one decides it for both.
    let at = f.at("quoted");
    f.set_cursor(at);
    f.act(&[Action::AcceptSuggestion]);
    assert_eq!(shown(&f).len(), 1);
    let accepted = f.app.session().unwrap().file.spans.get(0).unwrap().clone();
    assert!(accepted.from.is_empty() && accepted.score.is_none());
}

#[test]
fn min_score_hides_the_low_ones() {
    let mut f = Fixture::article();
    file_of(
        &f,
        "llm",
        &[
            ("“quoted words”", "quote", 0.6),
            ("First claim here.", "claim", 0.3),
        ],
    );
    f.app.override_suggesting(&crate::app::Suggesting {
        names: vec!["llm".into()],
        min_score: Some(0.5),
        learner: false,
    });
    assert_eq!(shown(&f), [("quote".into(), 0.6, vec!["llm".into()])]);
    f.app.override_suggesting(&crate::app::Suggesting {
        min_score: Some(0.0),
        ..Default::default()
    });
    assert_eq!(
        shown(&f).len(),
        2,
        "the config's suggesters stay when only the score changes"
    );
}

#[test]
fn a_blind_document_shows_no_suggestions_and_says_so() {
    let mut f = Fixture::article();
    file_of(&f, "llm", &[("First claim here.", "claim", 0.9)]);
    std::fs::write(
        f.dir.path().join("assignments.ron"),
        "(blind_for: {\"tester\": [\"a.txt\"]})\n",
    )
    .unwrap();
    f.app.assignments = glosser_core::assignments::Assignments::for_corpus(f.dir.path()).0;
    f.app.show_suggestions("llm");
    assert!(f.app.session().unwrap().blind);
    assert!(shown(&f).is_empty());
    assert!(
        f.app
            .message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("control set")),
        "{:?}",
        f.app.message
    );
    f.act(&[Action::AcceptAllSuggestions]);
    assert!(
        f.spans().is_empty(),
        "nothing to accept on a blind document"
    );
    // The next document is not blind.
    f.act(&[Action::NextDocument]);
    assert!(!f.app.session().unwrap().blind);
}

#[test]
fn the_config_takes_several_names_a_min_score_and_the_learner() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(
        &path,
        "(suggestions: \"quotes, llm\", min_score: 0.4, learner: true)\n",
    )
    .unwrap();
    let (config, warning) = glosser_core::config::load_config(Some(&path));
    assert_eq!(warning, None);
    assert_eq!(
        crate::app::Suggesting::names_from(config.suggestions.as_deref().unwrap()),
        ["quotes", "llm"]
    );
    assert_eq!(config.min_score.map(|s| s.0), Some(0.4));
    assert!(config.learner);
}
