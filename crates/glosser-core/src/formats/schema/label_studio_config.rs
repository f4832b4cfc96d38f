//! A Label Studio labelling config: the `value` of every `<Label>` inside a `<Labels>` or
//! `<HyperTextLabels>` tag (a span label), and of every `<Relation>` inside `<Relations>` (a link
//! type; Label Studio does not restrict its ends, so it may go between any two labels).

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::Schema;
use crate::formats::Rejected;

/// The span labels and relation types a labelling config declares.
pub fn label_studio_config(xml: &str) -> Result<Schema, Rejected> {
    let mut reader = Reader::from_str(xml);
    let mut schema = Schema::default();
    let mut relations = Vec::new();
    let mut open: Vec<String> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not a Label Studio labelling config: {e}"))?;
        match event {
            Event::Start(tag) => {
                collect(&tag, &open, &mut schema, &mut relations)?;
                open.push(tag.name().as_ref().to_owned());
            }
            Event::Empty(tag) => collect(&tag, &open, &mut schema, &mut relations)?,
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if schema.labels.is_empty() && relations.is_empty() {
        return Err("the labelling config declares no <Labels> or <Relations>"
            .to_owned()
            .into());
    }
    let all = schema.labels.clone();
    for name in relations {
        schema.add_link(&name, &all, &all);
    }
    Ok(schema)
}

fn collect(
    tag: &BytesStart,
    open: &[String],
    schema: &mut Schema,
    relations: &mut Vec<String>,
) -> Result<(), Rejected> {
    let name = tag.name();
    let parent = open.last().map(String::as_str).unwrap_or_default();
    let wanted = match name.as_ref() {
        "Label" if parent.ends_with("Labels") => true,
        "Relation" if parent == "Relations" => false,
        _ => return Ok(()),
    };
    for attribute in tag.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        if attribute.key.as_ref() == "value" {
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| e.to_string())?
                .into_owned();
            if wanted {
                schema.add_label(&value);
            } else if !relations.contains(&value) {
                relations.push(value);
            }
        }
    }
    Ok(())
}
