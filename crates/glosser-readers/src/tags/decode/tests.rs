use super::super::parse_tag;
use super::*;

fn read(line: &str, scheme: Scheme) -> (Vec<(usize, usize, String)>, Vec<String>) {
    let tags: Vec<Tag> = line.split(' ').map(|t| parse_tag(t).unwrap()).collect();
    let (spans, problems) = decode(&tags, scheme);
    (
        spans
            .into_iter()
            .map(|s| (s.start, s.end, s.label))
            .collect(),
        problems
            .into_iter()
            .map(|p| format!("{}: {}", p.token, p.message))
            .collect(),
    )
}

#[test]
fn iob1_starts_entities_with_i_and_separates_with_b() {
    let (spans, problems) = read("I-PER I-PER B-PER O I-LOC", Scheme::Iob1);
    assert_eq!(
        spans,
        [
            (0, 2, "PER".into()),
            (2, 3, "PER".into()),
            (4, 5, "LOC".into())
        ]
    );
    assert!(problems.is_empty());
}

#[test]
fn iob2_reports_an_i_after_o_and_still_reads_it() {
    let (spans, problems) = read("B-PER O I-PER I-LOC", Scheme::Iob2);
    assert_eq!(
        spans,
        [
            (0, 1, "PER".into()),
            (2, 3, "PER".into()),
            (3, 4, "LOC".into())
        ]
    );
    assert_eq!(
        problems,
        [
            "2: I-PER after O is invalid in IOB2: read as the start of a PER entity",
            "3: I-LOC after I-PER is invalid in IOB2: read as the start of a LOC entity"
        ]
    );
    let (_, problems) = read("I-PER", Scheme::Iob2);
    assert_eq!(
        problems,
        [
            "0: I-PER after the start of the sentence is invalid in IOB2: read as the start of a PER entity"
        ]
    );
}

#[test]
fn biluo_reports_unclosed_and_unopened_entities() {
    let (spans, problems) = read("B-PER I-PER O L-LOC U-ORG B-PER", Scheme::Biluo);
    assert_eq!(
        spans,
        [
            (0, 2, "PER".into()),
            (3, 4, "LOC".into()),
            (4, 5, "ORG".into()),
            (5, 6, "PER".into())
        ]
    );
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0]
            .starts_with("2: the PER entity begun at token 1 is not closed with L-PER before an O")
    );
    assert!(problems[1].starts_with("3: L-LOC without a B-LOC"));
    assert!(problems[2].contains("before the end of the sentence"));
    let (spans, problems) = read("B-X E-X S-Y", Scheme::Bioes);
    assert_eq!(spans, [(0, 2, "X".into()), (2, 3, "Y".into())]);
    assert!(problems.is_empty());
}

#[test]
fn foreign_prefixes_and_bare_labels_are_reported() {
    let (spans, problems) = read("U-PER O PER PER", Scheme::Iob2);
    assert_eq!(spans, [(0, 1, "PER".into()), (2, 4, "PER".into())]);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].contains("U-PER does not belong to IOB2"));
    let (spans, problems) = read("PER PER O LOC", Scheme::Io);
    assert_eq!(spans, [(0, 2, "PER".into()), (3, 4, "LOC".into())]);
    assert!(problems.is_empty());
}
