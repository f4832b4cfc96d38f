//! `hf --parquet`: the same rows as the hf JSON lines, as Parquet (the Hub's own format), with
//! `ner_tags` as `ClassLabel` ids and the `datasets` features in the file's `huggingface`
//! metadata, so `datasets`, pyarrow, DuckDB, Polars and Spark read it with no conversion. Also
//! the features themselves (shared with the dataset card) and each row's size as `datasets`
//! counts it (`num_bytes`).

use std::collections::HashMap;

use glosser_spacy::parquet::table::{ColumnType, ColumnValues};

use crate::formats::overlaps::Tagged;

/// The column name of tag layer `k` (0-based): `ner_tags`, `ner_tags_2`, …
pub fn tag_column(k: usize) -> String {
    if k == 0 {
        "ner_tags".to_owned()
    } else {
        format!("ner_tags_{}", k + 1)
    }
}

/// The columns of a row, in order, with `depth` tag layers.
pub fn columns(depth: usize) -> Vec<(String, ColumnType)> {
    let mut out = vec![
        ("document".to_owned(), ColumnType::String),
        ("sentence".to_owned(), ColumnType::Int64),
        ("status".to_owned(), ColumnType::String),
        ("tokens".to_owned(), ColumnType::StringList),
        ("token_starts".to_owned(), ColumnType::Int64List),
        ("token_ends".to_owned(), ColumnType::Int64List),
    ];
    out.extend((0..depth.max(1)).map(|k| (tag_column(k), ColumnType::Int64List)));
    out
}

/// The `datasets` features of the rows as JSON (`Features.to_dict()`'s shape, in column order,
/// the list form every `datasets` since 2.x reads), for the `huggingface` Parquet metadata.
pub fn features_json(tags: &[String], depth: usize) -> String {
    let value = |dtype: &str| format!(r#"{{"dtype":"{dtype}","_type":"Value"}}"#);
    let sequence = |feature: String| format!(r#"{{"feature":{feature},"_type":"Sequence"}}"#);
    let names = serde_json::to_string(tags).unwrap_or_else(|_| "[]".to_owned());
    let class_label = sequence(format!(r#"{{"names":{names},"_type":"ClassLabel"}}"#));
    let fields: Vec<String> = columns(depth)
        .into_iter()
        .map(|(name, kind)| {
            let feature = match (name.starts_with("ner_tags"), kind) {
                (true, _) => class_label.clone(),
                (false, ColumnType::String) => value("string"),
                (false, ColumnType::Int64) => value("int64"),
                (false, ColumnType::StringList) => sequence(value("string")),
                (false, ColumnType::Int64List) => sequence(value("int64")),
            };
            format!(r#""{name}":{feature}"#)
        })
        .collect();
    format!(r#"{{"info":{{"features":{{{}}}}}}}"#, fields.join(","))
}

/// The bytes `datasets` records for a document's rows (`num_bytes` of a split: the Arrow
/// buffers of the rows: 4 bytes of offset per string or list and its data, 8 per int64).
pub fn arrow_bytes(t: &Tagged, depth: usize) -> u64 {
    let mut total = 0u64;
    for sentence in &t.sentences {
        let tokens = sentence.len() as u64;
        let text: u64 = t.words[sentence.clone()]
            .iter()
            .map(|w| w.0.len() as u64)
            .sum();
        total += 4 + t.document.len() as u64 // document
            + 8 // sentence
            + 4 + t.status.len() as u64 // status
            + 4 + 4 * tokens + text // tokens
            + 2 * (4 + 8 * tokens) // token_starts, token_ends
            + depth.max(1) as u64 * (4 + 8 * tokens); // ner_tags…
    }
    total
}

/// Rows waiting to be written as one row group.
#[derive(Debug, Default)]
pub struct Rows {
    documents: Vec<String>,
    sentences: Vec<i64>,
    statuses: Vec<&'static str>,
    tokens: Vec<Vec<String>>,
    starts: Vec<Vec<i64>>,
    ends: Vec<Vec<i64>>,
    /// One list per layer, a tag id list per row.
    tags: Vec<Vec<Vec<i64>>>,
}

/// A char offset or count as Parquet's int64.
fn wide(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Rows {
    pub fn new(depth: usize) -> Self {
        Self {
            tags: vec![Vec::new(); depth.max(1)],
            ..Self::default()
        }
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// Adds a document's rows; `ids` maps a tag to its `ClassLabel` id (0, `O`, for a tag it
    /// does not know, which the export never writes).
    pub fn push(&mut self, t: &Tagged, ids: &HashMap<String, i64>) {
        for (n, sentence) in t.sentences.iter().enumerate() {
            let words = &t.words[sentence.clone()];
            self.documents.push(t.document.clone());
            self.sentences.push(wide(n));
            self.statuses.push(t.status);
            self.tokens
                .push(words.iter().map(|w| w.0.clone()).collect());
            self.starts.push(words.iter().map(|w| wide(w.1)).collect());
            self.ends.push(words.iter().map(|w| wide(w.2)).collect());
            for (k, layer) in self.tags.iter_mut().enumerate() {
                layer.push(
                    sentence
                        .clone()
                        .map(|i| ids.get(t.tag(k, i)).copied().unwrap_or(0))
                        .collect(),
                );
            }
        }
    }

    /// The rows as one row group's columns, in [`columns`] order.
    pub fn values(&self) -> Vec<ColumnValues<'_>> {
        let mut out = vec![
            ColumnValues::Strings(self.documents.iter().map(String::as_str).collect()),
            ColumnValues::Int64s(self.sentences.clone()),
            ColumnValues::Strings(self.statuses.clone()),
            ColumnValues::StringLists(
                self.tokens
                    .iter()
                    .map(|row| row.iter().map(String::as_str).collect())
                    .collect(),
            ),
            ColumnValues::Int64Lists(self.starts.clone()),
            ColumnValues::Int64Lists(self.ends.clone()),
        ];
        out.extend(
            self.tags
                .iter()
                .map(|l| ColumnValues::Int64Lists(l.clone())),
        );
        out
    }
}

#[cfg(test)]
mod tests;
