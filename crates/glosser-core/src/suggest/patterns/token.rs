//! One token of a token pattern: attribute predicates and an operator, and the matcher that
//! finds every end of a pattern from a start token (spaCy's `Matcher` returns all of them).

use std::collections::BTreeSet;

use regex::Regex;
use serde_json::Value;

use super::Word;

/// Why one token pattern of a pattern file cannot be used (named with its token by the caller).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TokenError(pub String);

impl From<String> for TokenError {
    fn from(why: String) -> Self {
        Self(why)
    }
}

impl From<&str> for TokenError {
    fn from(why: &str) -> Self {
        Self(why.to_owned())
    }
}

/// How often a token specification may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Exactly once (no `OP`).
    One,
    /// `!`: exactly one token that does not match.
    Not,
    /// `?`: zero or one.
    Opt,
    /// `*`: zero or more.
    Star,
    /// `+`: one or more.
    Plus,
}

/// A string attribute of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrAttr {
    Text,
    Lower,
}

/// A boolean flag of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Alpha,
    Ascii,
    Digit,
    Lower,
    Upper,
    Title,
    Punct,
    Space,
}

/// One condition on a token.
#[derive(Debug, Clone)]
pub enum Pred {
    Equals(StrAttr, String),
    In(StrAttr, Vec<String>, bool),
    Regex(StrAttr, Regex),
    Flag(Flag, bool),
    Length(String, usize),
    LengthIn(Vec<usize>, bool),
}

/// The conditions of one token (all must hold) and its operator.
#[derive(Debug, Clone)]
pub struct TokenSpec {
    pub preds: Vec<Pred>,
    pub op: Op,
}

impl TokenSpec {
    /// Parses one token object of a pattern.
    pub fn parse(value: &Value) -> Result<Self, TokenError> {
        let Value::Object(map) = value else {
            return Err("a token is a JSON object".to_owned().into());
        };
        let mut preds = Vec::new();
        let mut op = Op::One;
        for (key, value) in map {
            let name = key.to_ascii_uppercase();
            let str_attr = match name.as_str() {
                "ORTH" | "TEXT" => Some(StrAttr::Text),
                "LOWER" => Some(StrAttr::Lower),
                _ => None,
            };
            let flag = match name.as_str() {
                "IS_ALPHA" => Some(Flag::Alpha),
                "IS_ASCII" => Some(Flag::Ascii),
                "IS_DIGIT" => Some(Flag::Digit),
                "IS_LOWER" => Some(Flag::Lower),
                "IS_UPPER" => Some(Flag::Upper),
                "IS_TITLE" => Some(Flag::Title),
                "IS_PUNCT" => Some(Flag::Punct),
                "IS_SPACE" => Some(Flag::Space),
                _ => None,
            };
            if let Some(attr) = str_attr {
                preds.push(string_pred(attr, key, value)?);
            } else if let Some(flag) = flag {
                let Value::Bool(b) = value else {
                    return Err(format!("{key} takes true or false").into());
                };
                preds.push(Pred::Flag(flag, *b));
            } else if name == "REGEX" {
                let Value::String(r) = value else {
                    return Err("REGEX takes a string".to_owned().into());
                };
                preds.push(Pred::Regex(StrAttr::Text, regex(r)?));
            } else if name == "LENGTH" {
                preds.push(length_pred(value)?);
            } else if name == "OP" {
                op = match value.as_str() {
                    Some("!") => Op::Not,
                    Some("?") => Op::Opt,
                    Some("*") => Op::Star,
                    Some("+") => Op::Plus,
                    Some("1") => Op::One,
                    _ => return Err(format!("OP {value}: supported operators are ! ? * +").into()),
                };
            } else {
                return Err(format!(
                    "unknown attribute {key:?}; supported: ORTH, TEXT, LOWER, LENGTH, REGEX, IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER, IS_UPPER, IS_TITLE, IS_PUNCT, IS_SPACE, OP"
                ).into());
            }
        }
        Ok(Self { preds, op })
    }

    /// Whether every condition holds for `word`.
    pub fn matches(&self, word: &Word) -> bool {
        self.preds.iter().all(|p| p.holds(word))
    }
}

fn regex(pattern: &str) -> Result<Regex, TokenError> {
    Regex::new(pattern).map_err(|e| format!("bad REGEX {pattern:?}: {e}").into())
}

fn strings(key: &str, value: &Value) -> Result<Vec<String>, TokenError> {
    value
        .as_array()
        .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_owned)).collect())
        .ok_or_else(|| format!("{key} takes a list of strings").into())
}

fn string_pred(attr: StrAttr, key: &str, value: &Value) -> Result<Pred, TokenError> {
    match value {
        Value::String(s) => Ok(Pred::Equals(attr, s.clone())),
        Value::Object(map) if map.len() == 1 => {
            let (k, v) = map.iter().next().ok_or("empty object")?;
            match k.to_ascii_uppercase().as_str() {
                "REGEX" => {
                    let Value::String(r) = v else {
                        return Err("REGEX takes a string".to_owned().into());
                    };
                    Ok(Pred::Regex(attr, regex(r)?))
                }
                "IN" => Ok(Pred::In(attr, strings(k, v)?, true)),
                "NOT_IN" => Ok(Pred::In(attr, strings(k, v)?, false)),
                other => Err(format!(
                    "{key}: unknown predicate {other:?}; supported: REGEX, IN, NOT_IN"
                )
                .into()),
            }
        }
        _ => {
            Err(format!("{key} takes a string or one of {{\"REGEX\"|\"IN\"|\"NOT_IN\": …}}").into())
        }
    }
}

