//! doccano's JSONL exports, every shape since 1.0: the text in `text` (or `data`, 1.3–1.5),
//! spans in `label` / `labels` (`[start, end, label]`, ≤1.2 and later), `entities`
//! (`start_offset`, `end_offset`, `label`, 1.5+) or `annotations` (label ids and a `user`,
//! 1.0), and `relations` (`from_id`, `to_id`, `type`) between entities. Offsets are UTF-16 code
//! units unless `--offsets` says otherwise (code points, or grapheme clusters for projects in
//! grapheme mode). The annotator is the line's `annotator` (glosser's export) or `username`
//! (doccano ≤1.2), or `doccano-USER` for each `user` of 1.0 `annotations`.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Options, Parsed, doccano_unit, each_line, field_str, offset, text_tag};
use crate::formats::import::{Kind, RawLink, RawSpan, Record, Report};

/// Every line of a doccano export; a line whose annotations come from several users gives one
/// record per user.
pub fn read(text: &str, options: &Options) -> Parsed {
    let mut parsed = Parsed::default();
    for line in each_line(text, |line, number| records(line, number, options)) {
        match line {
            Ok(records) => parsed.records.extend(records.into_iter().map(Ok)),
            Err(e) => parsed.records.push(Err(e)),
        }
    }
    parsed
}

fn records(
    line: &str,
    number: usize,
    options: &Options,
) -> Result<Vec<Record>, crate::formats::Rejected> {
    let v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let text = field_str(&v, "text")
        .or_else(|| field_str(&v, "data"))
        .ok_or("no \"text\" (or \"data\") field with the document's text")?;
    let origin = format!("line {number}");
    let document = document_name(&v, &text, number);
    let unit = doccano_unit(options.offsets);
    // Spans by user (`None`: the line's own annotator, or none named).
    let mut by_user: BTreeMap<Option<i64>, (Vec<RawSpan>, Vec<Value>)> = BTreeMap::new();
    let mut report = Report::default();
    let label_of = |l: &Value,
                    report: &mut Report,
                    what: String|
     -> Result<Option<String>, crate::formats::Rejected> {
        match l {
            Value::String(s) => Ok(Some(s.clone())),
            Value::Number(n) => {
                let id = n
                    .as_i64()
                    .ok_or_else(|| format!("label {n} is not a label"))?;
                if let Some(name) = options.label_ids.get(&id) {
                    Ok(Some(name.clone()))
                } else {
                    report.add(Kind::NumericLabels, format!("{origin} {what} label {id}"));
                    Ok(None)
                }
            }
            other => Err(format!("label {other} is not a label").into()),
        }
    };
    // glosser's export of a document with links carries `entities` beside `label`: one set.
    let has_entities = v
        .get("entities")
        .and_then(Value::as_array)
        .is_some_and(|e| !e.is_empty());
    for key in ["label", "labels"].into_iter().filter(|_| !has_entities) {
        for l in v.get(key).and_then(Value::as_array).into_iter().flatten() {
            let Some(parts) = l.as_array().filter(|p| p.len() == 3) else {
                // Text classification (`"label": ["positive"]`) is not span annotation.
                if l.is_string() {
                    report.add(Kind::OtherResults, format!("{origin} category {l}"));
                    continue;
                }
                return Err(format!("{key} {l} is not [start, end, label]").into());
            };
            let (start, end) = (
                offset(parts.first(), "start")?,
                offset(parts.get(1), "end")?,
            );
            if let Some(label) = label_of(&parts[2], &mut report, format!("{start}..{end}"))? {
                let entry = by_user.entry(None).or_default();
                entry.0.push(RawSpan::new(start, end, label));
                entry.1.push(Value::Null);
            }
        }
    }
    for key in ["entities", "annotations"] {
        for e in v.get(key).and_then(Value::as_array).into_iter().flatten() {
            let start = offset(e.get("start_offset"), "start_offset")?;
            let end = offset(e.get("end_offset"), "end_offset")?;
            let label = e.get("label").ok_or("an entity has no label")?;
            let user = e.get("user").and_then(Value::as_i64);
            if let Some(label) = label_of(label, &mut report, format!("{start}..{end}"))? {
                let entry = by_user.entry(user).or_default();
                entry.0.push(RawSpan::new(start, end, label));
                entry.1.push(e.get("id").cloned().unwrap_or(Value::Null));
            }
        }
    }
    if by_user.is_empty() {
        by_user.insert(None, (Vec::new(), Vec::new()));
    }
    let mut out = Vec::new();
    let mut entity_ids = Vec::new();
    for (user, (spans, ids)) in by_user {
        let mut record = Record::new(&origin, document.clone(), text.clone(), unit);
        record.annotator = match user {
            Some(n) => Some(format!("doccano-{n}")),
            None => field_str(&v, "annotator")
                .or_else(|| field_str(&v, "username").and_then(|u| super::annotator_name(&u))),
        };
        if user.is_none() && field_str(&v, "annotator").is_none() {
            record.annotator_source = field_str(&v, "username");
        }
        record.spans = spans;
        // glosser's doccano export says the document's status.
        record.status = v
            .get("status")
            .and_then(|s| serde_json::from_value(s.clone()).ok());
        out.push(record);
        entity_ids.push(ids);
    }
    for r in v
        .get("relations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = r
            .get("id")
            .map_or_else(|| "relation".to_owned(), |id| format!("relation {id}"));
        let end = |ids: &[Value], key: &str| {
            r.get(key)
                .filter(|id| !id.is_null())
                .and_then(|id| ids.iter().position(|x| x == id))
        };
        let found = entity_ids
            .iter()
            .enumerate()
            .find_map(|(i, ids)| Some((i, end(ids, "from_id")?, end(ids, "to_id")?)));
        match found {
            Some((i, from, to)) => out[i].links.push(RawLink {
                id,
                kind: field_str(r, "type").unwrap_or_else(|| "relation".to_owned()),
                from,
                to,
            }),
            None => report.add(Kind::Relations, format!("{origin} {id}")),
        }
    }
    if let Some(first) = out.first_mut() {
        first.report = report;
    }
    Ok(out)
}

/// A document id from a record's `document`, else a string `id` naming a document, else one
/// made from the tool, the numeric id (or line) and a tag of the text, so that projects that
/// reuse ids do not collide: `doccano-7-1a2b3c4d.txt`.
fn document_name(v: &Value, text: &str, number: usize) -> String {
    if let Some(d) = field_str(v, "document") {
        return d;
    }
    match v.get("id").or_else(|| v.get("doc_id")) {
        Some(Value::String(id)) if crate::store::is_document_name(id) => id.clone(),
        Some(Value::Number(n)) => format!("doccano-{n}-{}.txt", text_tag(text)),
        _ => format!("doccano-line{number}-{}.txt", text_tag(text)),
    }
}

/// Reads doccano's label list (`[{"id": 1, "text": "PER"}, …]`, as *Labels → Export* writes
/// it) into id → name.
pub fn label_ids(json: &str) -> Result<BTreeMap<i64, String>, crate::formats::Rejected> {
    let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let list = v.as_array().ok_or("a doccano label list is a JSON array")?;
    list.iter()
        .map(|l| {
            let id = l
                .get("id")
                .and_then(Value::as_i64)
                .ok_or_else(|| format!("label {l} has no numeric id"))?;
            let name = field_str(l, "text")
                .or_else(|| field_str(l, "name"))
                .ok_or_else(|| format!("label {l} has no text"))?;
            Ok((id, name))
        })
        .collect()
}
