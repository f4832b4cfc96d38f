//! brat's `annotation.conf`: entity and event types become labels (an event's trigger span is
//! imported with the event's type), relation types become link types between the types of
//! their two arguments. Abstract types (`!Life`), macros (`<POG>=Person|GPE`) and attributes are
//! understood; attributes are not labels.

use std::collections::HashMap;

use super::Schema;

/// The labels and link types an `annotation.conf` declares.
pub fn brat_conf(text: &str) -> Schema {
    let mut macros: HashMap<String, Vec<String>> = HashMap::new();
    let mut section = "";
    let mut entities: Vec<String> = Vec::new();
    let mut events: Vec<String> = Vec::new();
    let mut relations: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        // Comments, and the `-----` lines that separate groups of types.
        if line.is_empty() || line.starts_with('#') || line.chars().all(|c| c == '-') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name.trim() {
                "entities" => "entities",
                "relations" => "relations",
                "events" => "events",
                _ => "other",
            };
            continue;
        }
        if line.starts_with('<')
            && let Some((name, types)) = line.split_once('=')
        {
            let types = types.split('|').map(|t| t.trim().to_owned()).collect();
            macros.insert(name.trim().to_owned(), types);
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(name) = fields.next() else { continue };
        if name.starts_with('!') {
            continue;
        }
        let rest: Vec<&str> = fields.collect();
        match section {
            "entities" => entities.push(name.to_owned()),
            "events" => events.push(name.to_owned()),
            "relations" => relations.push((name.to_owned(), arguments(&rest.join(" ")))),
            _ => {}
        }
    }
    let mut schema = Schema::default();
    for label in entities.iter().chain(&events) {
        schema.add_label(label);
    }
    let expand = |spec: &str| -> Vec<String> {
        spec.split('|')
            .map(str::trim)
            .flat_map(|t| match t {
                "<ENTITY>" => entities.clone(),
                "<EVENT>" => events.clone(),
                "<ANY>" => entities.iter().chain(&events).cloned().collect(),
                _ => macros.get(t).cloned().unwrap_or_else(|| vec![t.to_owned()]),
            })
            .collect()
    };
    for (name, args) in relations {
        if let [from, to, ..] = &args[..] {
            schema.add_link(&name, &expand(from), &expand(to));
        }
    }
    schema
}

/// The types of a relation's `ROLE:TYPE` arguments, in order (`<REL-TYPE>:…` and `<OVERLAP>`
/// options left out).
fn arguments(rest: &str) -> Vec<String> {
    rest.split(',')
        .filter_map(|arg| arg.trim().split_once(':'))
        .filter(|(role, _)| !role.starts_with('<'))
        .map(|(_, types)| types.trim().to_owned())
        .collect()
}
