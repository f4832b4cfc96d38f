//! A spaCy training `config.cfg` for `spancat` and/or `ner`: what `spacy init config -l en
//! -p … -o efficiency` writes (English, CPU, efficiency), except that the spancat suggester's
//! n-gram sizes come from the span lengths of the training data, so that it proposes every
//! annotated span.

mod sections;

use std::collections::BTreeMap;

use sections::Sections;

use crate::spans::PlacedSpan;

/// A trainable component of the generated pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Component {
    /// `spancat`: learns `doc.spans[spans_key]` (overlapping spans).
    Spancat,
    /// `ner`: learns `doc.ents`.
    Ner,
}

/// What can be wrong with the requested config.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("no component asked for: pass spancat, ner or both")]
    NoComponent,
    #[error("spancat needs at least one suggester size (an n-gram length of 1 or more)")]
    NoSuggesterSize,
    #[error("the spans key must not be empty (spancat's default is \"sc\")")]
    EmptySpansKey,
}

/// Options of [`training_config`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigOptions {
    /// In pipeline order after `tok2vec`; spaCy's order is spancat, then ner.
    pub components: Vec<Component>,
    /// spancat's `spans_key` (the DocBin's span group).
    pub spans_key: String,
    /// spancat's n-gram suggester sizes (see [`suggester_sizes`]).
    pub suggester_sizes: Vec<usize>,
    /// `[paths] train` and `dev` (`null` when `None`; `spacy train --paths.train` can set them).
    pub train_path: Option<String>,
    pub dev_path: Option<String>,
}

impl Default for ConfigOptions {
    fn default() -> Self {
        Self {
            components: vec![Component::Spancat],
            spans_key: "sc".to_owned(),
            suggester_sizes: vec![1, 2, 3],
            train_path: None,
            dev_path: None,
        }
    }
}

/// Span lengths in tokens and how often each occurs.
pub type LengthHistogram = BTreeMap<usize, usize>;

/// How many spans have each length in tokens.
pub fn span_length_histogram<'a>(
    spans: impl IntoIterator<Item = &'a PlacedSpan>,
) -> LengthHistogram {
    let mut histogram = LengthHistogram::new();
    for span in spans {
        *histogram.entry(span.tokens.len()).or_default() += 1;
    }
    histogram
}

/// The suggester sizes for spans with these token lengths: the most frequent lengths (ties:
/// shorter first) until they cover at least `coverage` (0–1) of the spans, never a length above
/// `max_size`. With `coverage = 1.0` and no `max_size`, every length seen is a size, so the
/// suggester proposes every annotated span. `[1, 2, 3]` (spaCy's default) when there are no
/// spans. The second value lists the lengths left out.
pub fn suggester_sizes(
    lengths: &LengthHistogram,
    coverage: f64,
    max_size: Option<usize>,
) -> (Vec<usize>, Vec<usize>) {
    let total: usize = lengths.values().sum();
    if total == 0 {
        return (vec![1, 2, 3], Vec::new());
    }
    let mut by_frequency: Vec<(usize, usize)> = lengths
        .iter()
        .filter(|&(&length, &count)| length > 0 && count > 0)
        .map(|(&length, &count)| (length, count))
        .collect();
    by_frequency.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut sizes = Vec::new();
    let mut left_out = Vec::new();
    let mut covered = 0usize;
    for (length, count) in by_frequency {
        let enough = covered as f64 >= coverage * total as f64;
        if enough || max_size.is_some_and(|max| length > max) {
            left_out.push(length);
        } else {
            sizes.push(length);
            covered += count;
        }
    }
    sizes.sort_unstable();
    left_out.sort_unstable();
    (sizes, left_out)
}

fn json_string(value: &str) -> String {
    serde_json::Value::String(value.to_owned()).to_string()
}

fn path_value(path: Option<&String>) -> String {
    path.map_or_else(|| "null".to_owned(), |p| json_string(p))
}

/// The config text.
pub fn training_config(options: &ConfigOptions) -> Result<String, ConfigError> {
    let mut components = options.components.clone();
    components.sort_unstable();
    components.dedup();
    if components.is_empty() {
        return Err(ConfigError::NoComponent);
    }
    let spancat = components.contains(&Component::Spancat);
    if spancat && options.suggester_sizes.iter().all(|&s| s == 0) {
        return Err(ConfigError::NoSuggesterSize);
    }
    if spancat && options.spans_key.is_empty() {
        return Err(ConfigError::EmptySpansKey);
    }
    let mut sizes: Vec<usize> = options
        .suggester_sizes
        .iter()
        .copied()
        .filter(|&s| s > 0)
        .collect();
    sizes.sort_unstable();
    sizes.dedup();
    let mut s = Sections::default();
    s.header(
        options.train_path.as_ref(),
        options.dev_path.as_ref(),
        &components,
        &options.spans_key,
    );
    s.components(&components, &options.spans_key, &sizes);
    Ok(s.render())
}

#[cfg(test)]
mod tests;
