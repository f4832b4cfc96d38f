//! Reading a CoNLL file: lines into documents of sentences of tagged tokens, then tags into
//! spans over a rebuilt text.

use super::{DOCUMENT_KEYS, LAYER, ReadOptions, columns, is_comment};
use crate::error::Error;
use crate::model::{Document, Skipped, Span};
use crate::report::Tally;
use crate::tags::{Tag, decode, detect_scheme, parse_tag};
use crate::tokens::{TokenRange, align, join};
use crate::{Corpus, Scheme};

struct TokenLine {
    text: String,
    tag: Tag,
    line: usize,
}

#[derive(Default)]
struct Sentence {
    tokens: Vec<TokenLine>,
    /// The sentence's `# text =` comment.
    text: Option<String>,
}

#[derive(Default)]
struct Draft {
    id: Option<String>,
    sentences: Vec<Sentence>,
}

/// What the line loop found, before the tags are read.
#[derive(Default)]
struct Parsed {
    drafts: Vec<Draft>,
    current: Sentence,
    pending_text: Option<String>,
    not_kept: Tally,
    bad_tags: Tally,
    /// The widest token line's unread columns, with an example line number.
    other_columns: Option<(usize, usize)>,
}

/// Reads a CoNLL / IOB file into one document per `-DOCSTART-` (or `# newdoc` / `# document
/// =` comment), reporting what it could not keep and the assumptions it made.
pub fn read(text: &str, options: &ReadOptions) -> Result<Corpus, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed {
        drafts: vec![Draft::default()],
        ..Parsed::default()
    };
    for (index, raw) in text.split('\n').enumerate() {
        parsed.line(index + 1, raw.trim_end_matches('\r'), options)?;
    }
    parsed.end_sentence();
    let all_tags: Vec<Vec<Tag>> = parsed
        .drafts
        .iter()
        .flat_map(|draft| draft.sentences.iter().map(Sentence::tags))
        .collect();
    let scheme = options
        .scheme
        .unwrap_or_else(|| detect_scheme(all_tags.iter().map(Vec::as_slice)));
    let mut skipped = vec![Skipped::noted(
        "the tags",
        format!(
            "read as {}{}",
            scheme.name(),
            if options.scheme.is_some() {
                " (as given)"
            } else {
                " (detected from the tags)"
            }
        ),
    )];
    if let Some((count, line)) = parsed.other_columns {
        skipped.push(Skipped::new(
            format!("{count} other column{}", if count == 1 { "" } else { "s" }),
            format!("not kept: only the token and tag columns are read (e.g. line {line})"),
        ));
    }
    skipped.extend(parsed.bad_tags.into_skipped("line", "not a tag: read as O"));
    skipped.extend(parsed.not_kept.into_skipped("line", "not kept"));
    let documents = parsed
        .drafts
        .into_iter()
        .filter(|draft| draft.id.is_some() || !draft.sentences.is_empty())
        .map(|draft| document(draft, scheme))
        .collect();
    Ok(Corpus {
        documents,
        labels: Vec::new(),
        skipped,
    }
    .with_labels([]))
}

impl Sentence {
    fn tags(&self) -> Vec<Tag> {
        self.tokens.iter().map(|token| token.tag.clone()).collect()
    }
}

