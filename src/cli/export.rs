//! `glosser export`: labelled spans as training data (SPEC §6), one document at a time.
//!
//! Exit codes: 0 everything exported; 1 some documents were skipped (broken annotation file,
//! unreadable document, spans that no longer match the text — each named on stderr); 2 usage or
//! I/O error (unknown format, unknown annotator, an output that cannot be written: nothing is
//! left behind).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};

use crate::corpus::Corpus;
use crate::formats::{self, ExportDoc, Format, Offsets, overlaps, tokens};
use crate::labels::LabelSet;
use crate::span::Span;
use crate::store::{GOLD, Status};

/// Arguments of `glosser export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// jsonl, spacy, prodigy, doccano, label-studio, brat, conll, hf, csv or w3c.
    #[arg(long)]
    pub format: String,
    /// Annotator to export (default: gold when gold files exist, else the only annotator).
    #[arg(long)]
    pub annotator: Option<String>,
    /// Output file (a directory for brat); standard output when omitted.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Only these labels (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Only documents the annotator marked Done.
    #[arg(long)]
    pub done_only: bool,
    /// doccano offsets: utf16 (doccano's default) or codepoint (grapheme-mode projects).
    #[arg(long, default_value = "utf16")]
    pub offsets: String,
}

/// Parses `--offsets`.
pub fn parse_offsets(text: &str) -> anyhow::Result<Offsets> {
    match text {
        "utf16" => Ok(Offsets::Utf16),
        "codepoint" => Ok(Offsets::Codepoint),
        other => bail!("--offsets {other:?}: use utf16 or codepoint"),
    }
}

/// The annotator to export: the one asked for, else gold, else the only one.
pub fn pick_annotator(corpus: &Corpus, asked: Option<&str>) -> anyhow::Result<String> {
    let annotators = corpus.annotators();
    if let Some(name) = asked {
        if !annotators.contains(name) {
            bail!(
                "{}: no annotation files for annotator {name:?}; annotators here: {}",
                corpus.root.display(),
                list(&annotators)
            );
        }
        return Ok(name.to_owned());
    }
    if annotators.contains(GOLD) {
        return Ok(GOLD.to_owned());
    }
    match annotators.len() {
        1 => Ok(annotators.into_iter().next().unwrap_or_default()),
        0 => bail!("{}: no annotation files to export", corpus.root.display()),
        _ => bail!(
            "{}: several annotators and no gold files; choose one with --annotator ({})",
            corpus.root.display(),
            list(&annotators)
        ),
    }
}

fn list(names: &std::collections::BTreeSet<String>) -> String {
    names.iter().cloned().collect::<Vec<_>>().join(", ")
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let offsets = parse_offsets(&args.offsets)?;
    let corpus = Corpus::scan(&args.corpus)?;
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        eprintln!("glosser: warning: {w}");
    }
    for label in &args.labels {
        if !labels.contains(label) {
            bail!("--labels: {label:?} is not a label of this corpus");
        }
    }
    let annotator = pick_annotator(&corpus, args.annotator.as_deref())?;
    let mut sink = Sink::open(format, args.output.as_deref())?;
    let entries: Vec<_> = corpus
        .documents
        .iter()
        .filter(|d| d.annotation(&annotator).is_some())
        .collect();
    let progress = progress_bar(entries.len() as u64);
    let mut skipped = 0usize;
    let mut dropped = 0usize;
    let mut exported = 0usize;
    for entry in entries {
        progress.inc(1);
        let Some(annotation) = entry.annotation(&annotator) else {
            continue;
        };
        let file = match annotation.load() {
            Ok(file) => file,
            Err(e) => {
                progress.suspend(|| eprintln!("glosser: skipped: {e}"));
                skipped += 1;
                continue;
            }
        };
        if args.done_only && file.status != Status::Done {
            continue;
        }
        let doc = match entry.load() {
            Ok(doc) => doc,
            Err(e) => {
                progress.suspend(|| eprintln!("glosser: skipped: {e}"));
                skipped += 1;
                continue;
            }
        };
        if let Some((_, problem)) = file.spans.problems(&doc, &labels).first() {
            progress.suspend(|| {
                eprintln!(
                    "glosser: skipped: {}: {problem} (run glosser validate)",
                    annotation.path.display()
                );
            });
            skipped += 1;
            continue;
        }
        let spans: Vec<Span> = file
            .spans
            .into_spans()
            .into_iter()
            .filter(|s| args.labels.is_empty() || args.labels.contains(&s.label))
            .collect();
        let export = ExportDoc {
            id: &entry.id,
            annotator: &annotator,
            doc: &doc,
            spans: &spans,
        };
        let lost = sink.write(&export, &labels, offsets)?;
        for span in &lost {
            progress.suspend(|| {
                eprintln!(
                    "glosser: dropped overlapping span: {} {}..{} {} {:?}",
                    entry.id, span.start, span.end, span.label, span.quote
                );
            });
        }
        dropped += lost.len();
        exported += 1;
    }
    progress.finish_and_clear();
    sink.finish()?;
    if dropped > 0 {
        eprintln!(
            "glosser: {format} cannot hold overlapping spans: dropped {dropped} span{} (listed above), kept the longest",
            if dropped == 1 { "" } else { "s" }
        );
    }
    if skipped > 0 {
        eprintln!("glosser: exported {exported} documents, skipped {skipped} (listed above)");
        return Ok(ExitCode::from(super::EXIT_PROBLEMS));
    }
    Ok(ExitCode::SUCCESS)
}

