//! The oracle property (issue 25): random texts and span sets, random edit scripts applied by
//! the test to a text whose characters carry their identity, so the test knows where each
//! span's characters went. After re-anchoring — with the old text known and without it — every
//! span is at its true place, ambiguous or an orphan; never at another place. The one place
//! other than its own a span may take is a verbatim copy of its words with the whole of its
//! saved context on one side (nothing in any text can tell such a copy from the span; the
//! scripts make copies of at most 12 characters, so this needs the text's own repetitions).
//! Plus: restamping twice changes nothing the second time (`validate --fix` twice).

use proptest::prelude::*;

use super::*;
use crate::old_texts::{NoOldTexts, OldTexts};
use crate::span::{AnnotationSet, Hint};
use crate::store::{AnnotationFile, Status};
use crate::text::Document;

/// A character and where it was in the original text (`None`: inserted by the script).
type Marked = Vec<(char, Option<usize>)>;

/// One edit of the script; positions and lengths are taken modulo the text's length.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, usize, String),
    /// A copy of up to 12 characters put elsewhere (new characters, the same words).
    Copy(usize, usize, usize),
    /// A stretch cut and put elsewhere (the same characters).
    Move(usize, usize, usize),
    /// A stretch in capitals (new characters).
    Shout(usize, usize),
    /// A stretch of up to 12 characters deleted and typed again after the stretch that
    /// follows it (`S Y` → `Y S'`: the same words, new characters): the hostile case of
    /// a diff pairing a span with a copy of it.
    Retyped(usize, usize, usize),
}

fn apply(text: &mut Marked, edit: &Edit) {
    let n = text.len().max(1);
    let span = |at: usize, len: usize, max: usize| {
        let start = at % n;
        start..(start + len % max.max(1) + 1).min(text.len())
    };
    match edit {
        Edit::Insert(at, s) => {
            let at = at % (text.len() + 1);
            text.splice(at..at, s.chars().map(|c| (c, None)));
        }
        Edit::Delete(at, len) => {
            let r = span(*at, *len, 30);
            if r.len() < text.len() {
                text.drain(r);
            }
        }
        Edit::Replace(at, len, s) => {
            let r = span(*at, *len, 30);
            text.splice(r, s.chars().map(|c| (c, None)));
        }
        Edit::Copy(at, len, to) => {
            let r = span(*at, *len, 12);
            let copy: Marked = text[r].iter().map(|&(c, _)| (c, None)).collect();
            let to = to % (text.len() + 1);
            text.splice(to..to, copy);
        }
        Edit::Move(at, len, to) => {
            let r = span(*at, *len, 40);
            let cut: Marked = text.drain(r).collect();
            let to = to % (text.len() + 1);
            text.splice(to..to, cut);
        }
        Edit::Retyped(at, len, after) => {
            let s = span(*at, *len, 12);
            let y = s.end..(s.end + after % 30).min(text.len());
            let typed: Marked = text[s.clone()].iter().map(|&(c, _)| (c, None)).collect();
            text.splice(y.end..y.end, typed);
            text.drain(s);
        }
        Edit::Shout(at, len) => {
            let r = span(*at, *len, 20);
            for item in &mut text[r] {
                if item.0.is_ascii_lowercase() {
                    *item = (item.0.to_ascii_uppercase(), None);
                }
            }
        }
    }
}

/// Where the characters of old range `range` are in `text`, if all are there, in order and
/// together.
fn true_place(text: &Marked, range: &std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let start = text.iter().position(|&(_, id)| id == Some(range.start))?;
    let len = range.len();
    (start + len <= text.len() && (0..len).all(|k| text[start + k].1 == Some(range.start + k)))
        .then(|| start..start + len)
}

/// Whether `doc` shows `span`'s saved context whole on one side of `range`.
fn shows_saved_window(span: &Span, doc: &Document, range: &std::ops::Range<usize>) -> bool {
    let prefix = span.prefix.as_deref().unwrap_or_default();
    let suffix = span.suffix.as_deref().unwrap_or_default();
    let (p, q) = (prefix.chars().count(), suffix.chars().count());
    let before = range.start >= p
        && doc.slice(range.start - p, range.start) == prefix
        && (p >= Hint::CHARS || range.start == p);
    let after = range.end + q <= doc.char_len()
        && doc.slice(range.end, range.end + q) == suffix
        && (q >= Hint::CHARS || range.end + q == doc.char_len());
    before || after
}

