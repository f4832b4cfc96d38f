//! Label Studio's JSON export (a list of tasks; older versions call annotations `completions`;
//! the JSON-MIN export's flat `text` + `label` tasks are read too):
//! one record per annotation, so each `completed_by` gets its own annotation file (an int id
//! becomes `ls-7`, a user dict or an email its local part). `labels` results become spans,
//! `relation` results (`from_id`, `to_id`) links; cancelled annotations, predictions and other
//! result types are skipped and reported.

use std::collections::HashMap;

use serde_json::Value;

use super::{Parsed, ReadError, annotator_name, field_str, offset};
use crate::formats::import::{Kind, RawLink, RawSpan, Record, Report, Unit};

/// Reads a Label Studio export.
pub fn read(text: &str) -> Result<Parsed, ReadError> {
    let tasks: Value = serde_json::from_str(text)
        .map_err(|e| ReadError::Shape(format!("not a Label Studio JSON export: {e}")))?;
    let tasks = match tasks {
        Value::Array(tasks) => tasks,
        task @ Value::Object(_) => vec![task],
        _ => {
            return Err(ReadError::Shape(
                "a Label Studio export is a JSON array of tasks".to_owned(),
            ));
        }
    };
    let mut parsed = Parsed::default();
    for (i, task) in tasks.iter().enumerate() {
        let origin = format!("task {}", i + 1);
        match task_records(task, &origin, &mut parsed.report) {
            Ok(records) => parsed.records.extend(records.into_iter().map(Ok)),
            Err(e) => parsed.records.push(Err(format!("{origin}: {e}").into())),
        }
    }
    Ok(parsed)
}

/// The annotator a `completed_by` names: an int id → `ls-ID`, a dict → its email's local part
/// (else `ls-ID`), a string → itself made valid (an email's local part).
pub fn completed_by(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(format!("ls-{n}")),
        Value::String(s) => annotator_name(s),
        Value::Object(_) => v
            .get("email")
            .and_then(Value::as_str)
            .and_then(annotator_name)
            .or_else(|| {
                v.get("id")
                    .and_then(Value::as_i64)
                    .map(|n| format!("ls-{n}"))
            }),
        _ => None,
    }
}

/// What a `completed_by` says, as the tool wrote it: an id, a string, a user's email (else id).
pub(crate) fn completed_by_source(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        Value::Object(_) => v
            .get("email")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| v.get("id").map(Value::to_string)),
        _ => None,
    }
}

fn task_records(
    task: &Value,
    origin: &str,
    report: &mut Report,
) -> Result<Vec<Record>, crate::formats::Rejected> {
    if task.get("data").is_none() && task.get("text").is_some_and(Value::is_string) {
        return json_min(task, origin).map(|r| vec![r]);
    }
    let data = task.get("data").ok_or("no \"data\"")?;
    let text = field_str(data, "text")
        .or_else(|| {
            let mut strings = data.as_object()?.values().filter_map(Value::as_str);
            let only = strings.next()?;
            strings.next().is_none().then(|| only.to_owned())
        })
        .ok_or("no \"data.text\"")?;
    let document = field_str(data, "document").unwrap_or_else(|| match task.get("id") {
        Some(Value::Number(n)) => format!("label-studio-{n}.txt"),
        _ => format!("label-studio-{}.txt", origin.trim_start_matches("task ")),
    });
    let predictions = task
        .get("predictions")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    for p in 0..predictions {
        report.add(Kind::OtherResults, format!("{origin} prediction {}", p + 1));
    }
    let annotations = task
        .get("annotations")
        .or_else(|| task.get("completions"))
        .and_then(Value::as_array);
    let mut records = Vec::new();
    for (a, annotation) in annotations.into_iter().flatten().enumerate() {
        let name = annotation.get("id").map_or_else(
            || format!("{origin} annotation {}", a + 1),
            |id| format!("{origin} annotation {id}"),
        );
        // Cancelled (`was_cancelled`) or, in Label Studio 0.x, skipped (`skipped`): not an
        // annotation, as label-studio-converter reads it too.
        let flag = |key: &str| annotation.get(key).and_then(Value::as_bool) == Some(true);
        if flag("was_cancelled") || flag("skipped") {
            report.add(Kind::Cancelled, name);
            continue;
        }
        let mut record = Record::new(
            format!("{origin} annotation {}", a + 1),
            document.clone(),
            text.clone(),
            Unit::CodepointOrUtf16,
        );
        record.annotator = annotation.get("completed_by").and_then(completed_by);
        // glosser's Label Studio export says the document's status in `data.status`.
        record.status = data
            .get("status")
            .and_then(|s| serde_json::from_value(s.clone()).ok());
        record.annotator_source = annotation.get("completed_by").and_then(completed_by_source);
        read_results(annotation, &mut record)?;
        records.push(record);
    }
    if records.is_empty() {
        // The document still comes in; there is nobody's annotation to write.
        let mut record = Record::new(origin, document, text, Unit::CodepointOrUtf16);
        record.document_only = true;
        records.push(record);
    }
    Ok(records)
}

