//! Unit tests of the tokenizer on cases whose spaCy 3.8 output is known (checks/ compares it
//! with spaCy on thousands more), and properties every tokenization has.

use proptest::prelude::*;

use super::Tokenizer;

fn tokenizer() -> &'static Tokenizer {
    Tokenizer::english().expect("embedded rules load")
}

fn words(text: &str) -> Vec<(String, bool)> {
    tokenizer()
        .tokenize(text)
        .expect("tokenizes")
        .iter()
        .map(|t| (t.text(text).to_owned(), t.space_after))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(w, _)| w).collect()
}

#[test]
fn splits_contractions_and_keeps_abbreviations() {
    assert_eq!(texts("I don't know."), ["I", "do", "n't", "know", "."]);
    assert_eq!(texts("the U.S. army"), ["the", "U.S.", "army"]);
    assert_eq!(texts("Mr. Smith"), ["Mr.", "Smith"]);
    assert_eq!(texts("(U.S.)"), ["(", "U.S.", ")"]);
    assert_eq!(
        texts("I'm gonna e-mail y'all."),
        ["I", "'m", "gon", "na", "e", "-", "mail", "y'", "all", "."]
    );
}

#[test]
fn special_case_pass_rejoins_emoticons_after_affixes() {
    assert_eq!(
        words("hello:) world"),
        [
            ("hello".to_owned(), false),
            (":)".to_owned(), true),
            ("world".to_owned(), false)
        ]
    );
}

#[test]
fn urls_numbers_and_units() {
    assert_eq!(
        texts("Visit https://example.com/a?b=1."),
        ["Visit", "https://example.com/a?b=1", "."]
    );
    assert_eq!(
        texts("10km 5°C $5.99 1,000"),
        ["10", "km", "5", "°", "C", "$", "5.99", "1,000"]
    );
}

#[test]
fn a_han_run_without_spaces_is_one_token() {
    assert_eq!(
        texts("北京官员说“我们赢了”。Uber’s drivers"),
        ["北京官员说“我们赢了”。Uber", "’s", "drivers"]
    );
}

#[test]
fn whitespace_other_than_one_space_is_a_token() {
    let got = words("a  b\n\nc \u{a0}d ");
    let want = [
        ("a", true),
        (" ", false),
        ("b", false),
        ("\n\n", false),
        ("c", true),
        ("\u{a0}", false),
        ("d", true),
    ];
    assert_eq!(
        got,
        want.map(|(w, s)| (w.to_owned(), s)).to_vec(),
        "{got:?}"
    );
    assert_eq!(
        words(" lead"),
        [(" ".to_owned(), false), ("lead".to_owned(), false)]
    );
    assert!(words("").is_empty());
}

#[test]
fn offsets_count_chars_and_bytes() {
    let text = "😀 “Hi”";
    let tokens = tokenizer().tokenize(text).expect("tokenizes");
    let spans: Vec<_> = tokens
        .iter()
        .map(|t| (t.start, t.end, t.byte_start, t.byte_end))
        .collect();
    assert_eq!(
        spans,
        [(0, 1, 0, 4), (2, 3, 5, 8), (3, 5, 8, 10), (5, 6, 10, 13)]
    );
}

#[test]
fn norms_come_from_exceptions_then_lookups_then_lowercase() {
    let t = tokenizer();
    let text = "Don't “SAY” ΟΔΟΣ";
    let tokens = t.tokenize(text).expect("tokenizes");
    let norms: Vec<_> = tokens
        .iter()
        .map(|k| t.norm(text, k).into_owned())
        .collect();
    assert_eq!(norms, ["do", "not", "\"", "say", "\"", "οδος"]);
    assert_eq!(t.lexeme_norm("—"), "-");
}

#[test]
fn rule_metadata_and_lookups() {
    let t = tokenizer();
    assert!(t.spacy_version().starts_with("3.8"));
    assert_eq!(t.unicode_version(), "14.0.0");
    assert!(
        t.is_whitespace('\u{3000}') && t.is_whitespace('\u{1c}') && !t.is_whitespace('\u{200b}')
    );
    let pieces = t.exception("can't").expect("an exception");
    assert_eq!(pieces.len(), 2);
    assert_eq!(pieces[1].norm.as_deref(), Some("not"));
    assert_eq!(t.exception("cant't"), None);
    assert_eq!(t.symbol("ORTH"), Some(65));
    assert_eq!(t.symbol("claim"), None);
}

#[test]
fn broken_rule_files_are_refused_with_a_reason() {
    let error = Tokenizer::from_rules_json("{}").expect_err("not a rule file");
    assert!(error.to_string().contains("dump_english.py"), "{error}");
    let bad = super::ENGLISH_RULES.replacen("\"min_width\": 1", "\"min_width\": 0", 1);
    assert!(matches!(
        Tokenizer::from_rules_json(&bad),
        Err(super::RulesError::EmptyMatch { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// The tokens and their single trailing spaces spell the text; offsets agree.
    #[test]
    fn tokens_tile_the_text(text in "[a-zA-Z0-9 .,:;!?'\"’“”()\\-/@#$%°\n\t\u{a0}\u{3000}北京😀\u{301}]{0,40}") {
        let tokens = tokenizer().tokenize(&text).expect("tokenizes");
        let mut rebuilt = String::new();
        let mut chars = 0;
        for token in &tokens {
            prop_assert!(token.byte_start < token.byte_end);
            prop_assert_eq!(token.byte_start, rebuilt.len());
            prop_assert_eq!(token.start, chars);
            let piece = token.text(&text);
            prop_assert_eq!(token.end - token.start, piece.chars().count());
            rebuilt.push_str(piece);
            chars = token.end;
            if token.space_after {
                rebuilt.push(' ');
                chars += 1;
            }
        }
        prop_assert_eq!(rebuilt, text);
    }
}
