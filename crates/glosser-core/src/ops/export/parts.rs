//! A split export's folder: one file per part, `dataset.json`, and for `hf` the Hugging Face
//! card `README.md`, for `spacy` a training `config.cfg` whose spancat suggester proposes every
//! span length of the data.

use std::path::{Path, PathBuf};

use super::card::{self, SpacyCard};
use super::hf_card::{Changes, HfCard, Part};
use super::metadata::DatasetMeta;
use super::render::{Options, Ready, Rendered};
use super::sink::{Shape, Sink};
use super::split::{self, Split};
use crate::corpus::Corpus;
use crate::formats::Format;
use crate::ops::error::Context;

/// What else a split export writes besides the parts, decided by the request.
pub struct Extras<'a> {
    pub shape: Shape<'a>,
    /// The card's metadata (glosser.ron's, then the flags').
    pub meta: &'a DatasetMeta,
}

/// The files written, the card first.
pub struct Written {
    pub sizes: Vec<String>,
    pub files: Vec<PathBuf>,
}

/// Writes one file per part, the cards and the config into `dir`.
pub fn write_split(
    corpus: &Corpus,
    o: &Options,
    split: &Split,
    dir: &Path,
    kept: &[Ready],
    extras: &Extras,
) -> crate::ops::Result<Written> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the output directory", dir.display()))?;
    let shape = extras.shape;
    let ids: Vec<&str> = kept.iter().map(|r| r.id.as_str()).collect();
    let assigned = split.assign(&ids);
    let mut file_bytes = Vec::new();
    for (index, (name, _)) in split.parts.iter().enumerate() {
        let path = dir.join(split::file_name(name, o.format, shape.parquet));
        let mut sink = Sink::open(&shape, Some(&path), None)?;
        for (r, _) in kept.iter().zip(&assigned).filter(|(_, p)| **p == index) {
            sink.write(&r.id, &r.rendered, shape.depth)?;
        }
        sink.finish()?;
        file_bytes.push(std::fs::metadata(&path).map_or(0, |m| m.len()));
    }
    let documents: Vec<(&Ready, usize)> = kept.iter().zip(assigned.iter().copied()).collect();
    let agreement = card::agreement(corpus, o.labels, &documents, o.done_only);
    let mut files = vec![dir.join("dataset.json")];
    let spacy = if o.format == Format::Spacy {
        let (config, card) = spacy_config(split, &documents, &shape)?;
        if let Some(text) = config {
            let path = dir.join("config.cfg");
            crate::fsio::write_atomic(&path, text.as_bytes())
                .with_context(|| format!("{}: cannot write", path.display()))?;
            files.push(path);
        }
        Some(card)
    } else {
        None
    };
    let card = card::Card {
        format: o.format,
        annotator: o.annotator,
        done_only: o.done_only,
        only: o.only,
        labels: o.labels,
        overlaps: o.overlaps,
        split,
        documents: &documents,
        depth: shape.depth,
        parquet: shape.parquet,
        tags: shape.tags,
        agreement: &agreement,
        spacy: spacy.as_ref(),
    };
    let text = serde_json::to_string_pretty(&card.to_json())? + "\n";
    crate::fsio::write_atomic(&files[0], text.as_bytes())
        .with_context(|| format!("{}: cannot write", files[0].display()))?;
    if o.format == Format::Hf {
        let readme = hf_card(
            corpus,
            o,
            split,
            &documents,
            &file_bytes,
            extras,
            &agreement,
        );
        let path = dir.join("README.md");
        crate::fsio::write_atomic(&path, readme.render().as_bytes())
            .with_context(|| format!("{}: cannot write", path.display()))?;
        files.insert(0, path);
    }
    let sizes = split
        .parts
        .iter()
        .enumerate()
        .map(|(i, (n, _))| format!("{n} {}", assigned.iter().filter(|&&p| p == i).count()))
        .collect();
    Ok(Written { sizes, files })
}

