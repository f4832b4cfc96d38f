//! The suggester the command line chose, made ready to run (a pattern file read, a model
//! learned, a model server's client and prompt built), and the digest of its input per document.

use sha2::{Digest, Sha256};

use super::{Event, Kind};
use crate::corpus::Corpus;
use crate::labels::LabelSet;
use crate::ops::error::refuse;
use crate::suggest::sentences::CrossFitted;
use crate::suggest::state::About;
use crate::suggest::{self, learn::Model, llm::Llm, patterns::PatternSet};

/// The suggester chosen on the command line, ready to run.
pub(super) enum Suggester {
    Patterns(PatternSet, String),
    Quotes,
    Learn(Model),
    Sentences(Box<CrossFitted>, String),
    Command(String),
    Llm(Box<Llm>),
}

impl Suggester {
    /// A digest of what decides the suggestions for document `id` (this glosser's version too:
    /// a newer matcher may match differently).
    pub(super) fn input(&self, id: &str) -> String {
        let mut hash = Sha256::new();
        hash.update(env!("CARGO_PKG_VERSION").as_bytes());
        match self {
            Self::Patterns(_, digest) => hash.update(digest.as_bytes()),
            Self::Quotes => hash.update(b"\0builtin quotes v1"),
            Self::Learn(model) => hash.update(model.digest(id).as_bytes()),
            Self::Sentences(model, _) => hash.update(model.digest(id).as_bytes()),
            Self::Command(cmd) => {
                hash.update(b"\0command\0");
                hash.update(cmd.as_bytes());
            }
            Self::Llm(llm) => {
                hash.update(b"\0llm\0");
                hash.update(llm.model().as_bytes());
                hash.update(b"\0");
                hash.update(llm.prompt_hash().as_bytes());
            }
        }
        format!("{:x}", hash.finalize())
    }

    /// What the state file says about this suggester.
    pub(super) fn about(&self) -> About {
        let kind = match self {
            Self::Patterns(..) => "patterns",
            Self::Quotes => "builtin quotes",
            Self::Learn(_) => "learn",
            Self::Sentences(..) => "learn sentences",
            Self::Command(_) => "command",
            Self::Llm(_) => "llm",
        };
        let mut about = About {
            kind: kind.to_owned(),
            ..About::default()
        };
        match self {
            Self::Llm(llm) => {
                about.model = Some(llm.model().to_owned());
                about.prompt_hash = Some(llm.prompt_hash().to_owned());
                about.base_url = Some(llm.base_url().to_owned());
            }
            Self::Sentences(_, annotator) => about.learned_from = Some(annotator.clone()),
            Self::Command(cmd) => about.command = Some(cmd.clone()),
            _ => {}
        }
        about
    }
}

pub(super) fn build(
    kind: &Kind,
    corpus: &Corpus,
    labels: &LabelSet,
    events: &(dyn Fn(Event) + Sync),
) -> crate::ops::Result<Suggester> {
    match kind {
        Kind::Patterns(path) => {
            let bytes = crate::fsio::read_regular(path, 64 * 1024 * 1024)?;
            let source = crate::fsio::into_text(path, bytes)?;
            let set = PatternSet::parse(&source, &crate::fsio::display_path(path), labels)?;
            let digest = format!(
                "{:x}",
                Sha256::digest(format!("patterns v1\0{source}").as_bytes())
            );
            Ok(Suggester::Patterns(set, digest))
        }
        Kind::Quotes => {
            if !labels.contains(suggest::quotes::LABEL) {
                refuse!("--builtin quotes: the label set has no `quote` label");
            }
            Ok(Suggester::Quotes)
        }
        Kind::Learn(annotator) => {
            has_files(corpus, annotator, "--learn")?;
            let (model, warnings) = Model::learn(corpus, annotator, labels);
            for w in warnings {
                events(Event::Warning(w));
            }
            Ok(Suggester::Learn(model))
        }
        Kind::Sentences(annotator) => {
            has_files(corpus, annotator, "--learn-sentences")?;
            if suggest::sentences::sentence_labels(labels).is_empty() {
                refuse!(
                    "--learn-sentences: the label set has none of the sentence-like labels ({})",
                    suggest::sentences::SENTENCE_LIKE.join(", ")
                );
            }
            let (model, warnings) = CrossFitted::learn(corpus, annotator, labels);
            for w in warnings {
                events(Event::Warning(w));
            }
            if model.example_count() == 0 {
                events(Event::Warning(format!(
                    "--learn-sentences {annotator}: no labelled sentences to learn from; nothing is suggested"
                )));
            }
            Ok(Suggester::Sentences(Box::new(model), annotator.clone()))
        }
        Kind::Command(cmd) => Ok(Suggester::Command(cmd.clone())),
        Kind::Llm(options) => {
            let guidelines = match crate::guidelines::load(&corpus.root) {
                Ok(text) => Some(text),
                Err(e) if e.0.starts_with("no guidelines") => None,
                Err(e) => {
                    events(Event::Warning(format!("{e}; the prompt goes without them")));
                    None
                }
            };
            let llm = Llm::new(options, labels, guidelines.as_deref(), &corpus.root)
                .map_err(|e| crate::ops::Error::Refused(format!("--llm: {e}")))?;
            Ok(Suggester::Llm(Box::new(llm)))
        }
    }
}

fn has_files(corpus: &Corpus, annotator: &str, flag: &str) -> crate::ops::Result<()> {
    if !corpus.annotators().contains(annotator) {
        refuse!(
            "{flag} {annotator}: no annotation files for {annotator:?} in {}",
            corpus.root.display()
        );
    }
    Ok(())
}