fn read_results(annotation: &Value, record: &mut Record) -> Result<(), crate::formats::Rejected> {
    let results = annotation.get("result").and_then(Value::as_array);
    let mut region: HashMap<String, usize> = HashMap::new();
    let mut relations = Vec::new();
    for result in results.into_iter().flatten() {
        let kind = result.get("type").and_then(Value::as_str).unwrap_or("");
        let id = result.get("id").map(|id| match id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        let named = id.clone().unwrap_or_else(|| kind.to_owned());
        match kind {
            "labels" => {
                let value = result.get("value").ok_or("a result has no \"value\"")?;
                let labels = value
                    .get("labels")
                    .and_then(Value::as_array)
                    .ok_or("a result has no labels")?;
                // Every line of the region's meta text, not only the first.
                let note = result
                    .get("meta")
                    .and_then(|m| m.get("text"))
                    .and_then(Value::as_array)
                    .map(|t| {
                        t.iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join("\n")
                    })
                    .filter(|n| !n.is_empty());
                let (start, end) = (
                    offset(value.get("start"), "start")?,
                    offset(value.get("end"), "end")?,
                );
                if let Some(id) = &id {
                    region.entry(id.clone()).or_insert(record.spans.len());
                }
                for label in labels {
                    record.spans.push(RawSpan {
                        text: field_str(value, "text"),
                        note: note.clone(),
                        ..RawSpan::new(start, end, label.as_str().ok_or("a label is not a string")?)
                    });
                }
            }
            "relation" => relations.push(result),
            _ => record.report.add(
                Kind::OtherResults,
                format!("{} {kind} {named}", record.origin),
            ),
        }
    }
    for r in relations {
        let end = |key: &str| {
            r.get(key)
                .and_then(Value::as_str)
                .and_then(|id| region.get(id).copied())
        };
        // A relation with several labels is one link per label; with none, a `relation`.
        let mut kinds: Vec<String> = r
            .get("labels")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
        if kinds.is_empty() {
            kinds.push("relation".to_owned());
        }
        let id = format!(
            "{}→{}",
            field_str(r, "from_id").unwrap_or_default(),
            field_str(r, "to_id").unwrap_or_default()
        );
        match (end("from_id"), end("to_id")) {
            (Some(from), Some(to)) => {
                let (from, to) = if field_str(r, "direction").as_deref() == Some("left") {
                    (to, from)
                } else {
                    (from, to)
                };
                for kind in kinds {
                    record.links.push(RawLink {
                        id: id.clone(),
                        kind,
                        from,
                        to,
                    });
                }
            }
            _ => record
                .report
                .add(Kind::Relations, format!("{} relation {id}", record.origin)),
        }
    }
    Ok(())
}

/// One task of Label Studio's JSON-MIN export (`text`, `label: [{start, end, text, labels}]`,
/// `annotator`, `id`), as label-studio-converter writes it.
fn json_min(task: &Value, origin: &str) -> Result<Record, crate::formats::Rejected> {
    let text = field_str(task, "text").unwrap_or_default();
    let document = field_str(task, "document").unwrap_or_else(|| match task.get("id") {
        Some(Value::Number(n)) => format!("label-studio-{n}.txt"),
        _ => format!("label-studio-{}.txt", origin.trim_start_matches("task ")),
    });
    let mut record = Record::new(origin, document, text, Unit::CodepointOrUtf16);
    record.annotator = task.get("annotator").and_then(completed_by);
    record.annotator_source = task.get("annotator").and_then(completed_by_source);
    for region in task
        .get("label")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (start, end) = (
            offset(region.get("start"), "start")?,
            offset(region.get("end"), "end")?,
        );
        let labels = region
            .get("labels")
            .and_then(Value::as_array)
            .ok_or("a region has no labels")?;
        for label in labels {
            record.spans.push(RawSpan {
                text: field_str(region, "text"),
                ..RawSpan::new(start, end, label.as_str().ok_or("a label is not a string")?)
            });
        }
    }
    Ok(record)
}
