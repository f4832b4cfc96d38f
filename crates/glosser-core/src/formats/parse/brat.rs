//! brat standoff: a directory of `NAME.txt` + `NAME.ann` pairs. Offsets are code points of the
//! text as brat reads it (universal newlines: `\r\n` counts one character; a BOM counts one).
//! `T` lines become spans — a discontinuous one (`T1 L 0 5;9 14`) one span per fragment, noted
//! with its brat id — `R` lines between two imported spans become links, `AnnotatorNotes` on a
//! `T` become its note; events, attributes, normalizations, equivalences and other notes are
//! counted in the report.

use std::collections::HashMap;
use std::path::Path;

use super::format::files_under;
use super::{Parsed, ReadError};
use crate::formats::import::{Kind, RawLink, RawSpan, Record, Unit};
use crate::formats::schema::Schema;

/// Reads every `.ann` under `dir` (sorted) with its `.txt`.
pub fn read_dir(dir: &Path) -> Result<Parsed, ReadError> {
    if !dir.is_dir() {
        return Err(ReadError::Shape(format!(
            "{}: brat import reads a directory of .txt and .ann files",
            dir.display()
        )));
    }
    let mut anns = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| ReadError::Io {
            path: d.display().to_string(),
            source,
        })?;
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
    let mut schema = Schema::default();
    for conf in files_under(dir)
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "annotation.conf"))
    {
        let text = std::fs::read_to_string(conf).map_err(|source| ReadError::Io {
            path: conf.display().to_string(),
            source,
        })?;
        schema.merge(crate::formats::schema::brat_conf(&text));
    }
    Ok(Parsed {
        records: anns.iter().map(|ann| pair(dir, ann)).collect(),
        schema,
        ..Parsed::default()
    })
}

fn pair(root: &Path, ann: &Path) -> Result<Record, crate::formats::Rejected> {
    let txt = ann.with_extension("txt");
    let relative = txt
        .strip_prefix(root)
        .unwrap_or(&txt)
        .to_string_lossy()
        .replace('\\', "/");
    let name = crate::formats::brat::document_id(&relative);
    let origin = ann
        .strip_prefix(root)
        .unwrap_or(ann)
        .to_string_lossy()
        .replace('\\', "/");
    let text = std::fs::read_to_string(&txt)
        .map_err(|e| format!("{origin}: cannot read {}: {e}", txt.display()))?;
    let body = std::fs::read_to_string(ann).map_err(|e| format!("{origin}: cannot read: {e}"))?;
    brat_record(&origin, name, text, &body)
}

