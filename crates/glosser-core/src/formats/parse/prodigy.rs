//! Prodigy's JSONL (`prodigy db-out`): one line per answer. Lines are grouped into one document
//! per `_input_hash` (else per text) and one annotator per `_annotator_id` / `_session_id` (else
//! `meta.annotator`); `answer: accept` gives spans, and the spans of a `reject` answer (a binary
//! `ner.teach` answer turning a suggestion down) become the annotator's rejected spans; a
//! `reject` without spans and `ignore` answers are counted. `relations` (`head_span`,
//! `child_span`, `label`) become links; `meta.status` (glosser's export) the document status.

use std::collections::HashMap;

use serde_json::Value;

use super::{Parsed, annotator_name, each_line, field_str, offset, text_tag};
use crate::formats::import::{Kind, RawLink, RawSpan, Record, Unit};
use crate::span::Span;

/// One answer line, parsed.
struct Answer {
    number: usize,
    key: String,
    document: Option<String>,
    text: String,
    /// `_annotator_id`, `_session_id` or `meta.annotator`, as written.
    annotator: Option<String>,
    accepted: bool,
    /// `answer: reject`: its spans are suggestions turned down.
    rejects: bool,
    spans: Vec<RawSpan>,
    relations: Vec<(String, Option<RawSpan>, Option<RawSpan>)>,
    status: Option<crate::store::Status>,
}

/// Answers on one input by one annotator form a record: (input key, annotator, text). The text
/// is part of the key, so two answers that share an `_input_hash` but not their text are never
/// merged onto one text (the second is a record of its own, rejected if its document has the
/// other text).
type Group = (String, Option<String>, String);

/// Reads a Prodigy export, grouping its answers by input and annotator.
pub fn read(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut order: Vec<Group> = Vec::new();
    let mut groups: HashMap<Group, Vec<Answer>> = HashMap::new();
    for answer in each_line(text, answer) {
        match answer {
            Ok(a) => {
                let key = (a.key.clone(), a.annotator.clone(), a.text.clone());
                groups
                    .entry(key.clone())
                    .or_insert_with(|| {
                        order.push(key);
                        Vec::new()
                    })
                    .push(a);
            }
            Err(e) => parsed.records.push(Err(e)),
        }
    }
    for key in order {
        let Some(answers) = groups.remove(&key) else {
            continue;
        };
        let mut rejected = Vec::new();
        for a in answers.iter().filter(|a| !a.accepted) {
            // A reject with spans turns those suggestions down; anything else is counted.
            let spans: Vec<Span> = if a.rejects {
                a.spans
                    .iter()
                    .filter_map(|raw| rejected_span(&a.text, raw))
                    .collect()
            } else {
                Vec::new()
            };
            if spans.len() < a.spans.len() || spans.is_empty() {
                parsed
                    .report
                    .add(Kind::RejectedAnswers, format!("line {}", a.number));
            }
            rejected.extend(spans);
        }
        let Some(first) = answers
            .iter()
            .find(|a| a.accepted)
            .or_else(|| answers.first().filter(|_| !rejected.is_empty()))
        else {
            continue;
        };
        let document = first
            .document
            .clone()
            .unwrap_or_else(|| format!("prodigy-{}.txt", first.key));
        let mut record = Record::new(
            format!("line {}", first.number),
            document,
            first.text.clone(),
            Unit::CodepointOrUtf16,
        );
        record.annotator = first.annotator.as_deref().and_then(annotator_name);
        record.annotator_source.clone_from(&first.annotator);
        record.rejected = rejected;
        record.status = answers.iter().find_map(|a| a.status);
        for a in answers.into_iter().filter(|a| a.accepted) {
            record.spans.extend(a.spans);
            for (kind, head, child) in a.relations {
                let find = |s: &Option<RawSpan>| {
                    let s = s.as_ref()?;
                    record
                        .spans
                        .iter()
                        .position(|x| (x.start, x.end, &x.label) == (s.start, s.end, &s.label))
                };
                match (find(&head), find(&child)) {
                    (Some(from), Some(to)) => record.links.push(RawLink {
                        id: format!("line {} {kind}", a.number),
                        kind,
                        from,
                        to,
                    }),
                    _ => parsed
                        .report
                        .add(Kind::Relations, format!("line {} {kind}", a.number)),
                }
            }
        }
        parsed.records.push(Ok(record));
    }
    parsed
}

