//! Running a suggester over a corpus (`glosser suggest`, SPEC §9): its spans written as the
//! pseudo-annotator NAME's files through the one save path, documents whose text and suggester
//! input did not change skipped (`suggest::state`). A model's span that does not fit (offsets off
//! the text, an unknown label, a quote not found verbatim) is dropped and named; the document's
//! other spans are written.

mod build;
mod write;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use crate::ops::error::{Context as _, refuse};
use rayon::prelude::*;

use crate::corpus::{Corpus, DocumentEntry};
use crate::labels::LabelSet;
use crate::store::{GOLD, is_valid_annotator};
use crate::suggest::command::{Answer, Unanswered};
use crate::suggest::{self, Proposals, state::State};
use crate::text::Document;

use build::Suggester;

pub use crate::suggest::llm::Options as LlmOptions;

/// Which suggester, as the command line names it.
pub enum Kind {
    /// A spaCy EntityRuler / Prodigy pattern file (JSONL).
    Patterns(PathBuf),
    /// Every quotation with its marks, as `quote`.
    Quotes,
    /// Everything this annotator labelled, wherever the same words occur elsewhere.
    Learn(String),
    /// Sentence labels learned from this annotator's labelled sentences (cross-fitted).
    Sentences(String),
    /// An external model speaking the JSONL protocol (run with `sh -c`).
    Command(String),
    /// A model behind an OpenAI-compatible chat-completions endpoint.
    Llm(LlmOptions),
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
    /// This many documents to suggest (or, for a model server, to ask about).
    Started(u64),
    /// One document done.
    Step,
    /// A document whose suggestions failed: nothing written for it.
    Failed(&'a str, String),
    /// One span of a model's answer that was dropped, and why; the document's others are kept.
    Dropped(&'a str, String),
}

/// What the run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub written: usize,
    /// Unchanged: not suggested again, or suggested with the same spans.
    pub unchanged: usize,
    pub failed: usize,
    /// Spans of a model's answers that were dropped (each named as it went).
    pub dropped: usize,
}

/// Runs the suggester over the corpus and writes its files.
pub fn run(request: &Request, events: &(dyn Fn(Event) + Sync)) -> crate::ops::Result<Summary> {
    let learned_from = match &request.kind {
        Kind::Learn(annotator) | Kind::Sentences(annotator) => Some(annotator.as_str()),
        _ => None,
    };
    let corpus = Corpus::scan(request.corpus)?;
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        events(Event::Warning(w));
    }
    let name = request.name;
    check_name(&corpus, name, learned_from)?;
    let suggester = build::build(&request.kind, &corpus, &labels, events)?;
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
    let docs: Vec<(String, &Document)> = todo.iter().map(|(e, d, _)| (e.id.clone(), d)).collect();
    let asks = matches!(suggester, Suggester::Llm(_));
    let mut answers: BTreeMap<String, Answer> = match &suggester {
        _ if docs.is_empty() => BTreeMap::new(),
        Suggester::Command(cmd) => suggest::command::run(cmd, &docs, &labels, request.timeout)?,
        Suggester::Llm(llm) => {
            events(Event::Started(docs.len() as u64));
            llm.ask(&docs, &|| events(Event::Step))
                .context("suggest --llm: nothing was written")?
        }
        _ => BTreeMap::new(),
    };
    if !asks {
        events(Event::Started(todo.len() as u64));
    }
    // Each document is suggested and written on its own (distinct files), in parallel.
    let given: Vec<Option<Answer>> = todo.iter().map(|(e, _, _)| answers.remove(&e.id)).collect();
    let outcomes: Vec<Result<(bool, Vec<String>), Unanswered>> = todo
        .par_iter()
        .zip(given)
        .map(|((entry, doc, _), given)| {
            let proposals: Answer = match &suggester {
                Suggester::Patterns(set, _) => Ok(kept(set.suggest(doc))),
                Suggester::Quotes => Ok(kept(suggest::quotes::suggest(doc))),
                Suggester::Learn(model) => Ok(kept(model.suggest(&entry.id, doc))),
                Suggester::Sentences(model, _) => Ok(kept(model.suggest(&entry.id, doc))),
                Suggester::Command(_) | Suggester::Llm(_) => {
                    given.unwrap_or_else(|| Err("no answer".into()))
                }
            };
            let outcome = proposals.and_then(|p| {
                write::write(entry, doc, name, &p.kept)
                    .map(|changed| (changed, p.dropped))
                    .map_err(|e| e.chain().into())
            });
            if !asks {
                events(Event::Step);
            }
            outcome
        })
        .collect();
    let mut summary = Summary {
        unchanged,
        ..Summary::default()
    };
    let about = suggester.about();
    for ((entry, doc, input), outcome) in todo.iter().zip(outcomes) {
        match outcome {
            Ok((changed, dropped)) => {
                if changed {
                    summary.written += 1;
                } else {
                    summary.unchanged += 1;
                }
                summary.dropped += dropped.len();
                for why in dropped {
                    events(Event::Dropped(&entry.id, why));
                }
                state.documents.insert(
                    entry.id.clone(),
                    suggest::state::Entry {
                        text_sha256: doc.sha256().to_owned(),
                        input: input.clone(),
                        model: about.model.clone(),
                        prompt_hash: about.prompt_hash.clone(),
                    },
                );
            }
            Err(why) => {
                summary.failed += 1;
                events(Event::Failed(&entry.id, why.0));
            }
        }
    }
    state.suggester = Some(about);
    state.save(&corpus.root, name).with_context(|| {
        format!(
            "cannot save {}",
            suggest::state::path(&corpus.root, name).display()
        )
    })?;
    Ok(summary)
}

/// A suggester's own proposals: all kept (they are made on the text).
fn kept(proposals: Vec<suggest::Proposal>) -> Proposals {
    Proposals {
        kept: proposals,
        dropped: Vec::new(),
    }
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