/// The parts of the card, counted from the documents written.
fn hf_card<'a>(
    corpus: &Corpus,
    o: &Options<'a>,
    split: &Split,
    documents: &[(&Ready, usize)],
    file_bytes: &[u64],
    extras: &'a Extras,
    agreement: &'a card::Agreement,
) -> HfCard<'a> {
    let depth = extras.shape.depth;
    let parts = split
        .parts
        .iter()
        .enumerate()
        .map(|(index, (name, _))| {
            let docs: Vec<&Ready> = documents
                .iter()
                .filter(|(_, p)| *p == index)
                .map(|(r, _)| *r)
                .collect();
            Part {
                name: name.clone(),
                file: split::file_name(name, o.format, extras.shape.parquet),
                documents: docs.len(),
                rows: docs.iter().map(|r| r.sentences).sum(),
                arrow_bytes: docs
                    .iter()
                    .map(|r| match &r.rendered {
                        Rendered::Tagged(t) => crate::formats::hf::parquet::arrow_bytes(t, depth),
                        _ => 0,
                    })
                    .sum(),
                file_bytes: file_bytes.get(index).copied().unwrap_or(0),
                spans: docs.iter().map(|r| r.counts.values().sum::<usize>()).sum(),
                dropped: docs
                    .iter()
                    .map(|r| r.displaced.len() + r.orphans_left.len())
                    .sum(),
            }
        })
        .collect();
    let all = || documents.iter().map(|(r, _)| *r);
    let changes = Changes {
        overlapping_dropped: all().map(|r| r.displaced.len()).sum(),
        layered: all().map(|r| r.layered).sum(),
        trimmed: all().map(|r| r.trimmed.len()).sum(),
        orphans: all().map(|r| r.orphans_left.len()).sum(),
        links_dropped: all().map(|r| r.links_dropped).sum(),
        tokens_split: all().map(|r| r.split_tokens).sum(),
        sentences_joined: all().map(|r| r.joined_sentences).sum(),
    };
    let labels = o
        .labels
        .labels()
        .iter()
        .filter(|l| o.only.is_empty() || o.only.contains(&l.name))
        .map(|l| (l.name.clone(), l.description.clone()))
        .collect();
    let fallback_name = std::fs::canonicalize(&corpus.root)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "glosser corpus".to_owned());
    HfCard {
        meta: extras.meta,
        fallback_name,
        annotator: o.annotator,
        annotator_kind: crate::review::people::kind_of(corpus, o.annotator),
        done_only: o.done_only,
        seed: split.seed,
        parts,
        labels,
        tags: extras.shape.tags,
        depth,
        parquet: extras.shape.parquet,
        agreement,
        changes,
    }
}

/// The training config (spancat's suggester sizes: every span length, in spaCy tokens, of every
/// part, so that no annotated span is one the suggester cannot propose), and what the card
/// says about it. The paths are the part files, relative: train from inside the folder.
fn spacy_config(
    split: &Split,
    documents: &[(&Ready, usize)],
    shape: &Shape,
) -> crate::ops::Result<(Option<String>, SpacyCard)> {
    use glosser_spacy::config::{ConfigOptions, LengthHistogram, suggester_sizes, training_config};
    let mut lengths = LengthHistogram::new();
    for (r, _) in documents {
        for &n in &r.span_tokens {
            *lengths.entry(n).or_default() += 1;
        }
    }
    let (sizes, _) = suggester_sizes(&lengths, 1.0, None);
    let names: Vec<&str> = split.parts.iter().map(|(n, _)| n.as_str()).collect();
    let train = names
        .iter()
        .find(|n| **n == "train")
        .or(names.first())
        .copied();
    let dev = names
        .iter()
        .find(|n| ["dev", "validation", "valid", "val"].contains(n))
        .or_else(|| names.iter().find(|n| Some(**n) != train))
        .copied();
    let components = shape.pipeline.components();
    let card = SpacyCard {
        components: components
            .iter()
            .map(|c| match c {
                glosser_spacy::config::Component::Spancat => "spancat",
                glosser_spacy::config::Component::Ner => "ner",
            })
            .collect(),
        config: Some("config.cfg".to_owned()),
        suggester_sizes: if shape.pipeline.spancat {
            sizes.clone()
        } else {
            Vec::new()
        },
    };
    let options = ConfigOptions {
        components,
        spans_key: "sc".to_owned(),
        suggester_sizes: sizes,
        train_path: train.map(|n| split::file_name(n, Format::Spacy, false)),
        dev_path: dev.map(|n| split::file_name(n, Format::Spacy, false)),
    };
    let text = training_config(&options)
        .map_err(|e| crate::ops::Error::Refused(format!("config.cfg: {e}")))?;
    Ok((Some(text), card))
}
