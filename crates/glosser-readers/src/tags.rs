//! Token tags of the IOB family: parsing `B-PER`-style tags, telling IOB1, IOB2, BILUO, BIOES
//! and plain IO apart, decoding tag sequences into token spans (every invalid transition
//! reported, with what was made of it) and encoding spans back into tags.

mod decode;

pub use decode::{TagProblem, TagSpan, decode};

/// A tagging scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `I-` everywhere, `B-` only where an entity follows one of the same label (CoNLL-2003).
    Iob1,
    /// Every entity starts with `B-` (CoNLL-2002, seqeval's strict IOB2).
    Iob2,
    /// `B-`, `I-`, `L-` (last), `U-` (unit-length) and `O` (spaCy).
    Biluo,
    /// `B-`, `I-`, `E-` (end), `S-` (single) and `O`.
    Bioes,
    /// Bare labels without prefixes: a run of equal labels is one entity.
    Io,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Iob1 => "IOB1",
            Scheme::Iob2 => "IOB2",
            Scheme::Biluo => "BILUO",
            Scheme::Bioes => "BIOES",
            Scheme::Io => "IO",
        }
    }

    /// Parses a scheme name (case-insensitive; `BILOU` and `IOBES` are accepted too).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_uppercase().replace(['-', '_'], "").as_str() {
            "IOB1" | "IOB" => Some(Scheme::Iob1),
            "IOB2" | "BIO" => Some(Scheme::Iob2),
            "BILUO" | "BILOU" => Some(Scheme::Biluo),
            "BIOES" | "IOBES" => Some(Scheme::Bioes),
            "IO" => Some(Scheme::Io),
            _ => None,
        }
    }
}

/// The prefix of an entity tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Prefix {
    Begin,
    Inside,
    /// `L-` (BILUO).
    Last,
    /// `U-` (BILUO).
    Unit,
    /// `E-` (BIOES), read as `L-`.
    End,
    /// `S-` (BIOES), read as `U-`.
    Single,
    /// No prefix: an IO label.
    Plain,
}

/// One parsed tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Tag {
    Outside,
    Entity { prefix: Prefix, label: String },
}

impl Tag {
    /// Whether the tag is `O` or has a B/I/L/U/E/S prefix (not a bare label).
    pub fn is_iob(&self) -> bool {
        !matches!(
            self,
            Tag::Entity {
                prefix: Prefix::Plain,
                ..
            }
        )
    }

    fn label(&self) -> Option<&str> {
        match self {
            Tag::Outside => None,
            Tag::Entity { label, .. } => Some(label),
        }
    }

    fn prefix(&self) -> Option<Prefix> {
        match self {
            Tag::Outside => None,
            Tag::Entity { prefix, .. } => Some(*prefix),
        }
    }
}

/// Parses `O`, `B-PER`, `I-PER`, `L-`/`U-`/`E-`/`S-` tags and bare labels; `None` for what is
/// not a tag: an empty string, a prefix without a label (`B-`), whitespace, or the placeholders
/// `-` and `_`.
pub fn parse_tag(tag: &str) -> Option<Tag> {
    if tag.is_empty() || tag == "-" || tag == "_" || tag.chars().any(char::is_whitespace) {
        return None;
    }
    if tag == "O" {
        return Some(Tag::Outside);
    }
    let mut chars = tag.chars();
    let letter = chars.next()?;
    if chars.next() == Some('-') {
        let prefix = match letter {
            'B' => Some(Prefix::Begin),
            'I' => Some(Prefix::Inside),
            'L' => Some(Prefix::Last),
            'U' => Some(Prefix::Unit),
            'E' => Some(Prefix::End),
            'S' => Some(Prefix::Single),
            _ => None,
        };
        if let Some(prefix) = prefix {
            let label = &tag[2..];
            return (!label.is_empty()).then(|| Tag::Entity {
                prefix,
                label: label.to_owned(),
            });
        }
    }
    Some(Tag::Entity {
        prefix: Prefix::Plain,
        label: tag.to_owned(),
    })
}

/// Guesses the scheme of tagged sentences: BILUO or BIOES when their letters occur; IOB1 when
/// `I-` starts entities and `B-` only separates entities of one label; IOB2 otherwise (also
/// for a mixture, whose `I-` after `O` the decoder then reports); IO for bare labels.
pub fn detect_scheme<'a>(sentences: impl IntoIterator<Item = &'a [Tag]>) -> Scheme {
    let (mut biluo, mut bioes, mut prefixed, mut plain) = (false, false, false, false);
    let (mut inside_starts, mut begin_after_other) = (0usize, 0usize);
    for sentence in sentences {
        let mut previous: Option<&Tag> = None;
        for tag in sentence {
            let same_label = previous.and_then(Tag::label).is_some()
                && previous.and_then(Tag::label) == tag.label();
            match tag.prefix() {
                Some(Prefix::Last | Prefix::Unit) => biluo = true,
                Some(Prefix::End | Prefix::Single) => bioes = true,
                Some(Prefix::Inside) => {
                    prefixed = true;
                    if !same_label {
                        inside_starts += 1;
                    }
                }
                Some(Prefix::Begin) => {
                    prefixed = true;
                    if !same_label {
                        begin_after_other += 1;
                    }
                }
                Some(Prefix::Plain) => plain = true,
                None => {}
            }
            previous = Some(tag);
        }
    }
    if biluo {
        Scheme::Biluo
    } else if bioes {
        Scheme::Bioes
    } else if prefixed && inside_starts > 0 && begin_after_other == 0 {
        Scheme::Iob1
    } else if plain && !prefixed {
        Scheme::Io
    } else {
        Scheme::Iob2
    }
}

/// The tags of a sentence of `length` tokens with these entities (sorted, not overlapping, in
/// token indices) in `scheme`.
pub fn encode(length: usize, spans: &[TagSpan], scheme: Scheme) -> Vec<String> {
    let mut tags = vec!["O".to_owned(); length];
    let mut previous_end_and_label: Option<(usize, &str)> = None;
    for span in spans {
        let adjacent_same = previous_end_and_label == Some((span.start, span.label.as_str()));
        for (offset, tag) in tags[span.start..span.end].iter_mut().enumerate() {
            let first = offset == 0;
            let last = span.start + offset + 1 == span.end;
            let prefix = match (scheme, first, last) {
                (Scheme::Io, _, _) => "",
                (Scheme::Biluo, true, true) => "U-",
                (Scheme::Bioes, true, true) => "S-",
                (Scheme::Biluo, false, true) => "L-",
                (Scheme::Bioes, false, true) => "E-",
                (Scheme::Iob1, true, _) if adjacent_same => "B-",
                (Scheme::Iob2 | Scheme::Biluo | Scheme::Bioes, true, _) => "B-",
                _ => "I-",
            };
            *tag = format!("{prefix}{}", span.label);
        }
        previous_end_and_label = Some((span.end, span.label.as_str()));
    }
    tags
}

#[cfg(test)]
mod tests;
