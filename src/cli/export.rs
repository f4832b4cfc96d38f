//! `glosser export`: runs the core's export engine (`ops::export`) with a progress bar, names
//! every span left out on stderr and says the totals.
//!
//! Exit codes: 0 everything exported; 1 some documents were skipped (broken annotation file,
//! unreadable document, spans that no longer match the text — each named on stderr), nothing
//! was selected (said on stderr), or `--overlaps error` found overlapping spans (named on
//! stderr; nothing written); 2 usage or I/O error (unknown format, unknown annotator, an output
//! that cannot be written: nothing is left behind).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use indicatif::{ProgressBar, ProgressStyle};

use glosser_core::formats::Format;
use glosser_core::formats::overlaps::{Policy, tag_label};
use glosser_core::formats::spacy::Pipeline;
use glosser_core::ops::export::render::Ready;
use glosser_core::ops::export::{
    DatasetMeta, Event, Outcome, Request, Tally, export, parse_offsets, split,
};

/// Arguments of `glosser export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// jsonl, spacy, prodigy, doccano, label-studio, brat, conll, hf, csv, w3c, uima-json or xmi.
    #[arg(long)]
    pub format: String,
    /// Annotator to export (default: gold when gold files exist, else the only annotator).
    #[arg(long)]
    pub annotator: Option<String>,
    /// Output file (a directory for brat, uima-json, xmi and --split); standard output when omitted
    /// or `-`.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Only these labels (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Only documents the annotator marked Done.
    #[arg(long)]
    pub done_only: bool,
    /// doccano offsets: utf16 (doccano's default), codepoint, or grapheme (grapheme-mode projects).
    #[arg(long, default_value = "utf16")]
    pub offsets: String,
    /// conll/hf: longest (keep the longest, report the rest), layers (extra tag columns keep
    /// every span) or error (exit 1 naming the overlapping spans).
    #[arg(long)]
    pub overlaps: Option<String>,
    /// Split by document, e.g. train=.8,dev=.1,test=.1: one file per part in the -o directory,
    /// plus dataset.json.
    #[arg(long)]
    pub split: Option<String>,
    /// Seed of --split (the same seed gives the same split).
    #[arg(long, default_value_t = 0, requires = "split")]
    pub seed: u64,
    /// conll: 4 (`TOKEN -X- O TAG`, CoNLL-2003: spaCy, Hugging Face) or 2 (`TOKEN TAG`,
    /// CoNLL-2002: strict two-column readers such as INCEpTION's).
    #[arg(long, default_value_t = 4)]
    pub conll_columns: u8,
    /// conll: `comment` writes `# document = ID` after each -DOCSTART- line (for readers that
    /// take comments; spaCy's converter and the CoNLL-2003 loaders do not).
    #[arg(long)]
    pub conll_ids: Option<String>,
    /// hf: write the rows as Parquet (one file per part with --split) instead of JSON lines.
    #[arg(long)]
    pub parquet: bool,
    /// spacy: the components the DocBin and config.cfg are for: spancat (the span group sc),
    /// ner (doc.ents: the longest of overlapping spans) or spancat,ner.
    #[arg(long, default_value = "spancat")]
    pub spacy_pipeline: String,
    /// hf card: the licence (a Hugging Face Hub identifier such as cc-by-4.0), over glosser.ron's.
    #[arg(long)]
    pub license: Option<String>,
    /// hf card: the languages (ISO 639 codes, comma-separated), over glosser.ron's.
    #[arg(long, value_delimiter = ',')]
    pub language: Vec<String>,
    /// hf card: the dataset's name, over glosser.ron's (default: the corpus folder's name).
    #[arg(long)]
    pub pretty_name: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let output = args
        .output
        .as_deref()
        .filter(|path| *path != Path::new("-"));
    let offsets = parse_offsets(&args.offsets)?;
    let overlaps: Policy = match &args.overlaps {
        None => Policy::default(),
        Some(_) if !format.needs_flat_spans() => {
            bail!("--overlaps is for conll and hf; {format} keeps overlapping spans as they are")
        }
        Some(text) => text.parse().map_err(anyhow::Error::msg)?,
    };
    let split = match &args.split {
        None => None,
        Some(_) if format.writes_directory() => {
            bail!(
                "--split writes one file per part; {format} writes a directory: export {format} without --split"
            )
        }
        Some(_) if output.is_none() => {
            bail!("--split writes one file per part and dataset.json: give a directory with -o DIR")
        }
        Some(text) => Some(split::parse(text, args.seed)?),
    };
    if format != Format::Conll && (args.conll_columns != 4 || args.conll_ids.is_some()) {
        bail!("--conll-columns and --conll-ids are for --format conll");
    }
    let conll = glosser_core::formats::conll::Style {
        two_columns: match args.conll_columns {
            4 => false,
            2 => true,
            n => bail!("--conll-columns {n}: use 4 (CoNLL-2003) or 2 (CoNLL-2002)"),
        },
        id_comments: match args.conll_ids.as_deref() {
            None | Some("none") => false,
            Some("comment") => true,
            Some(other) => bail!("--conll-ids {other:?}: use comment (or none, the default)"),
        },
    };
    if args.parquet && format != Format::Hf {
        bail!("--parquet writes hf rows; use it with --format hf");
    }
    let pipeline = Pipeline::parse(&args.spacy_pipeline).map_err(anyhow::Error::msg)?;
    let request = Request {
        conll,
        corpus: &args.corpus,
        format,
        annotator: args.annotator.as_deref(),
        output,
        only: &args.labels,
        done_only: args.done_only,
        offsets,
        overlaps,
        split,
        parquet: args.parquet,
        pipeline,
        dataset: DatasetMeta {
            pretty_name: args.pretty_name.clone(),
            license: args.license.clone(),
            language: args.language.clone(),
        },
    };
    let mut progress = ProgressBar::hidden();
    // Said after the totals, as the last line.
    let mut split_line = None;
    let (outcome, tally) = export(
        &request,
        Box::new(std::io::stdout()),
        &mut |event| match event {
            Event::Warning(w) => eprintln_safe!("glosser: warning: {w}"),
            Event::Started { files } => progress = progress_bar(files),
            Event::Step => progress.inc(1),
            Event::Skipped(why) => progress.suspend(|| eprintln_safe!("glosser: skipped: {why}")),
            Event::Exported(ready) => progress.suspend(|| name_left_out(ready, overlaps)),
            Event::Split {
                documents,
                sizes,
                files,
            } => {
                split_line = Some(format!(
                    "glosser: split {documents} documents by document ({}); wrote {}",
                    sizes.join(", "),
                    files
                        .iter()
                        .map(|f| f.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        },
    )?;
    progress.finish_and_clear();
    summary(&tally, format, overlaps);
    if let Some(line) = split_line {
        eprintln_safe!("{line}");
    }
    match outcome {
        Outcome::Overlapping => {
            eprintln_safe!(
                "glosser: --overlaps error: {} span{} overlap a longer or earlier one (listed above); nothing written",
                tally.dropped,
                plural(tally.dropped)
            );
            return Ok(ExitCode::from(super::EXIT_PROBLEMS));
        }
        Outcome::Nothing(why) => {
            eprintln_safe!("glosser: nothing exported: {why}");
            return Ok(ExitCode::from(super::EXIT_PROBLEMS));
        }
        Outcome::Written => {}
    }
    if tally.skipped > 0 {
        eprintln_safe!(
            "glosser: exported {} documents, skipped {} (listed above)",
            tally.exported,
            tally.skipped
        );
        return Ok(ExitCode::from(super::EXIT_PROBLEMS));
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Names on stderr every span a document dropped (or found overlapping) or left out.
fn name_left_out(r: &Ready, overlaps: Policy) {
    for (s, why) in &r.displaced {
        let what = match (overlaps, why.starts_with("covers")) {
            (_, true) => "dropped span",
            (Policy::Error, false) => "overlapping span",
            _ => "dropped overlapping span",
        };
        eprintln_safe!(
            "glosser: {what}: {} {}..{} {} {:?} ({why})",
            r.id.escape_debug(),
            s.start,
            s.end,
            s.label,
            s.quote
        );
    }
    for t in &r.trimmed {
        let written: String = t
            .span
            .quote
            .chars()
            .skip(t.start - t.span.start)
            .take(t.end - t.start)
            .collect();
        eprintln_safe!(
            "glosser: trimmed span edge: {} {}..{} {} {:?} ({})",
            r.id.escape_debug(),
            t.span.start,
            t.span.end,
            t.span.label,
            t.span.quote,
            t.describe(Some(&written))
        );
    }
    for (s, why) in &r.unaligned {
        eprintln_safe!(
            "glosser: span not on spaCy's tokens, left out: {} {}..{} {} {:?} ({why})",
            r.id.escape_debug(),
            s.start,
            s.end,
            s.label,
            s.quote
        );
    }
    for (s, why) in &r.ents_left_out {
        eprintln_safe!(
            "glosser: not in doc.ents (ner): {} {}..{} {} {:?} ({why})",
            r.id.escape_debug(),
            s.start,
            s.end,
            s.label,
            s.quote
        );
    }
    for s in &r.orphans_left {
        let (what, why) = if s.ambiguous {
            (
                "ambiguous span",
                "glosser was not sure of its place after the article changed; confirm it in the TUI",
            )
        } else {
            ("orphaned span", "its text is no longer in the article")
        };
        eprintln_safe!(
            "glosser: {what} not exported: {} {}..{} {} {:?} ({why})",
            r.id.escape_debug(),
            s.start,
            s.end,
            s.label,
            s.quote
        );
    }
}

/// The totals at the end of an export.
fn summary(tally: &Tally, format: Format, overlaps: Policy) {
    if tally.dropped > 0 && overlaps != Policy::Error {
        eprintln_safe!(
            "glosser: {format} cannot hold overlapping spans: dropped {} span{} (listed above), kept the longest; --overlaps layers keeps every span",
            tally.dropped,
            plural(tally.dropped)
        );
    }
    if tally.layered > 0 {
        eprintln_safe!(
            "glosser: {format}: {} overlapping span{} written to extra tag columns (ner_tags_2, …)",
            tally.layered,
            plural(tally.layered)
        );
    }
    for label in &tally.spaced {
        eprintln_safe!(
            "glosser: {format}: label {label:?} is written as {} (a tag holds no spaces)",
            tag_label(label)
        );
    }
    if tally.links_dropped > 0 {
        eprintln_safe!(
            "glosser: {format} cannot hold links between spans: dropped {} link{} (jsonl, brat, doccano, label-studio, prodigy, uima-json, xmi and w3c keep them)",
            tally.links_dropped,
            plural(tally.links_dropped)
        );
    }
    if tally.orphans > 0 {
        eprintln_safe!(
            "glosser: {format}: {} orphaned or ambiguous span{} not exported (listed above): place {} in the TUI (o) or delete {}; jsonl keeps them",
            tally.orphans,
            plural(tally.orphans),
            if tally.orphans == 1 { "it" } else { "them" },
            if tally.orphans == 1 { "it" } else { "them" },
        );
    }
    if tally.trimmed > 0 {
        eprintln_safe!(
            "glosser: {format}: {} span{} written without the whitespace at {} edges (listed above); prodigy and jsonl keep edges exactly",
            tally.trimmed,
            plural(tally.trimmed),
            if tally.trimmed == 1 { "its" } else { "their" }
        );
    }
    if tally.unaligned > 0 {
        eprintln_safe!(
            "glosser: spacy: {} span{} left out (listed above): an edge inside one of spaCy's tokens, which spaCy cannot learn as it tokenizes; move the edge to a token edge in the TUI",
            tally.unaligned,
            plural(tally.unaligned)
        );
    }
    if tally.ents_left_out > 0 {
        eprintln_safe!(
            "glosser: spacy: {} span{} in doc.spans[\"sc\"] but not in doc.ents (listed above: ner holds no overlapping spans; spancat learns them all)",
            tally.ents_left_out,
            plural(tally.ents_left_out)
        );
    }
    if tally.joined > 0 {
        eprintln_safe!(
            "glosser: {format}: joined {} sentence break{} that would have cut a span",
            tally.joined,
            plural(tally.joined)
        );
    }
}

/// A progress bar on stderr for long runs on a terminal; hidden when piped or short.
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