/// A span of a rejected answer, in code points with its text: its offsets counted in code
/// points, or in UTF-16 units when only that makes its `text` match (`None` when neither does).
fn rejected_span(text: &str, raw: &RawSpan) -> Option<Span> {
    let by_chars = |start: usize, end: usize| -> Option<String> {
        (start < end && end <= text.chars().count())
            .then(|| text.chars().skip(start).take(end - start).collect())
    };
    let fits = |quote: &String| raw.text.as_ref().is_none_or(|t| t == quote);
    let (start, end) = match by_chars(raw.start, raw.end) {
        Some(quote) if fits(&quote) => (raw.start, raw.end),
        _ => {
            // UTF-16 units → code points.
            let mut units = 0;
            let (mut start, mut end) = (None, None);
            for (i, c) in text.chars().enumerate() {
                if units == raw.start {
                    start = Some(i);
                }
                if units == raw.end {
                    end = Some(i);
                }
                units += c.len_utf16();
            }
            if units == raw.end {
                end = Some(text.chars().count());
            }
            let (start, end) = (start?, end?);
            by_chars(start, end).filter(|quote| fits(quote))?;
            (start, end)
        }
    };
    let quote = by_chars(start, end)?;
    // glosser drops a leading BOM from the document: offsets that counted it move back by one.
    let shift = usize::from(text.starts_with('\u{feff}'));
    if start < shift {
        return None;
    }
    Some(Span {
        start: start - shift,
        end: end - shift,
        label: raw.label.clone(),
        quote,
        ..Span::default()
    })
}

fn answer(line: &str, number: usize) -> Result<Answer, crate::formats::Rejected> {
    let v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let text = field_str(&v, "text").ok_or("no \"text\" field")?;
    let meta = v.get("meta").cloned().unwrap_or(Value::Null);
    let document = field_str(&meta, "document");
    let key = match v.get("_input_hash") {
        _ if document.is_some() => document.clone().unwrap_or_default(),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(h) if h < 0 => format!("n{}", h.unsigned_abs()),
            _ => n.to_string(),
        },
        _ => text_tag(&text),
    };
    // As Prodigy wrote it; made a name when the record is built, so that two sessions that
    // would make one name stay apart.
    let annotator = ["_annotator_id", "_session_id"]
        .iter()
        .find_map(|k| field_str(&v, k))
        .or_else(|| field_str(&meta, "annotator"));
    let answer = v.get("answer").and_then(Value::as_str);
    let accepted = answer.is_none_or(|a| a == "accept");
    let rejects = answer == Some("reject");
    let span = |s: &Value| -> Result<RawSpan, crate::formats::Rejected> {
        Ok(RawSpan {
            text: field_str(s, "text"),
            ..RawSpan::new(
                offset(s.get("start"), "start")?,
                offset(s.get("end"), "end")?,
                field_str(s, "label").ok_or("a span has no label")?,
            )
        })
    };
    let mut spans = Vec::new();
    let mut relations = Vec::new();
    if accepted || rejects {
        for s in v
            .get("spans")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            spans.push(span(s)?);
        }
    }
    if accepted {
        for r in v
            .get("relations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let end = |key: &str| r.get(key).and_then(|s| span(s).ok());
            let kind = field_str(r, "label").unwrap_or_else(|| "relation".to_owned());
            relations.push((kind, end("head_span"), end("child_span")));
        }
    }
    let status = meta
        .get("status")
        .and_then(|s| serde_json::from_value(s.clone()).ok());
    Ok(Answer {
        number,
        key,
        document,
        text,
        annotator,
        accepted,
        rejects,
        spans,
        relations,
        status,
    })
}
