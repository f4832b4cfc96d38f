//! Keys per span in the labelling flow, on the first seed article: eighteen spans an analyst
//! would make (7 claims, 5 quotes, 4 opinions, 2 unverified; 4 of the quotes nested in the
//! sentence around them), made in one pass with and without the quote suggester. Every key is
//! counted — entering the flow, skipping the two sentences left unlabelled, each letter of a
//! word-jump hint. The figures are docs/keys.md's ("The labelling flow"); `--nocapture`
//! prints the table.

use super::super::tests::Fixture;
use super::super::*;

const SEED: &str = include_str!("../../../../../seeds/000_b226eff58fa68952.txt");

/// A key: an action, or the word to jump to with `f` (its hint letters are typed).
#[derive(Clone, Copy)]
enum Key {
    Act(Action),
    JumpTo(&'static str),
}

use Action as A;
use Key::{Act, JumpTo};

/// A span to make: its text in the seed, its label, and the keys that make it in the flow.
struct Case {
    text: &'static str,
    label: &'static str,
    without: Vec<Key>,
    with: Vec<Key>,
}

fn case(text: &'static str, label: &'static str, keys: &[Key]) -> Case {
    Case {
        text,
        label,
        without: keys.to_vec(),
        with: keys.to_vec(),
    }
}

/// A quotation: its digit without suggestions, `y` (accept) with the quote suggester.
fn quotation(text: &'static str) -> Case {
    Case {
        text,
        label: "quote",
        without: vec![Act(A::Label(2))],
        with: vec![Act(A::AcceptSuggestion)],
    }
}

const S3: &str = "While Moscow characterized the talks as “positive,” European officials noted that Russia continued its assaults on Ukrainian towns even as discussions were underway.";
const S5: &str = "Estonian Foreign Minister Margus Tsahkna was blunt, claiming that Putin’s battlefield escalation during a supposed diplomatic opening reveals “a leader positioning for advantage, not peace.”";
const S6: &str = "Finland’s Valtonen echoed the sentiment, saying that Russia’s refusal to commit to even a temporary ceasefire undermines its credibility at the table.";
const S8: &str = "But European diplomats now suggest that Putin may be leveraging the deadlock itself—stretching negotiations to ease international pressure while consolidating gains on the ground.";

/// The eighteen spans in the order the flow meets them, each with the keys that make it from
/// where the previous one left the flow.
fn cases() -> Vec<Case> {
    let phrase = |word| vec![JumpTo(word), Act(A::SelectToPunctuation), Act(A::Label(2))];
    vec![
        case(
            "European leaders are pressing a new argument in the wake of stalled Kremlin talks: that Russian President Vladimir Putin is not merely feigning interest in peace, but actively using diplomacy as a strategic shield to prolong and intensify the conflict in Ukraine.",
            "claim",
            // Entering the flow is counted with the first span.
            &[Act(A::Flow), Act(A::Label(1))],
        ),
        case(
            "Following five hours of meetings between Putin and U.S. envoys Steve Witkoff and Jared Kushner, hopes for progress dimmed as neither side disclosed substantive outcomes.",
            "claim",
            &[Act(A::Label(1))],
        ),
        case(S3, "claim", &[Act(A::Label(1))]),
        quotation("“positive,”"),
        case(
            "This dual-track behavior, they argue, signals not confusion but calculated intent.",
            "opinion",
            &[Act(A::Label(3))],
        ),
        case(S5, "claim", &[Act(A::Label(1))]),
        quotation("“a leader positioning for advantage, not peace.”"),
        // The indirect quote inside the sentence first (the flow shows the sentence again
        // after it), then the sentence.
        case(
            "Russia’s refusal to commit to even a temporary ceasefire undermines its credibility at the table",
            "quote",
            &phrase("Russia’s"),
        ),
        case(S6, "claim", &[Act(A::Label(1))]),
        case(
            "The core sticking point remains unchanged: Russia insists on maintaining control over four partially occupied Ukrainian regions, a nonstarter for Kyiv.",
            "claim",
            &[Act(A::Label(1))],
        ),
        case(
            "Putin may be leveraging the deadlock itself",
            "quote",
            &phrase("Putin may"),
        ),
        case(S8, "opinion", &[Act(A::Label(3))]),
        case(
            "This concern has prompted European governments to accelerate military support.",
            "claim",
            &[Act(A::Label(1))],
        ),
        // Two sentences skipped: their keys count with the quotation after them.
        Case {
            text: "“to ensure that peace talks aren’t just a stage for Russian maneuvering.”",
            label: "quote",
            without: vec![Act(A::Flow), Act(A::Flow), Act(A::Label(2))],
            with: vec![Act(A::Flow), Act(A::Flow), Act(A::AcceptSuggestion)],
        },
        case(
            "Meanwhile, on the battlefield, Russia launched more than 100 drones overnight, killing civilians in Ukraine’s Dnipropetrovsk region and igniting an oil depot fire inside Russia after debris fell from intercepted Ukrainian drones.",
            "unverified",
            &[Act(A::Label(4))],
        ),
        case(
            "The violence highlights a war that continues to expand in scope, even as diplomats trade statements abroad.",
            "opinion",
            &[Act(A::Label(3))],
        ),
        case(
            "For Europe, the emerging conclusion is stark: Putin’s diplomacy may not be aimed at ending the conflict, but at shaping it on his own terms.",
            "opinion",
            &[Act(A::Label(3))],
        ),
        case(
            "And until Moscow demonstrates meaningful shifts in its military posture, European leaders say they will treat peace gestures not as progress—but as strategy.",
            "unverified",
            &[Act(A::Label(4))],
        ),
    ]
}

/// The char range of `text` in the seed.
fn range_of(text: &str) -> (usize, usize) {
    let byte = SEED
        .find(text)
        .unwrap_or_else(|| panic!("{text} is not in the seed"));
    let start = SEED[..byte].chars().count();
    (start, start + text.chars().count())
}

/// The seed, with the quote suggester's spans (`glosser suggest --builtin quotes`) shown.
fn with_quote_suggester() -> Fixture {
    let mut f = Fixture::new(&[("seed.txt", SEED)]);
    let doc = glosser_core::text::Document::from_text(SEED);
    let mut file = glosser_core::store::AnnotationFile::new("seed.txt", "quotes", doc.sha256());
    for proposal in glosser_core::suggest::quotes::suggest(&doc) {
        let mut span =
            glosser_core::span::Span::new(&doc, proposal.start..proposal.end, &proposal.label);
        span.score = Some(glosser_core::span::Score(proposal.score));
        file.spans.insert_unchecked(span);
    }
    glosser_core::store::save(&f.dir.path().join("seed.txt.quotes.ron"), &file).unwrap();
    f.app.show_suggestions("quotes");
    f
}

/// Presses the keys; returns how many there were.
fn press(f: &mut Fixture, keys: &[Key]) -> usize {
    let mut count = 0;
    for key in keys {
        match key {
            Act(action) => {
                f.act(&[*action]);
                count += 1;
            }
            JumpTo(word) => {
                f.act(&[A::JumpToWord]);
                let at = range_of(word).0;
                let crate::app::Mode::Jump(jump) = &f.app.mode else {
                    panic!("f shows the hints");
                };
                let hint = jump
                    .targets
                    .iter()
                    .find(|(_, offset)| *offset == at)
                    .map_or_else(|| panic!("{word} has no hint"), |(h, _)| h.clone());
                hint.chars().for_each(|c| f.send(Event::PromptChar(c)));
                count += 1 + hint.chars().count();
            }
        }
    }
    count
}

/// Makes every case in order; returns the keys each took.
fn run(f: &mut Fixture, suggested: bool) -> Vec<usize> {
    let mut counts = Vec::new();
    for case in cases() {
        let before = f.spans();
        let keys = if suggested { &case.with } else { &case.without };
        counts.push(press(f, keys));
        let (start, end) = range_of(case.text);
        let made: Vec<_> = f
            .spans()
            .into_iter()
            .filter(|s| !before.contains(s))
            .collect();
        assert_eq!(
            made,
            [(start, end, case.label.to_owned())],
            "{} (suggestions: {suggested})",
            case.text
        );
    }
    counts
}

#[test]
fn eighteen_spans_of_the_first_seed_in_the_flow() {
    let cases = cases();
    let labels = cases.iter().fold([0; 4], |mut n, c| {
        let i = ["claim", "quote", "opinion", "unverified"]
            .iter()
            .position(|l| *l == c.label)
            .unwrap();
        n[i] += 1;
        n
    });
    assert_eq!(labels, [7, 5, 4, 2]);
    let without = run(&mut Fixture::new(&[("seed.txt", SEED)]), false);
    let with = run(&mut with_quote_suggester(), true);
    println!("| span | label | without | with |");
    for ((case, a), b) in cases.iter().zip(&without).zip(&with) {
        let short: String = case.text.chars().take(40).collect();
        println!("| {short}… | {} | {a} | {b} |", case.label);
    }
    let (a, b): (usize, usize) = (without.iter().sum(), with.iter().sum());
    let n = cases.len() as f64;
    println!(
        "| **mean per span** | | **{:.2}** | **{:.2}** |",
        a as f64 / n,
        b as f64 / n
    );
    assert!(a as f64 / n <= 3.0 && b as f64 / n <= 2.0);
    assert_eq!((a, b), (27, 27), "the figures in docs/keys.md");
    // The phrases: a word jump (two keys), t, the digit.
    assert_eq!((without[7], without[10]), (4, 4));
}
