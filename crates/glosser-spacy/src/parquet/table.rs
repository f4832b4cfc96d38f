//! A Parquet file of flat rows whose columns are strings, int64s or lists of them, written a row
//! group at a time (memory bounded by a group, not the file), with key-value metadata such as
//! the `huggingface` features. Every column is nullable and every list item is named `item`, as
//! pyarrow and `datasets` write them, so the Arrow schema read back is the one `datasets`
//! derives from the features. No value is ever null.

use std::io::Write;
use std::sync::Arc;

use parquet::data_type::ByteArray;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use super::HfParquetError;
use super::columns::{Columns, list_levels};

/// What one column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    String,
    Int64,
    StringList,
    Int64List,
}

/// One row group's values of one column, a value (or list) per row.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnValues<'a> {
    Strings(Vec<&'a str>),
    Int64s(Vec<i64>),
    StringLists(Vec<Vec<&'a str>>),
    Int64Lists(Vec<Vec<i64>>),
}

impl ColumnValues<'_> {
    fn column_type(&self) -> ColumnType {
        match self {
            Self::Strings(_) => ColumnType::String,
            Self::Int64s(_) => ColumnType::Int64,
            Self::StringLists(_) => ColumnType::StringList,
            Self::Int64Lists(_) => ColumnType::Int64List,
        }
    }

    fn rows(&self) -> usize {
        match self {
            Self::Strings(v) => v.len(),
            Self::Int64s(v) => v.len(),
            Self::StringLists(v) => v.len(),
            Self::Int64Lists(v) => v.len(),
        }
    }
}

/// A Parquet file being written, a row group per [`TableWriter::write_group`].
pub struct TableWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: Vec<(String, ColumnType)>,
    rows: usize,
}

/// The Parquet schema of `columns` (names are letters, digits and `_`).
fn message_type(columns: &[(String, ColumnType)]) -> Result<String, HfParquetError> {
    let mut schema = String::from("message rows {\n");
    for (name, kind) in columns {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(HfParquetError::Schema(format!(
                "column name {name:?} (use letters, digits and _)"
            )));
        }
        let line = match kind {
            ColumnType::String => format!("  optional binary {name} (STRING);\n"),
            ColumnType::Int64 => format!("  optional int64 {name};\n"),
            ColumnType::StringList => format!(
                "  optional group {name} (LIST) {{ repeated group list {{ optional binary item (STRING); }} }}\n"
            ),
            ColumnType::Int64List => format!(
                "  optional group {name} (LIST) {{ repeated group list {{ optional int64 item; }} }}\n"
            ),
        };
        schema.push_str(&line);
    }
    schema.push('}');
    Ok(schema)
}

impl<W: Write + Send> TableWriter<W> {
    /// Starts a file with these columns, in order, and `metadata` as its key-value metadata.
    pub fn new(
        out: W,
        columns: &[(&str, ColumnType)],
        metadata: Vec<(String, String)>,
    ) -> Result<Self, HfParquetError> {
        let columns: Vec<(String, ColumnType)> = columns
            .iter()
            .map(|(name, kind)| ((*name).to_owned(), *kind))
            .collect();
        let schema = Arc::new(parse_message_type(&message_type(&columns)?)?);
        let properties = WriterProperties::builder()
            .set_key_value_metadata(Some(
                metadata
                    .into_iter()
                    .map(|(key, value)| KeyValue::new(key, value))
                    .collect(),
            ))
            .set_created_by(format!("glosser-spacy {}", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(Self {
            writer: SerializedFileWriter::new(out, schema, Arc::new(properties))?,
            columns,
            rows: 0,
        })
    }

    /// Writes one row group: a [`ColumnValues`] per column, in the order of [`Self::new`], all
    /// with the same number of rows. An empty group writes nothing.
    pub fn write_group(&mut self, values: &[ColumnValues]) -> Result<(), HfParquetError> {
        if values.len() != self.columns.len() {
            return Err(HfParquetError::Schema(format!(
                "{} columns given for {} in the schema",
                values.len(),
                self.columns.len()
            )));
        }
        let rows = values.first().map_or(0, ColumnValues::rows);
        for ((name, kind), column) in self.columns.iter().zip(values) {
            if column.column_type() != *kind || column.rows() != rows {
                return Err(HfParquetError::Schema(format!(
                    "column {name}: {} rows of {:?} given, {rows} rows of {kind:?} expected",
                    column.rows(),
                    column.column_type()
                )));
            }
        }
        if rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        let mut columns = Columns::new(&mut group);
        for column in values {
            match column {
                ColumnValues::Strings(v) => columns.strings(v.iter().copied())?,
                ColumnValues::Int64s(v) => columns.write_ints(v, &vec![1; v.len()], None)?,
                ColumnValues::StringLists(v) => {
                    let lists = v
                        .iter()
                        .map(|list| list.iter().map(|s| ByteArray::from(*s)));
                    let (values, defs, reps) = list_levels(lists, 3);
                    columns.write_bytes(&values, &defs, Some(&reps))?;
                }
                ColumnValues::Int64Lists(v) => {
                    let (values, defs, reps) = list_levels(v.iter().map(|l| l.iter().copied()), 3);
                    columns.write_ints(&values, &defs, Some(&reps))?;
                }
            }
        }
        group.close()?;
        self.rows += rows;
        Ok(())
    }

    /// Rows written so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Writes the footer; the file is complete only now. Gives the output back.
    pub fn finish(self) -> Result<W, HfParquetError> {
        Ok(self.writer.into_inner()?)
    }
}

#[cfg(test)]
mod tests;
