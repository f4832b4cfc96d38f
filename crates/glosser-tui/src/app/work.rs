//! Work a key started and later keys go on with: the labelling flow's item, a span whose
//! edges move, and a corpus search from the list.

/// The labelling flow: the item it shows (a sentence, a quotation or a suggestion), as the
/// selection, which a digit labels before the flow moves on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    /// `None` past the last item of the document.
    pub item: Option<std::ops::Range<usize>>,
    /// The label a suggestion item proposes (`y` or `Enter` accepts it as is).
    pub suggested: Option<String>,
}

/// A span whose edges move in place: its key as it is now, and which edge motions move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edges {
    pub key: (usize, usize, String),
    /// Motions move the start (else the end).
    pub start: bool,
    /// While the mouse drags an edge: where the span would go (set when the button is let go).
    pub drag: Option<std::ops::Range<usize>>,
}

/// A search of every document's text from the list: what was asked and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusSearch {
    pub query: String,
    pub whole_word: bool,
    /// Per document index: its matches; `None` while the search runs.
    pub hits: Option<Vec<(usize, usize)>>,
}
