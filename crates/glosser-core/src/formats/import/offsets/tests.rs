use super::*;

#[test]
fn crlf_counts_one_in_universal_newlines() {
    // brat reads "a\r\nb\r\nc" as "a\nb\nc": offset 4 is "c", 2 is "b".
    let doc = Document::from_text("a\r\nb\r\nc");
    let conv = Converter::new(&doc, Unit::UniversalNewlines, doc.text());
    let at = |o| conv.to_char(o, Unit::UniversalNewlines);
    assert_eq!(at(0), Some(0));
    assert_eq!(at(1), Some(1));
    assert_eq!(at(2), Some(3));
    assert_eq!(at(4), Some(6));
    assert_eq!(at(5), Some(7));
    assert_eq!(universal_newline_offset("a\r\nb\r\n"), 4);
}

#[test]
fn graphemes_and_bom() {
    // A firefighter with a skin tone is one grapheme of four code points.
    let text = "\u{1f469}\u{1f3fd}\u{200d}\u{1f692} ok";
    let doc = Document::from_text(text);
    let conv = Converter::new(&doc, Unit::Grapheme, text);
    assert_eq!(conv.to_char(2, Unit::Grapheme), Some(5));
    assert_eq!(conv.to_char(4, Unit::Grapheme), Some(7));
    let with_bom = format!("\u{feff}{text}");
    let conv = Converter::new(&doc, Unit::Utf16, &with_bom);
    // UTF-16: BOM 1 + emoji 7 units + space 1 → "ok" starts at 9.
    assert_eq!(conv.to_char(9, Unit::Utf16), Some(5));
}
