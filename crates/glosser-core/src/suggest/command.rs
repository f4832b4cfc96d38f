//! `--command CMD`: an external model over JSONL (SPEC §9). glosser writes one
//! `{"document","text"}` line per document to the command's stdin and reads one
//! `{"document","spans":[{"start","end","label","score"?}]}` line per document (code-point
//! offsets, end exclusive) from its stdout, in any order.
//!
//! A response that is not JSON (or has no `spans` list) fails that document only: nothing is
//! written for it. A span out of range, empty or splitting a character, with an unknown label or
//! a score outside 0..1 is dropped and named; the document's other spans are kept. A non-zero
//! exit, a hang (no line for `timeout`), a response for a document not asked about or a missing
//! response fail the whole run: nothing is written at all.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{Proposal, Proposals};
use crate::labels::LabelSet;
use crate::text::Document;

/// The command failed as a whole; nothing it said is used.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("cannot run {command:?}: {source}")]
    Spawn {
        command: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{command:?} gave no answer for {document} within {secs} s (timeout); it was stopped")]
    Timeout {
        command: String,
        document: String,
        secs: u64,
    },
    #[error("{command:?} exited with {status}{while_doing}; nothing was written")]
    Failed {
        command: String,
        status: String,
        while_doing: String,
    },
    #[error("{command:?} ended without answering for {document}; nothing was written")]
    Missing { command: String, document: String },
    #[error("{command:?} answered for {document:?}, which it was not asked about (or twice)")]
    Unexpected { command: String, document: String },
}

/// Why the external model gave no usable answer for one document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Unanswered(pub String);

impl From<String> for Unanswered {
    fn from(why: String) -> Self {
        Self(why)
    }
}

impl From<&str> for Unanswered {
    fn from(why: &str) -> Self {
        Self(why.to_owned())
    }
}

/// The model's spans for one document (those kept and those dropped), or why there are none.
pub type Answer = Result<Proposals, Unanswered>;

/// Runs `command` (through `sh -c`) on `docs` (id, text) and checks every answer.
pub fn run(
    command: &str,
    docs: &[(String, &Document)],
    labels: &LabelSet,
    timeout: Duration,
) -> Result<BTreeMap<String, Answer>, CommandError> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .process_group(0)
        .spawn()
        .map_err(|source| CommandError::Spawn {
            command: command.to_owned(),
            source,
        })?;
    let requests: Vec<String> = docs
        .iter()
        .map(|(id, doc)| serde_json::json!({"document": id, "text": doc.text()}).to_string())
        .collect();
    if let Some(mut stdin) = child.stdin.take() {
        std::thread::spawn(move || {
            for line in requests {
                if writeln!(stdin, "{line}").is_err() {
                    return;
                }
            }
        });
    }
    let (tx, rx) = mpsc::channel::<String>();
    if let Some(stdout) = child.stdout.take() {
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
    }
    let by_id: HashMap<&str, &Document> = docs.iter().map(|(id, d)| (id.as_str(), *d)).collect();
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    let waiting = |answers: &BTreeMap<String, Answer>| {
        docs.iter()
            .map(|(id, _)| id.clone())
            .find(|id| !answers.contains_key(id))
    };
    let fail = |child: &mut Child, e: CommandError| {
        stop(child);
        Err(e)
    };
    while let Some(next) = waiting(&answers) {
        let line = match rx.recv_timeout(timeout) {
            Ok(line) => line,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let e = CommandError::Timeout {
                    command: command.to_owned(),
                    document: next,
                    secs: timeout.as_secs(),
                };
                return fail(&mut child, e);
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let status = wait(&mut child, timeout);
                if let Some(e) = exit_error(command, status, Some(&next)) {
                    return Err(e);
                }
                let e = CommandError::Missing {
                    command: command.to_owned(),
                    document: next,
                };
                return Err(e);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                answers.insert(next, Err(format!("the answer is not JSON: {e}").into()));
                continue;
            }
        };
        let Some(id) = value.get("document").and_then(Value::as_str) else {
            answers.insert(
                next,
                Err("the answer has no \"document\" string".to_owned().into()),
            );
            continue;
        };
        let Some(doc) = by_id.get(id).filter(|_| !answers.contains_key(id)) else {
            let e = CommandError::Unexpected {
                command: command.to_owned(),
                document: id.to_owned(),
            };
            return fail(&mut child, e);
        };
        answers.insert(id.to_owned(), check_answer(&value, doc, labels));
    }
    let status = wait(&mut child, timeout);
    if let Some(e) = exit_error(command, status, None) {
        return Err(e);
    }
    Ok(answers)
}

