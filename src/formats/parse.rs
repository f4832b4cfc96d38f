//! Readers for the importable formats: each turns another tool's file into [`Record`]s, or a
//! message naming the line, task or file that could not be read.

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::import::{RawSpan, Record, Unit};
use super::{Format, Offsets};

/// Reads an import source: a file, or for brat a directory of `.txt` + `.ann` pairs.
pub fn read(
    format: Format,
    input: &Path,
    offsets: Offsets,
) -> Result<Vec<Result<Record, String>>, String> {
    if format == Format::Brat {
        return brat_dir(input);
    }
    let text = std::fs::read_to_string(input)
        .map_err(|e| format!("{}: cannot read: {e}", input.display()))?;
    read_str(format, &text, offsets)
}

/// Reads an import source already in memory (every format but brat, which is a directory).
pub fn read_str(
    format: Format,
    text: &str,
    offsets: Offsets,
) -> Result<Vec<Result<Record, String>>, String> {
    Ok(match format {
        Format::LabelStudio => label_studio(text)?,
        Format::Brat => return Err("brat is read from a directory".to_owned()),
        _ => text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| {
                let origin = format!("line {}", i + 1);
                let parsed = match format {
                    Format::Jsonl => jsonl(line, &origin),
                    Format::Doccano => doccano(line, &origin, i + 1, offsets),
                    _ => prodigy(line, &origin, i + 1),
                };
                parsed.map_err(|e| format!("{origin}: {e}"))
            })
            .collect(),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlRecord {
    document: String,
    annotator: Option<String>,
    text: String,
    spans: Vec<JsonlSpan>,
    /// Written by export (the annotator's status); accepted, not read here.
    #[serde(default, rename = "status")]
    _status: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlSpan {
    start: usize,
    end: usize,
    label: String,
    text: String,
    note: Option<String>,
    #[serde(default)]
    from: Vec<String>,
    /// Written by export (the stable span id, recomputed from the span); accepted, not read.
    #[serde(default, rename = "id")]
    _id: Option<serde::de::IgnoredAny>,
}

fn jsonl(line: &str, origin: &str) -> Result<Record, String> {
    let r: JsonlRecord = serde_json::from_str(line).map_err(|e| e.to_string())?;
    Ok(Record {
        origin: origin.to_owned(),
        document: r.document,
        text: r.text,
        annotator: r.annotator,
        spans: r
            .spans
            .into_iter()
            .map(|s| RawSpan {
                start: s.start,
                end: s.end,
                label: s.label,
                text: Some(s.text),
                note: s.note,
                from: s.from,
            })
            .collect(),
        unit: Unit::CodepointOrUtf16,
    })
}

fn field_str(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn offset(v: &Value, what: &str) -> Result<usize, String> {
    v.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{what} {v} is not an offset"))
}

/// A document id from a record's `document`, else a string `id` naming a document, else one
/// made from the tool's name and the record's number.
fn document_name(v: &Value, tool: &str, number: usize) -> String {
    if let Some(d) = field_str(v, "document") {
        return d;
    }
    match v.get("id") {
        Some(Value::String(id)) if crate::store::is_document_name(id) => id.clone(),
        Some(Value::Number(n)) => format!("{tool}-{n}.txt"),
        _ => format!("{tool}-{number}.txt"),
    }
}

fn doccano(line: &str, _origin: &str, number: usize, offsets: Offsets) -> Result<Record, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let text = field_str(&v, "text").ok_or("no \"text\" field")?;
    let mut spans = Vec::new();
    if let Some(labels) = v.get("label").and_then(Value::as_array) {
        for l in labels {
            let parts = l
                .as_array()
                .filter(|p| p.len() == 3)
                .ok_or_else(|| format!("label {l} is not [start, end, label]"))?;
            spans.push(RawSpan {
                start: offset(&parts[0], "start")?,
                end: offset(&parts[1], "end")?,
                label: parts[2]
                    .as_str()
                    .ok_or("a label is not a string")?
                    .to_owned(),
                text: None,
                note: None,
                from: Vec::new(),
            });
        }
    }
    if let Some(entities) = v.get("entities").and_then(Value::as_array) {
        for e in entities {
            spans.push(RawSpan {
                start: offset(
                    e.get("start_offset").unwrap_or(&Value::Null),
                    "start_offset",
                )?,
                end: offset(e.get("end_offset").unwrap_or(&Value::Null), "end_offset")?,
                label: field_str(e, "label").ok_or("an entity has no label")?,
                text: None,
                note: None,
                from: Vec::new(),
            });
        }
    }
    Ok(Record {
        origin: format!("line {number}"),
        document: document_name(&v, "doccano", number),
        text,
        annotator: field_str(&v, "annotator"),
        spans,
        unit: match offsets {
            Offsets::Utf16 => Unit::Utf16,
            Offsets::Codepoint => Unit::Codepoint,
        },
    })
}

fn prodigy(line: &str, _origin: &str, number: usize) -> Result<Record, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let text = field_str(&v, "text").ok_or("no \"text\" field")?;
    let meta = v.get("meta").cloned().unwrap_or(Value::Null);
    let mut spans = Vec::new();
    if v.get("answer")
        .and_then(Value::as_str)
        .is_none_or(|a| a == "accept")
    {
        for s in v
            .get("spans")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            spans.push(RawSpan {
                start: offset(s.get("start").unwrap_or(&Value::Null), "start")?,
                end: offset(s.get("end").unwrap_or(&Value::Null), "end")?,
                label: field_str(s, "label").ok_or("a span has no label")?,
                text: field_str(s, "text"),
                note: None,
                from: Vec::new(),
            });
        }
    }
    Ok(Record {
        origin: format!("line {number}"),
        document: document_name(&meta, "prodigy", number),
        text,
        annotator: field_str(&meta, "annotator"),
        spans,
        unit: Unit::CodepointOrUtf16,
    })
}

fn label_studio(text: &str) -> Result<Vec<Result<Record, String>>, String> {
    let tasks: Value =
        serde_json::from_str(text).map_err(|e| format!("not a Label Studio JSON export: {e}"))?;
    let tasks = tasks
        .as_array()
        .ok_or("a Label Studio export is a JSON array of tasks")?;
    Ok(tasks
        .iter()
        .enumerate()
        .map(|(i, task)| {
            let origin = format!("task {}", i + 1);
            ls_task(task, i + 1).map_err(|e| format!("{origin}: {e}"))
        })
        .collect())
}

fn ls_task(task: &Value, number: usize) -> Result<Record, String> {
    let data = task.get("data").ok_or("no \"data\"")?;
    let text = field_str(data, "text").ok_or("no \"data.text\"")?;
    let document = field_str(data, "document").unwrap_or_else(|| match task.get("id") {
        Some(Value::Number(n)) => format!("label-studio-{n}.txt"),
        _ => format!("label-studio-{number}.txt"),
    });
    let mut spans = Vec::new();
    let mut annotator = None;
    for annotation in task
        .get("annotations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if annotator.is_none() {
            annotator = field_str(annotation, "completed_by");
        }
        for result in annotation
            .get("result")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if result.get("type").and_then(Value::as_str) != Some("labels") {
                continue;
            }
            let value = result.get("value").ok_or("a result has no \"value\"")?;
            let labels = value
                .get("labels")
                .and_then(Value::as_array)
                .ok_or("a result has no labels")?;
            let note = result
                .get("meta")
                .and_then(|m| m.get("text"))
                .and_then(Value::as_array)
                .and_then(|t| t.first())
                .and_then(Value::as_str)
                .map(str::to_owned);
            for label in labels {
                spans.push(RawSpan {
                    start: offset(value.get("start").unwrap_or(&Value::Null), "start")?,
                    end: offset(value.get("end").unwrap_or(&Value::Null), "end")?,
                    label: label.as_str().ok_or("a label is not a string")?.to_owned(),
                    text: field_str(value, "text"),
                    note: note.clone(),
                    from: Vec::new(),
                });
            }
        }
    }
    Ok(Record {
        origin: format!("task {number}"),
        document,
        text,
        annotator,
        spans,
        unit: Unit::CodepointOrUtf16,
    })
}

