//! Keystrokes per span on the first seed article, the way an analyst works through it (each span
//! from where the previous one left the cursor): with the keys glosser had before issue #13 and
//! with today's. The figures are the table in docs/keys.md; run with `--nocapture` to print it.

use super::super::tests::Fixture;
use super::super::*;

const SEED: &str = include_str!("../../../../../seeds/000_b226eff58fa68952.txt");

/// One keystroke: a bound key, or characters typed into the search prompt (one key each), or
/// Enter in the prompt.
#[derive(Clone, Copy)]
enum Key {
    Act(Action),
    Type(&'static str),
    Enter,
}

use Action as A;
use Key::{Act, Enter, Type};

/// A span to make: what it is, its range and label, and the keys for it then and now.
struct Case {
    what: &'static str,
    range: (usize, usize),
    label: &'static str,
    before: Vec<Key>,
    now: Vec<Key>,
}

fn times(action: Action, n: usize) -> Vec<Key> {
    vec![Act(action); n]
}

fn keys(parts: &[&[Key]]) -> Vec<Key> {
    parts.concat()
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            what: "sentence (claim)",
            range: (0, 263),
            label: "claim",
            before: vec![Act(A::SelectSentence), Act(A::Label(1))],
            now: vec![Act(A::SelectSentence), Act(A::Label(1))],
        },
        Case {
            what: "quoted word with its marks",
            range: (474, 485),
            label: "quote",
            before: vec![
                Act(A::Search),
                Type("posit"),
                Enter,
                Act(A::SelectQuotation),
                Act(A::Label(2)),
            ],
            now: vec![
                Act(A::Search),
                Type("posit"),
                Enter,
                Act(A::SelectQuotation),
                Act(A::Label(2)),
            ],
        },
        Case {
            what: "next sentence (opinion)",
            range: (600, 682),
            label: "opinion",
            before: vec![
                Act(A::NextSentence),
                Act(A::SelectSentence),
                Act(A::Label(3)),
            ],
            now: vec![
                Act(A::NextSentence),
                Act(A::SelectSentence),
                Act(A::Label(3)),
            ],
        },
        Case {
            what: "name of five words (Estonian … Tsahkna)",
            range: (683, 723),
            label: "unverified",
            before: keys(&[
                &[Act(A::NextSentence), Act(A::StartSelection)],
                &times(A::NextWord, 4),
                &times(A::MoveRight, 6),
                &[Act(A::Label(4))],
            ]),
            now: vec![
                Act(A::NextSentence),
                Act(A::StartSelection),
                Act(A::NameEnd),
                Act(A::Label(4)),
            ],
        },
        Case {
            what: "quotation with its marks",
            range: (825, 873),
            label: "quote",
            before: vec![
                Act(A::Search),
                Type("lead"),
                Enter,
                Act(A::SelectQuotation),
                Act(A::Label(2)),
            ],
            now: vec![
                Act(A::Search),
                Type("lead"),
                Enter,
                Act(A::SelectQuotation),
                Act(A::Label(2)),
            ],
        },
        Case {
            what: "same quotation without marks",
            range: (826, 872),
            label: "claim",
            before: keys(&[
                &[Act(A::MoveLeft), Act(A::StartSelection)],
                &times(A::PrevWord, 7),
                &[Act(A::Label(1))],
            ]),
            now: vec![Act(A::SelectQuotationInside), Act(A::Label(1))],
        },
        Case {
            what: "name with a hyphen (NATO … Rutte)",
            range: (1649, 1682),
            label: "unverified",
            before: keys(&[
                &[Act(A::Search), Type("NATO"), Enter, Act(A::StartSelection)],
                &times(A::NextWord, 4),
                &times(A::MoveRight, 4),
                &[Act(A::Label(4))],
            ]),
            now: vec![
                Act(A::Search),
                Type("NATO"),
                Enter,
                Act(A::StartSelection),
                Act(A::NameEnd),
                Act(A::Label(4)),
            ],
        },
        Case {
            what: "long quotation without marks",
            range: (1743, 1814),
            label: "quote",
            before: keys(&[
                &[Act(A::Search), Type("to e"), Enter, Act(A::StartSelection)],
                &times(A::NextWord, 11),
                &times(A::MoveRight, 11),
                &[Act(A::Label(2))],
            ]),
            now: vec![
                Act(A::Search),
                Type("to e"),
                Enter,
                Act(A::SelectQuotationInside),
                Act(A::Label(2)),
            ],
        },
    ]
}

fn count(keys: &[Key]) -> usize {
    keys.iter()
        .map(|k| match k {
            Type(text) => text.chars().count(),
            _ => 1,
        })
        .sum()
}

/// Types the keys and returns the span they made.
fn run(f: &mut Fixture, keys: &[Key]) -> Vec<(usize, usize, String)> {
    let before = f.spans();
    for key in keys {
        match key {
            Act(action) => f.act(&[*action]),
            Type(text) => text.chars().for_each(|c| f.send(Event::PromptChar(c))),
            Enter => f.send(Event::PromptSubmit),
        }
    }
    f.spans()
        .into_iter()
        .filter(|s| !before.contains(s))
        .collect()
}

#[test]
fn keystrokes_per_span_on_the_first_seed() {
    let cases = cases();
    let mut then = Fixture::new(&[("seed.txt", SEED)]);
    let mut now = Fixture::new(&[("seed.txt", SEED)]);
    let (mut total_then, mut total_now) = (0, 0);
    println!("| span | before | now |");
    for case in &cases {
        let expected = vec![(case.range.0, case.range.1, case.label.to_owned())];
        assert_eq!(
            run(&mut then, &case.before),
            expected,
            "before: {}",
            case.what
        );
        assert_eq!(run(&mut now, &case.now), expected, "now: {}", case.what);
        let (a, b) = (count(&case.before), count(&case.now));
        assert!(b <= a, "{}", case.what);
        total_then += a;
        total_now += b;
        println!("| {} | {a} | {b} |", case.what);
    }
    let n = cases.len() as f64;
    println!(
        "| mean per span | {:.1} | {:.1} |",
        f64::from(total_then as u32) / n,
        f64::from(total_now as u32) / n
    );
    assert_eq!(
        (total_then, total_now),
        (91, 45),
        "the table in docs/keys.md"
    );
}
