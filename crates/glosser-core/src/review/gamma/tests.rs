//! Tests of the team's γ: glosser's spans handed to glosser-gamma as its corpus γ would take
//! them, per label and overall, the alignment's split and the warnings.
#![allow(clippy::float_cmp)] // exact figures
use super::*;
use crate::text::Document as Text;

const TEXT: &str =
    "One two three four. Five six seven eight. “Nine ten,” he said. Eleven twelve.\n";

fn spans(list: &[(usize, usize, &str)]) -> Vec<Span> {
    let doc = Text::from_text(TEXT);
    list.iter()
        .map(|&(s, e, l)| Span::new(&doc, s..e, l))
        .collect()
}

fn labels() -> Vec<String> {
    ["claim", "quote", "opinion"].map(String::from).to_vec()
}

fn settings() -> Settings {
    Settings {
        samples: 10,
        seed: 7,
    }
}

/// A document's id and each team member's spans.
type TeamDocument<'a> = (&'a str, Vec<(&'a str, Vec<Span>)>);

fn team_report(docs: &[TeamDocument]) -> Report {
    let team: Vec<String> = docs[0].1.iter().map(|(n, _)| (*n).to_owned()).collect();
    let mut tally = Tally::new(settings(), &team, &labels());
    for (id, members) in docs {
        let members: Vec<(&str, &[Span])> =
            members.iter().map(|(n, s)| (*n, s.as_slice())).collect();
        tally.absorb(
            &of_document(id, &members, &labels(), &settings()),
            &mut |w| panic!("{w}"),
        );
    }
    tally.finish()
}

fn label<'a>(report: &'a Report, name: &str) -> &'a (String, LabelGamma, Vec<Warning>) {
    report.labels.iter().find(|(l, _, _)| l == name).unwrap()
}

#[test]
fn identical_annotations_agree_perfectly() {
    let a = spans(&[(0, 19, "claim"), (42, 54, "quote"), (20, 41, "opinion")]);
    let report = team_report(&[("d", vec![("alice", a.clone()), ("bob", a)])]);
    let overall = report.overall.unwrap();
    assert_eq!(overall.gamma, 1.0);
    assert_eq!(overall.gamma_cat, 1.0);
    assert_eq!(label(&report, "claim").1.gamma, Some(1.0));
    assert_eq!(
        report.split,
        Split {
            exact: 3,
            ..Split::default()
        }
    );
    assert_eq!(report.settings.samples, 10);
    assert_eq!(report.settings.seed, 7);
    assert!(report.warnings.iter().all(|w| w.kind != Kind::BoundaryOnly));
}

#[test]
fn shifted_boundaries_are_all_of_the_disorder() {
    let a = spans(&[(0, 19, "claim"), (42, 54, "quote"), (20, 41, "opinion")]);
    let b = spans(&[(0, 18, "claim"), (43, 53, "quote"), (20, 41, "opinion")]);
    let report = team_report(&[("d", vec![("alice", a), ("bob", b)])]);
    let overall = report.overall.unwrap();
    assert!(overall.gamma < 1.0);
    assert_eq!(overall.gamma_cat, 1.0);
    assert_eq!(
        report.split,
        Split {
            exact: 1,
            boundary: 2,
            ..Split::default()
        }
    );
    assert!(report.warnings.iter().any(|w| w.kind == Kind::BoundaryOnly));
    assert_eq!(label(&report, "opinion").1.gamma, Some(1.0));
    assert!(label(&report, "quote").1.gamma.unwrap() < 1.0);
}

#[test]
fn pooled_figures_are_the_crates_corpus_gamma() {
    let docs = [
        (
            "one",
            vec![
                ("alice", spans(&[(0, 19, "claim"), (42, 54, "quote")])),
                (
                    "bob",
                    spans(&[(0, 19, "opinion"), (43, 53, "quote"), (63, 77, "claim")]),
                ),
                ("carol", spans(&[(0, 19, "claim")])),
            ],
        ),
        (
            "two",
            vec![
                ("alice", spans(&[(20, 41, "opinion")])),
                ("bob", spans(&[(20, 41, "opinion"), (0, 19, "claim")])),
                ("carol", spans(&[(20, 40, "opinion")])),
            ],
        ),
    ];
    let report = team_report(&docs);
    let as_documents = |only: Option<&str>| -> Vec<Document> {
        docs.iter()
            .map(|(id, members)| {
                let members: Vec<(&str, &[Span])> =
                    members.iter().map(|(n, s)| (*n, s.as_slice())).collect();
                document(id, &members, only)
            })
            .collect()
    };
    let config = settings().config();
    let corpus = glosser_gamma::corpus_gamma(&as_documents(None), &config).unwrap();
    let overall = report.overall.unwrap();
    assert_eq!(overall.gamma, corpus.gamma);
    assert_eq!(overall.gamma_cat, corpus.gamma_cat);
    assert_eq!(overall.observed_disorder, corpus.observed_disorder);
    let quote = glosser_gamma::corpus_gamma(&as_documents(Some("quote"))[..1], &config).unwrap();
    assert_eq!(label(&report, "quote").1.gamma, Some(quote.gamma));
    assert_eq!(label(&report, "claim").1.gamma_k, corpus.gamma_k["claim"]);
    assert_eq!(report.documents, 2);
    assert_eq!(
        label(&report, "claim").1.units,
        vec![("alice".into(), 1), ("bob".into(), 2), ("carol".into(), 1)]
    );
}

#[test]
fn an_annotator_silent_on_a_label_is_warned_about() {
    let report = team_report(&[(
        "d",
        vec![
            ("alice", spans(&[(0, 19, "claim"), (42, 54, "quote")])),
            ("bob", spans(&[(0, 19, "claim")])),
        ],
    )]);
    let (_, quote, warnings) = label(&report, "quote");
    assert_eq!(quote.units, vec![("alice".into(), 1), ("bob".into(), 0)]);
    assert_eq!(warnings[0].kind, Kind::NoSpans);
    assert!(warnings[0].message.starts_with("bob marked no quote"));
    let (_, opinion, warnings) = label(&report, "opinion");
    assert_eq!(opinion.gamma, None);
    assert_eq!(warnings[0].kind, Kind::UnusedLabel);
    assert!(report.warnings.iter().any(|w| w.kind == Kind::FewSpans));
}

#[test]
fn the_seed_fixes_the_figures() {
    let docs = || {
        vec![(
            "d",
            vec![
                ("alice", spans(&[(0, 19, "claim"), (42, 54, "quote")])),
                ("bob", spans(&[(0, 17, "claim"), (20, 41, "opinion")])),
            ],
        )]
    };
    assert_eq!(team_report(&docs()), team_report(&docs()));
    let mut other = Settings {
        seed: 8,
        ..settings()
    };
    let members: Vec<(&str, Vec<Span>)> = docs().remove(0).1;
    let members: Vec<(&str, &[Span])> = members.iter().map(|(n, s)| (*n, s.as_slice())).collect();
    let seven = of_document("d", &members, &labels(), &settings()).gamma();
    let eight = of_document("d", &members, &labels(), &other).gamma();
    assert_ne!(seven, eight);
    other.seed = 7;
    assert_eq!(of_document("d", &members, &labels(), &other).gamma(), seven);
}
