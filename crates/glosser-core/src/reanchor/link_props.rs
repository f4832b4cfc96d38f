//! Links survive re-anchoring and merges (SPEC §10), as a property: through insertions into and
//! removals from the article,
//! reopening (`restamp`), saves and merges, every link still names a span the file holds, and
//! the links — by type and the text and label of both spans — are the ones drawn at the start.

use proptest::prelude::*;

use super::*;
use crate::old_texts::NoOldTexts;
use crate::span::AnnotationSet;
use crate::store::AnnotationFile;
use crate::store::{self, Link, LinkEnd, Status};
use crate::text::Document;

const SENTENCES: [&str; 6] = [
    "Tsahkna spoke.",
    "“We will win,” he said.",
    "Rutte agreed.",
    "😀 Emoji news.",
    "Cafe\u{301} opens.",
    "It rained.",
];

fn nth_span(doc: &Document, needle: &str, nth: usize, label: &str) -> Span {
    let b = doc.text().match_indices(needle).nth(nth).map_or(0, |m| m.0);
    let start = doc.byte_to_char(b).unwrap_or(0);
    Span::new(doc, start..start + needle.chars().count(), label)
}

#[derive(Debug, Clone)]
enum Step {
    Insert(usize, &'static str),
    /// A sentence removed: its spans become orphans, and links to them must stay theirs.
    Remove(usize),
    SaveLoad,
    Restamp,
    /// Merged with a teammate who reopened the same file on the current text.
    Merge,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            (0usize..20, prop::sample::select(SENTENCES.to_vec()))
                .prop_map(|(i, s)| Step::Insert(i, s)),
            (0usize..20).prop_map(Step::Remove),
            Just(Step::SaveLoad),
            Just(Step::Restamp),
            Just(Step::Merge),
        ],
        1..10,
    )
}

