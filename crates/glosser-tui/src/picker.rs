//! The label picker: a small overlay listing every label with its key, so label sets of any
//! size are reachable (digits only reach the first nine). `j`/`k` or the arrows move, `Enter`
//! picks, typing filters by name, a digit picks that label at once.

use glosser_core::labels::LabelSet;

/// The picker's state while it is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelPicker {
    /// Typed text; labels whose name contains it (case-insensitive) are listed.
    pub filter: String,
    /// Row of the highlighted label among the matching ones.
    pub cursor: usize,
}

impl LabelPicker {
    /// Names of the labels the filter lets through, in label-set order.
    pub(crate) fn matching(&self, labels: &LabelSet) -> Vec<String> {
        let needle = self.filter.to_lowercase();
        labels
            .labels()
            .iter()
            .filter(|l| l.name.to_lowercase().contains(&needle))
            .map(|l| l.name.clone())
            .collect()
    }

    /// The highlighted label, if any label matches.
    pub(crate) fn chosen(&self, labels: &LabelSet) -> Option<String> {
        let matching = self.matching(labels);
        matching
            .get(self.cursor.min(matching.len().saturating_sub(1)))
            .cloned()
    }

    /// Moves the highlight by `step` rows, staying on the list.
    pub fn step(&mut self, labels: &LabelSet, step: isize) {
        let last = self.matching(labels).len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(step).min(last);
    }

    /// Types one character into the filter (the highlight goes back to the first match).
    pub(crate) fn type_char(&mut self, c: char) {
        self.filter.push(c);
        self.cursor = 0;
    }

    /// Deletes the last character of the filter.
    pub(crate) fn backspace(&mut self) {
        self.filter.pop();
        self.cursor = 0;
    }
}
