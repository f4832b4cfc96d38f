//! XML plumbing shared by the XMI and type system code: attribute values as a conformant parser
//! sees them, text with its references resolved, and escaping for output.

use quick_xml::events::{BytesRef, BytesStart, BytesText};
use quick_xml::{Reader, XmlVersion};

use crate::error::Error;

pub(crate) fn syntax_error(reader: &Reader<&[u8]>, error: &quick_xml::Error) -> Error {
    Error::Xml {
        position: reader.buffer_position(),
        message: error.to_string(),
    }
}

/// The element's attributes, qualified names as written, values normalized as XML 1.0 says
/// (a literal line break or tab becomes a space; `&#10;` stays a line break).
pub(crate) fn attributes(
    reader: &Reader<&[u8]>,
    element: &BytesStart<'_>,
) -> Result<Vec<(String, String)>, Error> {
    let mut all = Vec::new();
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|error| syntax_error(reader, &error.into()))?;
        let key = attribute.key.as_ref().to_owned();
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|error| syntax_error(reader, &error))?;
        all.push((key, value.into_owned()));
    }
    Ok(all)
}

pub(crate) fn element_name(element: &BytesStart<'_>) -> String {
    element.name().as_ref().to_owned()
}

/// Appends a text event's content, with XML 1.0 line ends.
pub(crate) fn push_text(into: &mut String, text: &BytesText<'_>) {
    into.push_str(&text.xml10_content());
}

/// Appends what a character or entity reference stands for.
pub(crate) fn push_reference(
    reader: &Reader<&[u8]>,
    into: &mut String,
    reference: &BytesRef<'_>,
) -> Result<(), Error> {
    match reference
        .resolve_char_ref()
        .map_err(|error| syntax_error(reader, &error))?
    {
        Some(ch) => into.push(ch),
        None => match quick_xml::escape::resolve_predefined_entity(reference) {
            Some(text) => into.push_str(text),
            None => {
                return Err(Error::Xml {
                    position: reader.buffer_position(),
                    message: format!("unknown entity &{};", &**reference),
                });
            }
        },
    }
    Ok(())
}

/// Whether XML 1.0 can hold the character at all.
pub(crate) fn is_xml10_char(ch: char) -> bool {
    matches!(ch, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes a value for a double-quoted attribute, keeping line breaks and tabs as character
/// references so that no parser normalizes them away.
pub(crate) fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escapes element text.
pub(crate) fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Checks that XML 1.0 can hold every character of a text (offsets in code points).
pub(crate) fn check_xml10(text: &str) -> Result<(), Error> {
    match text.chars().enumerate().find(|(_, ch)| !is_xml10_char(*ch)) {
        Some((offset, ch)) => Err(Error::XmlCharacter {
            code: u32::from(ch),
            offset,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