/// The links as what a reader sees: type, and each end's label and text.
fn seen(file: &AnnotationFile) -> Vec<(String, String, String, String, String)> {
    let text_of = |end: &LinkEnd| {
        file.all_spans()
            .find(|s| end.matches(s))
            .map(|s| s.quote.clone())
            .unwrap_or_default()
    };
    let mut out: Vec<_> = file
        .links
        .iter()
        .map(|l| {
            (
                l.kind.clone(),
                l.from.2.clone(),
                text_of(&l.from),
                l.to.2.clone(),
                text_of(&l.to),
            )
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #[test]
    fn links_survive_reanchoring_saves_and_merges(
        // The spans are drawn on distinct sentences: two spans of the same text and label that
        // both lose their place can be found again on the same occurrence and become one span
        // (the span identity is start, end, label), and their links with them — a known limit,
        // reported in issue #16's notes, not what this property is about.
        mut text in Just(SENTENCES.to_vec()).prop_shuffle().prop_flat_map(|all| {
            (2..=all.len()).prop_map(move |n| all[..n].to_vec())
        }),
        pairs in prop::collection::vec((0usize..100, 0usize..100), 1..5),
        steps in steps(),
    ) {
        let doc = Document::from_text(text.join(" "));
        let mut spans: Vec<Span> = Vec::new();
        let mut links = Vec::new();
        for (a, b) in pairs {
            let (i, j) = (a % text.len(), b % text.len());
            if i == j {
                continue;
            }
            let nth = |k: usize| text[..k].iter().filter(|s| **s == text[k]).count();
            let quote = nth_span(&doc, text[i], nth(i), "quote");
            let source = nth_span(&doc, text[j], nth(j), "source");
            links.push(Link { kind: "speaker".into(), from: LinkEnd::of(&quote), to: LinkEnd::of(&source) });
            spans.extend([quote, source]);
        }
        let mut file = AnnotationFile::new("a.txt", "alice", doc.sha256());
        file.status = Status::InProgress;
        file.spans = AnnotationSet::from_spans(spans);
        links.sort();
        links.dedup();
        file.links = links;
        restamp(&mut file, &doc, &NoOldTexts);
        let before = seen(&file);
        prop_assert_eq!(before.len(), file.links.len());
        for step in steps {
            match step {
                Step::Insert(i, s) => {
                    let i = i % (text.len() + 1);
                    text.insert(i, s);
                }
                Step::Remove(i) => {
                    if text.len() > 1 {
                        text.remove(i % text.len());
                    }
                }
                Step::SaveLoad => {
                    let saved = store::to_ron(&file);
                    file = store::parse(&saved, std::path::Path::new("a.txt.alice.ron")).unwrap();
                }
                Step::Restamp => {
                    restamp(&mut file, &Document::from_text(text.join(" ")), &NoOldTexts);
                }
                Step::Merge => {
                    let doc = Document::from_text(text.join(" "));
                    let mut theirs = file.clone();
                    restamp(&mut theirs, &doc, &NoOldTexts);
                    let mut base = file.clone();
                    restamp(&mut base, &doc, &NoOldTexts);
                    restamp(&mut file, &doc, &NoOldTexts);
                    file = crate::merge3::merge3(&base, &file, &theirs).file;
                }
            }
            for link in &file.links {
                for end in [&link.from, &link.to] {
                    prop_assert!(file.all_spans().any(|s| end.matches(s)), "{:?} names no span", end);
                }
            }
            prop_assert_eq!(&seen(&file), &before);
        }
    }
}

#[test]
fn a_link_a_teammate_drew_is_kept_by_the_merge() {
    let doc = Document::from_text("“We will win,” he said. Tsahkna spoke.");
    let quote = nth_span(&doc, "“We will win,”", 0, "quote");
    let source = nth_span(&doc, "Tsahkna", 0, "source");
    let mut base = AnnotationFile::new("a.txt", "alice", doc.sha256());
    base.spans = AnnotationSet::from_spans(vec![quote.clone(), source.clone()]);
    restamp(&mut base, &doc, &NoOldTexts);
    let mut theirs = base.clone();
    theirs.links.push(Link {
        kind: "speaker".into(),
        from: LinkEnd::of(&quote),
        to: LinkEnd::of(&source),
    });
    let merged = crate::merge3::merge3(&base, &base, &theirs);
    assert_eq!(merged.file.links, theirs.links);
    assert!(merged.conflicts.is_empty());
}

/// A link end is a span key (start, end, label), and an orphan keeps its last known offsets.
/// Here "Rutte agreed." (13 chars) would move onto the offsets of the orphaned "😀 Emoji news."
/// (13 chars) and take over the quote's link to the orphan; re-anchoring keeps placed spans off
/// orphans' keys, so the link still names the orphan.
#[test]
fn a_link_to_an_orphan_is_not_taken_over_by_a_span_moved_onto_its_offsets() {
    let mut text = vec![SENTENCES[1], SENTENCES[0], SENTENCES[3], SENTENCES[2]];
    let doc = Document::from_text(text.join(" "));
    let rutte_quote = nth_span(&doc, SENTENCES[2], 0, "quote");
    let emoji_source = nth_span(&doc, SENTENCES[3], 0, "source");
    let rutte_source = nth_span(&doc, SENTENCES[2], 0, "source");
    let mut file = AnnotationFile::new("a.txt", "alice", doc.sha256());
    file.spans = AnnotationSet::from_spans(vec![
        rutte_quote.clone(),
        emoji_source.clone(),
        rutte_source,
    ]);
    file.links = vec![Link {
        kind: "speaker".into(),
        from: LinkEnd::of(&rutte_quote),
        to: LinkEnd::of(&emoji_source),
    }];
    restamp(&mut file, &doc, &NoOldTexts);
    let before = seen(&file);
    text.insert(0, SENTENCES[0]);
    restamp(&mut file, &Document::from_text(text.join(" ")), &NoOldTexts);
    text.remove(3);
    restamp(&mut file, &Document::from_text(text.join(" ")), &NoOldTexts);
    assert_eq!(seen(&file), before);
}