fn progress_bar(len: u64) -> ProgressBar {
    use std::io::IsTerminal;
    if len < 200 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} documents {eta}") {
        bar.set_style(style);
    }
    bar
}

/// Where records go: standard output, a file written atomically, or a brat directory.
enum Sink {
    Stream {
        format: Format,
        out: Box<dyn Write>,
        temp: Option<(tempfile::NamedTempFile, PathBuf)>,
        records: usize,
    },
    Brat {
        dir: PathBuf,
    },
}

impl Sink {
    fn open(format: Format, output: Option<&Path>) -> anyhow::Result<Self> {
        if format == Format::Brat {
            let Some(dir) = output else {
                bail!("brat writes a .txt and an .ann per document: give a directory with -o DIR");
            };
            std::fs::create_dir_all(dir).with_context(|| {
                format!("{}: cannot create the output directory", dir.display())
            })?;
            return Ok(Sink::Brat {
                dir: dir.to_owned(),
            });
        }
        let (out, temp): (Box<dyn Write>, _) = match output {
            None => (Box::new(std::io::BufWriter::new(std::io::stdout())), None),
            Some(path) => {
                let dir = match path.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                let temp = tempfile::Builder::new()
                    .prefix(".glosser-export-")
                    .tempfile_in(dir)
                    .with_context(|| format!("{}: cannot write the output here", path.display()))?;
                let file = temp
                    .reopen()
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                (
                    Box::new(std::io::BufWriter::new(file)),
                    Some((temp, path.to_owned())),
                )
            }
        };
        let mut sink = Sink::Stream {
            format,
            out,
            temp,
            records: 0,
        };
        if let Sink::Stream { out, .. } = &mut sink {
            match format {
                Format::Csv => out.write_all(formats::csv::HEADER.as_bytes())?,
                Format::LabelStudio => out.write_all(b"[\n")?,
                _ => {}
            }
        }
        Ok(sink)
    }

    /// Writes one document; returns the spans a flat format had to drop.
    fn write<'a>(
        &mut self,
        d: &ExportDoc<'a>,
        labels: &LabelSet,
        offsets: Offsets,
    ) -> anyhow::Result<Vec<&'a Span>> {
        match self {
            Sink::Brat { dir } => {
                let txt = dir.join(formats::brat::txt_name(d.id));
                if let Some(parent) = txt.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                let ann = txt.with_extension("ann");
                crate::store::write_atomic(&txt, d.doc.text().as_bytes())
                    .with_context(|| format!("{}: cannot write", txt.display()))?;
                crate::store::write_atomic(&ann, formats::brat::ann(d).as_bytes())
                    .with_context(|| format!("{}: cannot write", ann.display()))?;
                Ok(Vec::new())
            }
            Sink::Stream {
                format,
                out,
                records,
                ..
            } => {
                let mut dropped = Vec::new();
                let line = |v: serde_json::Value| format!("{v}\n");
                let text = match format {
                    Format::Jsonl => line(formats::jsonl::record(d)),
                    Format::Spacy => line(formats::spacy::record(d)),
                    Format::Doccano => line(formats::doccano::record(d, offsets)),
                    Format::W3c => line(formats::w3c::record(d)),
                    Format::Csv => formats::csv::rows(d),
                    Format::LabelStudio => {
                        let sep = if *records == 0 { "" } else { ",\n" };
                        format!("{sep}{}", formats::label_studio::task(d, *records + 1))
                    }
                    Format::Prodigy => line(formats::prodigy::record(d, &tokens::tokenize(d.doc))),
                    Format::Conll | Format::Hf => {
                        let tokenized = tokens::tokenize(d.doc);
                        let flat = overlaps::flatten(&tokenized, d.spans, labels);
                        let tags = overlaps::iob2(&tokenized, &flat.kept);
                        dropped = flat.dropped;
                        if *format == Format::Conll {
                            formats::conll::document(&tokenized, &tags)
                        } else {
                            formats::hf::sentences(&tokenized, &tags)
                                .into_iter()
                                .map(line)
                                .collect()
                        }
                    }
                    Format::Brat => String::new(),
                };
                out.write_all(text.as_bytes())?;
                *records += 1;
                Ok(dropped)
            }
        }
    }

    /// Closes the output; a file appears only now, complete.
    fn finish(self) -> anyhow::Result<()> {
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
            if let Some((temp, path)) = temp {
                temp.as_file().sync_all()?;
                temp.persist(&path)
                    .map_err(|e| e.error)
                    .with_context(|| format!("{}: cannot write", path.display()))?;
            }
        }
        Ok(())
    }
}
