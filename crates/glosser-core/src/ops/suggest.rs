//! Running a suggester over a corpus (`glosser suggest`, SPEC §9): its spans written as the
//! pseudo-annotator NAME's files through the one save path, documents whose text and suggester
//! input did not change skipped (`suggest::state`).

use std::path::PathBuf;
use std::time::Duration;

use crate::ops::error::{Context as _, refuse};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::corpus::{Corpus, DocumentEntry};
use crate::labels::LabelSet;
use crate::save::{read_existing, save_merged};
use crate::store::{AnnotationFile, GOLD, is_valid_annotator};
use crate::suggest::command::Unanswered;
use crate::suggest::{self, Proposal, learn::Model, patterns::PatternSet, state::State};
use crate::text::Document;

/// Which suggester, as the command line names it.
pub enum Kind {
    /// A spaCy EntityRuler / Prodigy pattern file (JSONL).
    Patterns(PathBuf),
    /// Every quotation with its marks, as `quote`.
    Quotes,
    /// Everything this annotator labelled, wherever the same words occur elsewhere.
    Learn(String),
    /// An external model speaking the JSONL protocol (run with `sh -c`).
    Command(String),
}

/// What to suggest, and as whom.
pub struct Request<'a> {
    pub corpus: &'a std::path::Path,
    pub kind: Kind,
    /// How long to wait for each answer of a command.
    pub timeout: Duration,
    /// Suggest every document again, even unchanged ones.
    pub force: bool,
    /// The pseudo-annotator written as.
    pub name: &'a str,
}

/// What the run tells its caller as it goes (from several threads).
pub enum Event<'a> {
    Warning(String),
    /// A document that cannot be read: skipped.
    Skipped(&'a str, String),
    /// This many documents to suggest.
    Started(u64),
    /// One document done.
    Step,
    /// A document whose suggestions failed: nothing written for it.
    Failed(&'a str, String),
}

/// What the run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub written: usize,
    /// Unchanged: not suggested again, or suggested with the same spans.
    pub unchanged: usize,
    pub failed: usize,
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

/// Runs the suggester over the corpus and writes its files.
pub fn run(request: &Request, events: &(dyn Fn(Event) + Sync)) -> crate::ops::Result<Summary> {
    let learn = match &request.kind {
        Kind::Learn(annotator) => Some(annotator.as_str()),
        _ => None,
    };
    let corpus = Corpus::scan(request.corpus)?;
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        events(Event::Warning(w));
    }
    let name = request.name;
    check_name(&corpus, name, learn)?;
    let suggester = build(&request.kind, &corpus, &labels, events)?;
    let (mut state, warning) = State::load(&corpus.root, name);
    if let Some(w) = warning {
        events(Event::Warning(w));
    }
    let mut todo: Vec<(&DocumentEntry, Document, String)> = Vec::new();
    let mut unchanged = 0usize;
    for entry in &corpus.documents {
        let doc = match entry.load() {
            Ok(doc) => doc,
            Err(e) => {
                events(Event::Skipped(&entry.id, e.to_string()));
                continue;
            }
        };
        let input = suggester.input(&entry.id);
        let exists = entry.annotation(name).is_some();
        if exists && !request.force && state.is_current(&entry.id, doc.sha256(), &input) {
            unchanged += 1;
        } else {
            todo.push((entry, doc, input));
        }
    }
    let mut answers = match &suggester {
        Suggester::Command(cmd) => {
            let docs: Vec<(String, &Document)> =
                todo.iter().map(|(e, d, _)| (e.id.clone(), d)).collect();
            let timeout = request.timeout;
            if docs.is_empty() {
                std::collections::BTreeMap::default()
            } else {
                suggest::command::run(cmd, &docs, &labels, timeout)?
            }
        }
        _ => std::collections::BTreeMap::default(),
    };
    events(Event::Started(todo.len() as u64));
    // Each document is suggested and written on its own (distinct files), in parallel.
    let given: Vec<Option<suggest::command::Answer>> =
        todo.iter().map(|(e, _, _)| answers.remove(&e.id)).collect();
    let outcomes: Vec<Result<bool, Unanswered>> = todo
        .par_iter()
        .zip(given)
        .map(|((entry, doc, _), given)| {
            let proposals: Result<Vec<Proposal>, Unanswered> = match &suggester {
                Suggester::Patterns(set, _) => Ok(set.suggest(doc)),
                Suggester::Quotes => Ok(suggest::quotes::suggest(doc)),
                Suggester::Learn(model) => Ok(model.suggest(&entry.id, doc)),
                Suggester::Command(_) => given.unwrap_or_else(|| Err("no answer".into())),
            };
            let outcome =
                proposals.and_then(|p| write(entry, doc, name, &p).map_err(|e| e.chain().into()));
            events(Event::Step);
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
                events(Event::Failed(&entry.id, why.0));
            }
        }
    }
    state.save(&corpus.root, name).with_context(|| {
        format!(
            "cannot save {}",
            suggest::state::path(&corpus.root, name).display()
        )
    })?;
    Ok(Summary {
        written,
        unchanged: unchanged + same,
        failed,
    })
}