/// Words of the original texts: a small set, so texts repeat themselves a lot.
const WORDS: [&str; 12] = [
    "the ",
    "minister ",
    "said ",
    "no. ",
    "Russia ",
    "said no ",
    "😀 ",
    "e\u{301}t ",
    "中文 ",
    "“yes,” ",
    "\r\n",
    "talks ",
];
/// Words the script inserts: never in an original text.
const FRESH: [&str; 5] = ["QQ ", "ZORK ", "XV. ", "🦀 ", "ЖЖ "];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS.to_vec()), 8..60).prop_map(|w| w.concat())
}

fn fresh() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRESH.to_vec()), 1..4).prop_map(|w| w.concat())
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let at = 0usize..10_000;
    prop::collection::vec(
        prop_oneof![
            (at.clone(), fresh()).prop_map(|(a, s)| Edit::Insert(a, s)),
            (at.clone(), 0usize..100).prop_map(|(a, l)| Edit::Delete(a, l)),
            (at.clone(), 0usize..100, fresh()).prop_map(|(a, l, s)| Edit::Replace(a, l, s)),
            (at.clone(), 0usize..100, at.clone()).prop_map(|(a, l, t)| Edit::Copy(a, l, t)),
            (at.clone(), 0usize..100, at.clone()).prop_map(|(a, l, t)| Edit::Move(a, l, t)),
            (at.clone(), 0usize..100).prop_map(|(a, l)| Edit::Shout(a, l)),
            (at.clone(), 0usize..100, 0usize..100).prop_map(|(a, l, y)| Edit::Retyped(a, l, y)),
            (at, 0usize..100, 0usize..100).prop_map(|(a, l, y)| Edit::Retyped(a, l, y)),
        ],
        1..5,
    )
}

/// Spans on grapheme boundaries, each with a note naming it.
fn spans_on(doc: &Document, picks: &[(usize, usize, usize)]) -> Vec<Span> {
    let labels = ["claim", "quote", "opinion"];
    let mut spans: Vec<Span> = Vec::new();
    for (n, &(at, len, label)) in picks.iter().enumerate() {
        let start = doc.grapheme_floor(at % doc.char_len());
        let longest = if len % 2 == 0 { 12 } else { 40 };
        let end = doc.grapheme_ceil((start + 1 + len % longest).min(doc.char_len()));
        if start >= end {
            continue;
        }
        let mut span = Span::new(doc, start..end, labels[label % 3]);
        span.note = Some(format!("n{n}"));
        if !spans.iter().any(|s| s.key() == span.key()) {
            spans.push(span);
        }
    }
    spans
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_span_is_at_its_true_place_ambiguous_or_an_orphan_never_elsewhere(
        original in text(),
        picks in prop::collection::vec((0usize..10_000, 0usize..100, 0usize..3), 1..8),
        script in edits(),
        know_old in any::<bool>(),
    ) {
        let old = Document::from_text(original.clone());
        let spans = spans_on(&old, &picks);
        let mut file = AnnotationFile::new("a.txt", "alice", old.sha256());
        file.status = Status::InProgress;
        file.spans = AnnotationSet::from_spans(spans.clone());
        restamp(&mut file, &old, &NoOldTexts);
        let saved = file.clone();
        let mut marked: Marked = original.chars().enumerate().map(|(i, c)| (c, Some(i))).collect();
        for edit in &script {
            apply(&mut marked, edit);
        }
        prop_assume!(!marked.is_empty());
        let new = Document::from_text(marked.iter().map(|&(c, _)| c).collect::<String>());
        let texts: &dyn OldTexts = if know_old { &old } else { &NoOldTexts };
        restamp(&mut file, &new, texts);
        let mut notes: Vec<_> = file.all_spans().filter_map(|s| s.note.clone()).collect();
        notes.sort();
        let mut want: Vec<_> = spans.iter().filter_map(|s| s.note.clone()).collect();
        want.sort();
        prop_assert_eq!(notes, want, "no span is lost");
        for span in file.all_spans() {
            let before = saved.spans.spans().iter().find(|s| s.note == span.note).expect("known");
            if span.orphan {
                continue;
            }
            prop_assert!(span.check_text(&new).is_ok(), "{:?} is not valid where it sits", span);
            if span.ambiguous {
                continue;
            }
            let truth = true_place(&marked, &before.range());
            let placed = span.range();
            prop_assert!(
                truth.as_ref() == Some(&placed) || shows_saved_window(before, &new, &placed),
                "{:?} was put at {:?}; its characters are at {:?} (old text known: {})\nold: {:?}\nnew: {:?}",
                before, placed, truth, know_old, old.text(), new.text()
            );
        }
        // Restamping again on the same text changes nothing (validate --fix twice).
        let once = file.clone();
        let again = restamp(&mut file, &new, texts);
        prop_assert!(!again.changed(), "{:?}", again);
        prop_assert_eq!(&file, &once);
    }
}
