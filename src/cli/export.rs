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
use rayon::prelude::*;

use crate::corpus::{Corpus, DocumentEntry};
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
    // Suggesters (SPEC §9) are exported only when named.
    let suggesters = crate::suggest::suggesters(corpus);
    let annotators: std::collections::BTreeSet<String> =
        annotators.difference(&suggesters).cloned().collect();
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
        eprintln_safe!("glosser: warning: {w}");
    }
    for label in &args.labels {
        if !labels.contains(label) {
            bail!("--labels: {label:?} is not a label of this corpus");
        }
    }
    if let Some(output) = &args.output {
        refuse_output_in_corpus(&corpus.root, output)?;
    }
    let annotator = pick_annotator(&corpus, args.annotator.as_deref())?;
    let mut sink = Sink::open(format, args.output.as_deref())?;
    let entries: Vec<_> = corpus
        .documents
        .iter()
        .filter(|d| d.annotation(&annotator).is_some())
        .collect();
    let progress = progress_bar(entries.len() as u64);
    let (mut skipped, mut dropped, mut exported) = (0usize, 0usize, 0usize);
    let options = Options {
        format,
        annotator: &annotator,
        labels: &labels,
        only: &args.labels,
        done_only: args.done_only,
        offsets,
    };
    // Documents are prepared on every core, a chunk at a time (memory stays bounded), and
    // written in corpus order.
    for (chunk_index, chunk) in entries.chunks(CHUNK).enumerate() {
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, entry)| prepare(entry, chunk_index * CHUNK + i + 1, &options))
            .collect();
        for outcome in outcomes {
            progress.inc(1);
            match outcome {
                Outcome::Skipped(why) => {
                    progress.suspend(|| eprintln_safe!("glosser: skipped: {why}"));
                    skipped += 1;
                }
                Outcome::NotDone => {}
                Outcome::Ready { id, rendered, lost } => {
                    for message in &lost {
                        progress.suspend(|| {
                            eprintln_safe!("glosser: dropped overlapping span: {message}");
                        });
                    }
                    dropped += lost.len();
                    sink.write(&id, rendered)?;
                    exported += 1;
                }
            }
        }
    }
    progress.finish_and_clear();
    sink.finish()?;
    if dropped > 0 {
        eprintln_safe!(
            "glosser: {format} cannot hold overlapping spans: dropped {dropped} span{} (listed above), kept the longest",
            if dropped == 1 { "" } else { "s" }
        );
    }
    if skipped > 0 {
        eprintln_safe!("glosser: exported {exported} documents, skipped {skipped} (listed above)");
        return Ok(ExitCode::from(super::EXIT_PROBLEMS));
    }
    Ok(ExitCode::SUCCESS)
}

/// Documents prepared in parallel before writing.
const CHUNK: usize = 64;

/// What every document's export needs to know.
struct Options<'a> {
    format: Format,
    annotator: &'a str,
    labels: &'a LabelSet,
    /// Only these labels (all when empty).
    only: &'a [String],
    done_only: bool,
    offsets: Offsets,
}

/// One document, ready to write (or why not).
enum Outcome {
    Skipped(String),
    NotDone,
    Ready {
        id: String,
        rendered: Rendered,
        /// Spans a flat format dropped, described for stderr.
        lost: Vec<String>,
    },
}

/// A document's output.
enum Rendered {
    Text(String),
    Brat { txt: String, ann: String },
}

fn prepare(entry: &DocumentEntry, task_id: usize, o: &Options) -> Outcome {
    let Some(annotation) = entry.annotation(o.annotator) else {
        return Outcome::NotDone;
    };
    let file = match annotation.load() {
        Ok(file) => file,
        Err(e) => return Outcome::Skipped(e.to_string()),
    };
    if o.done_only && file.status != Status::Done {
        return Outcome::NotDone;
    }
    let doc = match entry.load() {
        Ok(doc) => doc,
        Err(e) => return Outcome::Skipped(e.to_string()),
    };
    if let Some((_, problem)) = file.spans.problems(&doc, o.labels).first() {
        return Outcome::Skipped(format!(
            "{}: {problem} (run glosser validate)",
            annotation.path.display()
        ));
    }
    let spans: Vec<Span> = file
        .spans
        .into_spans()
        .into_iter()
        .filter(|s| o.only.is_empty() || o.only.contains(&s.label))
        .collect();
    let d = ExportDoc {
        id: &entry.id,
        annotator: o.annotator,
        doc: &doc,
        spans: &spans,
    };
    let (rendered, lost) = render(&d, task_id, o);
    let lost = lost
        .iter()
        .map(|s| {
            format!(
                "{} {}..{} {} {:?}",
                entry.id, s.start, s.end, s.label, s.quote
            )
        })
        .collect();
    Outcome::Ready {
        id: entry.id.clone(),
        rendered,
        lost,
    }
}

