//! Counting what a reader passes over, so that a file reports each kind of thing once, with a
//! count and an example, rather than once per record.

use crate::model::Skipped;

/// Things not kept, tallied by name in first-seen order.
#[derive(Debug, Default)]
pub struct Tally {
    entries: Vec<(String, usize, String)>,
}

impl Tally {
    /// Counts one `what`; the first `example` is kept for the message.
    pub fn add(&mut self, what: impl Into<String>, example: impl Into<String>) {
        let what = what.into();
        match self.entries.iter_mut().find(|(known, _, _)| *known == what) {
            Some(entry) => entry.1 += 1,
            None => self.entries.push((what, 1, example.into())),
        }
    }

    /// One [`Skipped`] per name: `{what}` with `{reason} ({count} times, e.g. {example})`.
    pub fn into_skipped(self, unit: &str, reason: &str) -> Vec<Skipped> {
        self.entries
            .into_iter()
            .map(|(what, count, example)| {
                let times = if count == 1 {
                    format!("1 {unit}")
                } else {
                    format!("{count} {unit}s")
                };
                let example = if example.is_empty() {
                    String::new()
                } else {
                    format!(", e.g. {example}")
                };
                Skipped::new(what, format!("{reason} ({times}{example})"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