impl Parsed {
    fn line(&mut self, number: usize, line: &str, options: &ReadOptions) -> Result<(), Error> {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.end_sentence();
            return Ok(());
        }
        let fields = columns(trimmed);
        if fields.first() == Some(&"-DOCSTART-") {
            self.end_sentence();
            let id: Vec<&str> = fields[1..]
                .iter()
                .copied()
                .filter(|field| !matches!(*field, "-X-" | "O" | "_" | "-" | ""))
                .collect();
            self.new_document((!id.is_empty()).then(|| id.join(" ")));
            return Ok(());
        }
        if is_comment(trimmed) {
            self.comment(number, trimmed);
            return Ok(());
        }
        let tag_column = options.tag_column.unwrap_or(fields.len().saturating_sub(1));
        if tag_column == 0 {
            if options.tag_column == Some(0) {
                return Err(Error::shape(
                    "CoNLL",
                    "the tag column cannot be column 0, which holds the tokens",
                ));
            }
            self.bad_tags.add(
                "lines with one column",
                format!("line {number}: {trimmed:?}"),
            );
        }
        let raw_tag = fields.get(tag_column).copied().filter(|_| tag_column > 0);
        let tag = match raw_tag.map(|tag| (tag, parse_tag(tag))) {
            Some((_, Some(tag))) => tag,
            Some((raw, None)) => {
                self.bad_tags
                    .add("tags that are not tags", format!("line {number}: {raw:?}"));
                Tag::Outside
            }
            None => {
                if tag_column > 0 {
                    self.bad_tags.add(
                        format!("lines without column {tag_column}"),
                        format!("line {number}: {trimmed:?}"),
                    );
                }
                Tag::Outside
            }
        };
        // Placeholder columns (`TOKEN -X- O TAG`, glosser's and spaCy's layout) hold nothing.
        let unread = fields
            .iter()
            .enumerate()
            .filter(|(i, field)| {
                *i != 0 && *i != tag_column && !matches!(**field, "-X-" | "O" | "_" | "-")
            })
            .count();
        if unread > 0 && self.other_columns.is_none_or(|(count, _)| count < unread) {
            self.other_columns = Some((unread, number));
        }
        if self.current.tokens.is_empty() && self.current.text.is_none() {
            self.current.text = self.pending_text.take();
        }
        self.current.tokens.push(TokenLine {
            text: fields[0].to_owned(),
            tag,
            line: number,
        });
        Ok(())
    }

    fn comment(&mut self, number: usize, line: &str) {
        let body = line.trim_start_matches('#').trim();
        let Some((key, value)) = body.split_once('=') else {
            if body == "newdoc" {
                self.end_sentence();
                self.new_document(None);
            } else {
                self.not_kept.add("comment lines", format!("line {number}"));
            }
            return;
        };
        let (key, value) = (key.trim(), value.trim());
        if DOCUMENT_KEYS.contains(&key) {
            self.end_sentence();
            let current_is_empty = self
                .drafts
                .last()
                .is_some_and(|draft| draft.sentences.is_empty());
            let same_id = self.drafts.last().and_then(|draft| draft.id.as_deref()) == Some(value);
            if current_is_empty {
                if let Some(draft) = self.drafts.last_mut() {
                    draft.id = Some(value.to_owned());
                }
            } else if !same_id {
                self.new_document(Some(value.to_owned()));
            }
        } else if key == "text" {
            self.pending_text = Some(value.to_owned());
        } else {
            self.not_kept.add(
                format!("`# {key} = …` comments"),
                format!("line {number}: {value:?}"),
            );
        }
    }

    fn end_sentence(&mut self) {
        let sentence = std::mem::take(&mut self.current);
        if !sentence.tokens.is_empty()
            && let Some(draft) = self.drafts.last_mut()
        {
            draft.sentences.push(sentence);
        }
    }

    fn new_document(&mut self, id: Option<String>) {
        self.drafts.push(Draft {
            id,
            sentences: Vec::new(),
        });
    }
}

/// A draft's text, spans and problems.
fn document(draft: Draft, scheme: Scheme) -> Document {
    let tokens: Vec<Vec<&str>> = draft
        .sentences
        .iter()
        .map(|sentence| {
            sentence
                .tokens
                .iter()
                .map(|token| token.text.as_str())
                .collect()
        })
        .collect();
    let from_comments = from_text_comments(&draft.sentences, &tokens);
    let how = if from_comments.is_some() {
        "the sentences are their `# text` comments, joined with line breaks (CoNLL does not record what lies between sentences)"
    } else {
        "rebuilt from the tokens: joined with single spaces, sentences with line breaks (CoNLL records tokens, not the text)"
    };
    let (text, ranges) = from_comments.unwrap_or_else(|| join(&tokens));
    let mut document = Document::new(text);
    document.metadata.document_id = draft.id;
    if !draft.sentences.is_empty() {
        document.skipped.push(Skipped::noted("the text", how));
    }
    for (sentence, ranges) in draft.sentences.iter().zip(&ranges) {
        let (spans, problems) = decode(&sentence.tags(), scheme);
        for problem in problems {
            let line = sentence.tokens.get(problem.token).map_or_else(
                || sentence.tokens.last().map_or(0, |token| token.line + 1),
                |token| token.line,
            );
            document
                .skipped
                .push(Skipped::noted(format!("line {line}"), problem.message));
        }
        for span in spans {
            document.spans.push(Span {
                id: format!("line {}", sentence.tokens[span.start].line),
                start: ranges[span.start].0,
                end: ranges[span.end - 1].1,
                layer: LAYER.to_owned(),
                label: span.label,
                ..Span::default()
            });
        }
    }
    document
}

/// The text from the sentences' `# text =` comments, when every sentence has one and its
/// tokens are found in it.
fn from_text_comments(
    sentences: &[Sentence],
    tokens: &[Vec<&str>],
) -> Option<(String, Vec<Vec<TokenRange>>)> {
    if sentences.is_empty() {
        return None;
    }
    let mut text = String::new();
    let mut at = 0;
    let mut all = Vec::with_capacity(sentences.len());
    for (index, (sentence, tokens)) in sentences.iter().zip(tokens).enumerate() {
        let own = sentence.text.as_deref()?;
        if index > 0 {
            text.push('\n');
            at += 1;
        }
        let ranges = align(own, 0, tokens)?;
        all.push(ranges.into_iter().map(|(s, e)| (s + at, e + at)).collect());
        text.push_str(own);
        at += own.chars().count();
    }
    Some((text, all))
}
