use super::*;
use proptest::prelude::*;

#[test]
fn utf16_counts_astral_characters_twice() {
    let map = OffsetMap::new("a😀b", OffsetEncoding::Utf16);
    assert_eq!(map.len_units(), 4);
    assert_eq!(map.len_code_points(), 3);
    assert_eq!(map.to_code_point(3), Ok(2));
    assert_eq!(map.to_unit(2), Some(3));
    assert_eq!(map.to_unit(4), None);
}

#[test]
fn an_offset_between_surrogates_is_reported() {
    let map = OffsetMap::new("a😀b", OffsetEncoding::Utf16);
    assert_eq!(
        map.to_code_point(2),
        Err(OffsetProblem::SplitsCharacter { code_point: 1 })
    );
    assert_eq!(
        map.to_code_point(5),
        Err(OffsetProblem::PastEnd { length: 4 })
    );
}

#[test]
fn utf8_and_code_points() {
    let map = OffsetMap::new("é😀", OffsetEncoding::Utf8);
    assert_eq!(map.to_code_point(2), Ok(1));
    assert!(map.to_code_point(1).is_err());
    let map = OffsetMap::new("é😀", OffsetEncoding::CodePoint);
    assert_eq!(map.to_code_point(2), Ok(2));
    assert_eq!(map.encoding(), OffsetEncoding::CodePoint);
}

#[test]
fn json_names_round_trip() {
    for encoding in [
        OffsetEncoding::Utf16,
        OffsetEncoding::Utf8,
        OffsetEncoding::CodePoint,
    ] {
        assert_eq!(
            OffsetEncoding::from_json_name(encoding.json_name()),
            Some(encoding)
        );
    }
    assert_eq!(
        OffsetEncoding::from_json_name("codepoints"),
        Some(OffsetEncoding::CodePoint)
    );
    assert_eq!(OffsetEncoding::from_json_name("latin1"), None);
    assert_eq!(OffsetEncoding::CodePoint.width('😀'), 1);
}

proptest! {
    #[test]
    fn every_code_point_offset_round_trips(text in "\\PC{0,40}", pick in 0usize..64) {
        for encoding in [OffsetEncoding::Utf16, OffsetEncoding::Utf8, OffsetEncoding::CodePoint] {
            let map = OffsetMap::new(&text, encoding);
            let code_point = pick % (map.len_code_points() + 1);
            let unit = map.to_unit(code_point).unwrap();
            prop_assert_eq!(map.to_code_point(unit), Ok(code_point));
            let expected: usize = text.chars().take(code_point).map(|ch| encoding.width(ch)).sum();
            prop_assert_eq!(unit, expected);
        }
    }

    #[test]
    fn utf16_matches_encode_utf16(text in "\\PC{0,40}") {
        let map = OffsetMap::new(&text, OffsetEncoding::Utf16);
        prop_assert_eq!(map.len_units(), text.encode_utf16().count());
    }
}
