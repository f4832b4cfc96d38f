use super::*;

fn doc(s: &str) -> Document {
    Document::from_text(s)
}

fn text_of(d: &Document, r: Option<Range<usize>>) -> Option<&str> {
    r.map(|r| d.slice(r.start, r.end))
}

const ARTICLE: &str =
    "First claim here. Second one “quoted,” said he.\r\n\r\n  Next para 😀 ends. Last?\nTail";

#[test]
fn sentence_never_carries_whitespace() {
    let d = doc(ARTICLE);
    assert_eq!(text_of(&d, sentence_at(&d, 0)), Some("First claim here."));
    assert_eq!(
        text_of(&d, sentence_at(&d, 17)),
        Some("First claim here."),
        "trailing space belongs to the sentence"
    );
    assert_eq!(
        text_of(&d, sentence_at(&d, 20)),
        Some("Second one “quoted,” said he.")
    );
    let next = ARTICLE.chars().position(|c| c == 'N').unwrap();
    assert_eq!(
        text_of(&d, sentence_at(&d, next)),
        Some("Next para 😀 ends.")
    );
    assert_eq!(sentence_at(&d, 49), None, "blank line");
}

#[test]
fn paragraph_is_a_trimmed_line() {
    let d = doc(ARTICLE);
    assert_eq!(
        text_of(&d, paragraph_at(&d, 3)),
        Some("First claim here. Second one “quoted,” said he.")
    );
    let next = ARTICLE.chars().position(|c| c == 'N').unwrap();
    assert_eq!(
        text_of(&d, paragraph_at(&d, next - 1)),
        Some("Next para 😀 ends. Last?")
    );
    assert_eq!(next_paragraph_start(&d, 0), next);
    assert_eq!(prev_paragraph_start(&d, next), 0);
    assert_eq!(prev_paragraph_start(&d, next + 3), next);
    let tail = ARTICLE.chars().position(|c| c == 'T').unwrap();
    assert_eq!(next_paragraph_start(&d, next), tail);
    assert_eq!(next_paragraph_start(&d, tail), d.char_len());
}

#[test]
fn word_motions_skip_punctuation_and_lines() {
    let d = doc("Hi, there — you.\n\nNew");
    assert_eq!(next_word_start(&d, 0), 4);
    assert_eq!(next_word_start(&d, 4), 12);
    assert_eq!(next_word_start(&d, 12), 18);
    assert_eq!(next_word_start(&d, 18), d.char_len());
    assert_eq!(prev_word_start(&d, 18), 12);
    assert_eq!(prev_word_start(&d, 13), 12);
    assert_eq!(prev_word_start(&d, 0), 0);
    assert_eq!(text_of(&d, word_at(&d, 6)), Some("there"));
    assert_eq!(word_at(&d, 3), None);
}

#[test]
fn sentence_motions() {
    let d = doc(ARTICLE);
    assert_eq!(next_sentence_start(&d, 0), 18);
    assert_eq!(prev_sentence_start(&d, 18), 0);
    assert_eq!(prev_sentence_start(&d, 20), 18);
    let next = ARTICLE.chars().position(|c| c == 'N').unwrap();
    assert_eq!(next_sentence_start(&d, 20), next);
    assert_eq!(prev_sentence_start(&d, next), 18);
}

#[test]
fn quotations() {
    let d = doc("He said “it is ‘fine’ now” and «oui». Trump’s \"plain\" talk");
    let at = |needle: &str| {
        d.text()
            .find(needle)
            .map(|b| d.byte_to_char(b).unwrap())
            .unwrap()
    };
    assert_eq!(
        text_of(&d, quotation_at(&d, at("it is"))),
        Some("“it is ‘fine’ now”")
    );
    assert_eq!(text_of(&d, quotation_at(&d, at("fine"))), Some("‘fine’"));
    assert_eq!(text_of(&d, quotation_at(&d, at("oui"))), Some("«oui»"));
    assert_eq!(
        text_of(&d, quotation_at(&d, at("plain"))),
        Some("\"plain\"")
    );
    assert_eq!(
        quotation_at(&d, at("Trump")),
        None,
        "an apostrophe is not a quote mark"
    );
    assert_eq!(quotation_at(&d, 0), None);
}

#[test]
fn long_single_line_is_windowed() {
    let text = "Word. ".repeat(200_000);
    let d = doc(&text);
    let mid = 600_000;
    let s = sentence_at(&d, mid).unwrap();
    assert_eq!(d.slice(s.start, s.end), "Word.");
    assert!(next_word_start(&d, mid) > mid);
}

#[test]
fn word_end_is_inclusive_and_moves_on_from_a_last_character() {
    let d = doc("Alpha said “yes, now” 😀.\nNext line");
    assert_eq!(word_end(&d, 0), 4, "the a of Alpha");
    assert_eq!(word_end(&d, 2), 4);
    assert_eq!(
        word_end(&d, 4),
        9,
        "already at the end: the next word's end"
    );
    assert_eq!(word_end(&d, 5), 9, "from the space");
    let yes = d
        .text()
        .find("yes")
        .map(|b| d.byte_to_char(b).unwrap())
        .unwrap();
    assert_eq!(word_end(&d, yes - 1), yes + 2, "from the quote mark");
    let now_end = yes + 7;
    assert_eq!(d.slice(now_end, now_end + 1), "w");
    let next = d
        .text()
        .find("Next")
        .map(|b| d.byte_to_char(b).unwrap())
        .unwrap();
    assert_eq!(
        word_end(&d, now_end),
        next + 3,
        "crosses the emoji and the line break to the next line's first word"
    );
    let last = d.char_len() - 1;
    assert_eq!(word_end(&d, last), d.char_len(), "no word after: the end");
}

#[test]
fn quotation_inside_drops_the_marks() {
    let d = doc("He said “ a leader, not peace.” Then «non» and ‘x’.");
    let at = |s: &str| d.byte_to_char(d.text().find(s).unwrap()).unwrap();
    assert_eq!(
        text_of(&d, quotation_inside(&d, at("leader"))),
        Some("a leader, not peace.")
    );
    assert_eq!(
        text_of(&d, quotation_inside(&d, at("«"))),
        Some("non"),
        "from the opening mark"
    );
    assert_eq!(quotation_inside(&d, at("Then")), None);
    let empty = doc("an “ ” here");
    assert_eq!(quotation_inside(&empty, 4), None, "nothing inside");
}

#[test]
fn name_end_takes_the_run_of_capitalised_words() {
    let d = doc(
        "Estonian Foreign Minister Margus Tsahkna was blunt. NATO Secretary-General Mark Rutte said so.",
    );
    let at = |s: &str| d.byte_to_char(d.text().find(s).unwrap()).unwrap();
    assert_eq!(name_end(&d, 0), at("Tsahkna") + 6);
    assert_eq!(name_end(&d, at("Margus")), at("Tsahkna") + 6);
    assert_eq!(
        name_end(&d, at("NATO")),
        at("Rutte") + 4,
        "across the hyphen"
    );
    assert_eq!(
        name_end(&d, at("was")),
        at("was") + 2,
        "a lower-case word: its end"
    );
    assert_eq!(
        name_end(&d, at("Tsahkna") + 6),
        at("was") + 2,
        "at a name's end: on, like e"
    );
}
