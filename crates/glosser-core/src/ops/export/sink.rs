//! Where an export writes: the caller's standard output, a file written atomically (a temp file beside
//! it, renamed into place only when the export succeeds), a directory of files per document
//! (brat, uima-json, xmi), or a binary file (hf rows as Parquet, a spaCy DocBin: `binary`).

mod binary;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ops::error::{Context, refuse};

use super::render::Rendered;
use crate::formats::spacy::Pipeline;
use crate::formats::{self, Format};

/// What a sink writes: the format, hf as Parquet, the tag layers (and their names) of conll and
/// hf, the spaCy components of a DocBin.
#[derive(Debug, Clone, Copy)]
pub struct Shape<'a> {
    pub format: Format,
    pub parquet: bool,
    pub depth: usize,
    pub tags: &'a [String],
    pub pipeline: Pipeline,
}

pub enum Sink {
    Stream {
        format: Format,
        out: Box<dyn Write>,
        temp: Option<crate::fsio::AtomicFile>,
        records: usize,
    },
    Directory {
        dir: PathBuf,
        /// The type system the directory's XMI files share, once written.
        typesystem: Option<String>,
    },
    Parquet(Box<binary::Parquet>),
    Spacy(Box<binary::SpacyFile>),
}

impl Sink {
    /// Opens `output`, else `stdout` (the caller's standard output).
    pub fn open(
        shape: &Shape,
        output: Option<&Path>,
        stdout: Option<Box<dyn Write>>,
    ) -> crate::ops::Result<Self> {
        let format = shape.format;
        if shape.parquet || format == Format::Spacy {
            let Some(path) = output else {
                refuse!(
                    "{} writes a binary file: give it with -o FILE (or --split … -o DIR)",
                    if shape.parquet {
                        "hf --parquet"
                    } else {
                        "spacy"
                    }
                );
            };
            if shape.parquet {
                let file = binary::Parquet::create(path, shape.depth, shape.tags)?;
                return Ok(Sink::Parquet(Box::new(file)));
            }
            let bin = formats::spacy::docbin(shape.pipeline)?;
            return Ok(Sink::Spacy(Box::new(binary::SpacyFile::create(path, bin))));
        }
        if format.writes_directory() {
            let Some(dir) = output else {
                if format == Format::Brat {
                    refuse!(
                        "brat writes a .txt and an .ann per document: give a directory with -o DIR"
                    );
                }
                refuse!("{format} writes one file per document: give a directory with -o DIR");
            };
            std::fs::create_dir_all(dir).with_context(|| {
                format!("{}: cannot create the output directory", dir.display())
            })?;
            return Ok(Sink::Directory {
                dir: dir.to_owned(),
                typesystem: None,
            });
        }
        let (mut out, temp): (Box<dyn Write>, _) = match output {
            None => (
                Box::new(std::io::BufWriter::new(
                    stdout.unwrap_or_else(|| Box::new(std::io::sink()) as Box<dyn Write>),
                )),
                None,
            ),
            Some(path) => {
                // The umask's mode (0644 under umask 022), not tempfile's 0600.
                let temp = crate::fsio::AtomicFile::create(path)
                    .with_context(|| format!("{}: cannot write the output here", path.display()))?;
                let file = temp
                    .file_ref()
                    .try_clone()
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                (Box::new(std::io::BufWriter::new(file)), Some(temp))
            }
        };
        match format {
            Format::Csv => out.write_all(formats::csv::HEADER.as_bytes())?,
            Format::LabelStudio => out.write_all(b"[\n")?,
            _ => {}
        }
        Ok(Sink::Stream {
            format,
            out,
            temp,
            records: 0,
        })
    }

    /// Writes one document's output; `depth` is the number of tag columns (conll, hf).
    pub fn write(&mut self, id: &str, rendered: &Rendered, depth: usize) -> crate::ops::Result<()> {
        match (self, rendered) {
            (
                Sink::Directory { dir, .. },
                Rendered::Brat {
                    txt: text,
                    ann: body,
                },
            ) => {
                let txt = dir.join(formats::brat::txt_name(id));
                if let Some(parent) = txt.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                let ann = txt.with_extension("ann");
                crate::fsio::write_atomic(&txt, text.as_bytes())
                    .with_context(|| format!("{}: cannot write", txt.display()))?;
                crate::fsio::write_atomic(&ann, body.as_bytes())
                    .with_context(|| format!("{}: cannot write", ann.display()))?;
            }
            (
                Sink::Directory { dir, typesystem },
                Rendered::File {
                    path,
                    body,
                    typesystem: types,
                },
            ) => {
                let file = dir.join(path);
                if let Some(parent) = file.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                crate::fsio::write_atomic(&file, body.as_bytes())
                    .with_context(|| format!("{}: cannot write", file.display()))?;
                if let Some(types) = types
                    && typesystem.as_ref() != Some(types)
                {
                    let path = dir.join("TypeSystem.xml");
                    crate::fsio::write_atomic(&path, types.as_bytes())
                        .with_context(|| format!("{}: cannot write", path.display()))?;
                    *typesystem = Some(types.clone());
                }
            }
            (
                Sink::Stream {
                    format,
                    out,
                    records,
                    ..
                },
                rendered,
            ) => {
                if *format == Format::LabelStudio && *records > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(rendered.text(depth).as_bytes())?;
                *records += 1;
            }
            (Sink::Parquet(file), Rendered::Tagged(tagged)) => file.write(tagged)?,
            (Sink::Spacy(file), Rendered::Spacy(doc)) => file.write(doc),
            _ => {}
        }
        Ok(())
    }

    /// Writes a document of depth 1 whose stream text, if any, was rendered already (on a
    /// worker thread); without it, as [`Sink::write`].
    pub fn write_text(
        &mut self,
        id: &str,
        rendered: &Rendered,
        text: Option<String>,
    ) -> crate::ops::Result<()> {
        let Some(text) = text else {
            return self.write(id, rendered, 1);
        };
        if let Sink::Stream {
            format,
            out,
            records,
            ..
        } = self
        {
            if *format == Format::LabelStudio && *records > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(text.as_bytes())?;
            *records += 1;
            return Ok(());
        }
        self.write(id, rendered, 1)
    }

    /// Closes the output; a file appears only now, complete.
    pub fn finish(self) -> crate::ops::Result<()> {
        match self {
            Sink::Parquet(file) => return file.finish(),
            Sink::Spacy(file) => return file.finish(),
            _ => {}
        }
        if let Sink::Stream {
            format,
            mut out,
            temp,
            ..
        } = self
        {
            if format == Format::LabelStudio {
                out.write_all(b"\n]\n")?;
            }
            out.flush()?;
            drop(out);
            if let Some(temp) = temp {
                let path = temp.target().to_owned();
                temp.commit()
                    .with_context(|| format!("{}: cannot write", path.display()))?;
            }
        }
        Ok(())
    }
}
