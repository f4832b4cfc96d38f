//! Learner tests: fitting, incremental updates, thresholds, span offsets, determinism.

use super::*;

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    let claims = [
        "The ministry said 40 people died on Monday.",
        "Officials said the talks lasted five hours.",
        "The company reported a loss of 3 million euros.",
        "Police said two men were arrested in Kyiv.",
    ];
    let opinions = [
        "This is a disastrous and shameful policy.",
        "Critics argue the plan is doomed to fail.",
        "It is a brilliant and overdue decision.",
        "The deal looks like a terrible mistake.",
    ];
    let unverified = [
        "Sources say the minister may resign soon.",
        "Reportedly, the army is preparing an attack.",
        "Anonymous officials claim the deal is dead.",
        "Rumours suggest the president is unwell.",
    ];
    let none = [
        "Read more on our website.",
        "Photo: Reuters.",
        "The article was updated.",
        "Subscribe to our newsletter.",
    ];
    for (list, label) in [
        (claims, Some("claim")),
        (opinions, Some("opinion")),
        (unverified, Some("unverified")),
        (none, None),
    ] {
        out.extend(list.iter().map(|t| Example::new(*t, label)));
    }
    out
}

#[test]
fn it_learns_the_training_sentences() {
    let mut learner = SentenceLearner::new(
        &["claim", "opinion", "unverified"],
        LearnerConfig::default(),
    );
    learner.add_examples(&examples());
    learner.retrain();
    for e in examples() {
        assert_eq!(learner.predict(&e.text).label, e.label, "{}", e.text);
    }
    assert_eq!(learner.example_count(), 16);
    assert_eq!(
        learner.classes(),
        ["none", "claim", "opinion", "unverified"]
    );
}

#[test]
fn incremental_updates_move_predictions_toward_new_labels() {
    let mut learner = SentenceLearner::new(&[], LearnerConfig::default());
    learner.add_examples(&examples());
    let probe = "Sources say the general may be dismissed.";
    let before = learner.predict(probe);
    learner.add_examples(&[
        Example::new(
            "Sources say the general may be replaced.",
            Some("unverified"),
        ),
        Example::new(
            "Sources say the colonel may be dismissed.",
            Some("unverified"),
        ),
    ]);
    let after = learner.predict(probe);
    let p = |pr: &Prediction| {
        pr.scores
            .iter()
            .find(|(c, _)| c == "unverified")
            .map_or(0.0, |s| s.1)
    };
    assert!(p(&after) > p(&before), "{before:?} → {after:?}");
    assert_eq!(after.label.as_deref(), Some("unverified"));
    assert_eq!(learner.classes()[0], NONE);
}

#[test]
fn scores_are_probabilities_and_the_threshold_holds_labels_back() {
    let mut learner = SentenceLearner::new(&["claim"], LearnerConfig::default());
    learner.add_examples(&examples());
    let prediction = learner.predict("Officials said the ministry reported five deaths.");
    let total: f64 = prediction.scores.iter().map(|s| s.1).sum();
    assert!((total - 1.0).abs() < 1e-6);
    assert!((learner.config().threshold - 0.5).abs() < f64::EPSILON);
    learner.set_threshold(1.1);
    assert_eq!(
        learner
            .predict("Officials said the talks lasted five hours.")
            .label,
        None
    );
    assert!(
        learner
            .suggest("Officials said so. Photo: Reuters.")
            .is_empty()
    );
}

#[test]
fn suggestions_are_sentence_spans_in_chars() {
    let mut learner = SentenceLearner::new(
        &["claim", "opinion", "unverified"],
        LearnerConfig::default(),
    );
    learner.add_examples(&examples());
    learner.retrain();
    let text = "👨‍👩‍👧 Photo: Reuters. This is a disastrous and shameful policy.";
    let spans = learner.suggest(text);
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!(
        (spans[0].start, spans[0].end, spans[0].label.as_str()),
        (22, 63, "opinion")
    );
    assert!(spans[0].score >= 0.5 && spans[0].score <= 1.0);
}

#[test]
fn the_same_data_and_seed_give_the_same_model() {
    let train = |seed| {
        let mut l = SentenceLearner::new(
            &[],
            LearnerConfig {
                seed,
                ..LearnerConfig::default()
            },
        );
        l.add_examples(&examples());
        l.predict("Critics argue the deal is a mistake.").scores
    };
    assert_eq!(train(3), train(3));
}
