use super::*;
use proptest::prelude::*;

#[test]
fn utf16_offsets_count_astral_characters_twice() {
    let index = TextIndex::new("a😀b");
    assert_eq!(index.len(), 3);
    assert!(!index.is_empty());
    assert_eq!(index.from_utf16(3), Ok(2));
    assert_eq!(index.to_utf16(2), Some(3));
    assert_eq!(
        index.from_utf16(2),
        Err(OffsetProblem::SplitsCharacter { code_point: 1 })
    );
    assert_eq!(
        index.from_utf16(5),
        Err(OffsetProblem::PastEnd {
            offset: 5,
            length: 4
        })
    );
    assert_eq!(index.slice(1, 3), Some("😀b"));
    assert_eq!(index.slice(2, 1), None);
    assert_eq!(index.slice(1, 4), None);
}

#[test]
fn resolve_tells_code_points_from_utf16_by_the_text() {
    let index = TextIndex::new("😀 Ada and Bob");
    let by_code_points = index.resolve(2, 5, Unit::CodePointOrUtf16, Some("Ada"));
    assert_eq!(
        by_code_points,
        Ok(Resolved {
            start: 2,
            end: 5,
            unit: Unit::CodePoint
        })
    );
    let by_utf16 = index.resolve(3, 6, Unit::CodePointOrUtf16, Some("Ada"));
    assert_eq!(
        by_utf16,
        Ok(Resolved {
            start: 2,
            end: 5,
            unit: Unit::Utf16
        })
    );
    let neither = index.resolve(7, 9, Unit::CodePointOrUtf16, Some("Ada"));
    assert!(matches!(neither, Err(OffsetProblem::TextMismatch { .. })));
    assert_eq!(
        index.resolve(3, 2, Unit::CodePoint, None),
        Err(OffsetProblem::Reversed { start: 3, end: 2 })
    );
    assert!(index.resolve(0, 40, Unit::CodePoint, None).is_err());
    assert_eq!(
        index
            .resolve(3, 6, Unit::Utf16, None)
            .map(|r| (r.start, r.end)),
        Ok((2, 5))
    );
}

#[test]
fn problems_explain_themselves() {
    let problem = OffsetProblem::SplitsCharacter { code_point: 4 };
    assert!(problem.to_string().contains("surrogate"));
    let problem = OffsetProblem::TextMismatch {
        expected: "a".into(),
        found: "b".into(),
    };
    assert!(problem.to_string().contains("\"a\""));
}

proptest! {
    #[test]
    fn utf16_round_trips_every_code_point(text in "\\PC{0,40}") {
        let index = TextIndex::new(&text);
        for code_point in 0..=index.len() {
            let unit = index.to_utf16(code_point).unwrap();
            prop_assert_eq!(index.from_utf16(unit), Ok(code_point));
        }
        let expected: String = text.encode_utf16().count().to_string();
        prop_assert_eq!(index.to_utf16(index.len()).unwrap().to_string(), expected);
    }
}
