//! Reading an import source a chunk of records at a time, so that `glosser import` holds a
//! bounded number of records whatever the input's size. glosser's jsonl is read line by line;
//! the other formats (a JSON array, records grouped across lines, a brat directory) are read
//! whole and handed out in chunks.

use std::fs::File;
use std::io::{BufRead as _, BufReader};
use std::path::Path;

use super::{ImportFormat, Options, Parsed, ReadError, jsonl};
use crate::formats::import::{Record, Report};
use crate::formats::schema::Schema;

/// An import source being read, chunk by chunk, in input order.
pub struct Stream {
    source: Source,
    /// What was read but not turned into records; complete once the stream is exhausted.
    pub report: Report,
    /// What was read under an assumption or recognised (see [`Parsed::notices`]).
    pub notices: Vec<String>,
    /// What the input declares (see [`Parsed::schema`]).
    pub schema: Schema,
}

enum Source {
    Lines {
        reader: BufReader<File>,
        path: String,
        /// Lines read so far (numbered from 1 in messages).
        line: usize,
    },
    Parsed(std::vec::IntoIter<Result<Record, crate::formats::Rejected>>),
}

/// Opens an import source for [`Stream::next_chunk`].
pub fn open(format: ImportFormat, input: &Path, options: &Options) -> Result<Stream, ReadError> {
    if format == ImportFormat::Jsonl && !input.is_dir() {
        let file = File::open(input).map_err(|source| ReadError::Io {
            path: input.display().to_string(),
            source,
        })?;
        return Ok(Stream {
            source: Source::Lines {
                reader: BufReader::with_capacity(1 << 16, file),
                path: input.display().to_string(),
                line: 0,
            },
            report: Report::default(),
            notices: super::sniff::jsonl_looks_like(input),
            schema: Schema::default(),
        });
    }
    let Parsed {
        records,
        report,
        notices,
        schema,
    } = super::read(format, input, options)?;
    Ok(Stream {
        source: Source::Parsed(records.into_iter()),
        report,
        notices,
        schema,
    })
}

impl Stream {
    /// Up to `max` more records (or why one could not be read), in input order; empty at the end.
    pub(crate) fn next_chunk(
        &mut self,
        max: usize,
    ) -> Result<Vec<Result<Record, crate::formats::Rejected>>, ReadError> {
        match &mut self.source {
            Source::Parsed(records) => Ok(records.by_ref().take(max).collect()),
            Source::Lines { reader, path, line } => {
                let mut out = Vec::new();
                let mut bytes = Vec::new();
                while out.len() < max {
                    bytes.clear();
                    let n =
                        reader
                            .read_until(b'\n', &mut bytes)
                            .map_err(|source| ReadError::Io {
                                path: path.clone(),
                                source,
                            })?;
                    if n == 0 {
                        break;
                    }
                    *line += 1;
                    let mut text = match std::str::from_utf8(&bytes) {
                        Ok(text) => text,
                        Err(e) => {
                            out.push(Err(format!("line {line}: not valid UTF-8 ({e})").into()));
                            continue;
                        }
                    };
                    if *line == 1 {
                        text = text.strip_prefix('\u{feff}').unwrap_or(text);
                    }
                    let text = text.strip_suffix('\n').unwrap_or(text);
                    let text = text.strip_suffix('\r').unwrap_or(text);
                    if text.trim().is_empty() {
                        continue;
                    }
                    out.push(
                        jsonl::record(text, *line).map_err(|e| format!("line {line}: {e}").into()),
                    );
                }
                Ok(out)
            }
        }
    }
}
