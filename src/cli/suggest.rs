//! `glosser suggest CORPUS (--patterns FILE | --builtin quotes | --learn ANNOTATOR | --command CMD)
//! [--as NAME]`: writes a suggester's spans as the pseudo-annotator NAME's files (SPEC §9).
//!
//! Exit codes: 0 every document suggested (or unchanged), 1 some documents failed (named on
//! stderr; nothing written for them), 2 usage or I/O error, or the command failed as a whole.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, bail};
use clap::ArgGroup;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use glosser_core::corpus::{Corpus, DocumentEntry};
use glosser_core::labels::LabelSet;
use glosser_core::save::{read_existing, save_merged};
use glosser_core::store::{AnnotationFile, GOLD, is_valid_annotator};
use glosser_core::suggest::{self, Proposal, learn::Model, patterns::PatternSet, state::State};
use glosser_core::text::Document;

#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("suggester").required(true).args(["patterns", "builtin", "learn", "command"])))]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// spaCy EntityRuler / Prodigy pattern file (JSONL).
    #[arg(long, value_name = "FILE")]
    pub patterns: Option<PathBuf>,
    /// A built-in suggester: `quotes` (every quotation with its marks, as `quote`).
    #[arg(long, value_name = "NAME", value_parser = ["quotes"])]
    pub builtin: Option<String>,
    /// Suggest everything ANNOTATOR labelled wherever the same words occur in other documents.
    #[arg(long, value_name = "ANNOTATOR")]
    pub learn: Option<String>,
    /// An external model speaking the JSONL protocol on stdin/stdout (run with `sh -c`).
    #[arg(long, value_name = "CMD")]
    pub command: Option<String>,
    /// Seconds to wait for each answer of --command before stopping it.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
    /// Suggest every document again, even those whose text and suggester input did not change
    /// (a model behind --command that changed under the same command line).
    #[arg(long)]
    pub force: bool,
    /// The pseudo-annotator the suggestions are written as.
    #[arg(long = "as", value_name = "NAME", default_value = suggest::DEFAULT_NAME)]
    pub name: String,
}

/// The suggester chosen on the command line, ready to run.
enum Suggester {
    Patterns(PatternSet, String),
    Quotes,
    Learn(Model),
    Command(String),
}

