//! pygamma's own test data: best-alignment figures recorded from pygamma-agreement 0.5.9
//! (`Continuum.get_best_alignment`, GLPK; `checks/run.sh` recomputes them on every run), and the
//! ranges its test suite asserts where they do not depend on its random generator.

#![allow(clippy::float_cmp)] // exact figures; fixture-reading helpers

use crate::{
    AlignmentQuality, Dissimilarity, Document, GammaConfig, SolverLimits, Unit, best_alignment,
    document_gamma,
};

fn fixture(name: &str) -> Document {
    let path = format!("{}/fixtures/pygamma/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let units = text
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            Unit {
                annotator: fields[0].to_owned(),
                category: fields[1].to_owned(),
                start: fields[2].parse().unwrap(),
                end: fields[3].parse().unwrap(),
            }
        })
        .collect();
    Document {
        id: name.to_owned(),
        annotators: Vec::new(),
        units,
    }
}

fn weighted(alpha: f64) -> Dissimilarity {
    Dissimilarity {
        alpha,
        ..Dissimilarity::default()
    }
}

/// (file, alpha, unitary alignments, disorder, categorical disorder) from pygamma 0.5.9.
const PYGAMMA_BEST: [(&str, f64, usize, f64, f64); 6] = [
    (
        "3by100.csv",
        3.0,
        127,
        0.343_511_673_711_961_34,
        0.098_782_589_290_040_83,
    ),
    (
        "AlexPaulSuzan.csv",
        3.0,
        6,
        0.960_624_933_242_797_9,
        0.587_816_173_851_086_5,
    ),
    (
        "too_many_unitary_alignments.csv",
        1.0,
        16,
        0.238_557_466_088_909,
        0.338_028_623_405_952_3,
    ),
    (
        "example_figure10.csv",
        1.0,
        3,
        1.185_185_194_015_503,
        0.742_268_041_237_113_3,
    ),
    (
        "example_figure19.csv",
        1.0,
        4,
        1.344_000_053_405_761_7,
        0.824_175_824_175_824_1,
    ),
    (
        "annotation_paul_suzann_alex.csv",
        1.0,
        7,
        0.531_287_511_189_778_7,
        0.469_346_861_384_880_35,
    ),
];

#[test]
fn best_alignments_match_pygamma() {
    for (name, alpha, count, disorder, categorical) in PYGAMMA_BEST {
        let document = fixture(name);
        let continuum = crate::Continuum::from_document(&document).unwrap();
        let alignment =
            best_alignment(&continuum, &weighted(alpha), &SolverLimits::default()).unwrap();
        assert_eq!(alignment.unitary_alignments.len(), count, "{name}");
        // pygamma sums float32 dissimilarities.
        assert!(
            (alignment.disorder - disorder).abs() < 1e-5 * disorder.max(1.0),
            "{name}: {} vs {disorder}",
            alignment.disorder
        );
        assert_eq!(alignment.quality, AlignmentQuality::Exact);
        let config = GammaConfig {
            dissimilarity: weighted(alpha),
            samples: 2,
            ..GammaConfig::default()
        };
        let result = document_gamma(&document, &config).unwrap();
        assert!(
            (result.observed_categorical_disorder - categorical).abs() < 1e-5,
            "{name}: {} vs {categorical}",
            result.observed_categorical_disorder
        );
    }
}

#[test]
fn three_by_hundred_within_pygamma_test_ranges() {
    // tests/test_gammas.py::test_gamma_3by100 (alpha = 3): its ranges hold for the mean over many
    // samples; 200 keep the sampling error (about 0.002 on gamma) inside them.
    let config = GammaConfig {
        dissimilarity: weighted(3.0),
        samples: 200,
        seed: 4772,
        ..GammaConfig::default()
    };
    let result = document_gamma(&fixture("3by100.csv"), &config).unwrap();
    assert_eq!(result.alignment.unitary_alignments.len(), 127);
    assert!(
        (0.79..=0.81).contains(&result.gamma),
        "gamma {}",
        result.gamma
    );
    assert!(
        (0.89..=0.91).contains(&result.gamma_cat),
        "gamma-cat {}",
        result.gamma_cat
    );
    let k = |c: &str| result.gamma_k[c].unwrap();
    assert!((0.81..=0.83).contains(&k("Adj")), "Adj {}", k("Adj"));
    assert!((0.88..=0.90).contains(&k("Noun")), "Noun {}", k("Noun"));
    assert!((0.69..=0.71).contains(&k("Verb")), "Verb {}", k("Verb"));
    assert!(k("Prep") >= 0.96, "Prep {}", k("Prep"));
    assert!(result.exact);
    assert_eq!(result.chance.samples, 200);
    assert_eq!(result.chance.seed, 4772);
}

#[test]
fn alex_paul_suzan_categories_without_disagreement() {
    // tests/test_gammas.py::test_gamma_alexpaulsuzan: gamma-k is 1 for categories 1 and 5.
    let config = GammaConfig {
        dissimilarity: weighted(3.0),
        ..GammaConfig::default()
    };
    let result = document_gamma(&fixture("AlexPaulSuzan.csv"), &config).unwrap();
    assert_eq!(result.gamma_k["1"], Some(1.0));
    assert_eq!(result.gamma_k["5"], Some(1.0));
    assert!((result.observed_disorder - 0.96).abs() < 0.01);
}