/// `--as NAME` must be a valid name that is not gold, not the learned annotator, and not an
/// analyst's (files whose spans carry no score).
fn check_name(corpus: &Corpus, name: &str, learn: Option<&str>) -> crate::ops::Result<()> {
    if !is_valid_annotator(name) {
        refuse!("--as {name:?}: annotator names match [a-z0-9][a-z0-9_-]{{0,31}}");
    }
    if name == GOLD || learn == Some(name) {
        refuse!("--as {name}: suggestions cannot be written as {name}; choose another name");
    }
    let has_files = corpus
        .documents
        .iter()
        .any(|d| d.annotation(name).is_some());
    if has_files && !suggest::is_suggester(corpus, name) {
        refuse!(
            "--as {name}: {name} has annotation files that are not a suggester's (spans without a score, or a file that does not parse); suggestions are never written over them — choose another name"
        );
    }
    Ok(())
}

fn build(
    kind: &Kind,
    corpus: &Corpus,
    labels: &LabelSet,
    events: &(dyn Fn(Event) + Sync),
) -> crate::ops::Result<Suggester> {
    if let Kind::Patterns(path) = kind {
        let bytes = crate::fsio::read_regular(path, 64 * 1024 * 1024)?;
        let source = crate::fsio::into_text(path, bytes)?;
        let set = PatternSet::parse(&source, &crate::fsio::display_path(path), labels)?;
        let digest = format!(
            "{:x}",
            Sha256::digest(format!("patterns v1\0{source}").as_bytes())
        );
        return Ok(Suggester::Patterns(set, digest));
    }
    if let Kind::Quotes = kind {
        if !labels.contains(suggest::quotes::LABEL) {
            refuse!("--builtin quotes: the label set has no `quote` label");
        }
        return Ok(Suggester::Quotes);
    }
    if let Kind::Learn(annotator) = kind {
        if !corpus.annotators().contains(annotator) {
            refuse!(
                "--learn {annotator}: no annotation files for {annotator:?} in {}",
                corpus.root.display()
            );
        }
        let (model, warnings) = Model::learn(corpus, annotator, labels);
        for w in warnings {
            events(Event::Warning(w));
        }
        return Ok(Suggester::Learn(model));
    }
    match kind {
        Kind::Command(cmd) => Ok(Suggester::Command(cmd.clone())),
        _ => refuse!("choose a suggester: --patterns, --builtin, --learn or --command"),
    }
}

/// Writes the suggestions for one document through the one save path; `false` when the file
/// already held exactly these spans.
fn write(
    entry: &DocumentEntry,
    doc: &Document,
    name: &str,
    proposals: &[Proposal],
) -> crate::ops::Result<bool> {
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
    let texts = crate::old_texts::Lookup::for_article(&entry.path);
    save_merged(&path, &file, existing.as_ref(), doc, &texts)?;
    Ok(true)
}