impl Suggester {
    /// A digest of what decides the suggestions for document `id` (this glosser's version too:
    /// a newer matcher may match differently).
    fn input(&self, id: &str) -> String {
        let mut hash = Sha256::new();
        hash.update(env!("CARGO_PKG_VERSION").as_bytes());
        match self {
            Self::Patterns(_, digest) => hash.update(digest.as_bytes()),
            Self::Quotes => hash.update(b"\0builtin quotes v1"),
            Self::Learn(model) => hash.update(model.digest(id).as_bytes()),
            Self::Command(cmd) => {
                hash.update(b"\0command\0");
                hash.update(cmd.as_bytes());
            }
        }
        format!("{:x}", hash.finalize())
    }
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = Corpus::scan(&args.corpus)?;
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let name = args.name.as_str();
    check_name(&corpus, name, args.learn.as_deref())?;
    let suggester = build(args, &corpus, &labels)?;
    let (mut state, warning) = State::load(&corpus.root, name);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let mut todo: Vec<(&DocumentEntry, Document, String)> = Vec::new();
    let mut unchanged = 0usize;
    for entry in &corpus.documents {
        let doc = match entry.load() {
            Ok(doc) => doc,
            Err(e) => {
                eprintln_safe!("glosser: skipped {}: {e}", entry.id);
                continue;
            }
        };
        let input = suggester.input(&entry.id);
        let exists = entry.annotation(name).is_some();
        if exists && !args.force && state.is_current(&entry.id, doc.sha256(), &input) {
            unchanged += 1;
        } else {
            todo.push((entry, doc, input));
        }
    }
    let mut answers = match &suggester {
        Suggester::Command(cmd) => {
            let docs: Vec<(String, &Document)> =
                todo.iter().map(|(e, d, _)| (e.id.clone(), d)).collect();
            let timeout = Duration::from_secs(args.timeout.max(1));
            if docs.is_empty() {
                std::collections::BTreeMap::default()
            } else {
                suggest::command::run(cmd, &docs, &labels, timeout)?
            }
        }
        _ => std::collections::BTreeMap::default(),
    };
    let bar = progress_bar(todo.len() as u64);
    // Each document is suggested and written on its own (distinct files), in parallel.
    let given: Vec<Option<suggest::command::Answer>> =
        todo.iter().map(|(e, _, _)| answers.remove(&e.id)).collect();
    let outcomes: Vec<Result<bool, String>> = todo
        .par_iter()
        .zip(given)
        .map(|((entry, doc, _), given)| {
            let proposals: Result<Vec<Proposal>, String> = match &suggester {
                Suggester::Patterns(set, _) => Ok(set.suggest(doc)),
                Suggester::Quotes => Ok(suggest::quotes::suggest(doc)),
                Suggester::Learn(model) => Ok(model.suggest(&entry.id, doc)),
                Suggester::Command(_) => given.unwrap_or_else(|| Err("no answer".to_owned())),
            };
            let outcome =
                proposals.and_then(|p| write(entry, doc, name, &p).map_err(|e| format!("{e:#}")));
            bar.inc(1);
            outcome
        })
        .collect();
    let (mut written, mut same, mut failed) = (0usize, 0usize, 0usize);
    for ((entry, doc, input), outcome) in todo.iter().zip(outcomes) {
        match outcome {
            Ok(changed) => {
                if changed {
                    written += 1;
                } else {
                    same += 1;
                }
                state.documents.insert(
                    entry.id.clone(),
                    suggest::state::Entry {
                        text_sha256: doc.sha256().to_owned(),
                        input: input.clone(),
                    },
                );
            }
            Err(why) => {
                failed += 1;
                bar.suspend(|| {
                    eprintln_safe!("glosser: {}: {why}; nothing written for it", entry.id);
                });
            }
        }
    }
    bar.finish_and_clear();
    state.save(&corpus.root, name).with_context(|| {
        format!(
            "cannot save {}",
            suggest::state::path(&corpus.root, name).display()
        )
    })?;
    eprintln_safe!(
        "glosser: suggest as {name}: {written} documents written, {} unchanged, {failed} failed",
        unchanged + same
    );
    Ok(if failed > 0 {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--as NAME` must be a valid name that is not gold, not the learned annotator, and not an
/// analyst's (files whose spans carry no score).
fn check_name(corpus: &Corpus, name: &str, learn: Option<&str>) -> anyhow::Result<()> {
    if !is_valid_annotator(name) {
        bail!("--as {name:?}: annotator names match [a-z0-9][a-z0-9_-]{{0,31}}");
    }
    if name == GOLD || learn == Some(name) {
        bail!("--as {name}: suggestions cannot be written as {name}; choose another name");
    }
    let has_files = corpus
        .documents
        .iter()
        .any(|d| d.annotation(name).is_some());
    if has_files && !suggest::is_suggester(corpus, name) {
        bail!(
            "--as {name}: {name} has annotation files that are not a suggester's (spans without a score, or a file that does not parse); suggestions are never written over them — choose another name"
        );
    }
    Ok(())
}

fn build(args: &Args, corpus: &Corpus, labels: &LabelSet) -> anyhow::Result<Suggester> {
    if let Some(path) = &args.patterns {
        let bytes = glosser_core::fsio::read_regular(path, 64 * 1024 * 1024)?;
        let source = glosser_core::fsio::into_text(path, bytes)?;
        let set = PatternSet::parse(&source, &glosser_core::fsio::display_path(path), labels)?;
        let digest = format!(
            "{:x}",
            Sha256::digest(format!("patterns v1\0{source}").as_bytes())
        );
        return Ok(Suggester::Patterns(set, digest));
    }
    if args.builtin.is_some() {
        if !labels.contains(suggest::quotes::LABEL) {
            bail!("--builtin quotes: the label set has no `quote` label");
        }
        return Ok(Suggester::Quotes);
    }
    if let Some(annotator) = &args.learn {
        if !corpus.annotators().contains(annotator) {
            bail!(
                "--learn {annotator}: no annotation files for {annotator:?} in {}",
                corpus.root.display()
            );
        }
        let (model, warnings) = Model::learn(corpus, annotator, labels);
        for w in warnings {
            eprintln_safe!("glosser: warning: {w}");
        }
        return Ok(Suggester::Learn(model));
    }
    match &args.command {
        Some(cmd) => Ok(Suggester::Command(cmd.clone())),
        None => bail!("choose a suggester: --patterns, --builtin, --learn or --command"),
    }
}

/// Writes the suggestions for one document through the one save path; `false` when the file
/// already held exactly these spans.
fn write(
    entry: &DocumentEntry,
    doc: &Document,
    name: &str,
    proposals: &[Proposal],
) -> anyhow::Result<bool> {
    let path = entry.annotation_path(name);
    let existing = read_existing(&path)?;
    // A fresh file of spans made from this very text: `save_merged` restamps it (a no-op check).
    let mut file = AnnotationFile::new(entry.file_name(), name, doc.sha256());
    for proposal in proposals {
        if let Some(span) = proposal.to_span(doc) {
            file.spans.insert_unchecked(span);
        }
    }
    if let Some(old) = &existing
        && old.text_sha256 == doc.sha256()
        && old.spans == file.spans
        && old.orphans.is_empty()
    {
        return Ok(false);
    }
    let texts = glosser_core::old_texts::Lookup::for_article(&entry.path);
    save_merged(&path, &file, existing.as_ref(), doc, &texts)?;
    Ok(true)
}

/// A progress bar on stderr when it is a terminal; hidden when piped.
fn progress_bar(len: u64) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("suggest {bar:40} {pos}/{len} documents {eta}")
    {
        bar.set_style(style);
    }
    bar
}
