//! The rule data of a spaCy tokenizer (whitespace set, affix and URL patterns, exceptions,
//! reserved strings), read from the JSON that `checks/dump_english.py` writes.

use std::collections::HashMap;

use fancy_regex::Regex;
use serde::Deserialize;

/// What can be wrong with a rule file.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum RulesError {
    #[error(
        "the tokenizer rule file is not valid JSON of the expected shape: {0} (regenerate it with checks/dump_english.py)"
    )]
    Json(String),
    #[error(
        "the {which} pattern of the rule file does not compile: {reason} (regenerate it with checks/dump_english.py)"
    )]
    Pattern { which: &'static str, reason: String },
    #[error(
        "the {which} pattern of the rule file can match the empty string, which this tokenizer does not emulate"
    )]
    EmptyMatch { which: &'static str },
    #[error(
        "tokenizer exception {string:?} has pieces that do not spell it; fix the rule file (spaCy refuses such exceptions too)"
    )]
    Exception { string: String },
}

#[derive(Deserialize)]
struct RawPattern {
    python: String,
    rust: String,
    #[serde(default)]
    prefilter: Option<String>,
    min_width: usize,
}

/// An exception as dumped: the string and its pieces (orth, norm).
type RawException = (String, Vec<(String, Option<String>)>);

#[derive(Deserialize)]
struct RawRules {
    spacy_version: String,
    unicode_version: String,
    faster_heuristics: bool,
    whitespace: Vec<(u32, u32)>,
    prefix: Option<RawPattern>,
    suffix: Option<RawPattern>,
    infix: Option<RawPattern>,
    url_match: Option<RawPattern>,
    exceptions: Vec<RawException>,
    lexeme_norms: Vec<(String, String)>,
    lowercase: Vec<(u32, String)>,
    symbols: Vec<(String, u64)>,
}

/// One compiled pattern with spaCy's source kept for messages.
#[derive(Debug)]
pub(crate) struct Pattern {
    pub(crate) regex: Regex,
    /// The pattern without look-around (`regex` crate): where it finds nothing, neither does
    /// `regex`, and it answers that much faster.
    pub(crate) prefilter: Option<regex::Regex>,
    pub(crate) python: String,
}

/// One piece of a tokenizer exception: its text and the NORM it sets, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionPiece {
    pub orth: String,
    pub norm: Option<String>,
}

/// The loaded rules.
#[derive(Debug)]
pub(crate) struct Rules {
    pub(crate) spacy_version: String,
    pub(crate) unicode_version: String,
    pub(crate) faster_heuristics: bool,
    whitespace: Vec<(u32, u32)>,
    pub(crate) prefix: Option<Pattern>,
    pub(crate) suffix: Option<Pattern>,
    pub(crate) infix: Option<Pattern>,
    pub(crate) url_match: Option<Pattern>,
    /// In spaCy's load order (sorted by string).
    pub(crate) exceptions: Vec<(String, Vec<ExceptionPiece>)>,
    pub(crate) exception_index: HashMap<String, usize>,
    pub(crate) lexeme_norms: HashMap<String, String>,
    pub(crate) lowercase: HashMap<char, String>,
    pub(crate) symbols: HashMap<String, u64>,
}

/// fancy-regex gives up after this many backtracking steps; Python's `re` never does, so the
/// limit is far above what spaCy's patterns need on any realistic token.
const BACKTRACK_LIMIT: usize = 50_000_000;

fn compile(which: &'static str, raw: Option<RawPattern>) -> Result<Option<Pattern>, RulesError> {
    let Some(raw) = raw else { return Ok(None) };
    if raw.min_width == 0 {
        return Err(RulesError::EmptyMatch { which });
    }
    let regex = fancy_regex::RegexBuilder::new(&raw.rust)
        .backtrack_limit(BACKTRACK_LIMIT)
        .build()
        .map_err(|e| RulesError::Pattern {
            which,
            reason: e.to_string(),
        })?;
    let prefilter = raw
        .prefilter
        .map(|p| regex::Regex::new(&p))
        .transpose()
        .map_err(|e| RulesError::Pattern {
            which,
            reason: format!("prefilter: {e}"),
        })?;
    Ok(Some(Pattern {
        regex,
        prefilter,
        python: raw.python,
    }))
}

impl Rules {
    pub(crate) fn from_json(json: &str) -> Result<Self, RulesError> {
        let raw: RawRules =
            serde_json::from_str(json).map_err(|e| RulesError::Json(e.to_string()))?;
        let mut exceptions = Vec::with_capacity(raw.exceptions.len());
        let mut exception_index = HashMap::with_capacity(raw.exceptions.len());
        for (string, pieces) in raw.exceptions {
            let pieces: Vec<ExceptionPiece> = pieces
                .into_iter()
                .map(|(orth, norm)| ExceptionPiece { orth, norm })
                .collect();
            let spelled: String = pieces.iter().map(|p| p.orth.as_str()).collect();
            if spelled != string || pieces.iter().any(|p| p.orth.is_empty()) {
                return Err(RulesError::Exception { string });
            }
            exception_index.insert(string.clone(), exceptions.len());
            exceptions.push((string, pieces));
        }
        Ok(Self {
            spacy_version: raw.spacy_version,
            unicode_version: raw.unicode_version,
            faster_heuristics: raw.faster_heuristics,
            whitespace: raw.whitespace,
            prefix: compile("prefix", raw.prefix)?,
            suffix: compile("suffix", raw.suffix)?,
            infix: compile("infix", raw.infix)?,
            url_match: compile("url_match", raw.url_match)?,
            exceptions,
            exception_index,
            lexeme_norms: raw.lexeme_norms.into_iter().collect(),
            lowercase: raw
                .lowercase
                .into_iter()
                .filter_map(|(c, lower)| Some((char::from_u32(c)?, lower)))
                .collect(),
            symbols: raw.symbols.into_iter().collect(),
        })
    }

    /// Python's `str.isspace()` for one character, as the rule file recorded it.
    pub(crate) fn is_space(&self, c: char) -> bool {
        let c = u32::from(c);
        let at = self.whitespace.partition_point(|&(_, end)| end < c);
        self.whitespace
            .get(at)
            .is_some_and(|&(start, _)| start <= c)
    }
}