fn brat_dir(dir: &Path) -> Result<Vec<Result<Record, String>>, String> {
    if !dir.is_dir() {
        return Err(format!(
            "{}: brat import reads a directory of .txt and .ann files",
            dir.display()
        ));
    }
    let mut anns = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| format!("{}: cannot list: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "ann") {
                anns.push(path);
            }
        }
    }
    anns.sort();
    Ok(anns.iter().map(|ann| brat_pair(dir, ann)).collect())
}

fn brat_pair(root: &Path, ann: &Path) -> Result<Record, String> {
    let txt = ann.with_extension("txt");
    let relative = txt
        .strip_prefix(root)
        .unwrap_or(&txt)
        .to_string_lossy()
        .replace('\\', "/");
    let name = super::brat::document_id(&relative);
    let origin = ann.display().to_string();
    let fail = |e: String| format!("{origin}: {e}");
    let text = std::fs::read_to_string(&txt)
        .map_err(|e| fail(format!("cannot read {}: {e}", txt.display())))?;
    let body = std::fs::read_to_string(ann).map_err(|e| fail(format!("cannot read: {e}")))?;
    brat_record(&origin, name, text, &body)
}

/// One brat document from its name, its `.txt` text and its `.ann` body.
pub fn brat_record(origin: &str, name: String, text: String, body: &str) -> Result<Record, String> {
    let fail = |e: String| format!("{origin}: {e}");
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(String, RawSpan)> = Vec::new();
    for (n, line) in body.lines().enumerate() {
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        if let [id, head, fragment_text] = fields[..]
            && id.starts_with('T')
        {
            let (label, offsets) = head
                .split_once(' ')
                .ok_or_else(|| fail(format!("line {}: no offsets", n + 1)))?;
            let mut fragments = Vec::new();
            for part in offsets.split(';') {
                let (s, e) = part
                    .split_once(' ')
                    .ok_or_else(|| fail(format!("line {}: bad offsets {part:?}", n + 1)))?;
                let s: usize = s
                    .trim()
                    .parse()
                    .map_err(|_| fail(format!("line {}: bad offset {s:?}", n + 1)))?;
                let e: usize = e
                    .trim()
                    .parse()
                    .map_err(|_| fail(format!("line {}: bad offset {e:?}", n + 1)))?;
                if s > e || e > chars.len() {
                    return Err(fail(format!(
                        "line {}: offsets {s} {e} are outside the text",
                        n + 1
                    )));
                }
                fragments.push((s, e));
            }
            let shown: Vec<String> = fragments
                .iter()
                .map(|&(s, e)| chars[s..e].iter().collect())
                .collect();
            if shown.join(" ") != fragment_text {
                return Err(fail(format!(
                    "line {}: text {fragment_text:?} does not match the .txt",
                    n + 1
                )));
            }
            let start = fragments.first().map_or(0, |f| f.0);
            let end = fragments.last().map_or(0, |f| f.1);
            spans.push((
                id.to_owned(),
                RawSpan {
                    start,
                    end,
                    label: label.to_owned(),
                    text: None,
                    note: None,
                    from: Vec::new(),
                },
            ));
        } else if let [_, head, note] = fields[..]
            && let Some(target) = head.strip_prefix("AnnotatorNotes ")
            && let Some((_, span)) = spans.iter_mut().find(|(id, _)| id == target.trim())
        {
            span.note = Some(note.to_owned());
        }
    }
    Ok(Record {
        origin: origin.to_owned(),
        document: name,
        text,
        annotator: None,
        spans: spans.into_iter().map(|(_, s)| s).collect(),
        unit: Unit::Codepoint,
    })
}
