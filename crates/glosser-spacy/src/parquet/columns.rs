//! The leaf columns of one row group, in schema order, with their Dremel levels.

use super::{ByteArray, HfParquetError, HfRow};
use parquet::column::writer::ColumnWriter;
use parquet::file::writer::SerializedRowGroupWriter;

pub(super) struct Columns<'r, 'w, W: std::io::Write + Send> {
    group: &'r mut SerializedRowGroupWriter<'w, W>,
}

/// Levels of a nullable list column: an empty list is one entry at definition level 1 (the
/// list is there, no item); items are at `item_level` (3 for `list<scalar>`, 4 for a field
/// of `list<struct>`), repetition 1 after the first item of a row.
pub(super) fn list_levels<T, L: IntoIterator<Item = T>>(
    lists: impl IntoIterator<Item = L>,
    item_level: i16,
) -> (Vec<T>, Vec<i16>, Vec<i16>) {
    let mut values = Vec::new();
    let (mut defs, mut reps) = (Vec::new(), Vec::new());
    for list in lists {
        let mut empty = true;
        for (i, value) in list.into_iter().enumerate() {
            defs.push(item_level);
            reps.push(i16::from(i > 0));
            values.push(value);
            empty = false;
        }
        if empty {
            defs.push(1);
            reps.push(0);
        }
    }
    (values, defs, reps)
}

fn wrong_type() -> HfParquetError {
    HfParquetError::Parquet(parquet::errors::ParquetError::General(
        "a column's type does not match the schema".to_owned(),
    ))
}

impl<'r, 'w, W: std::io::Write + Send> Columns<'r, 'w, W> {
    pub(super) fn new(group: &'r mut SerializedRowGroupWriter<'w, W>) -> Self {
        Self { group }
    }

    pub(super) fn write_bytes(
        &mut self,
        values: &[ByteArray],
        defs: &[i16],
        reps: Option<&[i16]>,
    ) -> Result<(), HfParquetError> {
        let mut column = self.group.next_column()?.ok_or_else(wrong_type)?;
        match column.untyped() {
            ColumnWriter::ByteArrayColumnWriter(w) => {
                w.write_batch(values, Some(defs), reps)?;
            }
            _ => return Err(wrong_type()),
        }
        column.close()?;
        Ok(())
    }

    pub(super) fn write_ints(
        &mut self,
        values: &[i64],
        defs: &[i16],
        reps: Option<&[i16]>,
    ) -> Result<(), HfParquetError> {
        let mut column = self.group.next_column()?.ok_or_else(wrong_type)?;
        match column.untyped() {
            ColumnWriter::Int64ColumnWriter(w) => {
                w.write_batch(values, Some(defs), reps)?;
            }
            _ => return Err(wrong_type()),
        }
        column.close()?;
        Ok(())
    }

    pub(super) fn strings<'a>(
        &mut self,
        values: impl Iterator<Item = &'a str>,
    ) -> Result<(), HfParquetError> {
        let values: Vec<ByteArray> = values.map(ByteArray::from).collect();
        let defs = vec![1; values.len()];
        self.write_bytes(&values, &defs, None)
    }

    pub(super) fn string_lists(
        &mut self,
        rows: &[HfRow],
        item_level: i16,
        list: impl Fn(&HfRow) -> Vec<&str>,
    ) -> Result<(), HfParquetError> {
        let lists = rows
            .iter()
            .map(|r| list(r).into_iter().map(ByteArray::from));
        let (values, defs, reps) = list_levels(lists, item_level);
        self.write_bytes(&values, &defs, Some(&reps))
    }

    pub(super) fn int_lists(
        &mut self,
        rows: &[HfRow],
        item_level: i16,
        list: impl Fn(&HfRow) -> Vec<i64>,
    ) -> Result<(), HfParquetError> {
        let (values, defs, reps) = list_levels(rows.iter().map(list), item_level);
        self.write_ints(&values, &defs, Some(&reps))
    }
}
