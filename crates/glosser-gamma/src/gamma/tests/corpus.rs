//! Tests of document and corpus γ: agreement, seeds, threads, pooling.

#![allow(clippy::float_cmp)] // exact figures

use crate::alignment::best_alignment;
use crate::gamma::*;

fn unit(annotator: &str, start: f64, end: f64, category: &str) -> Unit {
    Unit {
        annotator: annotator.to_owned(),
        start,
        end,
        category: category.to_owned(),
    }
}

fn document(id: &str, units: Vec<Unit>) -> Document {
    Document {
        id: id.to_owned(),
        annotators: Vec::new(),
        units,
    }
}

fn disagreeing(id: &str) -> Document {
    document(
        id,
        vec![
            unit("a", 0.0, 10.0, "claim"),
            unit("b", 1.0, 10.0, "claim"),
            unit("c", 0.0, 9.0, "quote"),
            unit("a", 20.0, 30.0, "quote"),
            unit("b", 22.0, 33.0, "quote"),
            unit("c", 50.0, 60.0, "claim"),
        ],
    )
}

fn small_config() -> GammaConfig {
    GammaConfig {
        samples: 8,
        seed: 11,
        ..GammaConfig::default()
    }
}

#[test]
fn perfect_agreement_is_one() {
    let doc = document(
        "same",
        vec![
            unit("a", 0.0, 5.0, "claim"),
            unit("b", 0.0, 5.0, "claim"),
            unit("a", 8.0, 12.0, "quote"),
            unit("b", 8.0, 12.0, "quote"),
        ],
    );
    let result = document_gamma(&doc, &small_config()).unwrap();
    assert_eq!(result.gamma, 1.0);
    assert_eq!(result.gamma_cat, 1.0);
    assert_eq!(result.gamma_k["claim"], Some(1.0));
    assert_eq!(result.observed_disorder, 0.0);
    assert!(result.expected_disorder > 0.0);
    assert!(result.exact);
}

#[test]
fn result_reports_alignment_samples_and_seed() {
    let doc = disagreeing("d");
    let config = small_config();
    let result = document_gamma(&doc, &config).unwrap();
    assert_eq!(result.chance.samples, 8);
    assert_eq!(result.chance.seed, 11);
    assert_eq!(result.chance.stream, Some(document_stream("d")));
    assert_eq!(result.chance.disorders.len(), 8);
    assert_eq!(result.units, 6);
    assert_eq!(result.annotators, ["a", "b", "c"]);
    let expected =
        result.chance.disorders.iter().sum::<f64>() / result.chance.disorders.len() as f64;
    assert!((result.expected_disorder - expected).abs() < 1e-12);
    assert!((result.gamma - (1.0 - result.observed_disorder / expected)).abs() < 1e-12);
    let continuum = Continuum::from_document(&doc).unwrap();
    let alignment = best_alignment(&continuum, &config.dissimilarity, &config.limits).unwrap();
    assert_eq!(alignment, result.alignment);
    assert!(
        result
            .alignment
            .unitary_alignments
            .iter()
            .any(crate::alignment::UnitaryAlignment::is_alone)
    );
    assert!(result.gamma < 1.0);
}

#[test]
fn same_seed_same_result_other_seed_other_chance() {
    let doc = disagreeing("d");
    let first = document_gamma(&doc, &small_config()).unwrap();
    assert_eq!(first, document_gamma(&doc, &small_config()).unwrap());
    let other = GammaConfig {
        seed: 12,
        ..small_config()
    };
    let second = document_gamma(&doc, &other).unwrap();
    assert_eq!(first.observed_disorder, second.observed_disorder);
    assert_ne!(first.chance.disorders, second.chance.disorders);
}

#[test]
fn threads_do_not_change_the_result() {
    let doc = disagreeing("d");
    let one = GammaConfig {
        threads: 1,
        ..small_config()
    };
    let three = GammaConfig {
        threads: 3,
        ..small_config()
    };
    assert_eq!(
        document_gamma(&doc, &one).unwrap(),
        document_gamma(&doc, &three).unwrap()
    );
    assert_eq!(
        parallel_map(&[1, 2, 3, 4, 5], 2, |x| x * 10),
        vec![10, 20, 30, 40, 50]
    );
    assert_eq!(parallel_map(&[7], 0, |x| x + 1), vec![8]);
}

#[test]
fn chance_samples_are_the_ones_used() {
    let doc = disagreeing("d");
    let config = small_config();
    let result = document_gamma(&doc, &config).unwrap();
    let samples = chance_samples(&doc, &config).unwrap();
    assert_eq!(samples.len(), 8);
    for (sample, &disorder) in samples.iter().zip(&result.chance.disorders) {
        assert_eq!(sample.annotators, ["a", "b", "c"]);
        let continuum = Continuum::from_document(sample).unwrap();
        let alignment = best_alignment(&continuum, &config.dissimilarity, &config.limits).unwrap();
        assert!((alignment.disorder - disorder).abs() < 1e-9);
    }
}

