//! spaCy's v2 JSON training format (`spacy convert` in v2, `docs_to_json` in v3): a list of
//! documents `{id, paragraphs: [{raw, sentences: [{tokens: [{orth, space, ner, …}]}],
//! entities, cats}]}`. Each paragraph is one [`Document`], as spaCy makes one `Doc` of it.
//!
//! The text is `raw` when the tokens are found in it in order; else the tokens with their
//! `space` (exactly what spaCy builds); else the tokens joined with single spaces and the
//! sentences with line breaks, reported. Entities come from the tokens' `ner` tags (BILUO,
//! detected) or, without them, from the paragraph's `entities` (`[start, end, label]` code
//! points into `raw`).

use serde_json::Value;

use crate::Corpus;
use crate::error::Error;
use crate::json::{as_text, offset};
use crate::model::{Document, Skipped, Span};
use crate::offsets::{TextIndex, Unit};
use crate::report::Tally;
use crate::tags::{Tag, decode, detect_scheme, parse_tag};
use crate::tokens::{TokenRange, align, join};

const FORMAT: &str = "spaCy v2 JSON";

struct Token {
    orth: String,
    space: Option<String>,
    tag: Option<Tag>,
    /// The `ner` value, when it is there but is not a tag (`-`: spaCy's "missing").
    untagged: Option<String>,
}

struct Paragraph {
    id: String,
    raw: Option<String>,
    sentences: Vec<Vec<Token>>,
    entities: Vec<(usize, usize, String)>,
}

/// Reads a v2 JSON training file.
pub fn read(input: &str) -> Result<Corpus, Error> {
    let value = crate::json::value(input)?;
    let documents = match &value {
        Value::Array(documents) => documents.as_slice(),
        Value::Object(_) => std::slice::from_ref(&value),
        _ => return Err(Error::shape(FORMAT, "not a list of documents")),
    };
    let mut not_kept = Tally::default();
    let mut paragraphs = Vec::new();
    for (number, document) in documents.iter().enumerate() {
        let id = document
            .get("id")
            .map_or_else(|| number.to_string(), as_text);
        let list = document
            .get("paragraphs")
            .and_then(Value::as_array)
            .ok_or_else(|| {
                Error::shape(FORMAT, format!("document {id} has no `paragraphs` list"))
            })?;
        for (index, paragraph) in list.iter().enumerate() {
            let id = if list.len() == 1 {
                id.clone()
            } else {
                format!("{id}/{}", index + 1)
            };
            paragraphs.push(parse_paragraph(paragraph, id, &mut not_kept)?);
        }
    }
    let tagged: Vec<Vec<Tag>> = paragraphs
        .iter()
        .map(|p| {
            p.sentences
                .iter()
                .flatten()
                .map(|t| t.tag.clone().unwrap_or(Tag::Outside))
                .collect()
        })
        .collect();
    let scheme = detect_scheme(tagged.iter().map(Vec::as_slice));
    let mut skipped = Vec::new();
    if paragraphs
        .iter()
        .any(|p| p.sentences.iter().flatten().any(|t| t.tag.is_some()))
    {
        skipped.push(Skipped::noted(
            "the ner tags",
            format!("read as {} (detected from the tags)", scheme.name()),
        ));
    }
    skipped.extend(not_kept.into_skipped("paragraph", "not kept"));
    let documents = paragraphs
        .into_iter()
        .map(|paragraph| document(&paragraph, scheme))
        .collect();
    Ok(Corpus {
        documents,
        labels: Vec::new(),
        skipped,
    }
    .with_labels([]))
}

fn parse_paragraph(
    paragraph: &Value,
    id: String,
    not_kept: &mut Tally,
) -> Result<Paragraph, Error> {
    let mut sentences = Vec::new();
    for sentence in paragraph
        .get("sentences")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
    {
        let mut tokens = Vec::new();
        for token in sentence
            .get("tokens")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
        {
            let orth = token.get("orth").and_then(Value::as_str).ok_or_else(|| {
                Error::shape(FORMAT, format!("a token of paragraph {id} has no `orth`"))
            })?;
            let space = match token.get("space") {
                Some(Value::Bool(true)) => Some(" ".to_owned()),
                Some(Value::Bool(false)) => Some(String::new()),
                Some(Value::String(space)) => Some(space.clone()),
                _ => None,
            };
            let ner = token.get("ner").and_then(Value::as_str);
            let tag = ner.and_then(parse_tag);
            tokens.push(Token {
                orth: orth.to_owned(),
                space,
                untagged: ner.filter(|_| tag.is_none()).map(str::to_owned),
                tag,
            });
        }
        if sentence
            .get("brackets")
            .and_then(Value::as_array)
            .is_some_and(|b| !b.is_empty())
        {
            not_kept.add("brackets", format!("paragraph {id}"));
        }
        sentences.push(tokens);
    }
    let entities = paragraph
        .get("entities")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|entity| {
            Some((
                offset(entity.get(0)?)?,
                offset(entity.get(1)?)?,
                entity.get(2)?.as_str()?.to_owned(),
            ))
        })
        .collect();
    for key in ["cats", "links"] {
        if paragraph
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|list| !list.is_empty())
        {
            not_kept.add(key, format!("paragraph {id}"));
        }
    }
    Ok(Paragraph {
        raw: paragraph
            .get("raw")
            .and_then(Value::as_str)
            .map(str::to_owned),
        id,
        sentences,
        entities,
    })
}

