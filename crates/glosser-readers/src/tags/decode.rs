//! Decoding one sentence's tags into entities. Invalid sequences are read the way conlleval
//! reads them (an `I-` that cannot continue starts an entity; an entity left open ends where
//! the next one or an `O` begins) and every one is reported with what was made of it.

use super::{Prefix, Scheme, Tag};

/// An entity over tokens `start..end` of one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

impl TagSpan {
    pub fn new(start: usize, end: usize, label: impl Into<String>) -> Self {
        Self {
            start,
            end,
            label: label.into(),
        }
    }
}

/// An invalid tag sequence at token `token` of the sentence, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagProblem {
    pub token: usize,
    pub message: String,
}

/// The entities of one sentence's tags read in `scheme`, and the tags that break its rules.
pub fn decode(tags: &[Tag], scheme: Scheme) -> (Vec<TagSpan>, Vec<TagProblem>) {
    let mut decoder = Decoder {
        scheme,
        spans: Vec::new(),
        problems: Vec::new(),
        open: None,
    };
    for (index, tag) in tags.iter().enumerate() {
        decoder.step(index, tags.get(index.wrapping_sub(1)), tag);
    }
    decoder.finish(tags.len());
    (decoder.spans, decoder.problems)
}

struct Decoder {
    scheme: Scheme,
    spans: Vec<TagSpan>,
    problems: Vec<TagProblem>,
    /// The entity being read: its label and first token.
    open: Option<(String, usize)>,
}

impl Decoder {
    fn step(&mut self, index: usize, previous: Option<&Tag>, tag: &Tag) {
        let (prefix, label) = match tag {
            Tag::Outside => {
                self.close_unfinished(index, "an O");
                return;
            }
            Tag::Entity { prefix, label } => (*prefix, label.as_str()),
        };
        let continues = self.open.as_ref().is_some_and(|(open, _)| open == label);
        let biluo = matches!(self.scheme, Scheme::Biluo | Scheme::Bioes);
        match prefix {
            Prefix::Begin => {
                self.close_unfinished(index, &format!("B-{label}"));
                self.open = Some((label.to_owned(), index));
            }
            Prefix::Inside | Prefix::Plain if continues => {
                if prefix == Prefix::Plain && self.scheme != Scheme::Io {
                    self.problem(
                        index,
                        format!("{label} has no B-/I- prefix: read as I-{label}"),
                    );
                }
            }
            Prefix::Inside | Prefix::Plain => {
                self.close_unfinished(index, &format!("I-{label}"));
                let strict = matches!(self.scheme, Scheme::Iob2) || biluo;
                if prefix == Prefix::Plain && self.scheme != Scheme::Io {
                    self.problem(
                        index,
                        format!("{label} has no B-/I- prefix: read as I-{label}"),
                    );
                } else if prefix == Prefix::Inside && strict {
                    let after =
                        previous.map_or_else(|| "the start of the sentence".to_owned(), describe);
                    self.problem(
                        index,
                        format!(
                            "I-{label} after {after} is invalid in {}: read as the start of a {label} entity",
                            self.scheme.name()
                        ),
                    );
                }
                self.open = Some((label.to_owned(), index));
            }
            Prefix::Last | Prefix::End if continues => {
                if !biluo {
                    self.problem(
                        index,
                        format!(
                            "{}-{label} does not belong to {}: read as the end of the {label} entity",
                            letter(prefix),
                            self.scheme.name()
                        ),
                    );
                }
                if let Some((label, start)) = self.open.take() {
                    self.spans.push(TagSpan::new(start, index + 1, label));
                }
            }
            Prefix::Last | Prefix::End | Prefix::Unit | Prefix::Single => {
                let letter = letter(prefix);
                self.close_unfinished(index, &format!("{letter}-{label}"));
                if !biluo {
                    self.problem(
                        index,
                        format!(
                            "{letter}-{label} does not belong to {}: read as a one-token {label} entity",
                            self.scheme.name()
                        ),
                    );
                } else if matches!(prefix, Prefix::Last | Prefix::End) {
                    self.problem(
                        index,
                        format!("{letter}-{label} without a B-{label} before it: read as a one-token {label} entity"),
                    );
                }
                self.spans.push(TagSpan::new(index, index + 1, label));
            }
        }
    }

    /// Ends the open entity before `index`; in BILUO/BIOES an entity must have ended with `L-`.
    fn close_unfinished(&mut self, index: usize, by: &str) {
        if let Some((label, start)) = self.open.take() {
            if matches!(self.scheme, Scheme::Biluo | Scheme::Bioes) {
                let last = if self.scheme == Scheme::Bioes {
                    'E'
                } else {
                    'L'
                };
                self.problem(
                    index,
                    format!("the {label} entity begun at token {} is not closed with {last}-{label} before {by}: read as ending there", start + 1),
                );
            }
            self.spans.push(TagSpan::new(start, index, label));
        }
    }

    fn finish(&mut self, length: usize) {
        self.close_unfinished(length, "the end of the sentence");
    }

    fn problem(&mut self, token: usize, message: String) {
        self.problems.push(TagProblem { token, message });
    }
}

fn letter(prefix: Prefix) -> char {
    match prefix {
        Prefix::Begin => 'B',
        Prefix::Inside | Prefix::Plain => 'I',
        Prefix::Last => 'L',
        Prefix::Unit => 'U',
        Prefix::End => 'E',
        Prefix::Single => 'S',
    }
}

fn describe(tag: &Tag) -> String {
    match tag {
        Tag::Outside => "O".to_owned(),
        Tag::Entity {
            prefix: Prefix::Plain,
            label,
        } => label.clone(),
        Tag::Entity { prefix, label } => format!("{}-{label}", letter(*prefix)),
    }
}

#[cfg(test)]
mod tests;