fn length_pred(value: &Value) -> Result<Pred, TokenError> {
    let int = |v: &Value| v.as_u64().map(|n| n as usize);
    if let Some(n) = int(value) {
        return Ok(Pred::Length("==".to_owned(), n));
    }
    let bad = || "LENGTH takes an integer, {\"IN\"|\"NOT_IN\": [...]} or a comparison".to_owned();
    let Value::Object(map) = value else {
        return Err(bad().into());
    };
    let (k, v) = map
        .iter()
        .next()
        .filter(|_| map.len() == 1)
        .ok_or_else(bad)?;
    match k.as_str() {
        "IN" | "NOT_IN" => {
            let list: Option<Vec<usize>> = v.as_array().and_then(|a| a.iter().map(int).collect());
            Ok(Pred::LengthIn(list.ok_or_else(bad)?, k == "IN"))
        }
        "==" | "!=" | ">=" | "<=" | ">" | "<" => {
            Ok(Pred::Length(k.clone(), int(v).ok_or_else(bad)?))
        }
        _ => Err(bad().into()),
    }
}

impl Pred {
    fn holds(&self, word: &Word) -> bool {
        let value = |attr: &StrAttr| match attr {
            StrAttr::Text => std::borrow::Cow::Borrowed(word.text.as_str()),
            StrAttr::Lower if !word.text.chars().any(char::is_uppercase) => {
                std::borrow::Cow::Borrowed(word.text.as_str())
            }
            StrAttr::Lower => std::borrow::Cow::Owned(word.text.to_lowercase()),
        };
        match self {
            Pred::Equals(attr, s) => value(attr) == s.as_str(),
            Pred::In(attr, list, want) => {
                let v = value(attr);
                list.iter().any(|s| *s == v) == *want
            }
            Pred::Regex(attr, re) => re.is_match(&value(attr)),
            Pred::Flag(flag, want) => flag_of(*flag, word) == *want,
            Pred::Length(cmp, n) => {
                let len = word.text.chars().count();
                match cmp.as_str() {
                    "!=" => len != *n,
                    ">=" => len >= *n,
                    "<=" => len <= *n,
                    ">" => len > *n,
                    "<" => len < *n,
                    _ => len == *n,
                }
            }
            Pred::LengthIn(list, want) => list.contains(&word.text.chars().count()) == *want,
        }
    }
}

/// Python's `str` predicates, as spaCy's lexical attributes use them.
fn flag_of(flag: Flag, word: &Word) -> bool {
    let t = word.text.as_str();
    let nonempty = !t.is_empty();
    match flag {
        Flag::Alpha => nonempty && t.chars().all(char::is_alphabetic),
        Flag::Ascii => t.is_ascii(),
        Flag::Digit => nonempty && t.chars().all(char::is_numeric),
        Flag::Lower => t.chars().any(char::is_lowercase) && !t.chars().any(char::is_uppercase),
        Flag::Upper => t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase),
        Flag::Title => is_title(t),
        Flag::Punct => nonempty && t.chars().all(is_punctuation),
        Flag::Space => word.space,
    }
}

/// Python's `str.istitle`: upper-case letters only after uncased characters, lower-case ones
/// only after cased ones, and at least one cased character.
fn is_title(t: &str) -> bool {
    let mut previous_cased = false;
    let mut any = false;
    for c in t.chars() {
        if c.is_uppercase() {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            any = true;
        } else {
            previous_cased = false;
        }
    }
    any
}

/// Unicode general category P* (what spaCy's `is_punct` tests), for the characters news text
/// has: ASCII punctuation that is not a symbol, Latin-1 punctuation, General Punctuation,
/// CJK and full-width punctuation.
pub(crate) fn is_punctuation(c: char) -> bool {
    match c {
        '!'..='/' | ':'..='@' | '['..='`' | '{'..='~' => {
            !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
        }
        '¡'
        | '§'
        | '«'
        | '¶'
        | '·'
        | '»'
        | '¿'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{2043}'
        | '\u{2045}'..='\u{2051}'
        | '\u{2053}'..='\u{205e}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301f}'
        | '\u{ff01}'..='\u{ff03}'
        | '\u{ff05}'..='\u{ff0a}'
        | '\u{ff0c}'..='\u{ff0f}'
        | '\u{ff1a}'
        | '\u{ff1b}'
        | '\u{ff1f}'
        | '\u{ff20}' => true,
        _ => false,
    }
}

/// Every token index one past a match of `specs[si..]` starting at token `ti`.
pub fn ends(specs: &[TokenSpec], si: usize, ti: usize, words: &[Word], out: &mut BTreeSet<usize>) {
    let Some(spec) = specs.get(si) else {
        out.insert(ti);
        return;
    };
    let hit = |k: usize| words.get(k).is_some_and(|w| spec.matches(w));
    match spec.op {
        Op::One => {
            if hit(ti) {
                ends(specs, si + 1, ti + 1, words, out);
            }
        }
        Op::Not => {
            if ti < words.len() && !hit(ti) {
                ends(specs, si + 1, ti + 1, words, out);
            }
        }
        Op::Opt => {
            ends(specs, si + 1, ti, words, out);
            if hit(ti) {
                ends(specs, si + 1, ti + 1, words, out);
            }
        }
        Op::Star | Op::Plus => {
            if spec.op == Op::Star {
                ends(specs, si + 1, ti, words, out);
            }
            let mut k = ti;
            while hit(k) {
                k += 1;
                ends(specs, si + 1, k, words, out);
            }
        }
    }
}