/// One brat document from its name, its `.txt` text and its `.ann` body.
pub fn brat_record(
    origin: &str,
    name: String,
    text: String,
    body: &str,
) -> Result<Record, crate::formats::Rejected> {
    let fail = |n: usize, e: String| format!("{origin}: line {}: {e}", n + 1);
    // The text as brat sees it: universal newlines, BOM kept.
    let seen: Vec<char> = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .collect();
    let mut record = Record::new(origin, name, text, Unit::UniversalNewlines);
    // brat id → indexes of its spans in the record (several for a discontinuous span).
    let mut ids: HashMap<String, Vec<usize>> = HashMap::new();
    let mut rest = Vec::new();
    for (n, line) in body.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        let id = fields[0];
        if !id.starts_with('T') {
            rest.push((n, line));
            continue;
        }
        let [_, head, shown] = fields[..] else {
            return Err(fail(n, "a T line has three tab-separated fields".to_owned()).into());
        };
        let (label, offsets) = head
            .split_once(' ')
            .ok_or_else(|| fail(n, "no offsets".to_owned()))?;
        let mut fragments = Vec::new();
        for part in offsets.split(';') {
            let (s, e) = part
                .trim()
                .split_once(' ')
                .ok_or_else(|| fail(n, format!("bad offsets {part:?}")))?;
            let parse = |x: &str| {
                x.trim()
                    .parse::<usize>()
                    .map_err(|_| fail(n, format!("bad offset {x:?}")))
            };
            let (s, e) = (parse(s)?, parse(e)?);
            if s > e || e > seen.len() {
                return Err(fail(n, format!("offsets {s} {e} are outside the text")).into());
            }
            fragments.push((s, e));
        }
        let texts: Vec<String> = fragments
            .iter()
            .map(|&(s, e)| seen[s..e].iter().collect())
            .collect();
        if texts.join(" ") != shown {
            return Err(fail(n, format!("text {shown:?} does not match the .txt")).into());
        }
        // glosser's own export splits a span at line breaks (brat forbids them in a fragment):
        // fragments separated only by whitespace with a line break are that one span again.
        let joined = fragments.windows(2).all(|w| {
            let gap = &seen[w[0].1..w[1].0];
            gap.contains(&'\n') && gap.iter().all(|c| c.is_whitespace())
        });
        if fragments.len() > 1 && joined {
            let (start, end) = (fragments[0].0, fragments[fragments.len() - 1].1);
            ids.entry(id.to_owned())
                .or_default()
                .push(record.spans.len());
            // The fragment texts were checked above; the whole holds `\r\n` where brat saw `\n`.
            record.spans.push(RawSpan::new(start, end, label));
            continue;
        }
        let total = fragments.len();
        if total > 1 {
            record
                .report
                .add(Kind::Discontinuous, format!("{origin} {id}"));
        }
        let indexes = ids.entry(id.to_owned()).or_default();
        for (i, (&(s, e), text)) in fragments.iter().zip(texts).enumerate() {
            indexes.push(record.spans.len());
            record.spans.push(RawSpan {
                text: Some(text),
                note: (total > 1).then(|| format!("brat {id}: fragment {} of {total}", i + 1)),
                ..RawSpan::new(s, e, label)
            });
        }
    }
    for (n, line) in rest {
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        let id = fields[0];
        let named = format!("{origin} {id}");
        let head = fields.get(1).copied().unwrap_or_default();
        match id.chars().next() {
            Some('R') => {
                let mut parts = head.split(' ');
                let kind = parts.next().unwrap_or_default().to_owned();
                let args: Vec<&str> = parts
                    .filter_map(|p| p.split_once(':').map(|(_, target)| target))
                    .collect();
                let single = |target: &str| match ids.get(target).map(Vec::as_slice) {
                    Some(&[i]) => Some(i),
                    _ => None,
                };
                match args[..] {
                    [from, to] => match (single(from), single(to)) {
                        (Some(from), Some(to)) => record.links.push(RawLink {
                            id: named,
                            kind,
                            from,
                            to,
                        }),
                        _ => record.report.add(Kind::Relations, named),
                    },
                    _ => {
                        return Err(
                            fail(n, format!("relation {head:?} needs two arguments")).into()
                        );
                    }
                }
            }
            Some('*') => record
                .report
                .add(Kind::Relations, format!("{origin} *{head}")),
            Some('E') => record.report.add(Kind::Events, named),
            Some('A' | 'M') => record.report.add(Kind::Attributes, named),
            Some('N') => record.report.add(Kind::Normalizations, named),
            Some('#') => {
                let target = head
                    .strip_prefix("AnnotatorNotes ")
                    .map(str::trim)
                    .and_then(|t| ids.get(t));
                let note = fields.get(2).copied().unwrap_or_default();
                match target {
                    Some(indexes) => {
                        for &i in indexes {
                            let span = &mut record.spans[i];
                            span.note = Some(match span.note.take() {
                                Some(fragment) => format!("{note} ({fragment})"),
                                None => note.to_owned(),
                            });
                        }
                    }
                    // `#1 Lemma T1 …`: a note of another type, on a span.
                    None if head
                        .split_whitespace()
                        .nth(1)
                        .is_some_and(|t| ids.contains_key(t)) =>
                    {
                        record.report.add(Kind::OtherNotes, named);
                    }
                    None => record.report.add(Kind::Notes, named),
                }
            }
            _ => record
                .report
                .add(Kind::BadRecords, format!("{origin} line {}", n + 1)),
        }
    }
    Ok(record)
}

#[cfg(test)]
mod tests;
