//! The `S` view shows the team's γ and the warnings the core puts on the figures, the same as
//! `glosser agree` prints.
use super::*;

#[test]
fn stats_view_shows_gamma_and_why_a_figure_misleads() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(dir.path());
    act(&mut app, &[Action::SelectSentence, Action::Label(1)]);
    // Another annotator: the same claim, and an opinion the tester never marked.
    let doc = app.document().unwrap().clone();
    let file = glosser_core::store::AnnotationFile {
        document: "000_b226eff58fa68952.txt".into(),
        annotator: "other".into(),
        text_sha256: doc.sha256().into(),
        status: glosser_core::store::Status::Done,
        spans: glosser_core::span::AnnotationSet::from_spans(vec![
            glosser_core::span::Span::new(&doc, 0..263, "claim"),
            glosser_core::span::Span::new(&doc, 600..682, "opinion"),
        ]),
        ..Default::default()
    };
    glosser_core::store::save(
        &dir.path().join("000_b226eff58fa68952.txt.other.ron"),
        &file,
    )
    .unwrap();
    act(&mut app, &[Action::Stats]);
    let Mode::Stats(Some(stats)) = &app.mode else {
        panic!("S opens the stats view");
    };
    let gamma = stats
        .gamma
        .as_ref()
        .expect("two annotators share a document: γ");
    assert_eq!(gamma.annotators, ["other", "tester"]);
    assert_eq!(gamma.settings.samples, 30);
    let opinion = stats
        .warnings
        .iter()
        .find(|(place, _)| place == "opinion")
        .expect("the opinion only one of them marked is warned about");
    assert!(
        opinion.1.starts_with("tester marked no opinion"),
        "{opinion:?}"
    );
    let terminal = screen(&mut app, 120, 40);
    let text = terminal.backend().to_string();
    assert!(text.contains("gamma"), "{text}");
    assert!(text.contains("samples, seed 0"), "{text}");
    assert!(
        text.contains("! opinion: tester marked no opinion"),
        "{text}"
    );
    let flagged = |label: &str| {
        text.lines().any(|l| {
            l.contains(&format!("{label:<14} "))
                && l.trim_end_matches(['│', ' ', '"']).ends_with("  !")
        })
    };
    assert!(flagged("opinion"), "the opinion row is marked: {text}");
}