fn document(paragraph: &Paragraph, scheme: crate::Scheme) -> Document {
    let (text, ranges, note) = text(paragraph);
    let mut document = Document::new(text);
    document.metadata.document_id = Some(paragraph.id.clone());
    document.skipped.extend(note);
    let tokens: Vec<&Token> = paragraph.sentences.iter().flatten().collect();
    let ranges: Vec<TokenRange> = ranges.into_iter().flatten().collect();
    let untagged = tokens.iter().filter(|t| t.untagged.is_some()).count();
    if untagged > 0 {
        let example = tokens
            .iter()
            .find_map(|t| t.untagged.clone())
            .unwrap_or_default();
        document.skipped.push(Skipped::noted("ner", format!("{untagged} tokens have no entity tag ({example:?}, spaCy's missing value): read as O")));
    }
    if tokens.iter().any(|t| t.tag.is_some()) {
        let tags: Vec<Tag> = tokens
            .iter()
            .map(|t| t.tag.clone().unwrap_or(Tag::Outside))
            .collect();
        let (spans, problems) = decode(&tags, scheme);
        for problem in problems {
            document.skipped.push(Skipped::noted(
                format!("token {}", problem.token + 1),
                problem.message,
            ));
        }
        for span in spans {
            document.spans.push(Span {
                id: format!("token {}", span.start + 1),
                start: ranges[span.start].0,
                end: ranges[span.end - 1].1,
                layer: "ner".to_owned(),
                label: span.label,
                ..Span::default()
            });
        }
        if !paragraph.entities.is_empty()
            && document.text.as_str() == paragraph.raw.as_deref().unwrap_or_default()
        {
            let from_tags: Vec<(usize, usize, &str)> = document
                .spans
                .iter()
                .map(|s| (s.start, s.end, s.label.as_str()))
                .collect();
            let differ = paragraph
                .entities
                .iter()
                .filter(|(s, e, l)| !from_tags.contains(&(*s, *e, l.as_str())))
                .count();
            if differ > 0 {
                document.skipped.push(Skipped::new("entities", format!("{differ} of the paragraph's `entities` differ from its tokens' ner tags: the tags are read")));
            }
        }
    } else {
        entities(&mut document, paragraph);
    }
    document
}

/// The paragraph's `entities` (offsets into `raw`), read when its tokens have no tags.
fn entities(document: &mut Document, paragraph: &Paragraph) {
    if paragraph.entities.is_empty() {
        return;
    }
    if paragraph.raw.as_deref() != Some(document.text.as_str()) {
        document.skipped.push(Skipped::new(
            "entities",
            format!(
                "{} entities count offsets into `raw`, which is not the text: not read",
                paragraph.entities.len()
            ),
        ));
        return;
    }
    let index = TextIndex::new(&document.text);
    for (number, (start, end, label)) in paragraph.entities.iter().enumerate() {
        match index.resolve(*start, *end, Unit::CodePoint, None) {
            Ok(_) => document.spans.push(Span {
                id: format!("entity {}", number + 1),
                start: *start,
                end: *end,
                layer: "entities".to_owned(),
                label: label.clone(),
                ..Span::default()
            }),
            Err(problem) => document.skipped.push(Skipped::new(
                format!("entity {}", number + 1),
                format!("{problem}: not read"),
            )),
        }
    }
}

/// The paragraph's text, each sentence's token ranges, and what was assumed.
fn text(paragraph: &Paragraph) -> (String, Vec<Vec<TokenRange>>, Option<Skipped>) {
    let mut failure = None;
    if let Some(raw) = &paragraph.raw {
        let mut at = 0;
        let mut ranges = Vec::new();
        for sentence in &paragraph.sentences {
            let orths: Vec<&str> = sentence.iter().map(|t| t.orth.as_str()).collect();
            let Some(found) = align(raw, at, &orths) else {
                let first = orths.first().copied().unwrap_or_default();
                failure = Some(format!(
                    "the tokens of the sentence starting {first:?} are not found in `raw` in order"
                ));
                break;
            };
            at = found.last().map_or(at, |&(_, end)| end);
            ranges.push(found);
        }
        if failure.is_none() {
            return (raw.clone(), ranges, None);
        }
    }
    let note = |how: &str| {
        failure
            .as_ref()
            .map(|failure| Skipped::noted("the text", format!("{failure}: {how}")))
    };
    if paragraph
        .sentences
        .iter()
        .flatten()
        .all(|t| t.space.is_some())
    {
        let mut text = String::new();
        let mut at = 0;
        let mut ranges = Vec::new();
        for sentence in &paragraph.sentences {
            let mut found = Vec::new();
            for token in sentence {
                let length = token.orth.chars().count();
                found.push((at, at + length));
                text.push_str(&token.orth);
                let space = token.space.as_deref().unwrap_or_default();
                text.push_str(space);
                at += length + space.chars().count();
            }
            ranges.push(found);
        }
        return (
            text,
            ranges,
            note("the text is the tokens with their `space`, as spaCy builds it"),
        );
    }
    let orths: Vec<Vec<&str>> = paragraph
        .sentences
        .iter()
        .map(|s| s.iter().map(|t| t.orth.as_str()).collect())
        .collect();
    let (text, ranges) = join(&orths);
    let how = "rebuilt from the tokens: joined with single spaces, sentences with line breaks (the tokens have no `space`)";
    (
        text,
        ranges,
        Some(Skipped::noted(
            "the text",
            failure.map_or_else(|| how.to_owned(), |f| format!("{f}: {how}")),
        )),
    )
}

#[cfg(test)]
mod tests;
