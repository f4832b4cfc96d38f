use proptest::prelude::*;

use super::*;

#[test]
fn sentences_keep_abbreviations_and_quotes_together() {
    let text = "Putin met U.S. envoys on Tuesday. “It was positive,” he said.\nCritics doubt it.  ";
    let s = split_sentences(text);
    let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Putin met U.S. envoys on Tuesday.",
            "“It was positive,” he said.",
            "Critics doubt it."
        ]
    );
    assert_eq!((s[1].start, s[1].end), (34, 61));
    assert_eq!((s[2].start, s[2].end), (62, 79));
}

#[test]
fn offsets_count_chars_past_emoji_and_crlf() {
    let text = "👨‍👩‍👧 won.\r\nCafé owners cheered.";
    let s = split_sentences(text);
    assert_eq!((s[0].start, s[0].end), (0, 10));
    assert_eq!((s[1].start, s[1].end), (12, 32));
}

#[test]
fn sentences_take_the_label_of_the_span_covering_most_of_them() {
    let text = "Officials said the talks were “positive.” Analysts doubt it. Café owners cheered.";
    let spans = vec![
        Span {
            start: 0,
            end: 41,
            label: "claim".into(),
            score: 1.0,
        },
        Span {
            start: 30,
            end: 41,
            label: "quote".into(),
            score: 1.0,
        },
        Span {
            start: 42,
            end: 51,
            label: "opinion".into(),
            score: 1.0,
        }, // exactly half
        Span {
            start: 61,
            end: 72,
            label: "unverified".into(),
            score: 1.0,
        },
    ];
    let examples = examples_from_document(text, &spans, &["claim", "opinion", "unverified"]);
    let labels: Vec<Option<&str>> = examples.iter().map(|e| e.label.as_deref()).collect();
    assert_eq!(
        labels,
        vec![Some("claim"), Some("opinion"), Some("unverified")]
    );
    let short = [Span {
        start: 61,
        end: 65,
        label: "claim".into(),
        score: 1.0,
    }];
    assert_eq!(
        examples_from_document(text, &short, &["claim"])[2].label,
        None
    );
    assert_eq!(
        Example::new("x", Some("claim")).label.as_deref(),
        Some("claim")
    );
}

proptest! {
    #[test]
    fn every_sentence_is_its_chars_in_the_text(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "Word", " ", ". ", "\n", "“Hi.” ", "U.S. ", "é", "👨‍👩‍👧", "? ", "北京。",
        ]), 0..30)
    ) {
        let text = pieces.concat();
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for s in split_sentences(&text) {
            prop_assert!(s.start >= last_end && s.end > s.start);
            let slice: String = chars[s.start..s.end].iter().collect();
            prop_assert_eq!(&slice, &s.text);
            prop_assert_eq!(slice.trim(), slice.as_str());
            last_end = s.end;
        }
    }
}
