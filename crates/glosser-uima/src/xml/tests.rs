use super::*;
use quick_xml::events::Event;

fn first_attributes(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event().unwrap() {
            Event::Empty(element) | Event::Start(element) => {
                return attributes(&reader, &element).unwrap();
            }
            Event::Eof => panic!("no element"),
            _ => {}
        }
    }
}

#[test]
fn attribute_values_are_normalized_like_xml_parsers_do() {
    let found = first_attributes("<a x=\"one\ntwo&#10;three&#13;&#10;&amp;&#128522;\"/>");
    assert_eq!(
        found,
        [("x".to_owned(), "one two\nthree\r\n&😊".to_owned())]
    );
}

#[test]
fn escaped_attributes_read_back_unchanged() {
    let value = "a\tb\nc\r\nd \"<&>\" 😀";
    let xml = format!("<a x=\"{}\"/>", escape_attribute(value));
    assert_eq!(first_attributes(&xml)[0].1, value);
}

#[test]
fn text_and_references_are_collected() {
    let mut reader = Reader::from_str("<a>x &amp; y&#13;&#x41;&lt;</a>");
    let mut text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Text(t) => push_text(&mut text, &t),
            Event::GeneralRef(r) => push_reference(&reader, &mut text, &r).unwrap(),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(text, "x & y\rA<");
    assert_eq!(escape_text("a<&>\r"), "a&lt;&amp;&gt;&#13;");
}

#[test]
fn an_unknown_entity_is_an_error() {
    let mut reader = Reader::from_str("<a>&nbsp;</a>");
    let mut text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::GeneralRef(r) => {
                assert!(push_reference(&reader, &mut text, &r).is_err());
                return;
            }
            Event::Eof => panic!("no reference"),
            _ => {}
        }
    }
}

#[test]
fn xml10_characters() {
    assert!(is_xml10_char('\n'));
    assert!(!is_xml10_char('\u{1}'));
    assert!(!is_xml10_char('\u{FFFF}'));
    assert!(check_xml10("ok 😀").is_ok());
    assert!(matches!(
        check_xml10("a\u{7}"),
        Err(Error::XmlCharacter { code: 7, offset: 1 })
    ));
    let reader = Reader::from_str("<a/>");
    let element = BytesStart::new("cas:Sofa");
    assert_eq!(element_name(&element), "cas:Sofa");
    let _ = syntax_error(
        &reader,
        &quick_xml::Error::Io(std::sync::Arc::new(std::io::Error::other("x"))),
    );
}