/// The spans of one answer, each checked against the document and the label set: a span that
/// does not fit is dropped with why, the others are kept.
fn check_answer(value: &Value, doc: &Document, labels: &LabelSet) -> Answer {
    let Some(spans) = value.get("spans").and_then(Value::as_array) else {
        return Err("the answer has no \"spans\" list".to_owned().into());
    };
    let mut out = Proposals::default();
    for (i, span) in spans.iter().enumerate() {
        match check_span(span, doc, labels) {
            Ok(proposal) => out.kept.push(proposal),
            Err(why) => out.dropped.push(format!("span {}: {why}", i + 1)),
        }
    }
    Ok(out)
}

/// One span of an answer as a proposal, or why it cannot be one.
fn check_span(span: &Value, doc: &Document, labels: &LabelSet) -> Result<Proposal, String> {
    let int = |k: &str| span.get(k).and_then(Value::as_u64).map(|v| v as usize);
    let (Some(start), Some(end)) = (int("start"), int("end")) else {
        return Err("\"start\" and \"end\" must be whole numbers".to_owned());
    };
    let Some(label) = span.get("label").and_then(Value::as_str) else {
        return Err(format!("{start}..{end}: \"label\" must be a string"));
    };
    if !labels.contains(label) {
        return Err(format!("{start}..{end}: unknown label {label:?}"));
    }
    let score = match span.get("score") {
        None | Some(Value::Null) => 1.0,
        Some(v) => match v.as_f64().filter(|s| (0.0..=1.0).contains(s)) {
            Some(s) => s,
            None => {
                return Err(format!(
                    "{start}..{end} ({label}): \"score\" must be a number in 0..1"
                ));
            }
        },
    };
    let len = doc.char_len();
    if start >= end || end > len {
        return Err(format!(
            "{start}..{end} ({label}): offsets out of range (the text has {len} code points)"
        ));
    }
    let proposal = Proposal {
        start,
        end,
        label: label.to_owned(),
        score,
    };
    if proposal.to_span(doc).is_none() {
        return Err(format!(
            "{start}..{end} ({label}): offsets split a character (a grapheme cluster)"
        ));
    }
    Ok(proposal)
}

/// Kills the command and everything it started (its process group).
fn stop(child: &mut Child) {
    if let Some(pid) = rustix::process::Pid::from_raw(child.id().cast_signed()) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Waits for the command to exit, at most `timeout`; `None` if it had to be stopped.
fn wait(child: &mut Child, timeout: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            _ => {
                stop(child);
                return None;
            }
        }
    }
}

fn exit_error(
    command: &str,
    status: Option<std::process::ExitStatus>,
    document: Option<&str>,
) -> Option<CommandError> {
    let status = match status {
        Some(s) if s.success() => return None,
        Some(s) => s.to_string(),
        None => "no exit (stopped after the timeout)".to_owned(),
    };
    Some(CommandError::Failed {
        command: command.to_owned(),
        status,
        while_doing: document.map_or(String::new(), |d| format!(" before answering for {d}")),
    })
}

use std::os::unix::process::CommandExt as _;

#[cfg(test)]
mod tests;
