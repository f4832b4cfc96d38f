//! The binary outputs: hf rows as a Parquet file (a row group every [`GROUP_ROWS`] rows, so
//! memory holds a group, not the file) and the spaCy DocBin (held whole, as spaCy's own
//! `DocBin` is, and written at the end). Both appear only when complete.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use glosser_spacy::docbin::{DocBin, EncodedDoc};
use glosser_spacy::parquet::table::{ColumnType, TableWriter};

use crate::formats::hf::parquet::{Rows, columns, features_json};
use crate::formats::overlaps::Tagged;
use crate::ops::error::Context;

/// Rows per Parquet row group.
const GROUP_ROWS: usize = 16_384;

type ParquetFile = TableWriter<std::io::BufWriter<std::fs::File>>;

pub struct Parquet {
    writer: ParquetFile,
    temp: crate::fsio::AtomicFile,
    rows: Rows,
    depth: usize,
    ids: HashMap<String, i64>,
}

impl Parquet {
    /// Starts `path` (written beside it, renamed into place by [`Self::finish`]).
    pub fn create(path: &Path, depth: usize, tags: &[String]) -> crate::ops::Result<Self> {
        let temp = crate::fsio::AtomicFile::create(path)
            .with_context(|| format!("{}: cannot write the output here", path.display()))?;
        let file = temp
            .file_ref()
            .try_clone()
            .with_context(|| format!("{}: cannot write", path.display()))?;
        let columns = columns(depth);
        let named: Vec<(&str, ColumnType)> =
            columns.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        let metadata = vec![("huggingface".to_owned(), features_json(tags, depth))];
        let writer = TableWriter::new(std::io::BufWriter::new(file), &named, metadata)
            .with_context(|| format!("{}: cannot start the Parquet file", path.display()))?;
        Ok(Self {
            writer,
            temp,
            rows: Rows::new(depth),
            depth,
            ids: tags.iter().cloned().zip(0..).collect(),
        })
    }

    pub fn write(&mut self, tagged: &Tagged) -> crate::ops::Result<()> {
        self.rows.push(tagged, &self.ids);
        if self.rows.len() >= GROUP_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> crate::ops::Result<()> {
        let path = self.temp.target().to_owned();
        self.writer
            .write_group(&self.rows.values())
            .with_context(|| format!("{}: cannot write", path.display()))?;
        self.rows = Rows::new(self.depth);
        Ok(())
    }

    pub fn finish(mut self) -> crate::ops::Result<()> {
        self.flush()?;
        let path = self.temp.target().to_owned();
        let mut out = self
            .writer
            .finish()
            .with_context(|| format!("{}: cannot write", path.display()))?;
        out.flush()?;
        drop(out);
        self.temp
            .commit()
            .with_context(|| format!("{}: cannot write", path.display()))
    }
}

pub struct SpacyFile {
    bin: DocBin<'static>,
    path: PathBuf,
}

impl SpacyFile {
    pub fn create(path: &Path, bin: DocBin<'static>) -> Self {
        Self {
            bin,
            path: path.to_owned(),
        }
    }

    pub fn write(&mut self, doc: &EncodedDoc) {
        self.bin.push(doc.clone());
    }

    pub fn finish(self) -> crate::ops::Result<()> {
        let bytes = self
            .bin
            .to_bytes()
            .with_context(|| format!("{}: cannot encode the DocBin", self.path.display()))?;
        crate::fsio::write_atomic(&self.path, &bytes)
            .with_context(|| format!("{}: cannot write", self.path.display()))
    }
}
