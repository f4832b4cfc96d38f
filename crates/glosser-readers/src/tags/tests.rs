use super::*;
use proptest::prelude::*;

fn tags(line: &str) -> Vec<Tag> {
    line.split(' ').map(|tag| parse_tag(tag).unwrap()).collect()
}

#[test]
fn tags_parse_with_their_prefix() {
    assert_eq!(parse_tag("O"), Some(Tag::Outside));
    assert_eq!(
        parse_tag("B-WORK_OF-ART"),
        Some(Tag::Entity {
            prefix: Prefix::Begin,
            label: "WORK_OF-ART".into()
        })
    );
    assert_eq!(
        parse_tag("S-LOC").and_then(|tag| tag.prefix()),
        Some(Prefix::Single)
    );
    assert_eq!(
        parse_tag("PER"),
        Some(Tag::Entity {
            prefix: Prefix::Plain,
            label: "PER".into()
        })
    );
    assert!(parse_tag("O").unwrap().is_iob());
    assert!(parse_tag("E-X").unwrap().is_iob());
    assert!(!parse_tag("PER").unwrap().is_iob());
    for not_a_tag in ["", "B-", "-", "_", "B PER"] {
        assert_eq!(parse_tag(not_a_tag), None, "{not_a_tag:?}");
    }
}

#[test]
fn schemes_are_detected() {
    let detect = |lines: &[&str]| {
        let sentences: Vec<Vec<Tag>> = lines.iter().map(|line| tags(line)).collect();
        detect_scheme(sentences.iter().map(Vec::as_slice))
    };
    assert_eq!(
        detect(&["I-ORG O I-PER I-PER", "I-LOC B-LOC O"]),
        Scheme::Iob1
    );
    assert_eq!(detect(&["B-ORG O B-PER I-PER"]), Scheme::Iob2);
    assert_eq!(detect(&["B-ORG O I-PER"]), Scheme::Iob2);
    assert_eq!(detect(&["B-PER L-PER O U-ORG"]), Scheme::Biluo);
    assert_eq!(detect(&["B-PER E-PER O S-ORG"]), Scheme::Bioes);
    assert_eq!(detect(&["PER PER O ORG"]), Scheme::Io);
    assert_eq!(detect(&["O O"]), Scheme::Iob2);
}

#[test]
fn scheme_names_round_trip() {
    for scheme in [
        Scheme::Iob1,
        Scheme::Iob2,
        Scheme::Biluo,
        Scheme::Bioes,
        Scheme::Io,
    ] {
        assert_eq!(Scheme::from_name(scheme.name()), Some(scheme));
    }
    assert_eq!(Scheme::from_name("bilou"), Some(Scheme::Biluo));
    assert_eq!(Scheme::from_name("xml"), None);
}

#[test]
fn encoding_follows_each_scheme() {
    let spans = [
        TagSpan::new(0, 2, "PER"),
        TagSpan::new(2, 3, "PER"),
        TagSpan::new(4, 5, "LOC"),
    ];
    let line = |scheme| encode(6, &spans, scheme).join(" ");
    assert_eq!(line(Scheme::Iob2), "B-PER I-PER B-PER O B-LOC O");
    assert_eq!(line(Scheme::Iob1), "I-PER I-PER B-PER O I-LOC O");
    assert_eq!(line(Scheme::Biluo), "B-PER L-PER U-PER O U-LOC O");
    assert_eq!(line(Scheme::Bioes), "B-PER E-PER S-PER O S-LOC O");
    assert_eq!(line(Scheme::Io), "PER PER PER O LOC O");
}

fn sorted_spans() -> impl Strategy<Value = (usize, Vec<TagSpan>)> {
    proptest::collection::vec((0usize..3, 1usize..4, 0usize..3), 0..6).prop_map(|parts| {
        let mut at = 0;
        let mut spans = Vec::new();
        for (gap, width, label) in parts {
            let start = at + gap;
            spans.push(TagSpan::new(
                start,
                start + width,
                ["PER", "LOC", "B"][label],
            ));
            at = start + width;
        }
        (at + 1, spans)
    })
}

proptest! {
    #[test]
    fn every_prefixed_scheme_decodes_what_it_encodes((length, spans) in sorted_spans()) {
        for scheme in [Scheme::Iob1, Scheme::Iob2, Scheme::Biluo, Scheme::Bioes] {
            let tags: Vec<Tag> = encode(length, &spans, scheme)
                .iter()
                .map(|tag| parse_tag(tag).unwrap())
                .collect();
            let (decoded, problems) = decode(&tags, scheme);
            prop_assert_eq!(&decoded, &spans, "{:?}", scheme);
            prop_assert!(problems.is_empty(), "{:?}: {:?}", scheme, problems);
            if !spans.is_empty() {
                let detected = detect_scheme([tags.as_slice()]);
                prop_assert!(
                    detected == scheme || matches!((detected, scheme), (Scheme::Iob2, Scheme::Iob1)),
                    "{:?} detected as {:?}", scheme, detected
                );
            }
        }
    }
}
