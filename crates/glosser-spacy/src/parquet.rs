//! Hugging Face-style token rows in a Parquet file, written with the `parquet` crate's own
//! (non-Arrow) writer: every column nullable and every list item named `item`, so that pyarrow
//! reads exactly the Arrow schema `datasets` derives from the `huggingface` metadata key — and
//! `datasets` then keeps the `ClassLabel` names of `ner_tags`.

mod columns;
mod rows;
pub mod table;

use std::io::Write;
use std::sync::Arc;

use parquet::data_type::ByteArray;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

pub use rows::{HfRowReport, hf_row, iob2_tag_names};

/// One row: a document (or a part of one) with its tokens, their IOB2 tags and offsets, and
/// its spans.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HfRow {
    pub id: String,
    pub document: String,
    pub text: String,
    pub tokens: Vec<String>,
    /// Indexes into the tag names given to [`write_hf_parquet`] (a `ClassLabel`).
    pub ner_tags: Vec<i64>,
    /// Char offsets (Python `str` indices) of each token into `text`.
    pub token_starts: Vec<i64>,
    pub token_ends: Vec<i64>,
    pub spans: Vec<HfSpan>,
}

/// A labelled span of a row: char offsets into its text, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HfSpan {
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub text: String,
}

/// What can go wrong while writing the Parquet file.
#[derive(Debug, thiserror::Error)]
pub enum HfParquetError {
    #[error(
        "row {row} ({id}) has {tokens} tokens but {tags} ner_tags, {starts} token_starts and {ends} token_ends; give one of each per token"
    )]
    Lengths {
        row: usize,
        id: String,
        tokens: usize,
        tags: usize,
        starts: usize,
        ends: usize,
    },
    #[error("row {row} ({id}) has tag {tag}, but there are only {names} tag names (0..{names})")]
    TagOutOfRange {
        row: usize,
        id: String,
        tag: i64,
        names: usize,
    },
    #[error("the Parquet table does not fit its schema: {0}")]
    Schema(String),
    #[error("the Parquet writer failed: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("could not write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

const SCHEMA: &str = "message hf_row {
  optional binary id (STRING);
  optional binary document (STRING);
  optional binary text (STRING);
  optional group tokens (LIST) { repeated group list { optional binary item (STRING); } }
  optional group ner_tags (LIST) { repeated group list { optional int64 item; } }
  optional group token_starts (LIST) { repeated group list { optional int64 item; } }
  optional group token_ends (LIST) { repeated group list { optional int64 item; } }
  optional group spans (LIST) {
    repeated group list {
      optional group item {
        optional int64 start;
        optional int64 end;
        optional binary label (STRING);
        optional binary text (STRING);
      }
    }
  }
}";

/// Rows per row group.
const ROW_GROUP_ROWS: usize = 10_000;

/// The `huggingface` schema metadata: the `datasets` features of the rows, in the form every
/// `datasets` version from 2.x on reads (`Sequence`, and a list of one dict for a list of structs).
pub fn huggingface_metadata(tag_names: &[String]) -> String {
    let value = |dtype: &str| serde_json::json!({"dtype": dtype, "_type": "Value"});
    let sequence = |feature| serde_json::json!({"feature": feature, "_type": "Sequence"});
    serde_json::json!({"info": {"features": {
        "id": value("string"),
        "document": value("string"),
        "text": value("string"),
        "tokens": sequence(value("string")),
        "ner_tags": sequence(serde_json::json!({"names": tag_names, "_type": "ClassLabel"})),
        "token_starts": sequence(value("int64")),
        "token_ends": sequence(value("int64")),
        "spans": [{
            "start": value("int64"),
            "end": value("int64"),
            "label": value("string"),
            "text": value("string"),
        }],
    }}})
    .to_string()
}

fn validate(rows: &[HfRow], tag_names: &[String]) -> Result<(), HfParquetError> {
    for (index, row) in rows.iter().enumerate() {
        let n = row.tokens.len();
        if row.ner_tags.len() != n || row.token_starts.len() != n || row.token_ends.len() != n {
            return Err(HfParquetError::Lengths {
                row: index,
                id: row.id.clone(),
                tokens: n,
                tags: row.ner_tags.len(),
                starts: row.token_starts.len(),
                ends: row.token_ends.len(),
            });
        }
        if let Some(&tag) = row
            .ner_tags
            .iter()
            .find(|&&t| usize::try_from(t).map_or(true, |t| t >= tag_names.len()))
        {
            return Err(HfParquetError::TagOutOfRange {
                row: index,
                id: row.id.clone(),
                tag,
                names: tag_names.len(),
            });
        }
    }
    Ok(())
}

/// Writes `rows` as Parquet to `out`, with `tag_names` (the `ClassLabel` names of `ner_tags`,
/// e.g. from [`iob2_tag_names`]) in the `huggingface` metadata.
pub fn write_hf_parquet<W: Write + Send>(
    out: W,
    rows: &[HfRow],
    tag_names: &[String],
) -> Result<(), HfParquetError> {
    validate(rows, tag_names)?;
    let schema = Arc::new(parse_message_type(SCHEMA)?);
    let properties = WriterProperties::builder()
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "huggingface".to_owned(),
            huggingface_metadata(tag_names),
        )]))
        .set_created_by(format!("glosser-spacy {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut writer = SerializedFileWriter::new(out, schema, Arc::new(properties))?;
    for group in rows.chunks(ROW_GROUP_ROWS) {
        let mut row_group = writer.next_row_group()?;
        let mut columns = columns::Columns::new(&mut row_group);
        columns.strings(group.iter().map(|r| r.id.as_str()))?;
        columns.strings(group.iter().map(|r| r.document.as_str()))?;
        columns.strings(group.iter().map(|r| r.text.as_str()))?;
        columns.string_lists(group, 3, |r| r.tokens.iter().map(String::as_str).collect())?;
        columns.int_lists(group, 3, |r| r.ner_tags.clone())?;
        columns.int_lists(group, 3, |r| r.token_starts.clone())?;
        columns.int_lists(group, 3, |r| r.token_ends.clone())?;
        columns.int_lists(group, 4, |r| r.spans.iter().map(|s| s.start).collect())?;
        columns.int_lists(group, 4, |r| r.spans.iter().map(|s| s.end).collect())?;
        columns.string_lists(group, 4, |r| {
            r.spans.iter().map(|s| s.label.as_str()).collect()
        })?;
        columns.string_lists(group, 4, |r| {
            r.spans.iter().map(|s| s.text.as_str()).collect()
        })?;
        row_group.close()?;
    }
    writer.close()?;
    Ok(())
}

/// [`write_hf_parquet`] to a file at `path`.
pub fn write_hf_parquet_file(
    path: &std::path::Path,
    rows: &[HfRow],
    tag_names: &[String],
) -> Result<(), HfParquetError> {
    let io = |source| HfParquetError::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::create(path).map_err(io)?;
    let mut buffered = std::io::BufWriter::new(file);
    write_hf_parquet(&mut buffered, rows, tag_names)?;
    buffered.flush().map_err(io)
}

#[cfg(test)]
mod tests;
