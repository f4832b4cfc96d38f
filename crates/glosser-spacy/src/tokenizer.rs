//! spaCy's rule-based tokenizer (`spacy.blank("en")`, spaCy 3.8) in Rust: whitespace runs, then
//! prefixes, suffixes, exceptions, URL match and infixes per run, then the exceptions that span
//! several affix tokens — the steps and quirks of spaCy's `Tokenizer.__call__`.

mod affixes;
mod lowercase;
mod rules;
mod special_cases;

use std::borrow::Cow;
use std::sync::OnceLock;

use rules::Rules;
pub use rules::{ExceptionPiece, RulesError};
use special_cases::SpecialCaseMatcher;

/// The rule data of `spacy.blank("en")`, dumped from spaCy by `checks/dump_english.py`.
const ENGLISH_RULES: &str = include_str!("../assets/spacy_en_tokenizer.json");

/// One token as spaCy makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Offset of the first char (Unicode scalar value, Python `str` index).
    pub start: usize,
    /// Char offset just past the token.
    pub end: usize,
    /// Byte offset of the token in the text.
    pub byte_start: usize,
    /// Byte offset just past the token.
    pub byte_end: usize,
    /// spaCy's `whitespace_`: one U+0020 follows and belongs to this token.
    pub space_after: bool,
    /// spaCy's `sent_start` as its tokenizer leaves it: set on the first token, except when the
    /// special-case pass replaced that token (spaCy copies the exception's token over it). Only
    /// the DocBin's `SENT_START` column needs it.
    pub sent_start: bool,
    /// The NORM a tokenizer exception gives the token ("n't" → "not"); `None` for every other
    /// token, whose NORM comes from the vocab ([`Tokenizer::norm`]).
    pub norm: Option<String>,
}

impl Token {
    /// The token's text in the text it was made from.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.byte_start..self.byte_end).unwrap_or_default()
    }
}

/// What can go wrong while tokenizing.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum TokenizeError {
    #[error(
        "spaCy's {which} pattern backtracked too long on {chunk:?} ({reason}); split the text there or report the text"
    )]
    Regex {
        which: &'static str,
        chunk: String,
        reason: String,
    },
}

/// A piece of the text found by the tokenizer, in bytes, before char offsets are counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) space_after: bool,
    /// (exception index, piece index) when an exception made this token.
    pub(crate) exception: Option<(usize, usize)>,
}

/// spaCy's tokenizer with one language's rules.
#[derive(Debug)]
pub struct Tokenizer {
    rules: Rules,
    special_cases: SpecialCaseMatcher,
}

static ENGLISH: OnceLock<Result<Tokenizer, RulesError>> = OnceLock::new();

impl Tokenizer {
    /// The tokenizer of `spacy.blank("en")`, built once from the embedded rule data.
    pub fn english() -> Result<&'static Tokenizer, RulesError> {
        ENGLISH
            .get_or_init(|| Tokenizer::from_rules_json(ENGLISH_RULES))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// A tokenizer from a rule file written by `checks/dump_english.py` (for another spaCy
    /// version or language whose tokenizer has the same shape).
    pub fn from_rules_json(json: &str) -> Result<Self, RulesError> {
        let rules = Rules::from_json(json)?;
        let special_cases = SpecialCaseMatcher::build(&rules).map_err(|e| RulesError::Pattern {
            which: "exception",
            reason: e.to_string(),
        })?;
        Ok(Self {
            rules,
            special_cases,
        })
    }

    /// The spaCy version the rules were dumped from.
    pub fn spacy_version(&self) -> &str {
        &self.rules.spacy_version
    }

    /// The Unicode version of the Python that dumped the rules (its `str.isspace()` and `\w`).
    pub fn unicode_version(&self) -> &str {
        &self.rules.unicode_version
    }

    /// Python's `str.isspace()` (what spaCy splits runs at), from the rule file.
    pub fn is_whitespace(&self, c: char) -> bool {
        self.rules.is_space(c)
    }

    /// The pieces of a tokenizer exception (special case), if `string` is one.
    pub fn exception(&self, string: &str) -> Option<&[ExceptionPiece]> {
        let index = *self.rules.exception_index.get(string)?;
        self.rules.exceptions.get(index).map(|(_, p)| p.as_slice())
    }

    /// The NORM spaCy gives a token: its exception's NORM, else the vocab's ([`Self::lexeme_norm`]).
    pub fn norm<'a>(&'a self, text: &'a str, token: &'a Token) -> Cow<'a, str> {
        match &token.norm {
            Some(norm) => Cow::Borrowed(norm),
            None => self.lexeme_norm(token.text(text)),
        }
    }

    /// The NORM of a word in spaCy's English vocab: a lookup for some punctuation (`“` → `"`,
    /// `—` → `-`), else Python's `str.lower()` as the Python that dumped the rules has it (Rust's
    /// `to_lowercase` knows newer letters).
    pub fn lexeme_norm<'a>(&'a self, orth: &'a str) -> Cow<'a, str> {
        if let Some(norm) = self.rules.lexeme_norms.get(orth) {
            return Cow::Borrowed(norm);
        }
        let lower = lowercase::python_lower(&self.rules.lowercase, orth);
        if lower == orth {
            Cow::Borrowed(orth)
        } else {
            Cow::Owned(lower)
        }
    }

    /// The id spaCy's `StringStore` gives a reserved string (`"PERSON"` → 380), if it is one.
    pub fn symbol(&self, string: &str) -> Option<u64> {
        self.rules.symbols.get(string).copied()
    }

    /// The tokens `nlp.make_doc(text)` makes: every char of the text is in exactly one token,
    /// except a single U+0020 after a token, which is that token's `space_after`.
    pub fn tokenize(&self, text: &str) -> Result<Vec<Token>, TokenizeError> {
        let mut pieces = self.rules.tokenize_affixes(text, true)?;
        let first_replaced = self.special_cases.apply(&self.rules, text, &mut pieces);
        let mut tokens = self.to_tokens(text, pieces);
        if let Some(first) = tokens.first_mut() {
            first.sent_start = !first_replaced;
        }
        Ok(tokens)
    }

    fn to_tokens(&self, text: &str, pieces: Vec<Piece>) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(pieces.len());
        let mut chars_before = 0;
        let mut counted_to = 0;
        for piece in pieces {
            chars_before += text[counted_to..piece.start].chars().count();
            let length = text[piece.start..piece.end].chars().count();
            counted_to = piece.end;
            let norm = piece.exception.and_then(|(exception, index)| {
                self.rules
                    .exceptions
                    .get(exception)
                    .and_then(|(_, pieces)| pieces.get(index))
                    .and_then(|p| p.norm.clone())
            });
            tokens.push(Token {
                start: chars_before,
                end: chars_before + length,
                byte_start: piece.start,
                byte_end: piece.end,
                space_after: piece.space_after,
                sent_start: false,
                norm,
            });
            chars_before += length;
        }
        tokens
    }
}

#[cfg(test)]
mod tests;