/// One document in the chosen format, and the spans a flat format had to drop.
fn render<'a>(d: &ExportDoc<'a>, task_id: usize, o: &Options) -> (Rendered, Vec<&'a Span>) {
    let line = |v: serde_json::Value| format!("{v}\n");
    let mut dropped = Vec::new();
    let text = match o.format {
        Format::Jsonl => formats::jsonl::line(d) + "\n",
        Format::Spacy => line(formats::spacy::record(d)),
        Format::Doccano => line(formats::doccano::record(d, o.offsets)),
        Format::W3c => line(formats::w3c::record(d)),
        Format::Csv => formats::csv::rows(d),
        Format::LabelStudio => formats::label_studio::task(d, task_id).to_string(),
        Format::Prodigy => line(formats::prodigy::record(d, &tokens::tokenize(d.doc))),
        Format::Conll | Format::Hf => {
            let tokenized = tokens::tokenize(d.doc);
            let flat = overlaps::flatten(&tokenized, d.spans, o.labels);
            let tags = overlaps::iob2(&tokenized, &flat.kept);
            dropped = flat.dropped;
            if o.format == Format::Conll {
                formats::conll::document(&tokenized, &tags)
            } else {
                formats::hf::sentences(&tokenized, &tags)
                    .into_iter()
                    .map(line)
                    .collect()
            }
        }
        Format::Brat => {
            return (
                Rendered::Brat {
                    txt: d.doc.text().to_owned(),
                    ann: formats::brat::ann(d),
                },
                dropped,
            );
        }
    };
    (Rendered::Text(text), dropped)
}

/// `-o` must not point into the corpus: an export there would rewrite articles (brat's `.txt`)
/// or replace annotation and document files. Symlinks and `..` are resolved first.
pub fn refuse_output_in_corpus(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(root)
        .with_context(|| format!("{}: cannot resolve the corpus folder", root.display()))?;
    // The output may not exist yet: resolve its deepest existing ancestor and add the rest.
    let absolute = std::path::absolute(output)
        .with_context(|| format!("{}: cannot resolve the output path", output.display()))?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let resolved = loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            break rest
                .iter()
                .rev()
                .fold(real, |path: PathBuf, part| path.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break absolute.clone(),
        }
    };
    if resolved.starts_with(&root) {
        bail!(
            "-o {}: is inside the corpus {}; export never writes into the corpus (it would replace articles or annotation files), so choose an output outside it",
            output.display(),
            root.display()
        );
    }
    Ok(())
}

/// A progress bar on stderr for long runs on a terminal; hidden when piped or short.
pub fn progress_bar(len: u64) -> ProgressBar {
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
        temp: Option<crate::fsio::AtomicFile>,
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

    /// Writes one document's output.
    fn write(&mut self, id: &str, rendered: Rendered) -> anyhow::Result<()> {
        match (self, rendered) {
            (
                Sink::Brat { dir },
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
                crate::store::write_atomic(&txt, text.as_bytes())
                    .with_context(|| format!("{}: cannot write", txt.display()))?;
                crate::store::write_atomic(&ann, body.as_bytes())
                    .with_context(|| format!("{}: cannot write", ann.display()))?;
            }
            (
                Sink::Stream {
                    format,
                    out,
                    records,
                    ..
                },
                Rendered::Text(text),
            ) => {
                if *format == Format::LabelStudio && *records > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(text.as_bytes())?;
                *records += 1;
            }
            _ => {}
        }
        Ok(())
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
            if let Some(temp) = temp {
                let path = temp.target().to_owned();
                temp.commit()
                    .with_context(|| format!("{}: cannot write", path.display()))?;
            }
        }
        Ok(())
    }
}
