use super::*;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn rows(text: &str, width: u16) -> Vec<String> {
    let doc = Document::from_text(text);
    let mut cache = WrapCache::new();
    cache.update(&doc, 1, width);
    (0..cache.row_count())
        .map(|r| {
            let range = cache.row_range(r);
            doc.slice(range.start, range.end).to_owned()
        })
        .collect()
}

#[test]
fn wraps_at_spaces_and_line_breaks() {
    assert_eq!(rows("aaa bbb ccc", 7), ["aaa bbb ", "ccc"]);
    assert_eq!(rows("aaa bbb ccc", 6), ["aaa ", "bbb ", "ccc"]);
    assert_eq!(rows("aaa bbb ccc", 8), ["aaa bbb ", "ccc"]);
    assert_eq!(rows("one\ntwo\r\nthree", 20), ["one\n", "two\r\n", "three"]);
    assert_eq!(rows("end\n", 20), ["end\n", ""]);
    assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    assert_eq!(rows("a  b", 1), ["a ", " ", "b"]);
}

#[test]
fn wide_and_zero_width_graphemes() {
    assert_eq!(rows("中文中文", 5), ["中文", "中文"]);
    assert_eq!(
        rows("e\u{301}e\u{301}e\u{301}", 2),
        ["e\u{301}e\u{301}", "e\u{301}"]
    );
    assert_eq!(
        rows("👨\u{200d}👩\u{200d}👧 x", 3),
        ["👨\u{200d}👩\u{200d}👧 ", "x"]
    );
    assert_eq!(rows("\u{1b}[31m", 2), ["\u{1b}[", "31", "m"]);
    assert_eq!(rows("\tab", 6), ["\tab"]);
    assert_eq!(rows("\tab", 5), ["\t", "ab"]);
}

#[test]
fn rebuilds_only_when_needed() {
    let doc = Document::from_text("aaa bbb");
    let mut cache = WrapCache::new();
    cache.update(&doc, 1, 4);
    assert_eq!(cache.row_count(), 2);
    let other = Document::from_text("x");
    cache.update(&other, 1, 4);
    assert_eq!(
        cache.row_count(),
        2,
        "same generation and width: cache kept"
    );
    cache.update(&other, 2, 4);
    assert_eq!(cache.row_count(), 1);
    cache.update(&doc, 3, 80);
    assert_eq!(cache.row_count(), 1);
}

#[test]
fn offsets_rows_and_columns() {
    let doc = Document::from_text("ab 中x\nsecond line");
    let mut cache = WrapCache::new();
    cache.update(&doc, 1, 6);
    // rows: "ab 中x\n" (0..6), "second " (6..13), "line" (13..17)
    assert_eq!(cache.row_range(0), 0..6);
    assert_eq!(cache.row_of(0), 0);
    assert_eq!(cache.row_of(5), 0, "the line break is on its row");
    assert_eq!(cache.row_of(6), 1);
    assert_eq!(cache.row_of(17), 2, "end of text on the last row");
    assert_eq!(cache.column_of(&doc, 4), 5, "after the wide char");
    assert_eq!(cache.offset_at(&doc, 0, 3), 3);
    assert_eq!(
        cache.offset_at(&doc, 0, 4),
        3,
        "second cell of the wide char"
    );
    assert_eq!(
        cache.offset_at(&doc, 0, 99),
        5,
        "past the end: before the line break"
    );
    assert_eq!(
        cache.offset_at(&doc, 1, 99),
        12,
        "wrapped row: its last grapheme"
    );
    assert_eq!(
        cache.offset_at(&doc, 2, 99),
        17,
        "last row: the end of the text"
    );
    assert_eq!(cache.offset_at(&doc, 99, 0), 13);
}

fn article() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "word",
        " ",
        "  ",
        "\n",
        "\r\n",
        "😀",
        "👨\u{200d}👩",
        "e\u{301}",
        "中文",
        "\t",
        "\u{1b}",
        "\u{202e}",
        "\r",
        "longwordwithoutspaces",
        "\u{301}",
        "x",
    ]);
    prop::collection::vec(pieces, 1..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn rows_cover_the_text_and_fit(text in article(), width in 1u16..40) {
        let doc = Document::from_text(text.clone());
        let mut cache = WrapCache::new();
        cache.update(&doc, 1, width);
        let mut joined = String::new();
        let mut expected_start = 0;
        for r in 0..cache.row_count() {
            let range = cache.row_range(r);
            prop_assert_eq!(range.start, expected_start);
            prop_assert!(doc.is_grapheme_boundary(range.start));
            expected_start = range.end;
            let row = doc.slice(range.start, range.end);
            joined.push_str(row);
            let cells: Vec<u16> = row.graphemes(true).filter_map(|g| grapheme_cell(g).map(|(_, w)| w)).collect();
            let total: u16 = cells.iter().sum();
            let trailing_blank: u16 = row
                .graphemes(true)
                .rev()
                .take_while(|g| g.chars().all(char::is_whitespace))
                .filter_map(|g| grapheme_cell(g).map(|(_, w)| w))
                .sum();
            prop_assert!(
                total - trailing_blank <= width || cells.len() == 1 || (cells.len() == 2 && trailing_blank > 0),
                "row {:?} is {} cells wide at width {}", row, total, width
            );
            for offset in range.clone() {
                prop_assert_eq!(cache.row_of(offset), r);
            }
        }
        prop_assert_eq!(expected_start, doc.char_len());
        prop_assert_eq!(joined, text);
        for r in 0..cache.row_count() {
            for column in 0..width + 2 {
                let offset = cache.offset_at(&doc, r, column);
                prop_assert!(doc.is_grapheme_boundary(offset));
                prop_assert!(cache.row_range(r).contains(&offset) || offset == doc.char_len());
            }
        }
    }
}

mod lazy;
