//! `glosser suggest CORPUS (--patterns FILE | --builtin quotes | --learn ANNOTATOR |
//! --learn-sentences ANNOTATOR | --command CMD | --llm MODEL) [--as NAME]`: runs a suggester
//! through the core (`ops::suggest`) with a progress bar (SPEC §9).
//!
//! Exit codes: 0 every document suggested (or unchanged); 1 some documents failed (nothing
//! written for them) or some spans of a model's answers were dropped (the rest written), each
//! named on stderr; 2 usage or I/O error, the command failed as a whole, or the model server
//! could not be asked (down, no such model, a refused key).

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Duration;

use clap::ArgGroup;
use indicatif::{ProgressBar, ProgressStyle};

use glosser_core::ops::suggest::{Event, Kind, LlmOptions, Request, run as suggest};

#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("suggester").required(true).args(["patterns", "builtin", "learn", "learn_sentences", "command", "llm"])))]
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
    /// Suggest claim/opinion/unverified sentences learned from ANNOTATOR's labelled sentences
    /// (a labelled document is suggested by a model that did not learn from it).
    #[arg(long, value_name = "ANNOTATOR")]
    pub learn_sentences: Option<String>,
    /// An external model speaking the JSONL protocol on stdin/stdout (run with `sh -c`).
    #[arg(long, value_name = "CMD")]
    pub command: Option<String>,
    /// A model on an OpenAI-compatible chat-completions server (Ollama, llama.cpp, vLLM, LM
    /// Studio), e.g. `qwen2.5:7b`; answers are cached in CORPUS/.glosser-suggest/cache.
    #[arg(long, value_name = "MODEL")]
    pub llm: Option<String>,
    /// The server's API root for --llm (Ollama's by default).
    #[arg(long, value_name = "URL", default_value = glosser_core::suggest::llm::DEFAULT_BASE_URL, env = "GLOSSER_LLM_BASE_URL")]
    pub base_url: String,
    /// The environment variable holding the API key for --llm (sent as a bearer token); no key
    /// is sent without it.
    #[arg(long, value_name = "VAR")]
    pub api_key_env: Option<String>,
    /// A prompt template for --llm instead of the built-in one (see docs/suggest.md).
    #[arg(long, value_name = "FILE")]
    pub prompt: Option<PathBuf>,
    /// Requests to the --llm server at once.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub concurrency: usize,
    /// Further tries of a --llm request after a 408/429/5xx answer or a failed connection.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,
    /// Seconds to wait for each answer: of --command before stopping it (default 60), of the
    /// --llm server for one article (default 300).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<u64>,
    /// Suggest every document again, even those whose text and suggester input did not change
    /// (a model behind --command that changed under the same command line).
    #[arg(long)]
    pub force: bool,
    /// The pseudo-annotator the suggestions are written as (default `suggest`; for
    /// --learn-sentences ANNOTATOR, `learner-ANNOTATOR`, as the TUI's live learner writes).
    #[arg(long = "as", value_name = "NAME")]
    pub name: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let secs = |default: u64| Duration::from_secs(args.timeout.unwrap_or(default).max(1));
    let kind = if let Some(path) = &args.patterns {
        Kind::Patterns(path.clone())
    } else if args.builtin.is_some() {
        Kind::Quotes
    } else if let Some(annotator) = &args.learn {
        Kind::Learn(annotator.clone())
    } else if let Some(annotator) = &args.learn_sentences {
        Kind::Sentences(annotator.clone())
    } else if let Some(cmd) = &args.command {
        Kind::Command(cmd.clone())
    } else if let Some(model) = &args.llm {
        Kind::Llm(LlmOptions {
            base_url: args.base_url.clone(),
            model: model.clone(),
            api_key_env: args.api_key_env.clone(),
            prompt: args.prompt.clone(),
            concurrency: args.concurrency.max(1),
            retries: args.retries,
            timeout: secs(300),
        })
    } else {
        anyhow::bail!(
            "choose a suggester: --patterns, --builtin, --learn, --learn-sentences, --command or --llm"
        )
    };
    let name = match (&args.name, &args.learn_sentences) {
        (Some(name), _) => name.clone(),
        (None, Some(annotator)) => glosser_core::suggest::sentences::learner_name(annotator),
        (None, None) => glosser_core::suggest::DEFAULT_NAME.to_owned(),
    };
    let request = Request {
        corpus: &args.corpus,
        kind,
        timeout: secs(60),
        force: args.force,
        name: &name,
    };
    let bar: OnceLock<ProgressBar> = OnceLock::new();
    let shown = || bar.get().cloned().unwrap_or_else(ProgressBar::hidden);
    let summary = suggest(&request, &|event| match event {
        Event::Warning(w) => eprintln_safe!("glosser: warning: {w}"),
        Event::Skipped(id, e) => eprintln_safe!("glosser: skipped {id}: {e}"),
        Event::Started(len) => {
            let _ = bar.set(progress_bar(len));
        }
        Event::Step => shown().inc(1),
        Event::Failed(id, why) => {
            shown().suspend(|| eprintln_safe!("glosser: {id}: {why}; nothing written for it"));
        }
        Event::Dropped(id, why) => {
            shown().suspend(|| eprintln_safe!("glosser: {id}: dropped {why}"));
        }
    })?;
    shown().finish_and_clear();
    let dropped = match summary.dropped {
        0 => String::new(),
        1 => ", 1 span dropped".to_owned(),
        n => format!(", {n} spans dropped"),
    };
    eprintln_safe!(
        "glosser: suggest as {name}: {} documents written, {} unchanged, {} failed{dropped}",
        summary.written,
        summary.unchanged,
        summary.failed
    );
    Ok(if summary.failed > 0 || summary.dropped > 0 {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
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
