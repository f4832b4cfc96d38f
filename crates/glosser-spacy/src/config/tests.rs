//! Unit tests of the config generator (checks/ compares it with `spacy init config`).

use super::{
    Component, ConfigError, ConfigOptions, LengthHistogram, suggester_sizes, training_config,
};

fn histogram(pairs: &[(usize, usize)]) -> LengthHistogram {
    pairs.iter().copied().collect()
}

#[test]
fn sizes_cover_every_length_by_default() {
    let lengths = histogram(&[(1, 10), (2, 5), (7, 1), (30, 1)]);
    assert_eq!(
        suggester_sizes(&lengths, 1.0, None),
        (vec![1, 2, 7, 30], vec![])
    );
}

#[test]
fn sizes_stop_at_the_coverage_and_the_cap() {
    let lengths = histogram(&[(1, 10), (2, 5), (7, 1), (30, 1)]);
    // 15 of 17 spans is 88%: one more length is needed for 90%; 7 and 30 tie, 7 is shorter.
    assert_eq!(
        suggester_sizes(&lengths, 0.9, None),
        (vec![1, 2, 7], vec![30])
    );
    assert_eq!(
        suggester_sizes(&lengths, 1.0, Some(10)),
        (vec![1, 2, 7], vec![30])
    );
}

#[test]
fn no_spans_give_spacy_default_sizes() {
    assert_eq!(
        suggester_sizes(&LengthHistogram::new(), 1.0, None),
        (vec![1, 2, 3], vec![])
    );
}

#[test]
fn config_names_the_pipeline_and_sizes() {
    let text = training_config(&ConfigOptions {
        components: vec![Component::Ner, Component::Spancat],
        suggester_sizes: vec![4, 1, 4],
        train_path: Some("corpus/train.spacy".into()),
        ..ConfigOptions::default()
    })
    .expect("valid options");
    assert!(text.starts_with("[paths]\ntrain = \"corpus/train.spacy\"\ndev = null\n"));
    assert!(text.contains("pipeline = [\"tok2vec\", \"spancat\", \"ner\"]\n"));
    assert!(text.contains(
        "[components.spancat.suggester]\n@misc = \"spacy.ngram_suggester.v1\"\nsizes = [1, 4]\n"
    ));
    assert!(text.contains("spans_sc_f = 0.5\n") && text.contains("ents_f = 0.5\n"));
}

#[test]
fn config_refuses_empty_requests() {
    let none = ConfigOptions {
        components: vec![],
        ..ConfigOptions::default()
    };
    assert_eq!(training_config(&none), Err(ConfigError::NoComponent));
    let no_sizes = ConfigOptions {
        suggester_sizes: vec![0],
        ..ConfigOptions::default()
    };
    assert_eq!(
        training_config(&no_sizes),
        Err(ConfigError::NoSuggesterSize)
    );
}

#[test]
fn histogram_counts_token_lengths() {
    use crate::spans::{LabelledSpan, PlacedSpan};
    let placed = |tokens: std::ops::Range<usize>| PlacedSpan {
        index: 0,
        span: LabelledSpan::new(0, 1, "x"),
        tokens,
    };
    let spans = [placed(0..1), placed(2..5), placed(7..8)];
    assert_eq!(
        super::span_length_histogram(&spans),
        histogram(&[(1, 2), (3, 1)])
    );
}