#[test]
fn corpus_of_one_document_equals_the_document() {
    let doc = disagreeing("d");
    let config = small_config();
    let corpus = corpus_gamma(std::slice::from_ref(&doc), &config).unwrap();
    let single = document_gamma(&doc, &config).unwrap();
    assert!((corpus.gamma - single.gamma).abs() < 1e-12);
    assert!((corpus.gamma_cat - single.gamma_cat).abs() < 1e-12);
    assert_eq!(corpus.gamma_k, single.gamma_k);
    assert_eq!(corpus.chance.stream, None);
    assert_eq!(corpus.documents, vec![single]);
}

#[test]
fn corpus_pools_disorders_weighted_by_units_per_annotator() {
    let config = small_config();
    let first = disagreeing("one");
    let second = document(
        "two",
        vec![
            unit("a", 0.0, 4.0, "claim"),
            unit("b", 0.0, 5.0, "claim"),
            unit("a", 9.0, 14.0, "opinion"),
        ],
    );
    let corpus = corpus_gamma(&[first, second], &config).unwrap();
    let [d1, d2] = [&corpus.documents[0], &corpus.documents[1]];
    let (w1, w2) = (6.0 / 3.0, 3.0 / 2.0);
    let observed = (d1.observed_disorder * w1 + d2.observed_disorder * w2) / (w1 + w2);
    assert!((corpus.observed_disorder - observed).abs() < 1e-12);
    assert!(
        (corpus.gamma - (1.0 - corpus.observed_disorder / corpus.expected_disorder)).abs() < 1e-12
    );
    assert!(corpus.gamma_k.contains_key("opinion"));
    assert!(corpus.exact);
    // Each document keeps its own stream: its figures do not depend on its neighbours.
    assert_eq!(
        corpus.documents[0],
        document_gamma(&disagreeing("one"), &config).unwrap()
    );
}

#[test]
fn invalid_settings_are_rejected() {
    let doc = disagreeing("d");
    let none = GammaConfig {
        samples: 0,
        ..GammaConfig::default()
    };
    assert!(matches!(
        document_gamma(&doc, &none),
        Err(GammaError::InvalidConfig { .. })
    ));
    assert!(chance_samples(&doc, &none).is_err());
    assert!(corpus_gamma(&[], &GammaConfig::default()).is_err());
    let bad_delta = GammaConfig {
        dissimilarity: Dissimilarity {
            delta_empty: -1.0,
            ..Dissimilarity::default()
        },
        ..small_config()
    };
    assert!(document_gamma(&doc, &bad_delta).is_err());
}

#[test]
fn stream_is_fnv1a() {
    assert_eq!(document_stream(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(document_stream("a"), 0xaf63_dc4c_8601_ec8c);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(40))]
    #[test]
    fn unit_order_does_not_matter(seed in 0_u64..1000, rotate in 0_usize..6) {
        let mut doc = disagreeing("d");
        doc.units.rotate_left(rotate);
        let config = GammaConfig { samples: 3, seed, threads: 1, ..GammaConfig::default() };
        let shuffled = document_gamma(&doc, &config).unwrap();
        let original = document_gamma(&disagreeing("d"), &config).unwrap();
        proptest::prop_assert_eq!(shuffled.gamma, original.gamma);
        proptest::prop_assert_eq!(shuffled.gamma_cat, original.gamma_cat);
        proptest::prop_assert_eq!(&shuffled.chance.disorders, &original.chance.disorders);
        proptest::prop_assert_eq!(shuffled.alignment.unitary_alignments.len(), original.alignment.unitary_alignments.len());
    }
}

#[test]
fn a_pool_fed_in_any_order_equals_the_corpus() {
    let config = small_config();
    let documents = [
        disagreeing("one"),
        document(
            "two",
            vec![unit("a", 0.0, 4.0, "claim"), unit("b", 1.0, 5.0, "quote")],
        ),
    ];
    let corpus = corpus_gamma(&documents, &config).unwrap();
    let mut pool = CorpusPool::new(&config);
    for document in documents.iter().rev() {
        pool.add(&document_share(document, &config).unwrap());
    }
    let pooled = pool.finish();
    assert_eq!(pool.documents(), 2);
    assert!((pooled.gamma - corpus.gamma).abs() < 1e-12);
    assert!((pooled.gamma_cat - corpus.gamma_cat).abs() < 1e-12);
    assert!((pooled.observed_disorder - corpus.observed_disorder).abs() < 1e-12);
    assert_eq!(
        pooled.gamma_k.keys().collect::<Vec<_>>(),
        corpus.gamma_k.keys().collect::<Vec<_>>()
    );
    assert!(pooled.documents.is_empty());
}
