//! Every user intent the TUI understands. The keymap produces these, `update` applies them, the
//! help overlay lists them and the tests speak them.

/// One user intent. Motions mean "next item" in the document list and sidebar, too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Focus the next pane (list → article → sidebar).
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Move left by one grapheme.
    MoveLeft,
    /// Move right by one grapheme.
    MoveRight,
    /// Move up one screen line (previous document / span in the list and sidebar).
    MoveUp,
    /// Move down one screen line (next document / span in the list and sidebar).
    MoveDown,
    /// Next word.
    NextWord,
    /// Previous word.
    PrevWord,
    /// Next sentence.
    NextSentence,
    /// Previous sentence.
    PrevSentence,
    /// Next paragraph.
    NextParagraph,
    /// Previous paragraph.
    PrevParagraph,
    /// Start of the article.
    Start,
    /// End of the article.
    End,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// Start a selection at the cursor; motions extend it.
    StartSelection,
    /// Cancel the selection, prompt or overlay.
    Cancel,
    /// Extend the selection one grapheme left.
    ExtendLeft,
    /// Extend the selection one grapheme right.
    ExtendRight,
    /// Extend the selection one line up.
    ExtendUp,
    /// Extend the selection one line down.
    ExtendDown,
    /// Select the sentence under the cursor.
    SelectSentence,
    /// Select the paragraph under the cursor.
    SelectParagraph,
    /// Select the quotation around the cursor, quote marks included.
    SelectQuotation,
    /// Label the selection with the label of this key (1-9); with no selection, relabel the span
    /// under the cursor.
    Label(u8),
    /// Delete the innermost span under the cursor.
    DeleteSpan,
    /// Add or edit the note of the span under the cursor.
    EditNote,
    /// Jump to the next span.
    NextSpan,
    /// Jump to the previous span.
    PrevSpan,
    /// Search the article (filter the list when it has focus).
    Search,
    /// Next search match.
    NextMatch,
    /// Previous search match.
    PrevMatch,
    /// Undo the last edit of this document.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Toggle the document's Done status.
    ToggleDone,
    /// Open the document (list) or jump to the span (sidebar).
    Confirm,
    /// Save now (saving is automatic anyway).
    Save,
    /// Save and quit.
    Quit,
    /// Quit when nothing can be saved, not even to the recovery folder (asks first).
    ForceQuit,
    /// Show every key.
    Help,
    /// Review: reject every version of the item.
    Reject,
    /// Review: accept the majority's spans for every remaining item.
    AcceptMajority,
    /// Show corpus statistics: spans per label, agreement, progress.
    Stats,
    /// Place the first orphaned or ambiguous span on the selection; with nothing selected,
    /// select its proposed place to look at first.
    PlaceOrphan,
    /// Drop the first orphaned or ambiguous span.
    DropOrphan,
    /// End of the word (inclusive: a selection takes the whole word).
    WordEnd,
    /// End of the name: the run of capitalised words from the cursor.
    NameEnd,
    /// Select the quotation around the cursor without its quote marks.
    SelectQuotationInside,
    /// Swap the ends of the selection, so the other end moves.
    SwapSelectionEnds,
    /// Open the next document in the list, from any pane.
    NextDocument,
    /// Open the previous document in the list, from any pane.
    PrevDocument,
    /// Pick a label from a list of every label (the 10th and later have no digit key).
    PickLabel,
    /// Accept the suggestion under the cursor (SPEC §9).
    AcceptSuggestion,
    /// Accept every suggestion in the document (one undo step).
    AcceptAllSuggestions,
    /// Reject the suggestion under the cursor; it is never suggested again.
    RejectSuggestion,
    /// Jump to the next suggestion.
    NextSuggestion,
    /// Jump to the previous suggestion.
    PrevSuggestion,
    /// Start a link at the span under the cursor; pressed again on another span, create it.
    Link,
    /// Remove the links of the span under the cursor.
    Unlink,
    /// While a link is pending: create a link of the type whose key (in the label set) is this
    /// character, to the span under the cursor (or the span the type picker asks about). Bound
    /// by the label set, not the keymap, so not in [`Action::ALL`].
    LinkAs(char),
}

impl Action {
    /// Every action with a key, in the order the help lists them.
    pub const ALL: [Action; 68] = [
        Action::NextPane,
        Action::PrevPane,
        Action::MoveLeft,
        Action::MoveRight,
        Action::MoveUp,
        Action::MoveDown,
        Action::NextWord,
        Action::PrevWord,
        Action::WordEnd,
        Action::NameEnd,
        Action::NextSentence,
        Action::PrevSentence,
        Action::NextParagraph,
        Action::PrevParagraph,
        Action::Start,
        Action::End,
        Action::PageUp,
        Action::PageDown,
        Action::StartSelection,
        Action::Cancel,
        Action::ExtendLeft,
        Action::ExtendRight,
        Action::ExtendUp,
        Action::ExtendDown,
        Action::SelectSentence,
        Action::SelectParagraph,
        Action::SelectQuotation,
        Action::SelectQuotationInside,
        Action::SwapSelectionEnds,
        Action::Label(1),
        Action::Label(2),
        Action::Label(3),
        Action::Label(4),
        Action::Label(5),
        Action::Label(6),
        Action::Label(7),
        Action::Label(8),
        Action::Label(9),
        Action::PickLabel,
        Action::DeleteSpan,
        Action::EditNote,
        Action::Link,
        Action::Unlink,
        Action::NextSpan,
        Action::PrevSpan,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Undo,
        Action::Redo,
        Action::ToggleDone,
        Action::NextDocument,
        Action::PrevDocument,
        Action::Confirm,
        Action::Save,
        Action::Quit,
        Action::ForceQuit,
        Action::Help,
        Action::Reject,
        Action::AcceptMajority,
        Action::Stats,
        Action::PlaceOrphan,
        Action::DropOrphan,
        Action::AcceptSuggestion,
        Action::AcceptAllSuggestions,
        Action::RejectSuggestion,
        Action::NextSuggestion,
        Action::PrevSuggestion,
    ];

    /// The name used in `config.ron` key overrides (`"DeleteSpan"`, `"Label3"`).
    pub fn name(self) -> String {
        match self {
            Action::Label(n) => format!("Label{n}"),
            other => format!("{other:?}"),
        }
    }

    /// The action with this config name.
    pub fn from_name(name: &str) -> Option<Action> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// One line for the help overlay.
    pub fn describe(self) -> String {
        let text = match self {
            Action::NextPane => "next pane",
            Action::PrevPane => "previous pane",
            Action::MoveLeft => "left one character",
            Action::MoveRight => "right one character",
            Action::MoveUp => "up one line / previous item",
            Action::MoveDown => "down one line / next item",
            Action::NextWord => "next word",
            Action::PrevWord => "previous word",
            Action::NextSentence => "next sentence",
            Action::PrevSentence => "previous sentence",
            Action::NextParagraph => "next paragraph",
            Action::PrevParagraph => "previous paragraph",
            Action::Start => "start of the article",
            Action::End => "end of the article",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::StartSelection => "start a selection (motions extend it)",
            Action::Cancel => "cancel selection / prompt / help",
            Action::ExtendLeft => "extend selection left",
            Action::ExtendRight => "extend selection right",
            Action::ExtendUp => "extend selection up",
            Action::ExtendDown => "extend selection down",
            Action::SelectSentence => "select the sentence",
            Action::SelectParagraph => "select the paragraph",
            Action::SelectQuotation => "select the quotation, marks included",
            Action::Label(_) => {
                return format!(
                    "label selection (or relabel span) as label {}",
                    self.label_key().unwrap_or('?')
                );
            }
            Action::DeleteSpan => "delete the innermost span under the cursor",
            Action::EditNote => "add or edit the span's note",
            Action::NextSpan => "next span",
            Action::PrevSpan => "previous span",
            Action::Search => "search the article (filter in the list)",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::ToggleDone => "toggle Done for this document",
            Action::Confirm => "open document / back to the article / label picker",
            Action::Save => "save now (saving is automatic)",
            Action::Quit => "save and quit",
            Action::ForceQuit => "quit although edits cannot be saved anywhere (asks first)",
            Action::Help => "this help",
            Action::Reject => "review: reject every version of the item",
            Action::AcceptMajority => "review: accept the majority for every remaining item",
            Action::Stats => "corpus statistics: spans, agreement, progress",
            Action::PlaceOrphan => {
                "place the first orphaned or ambiguous span on the selection (nothing selected: show its proposed place)"
            }
            Action::DropOrphan => "drop the first orphaned or ambiguous span",
            Action::WordEnd => "end of the word (inclusive)",
            Action::NameEnd => "end of the name (capitalised words: Margus Tsahkna)",
            Action::SelectQuotationInside => "select the quotation without its marks",
            Action::SwapSelectionEnds => "move the other end of the selection",
            Action::NextDocument => "next document",
            Action::PrevDocument => "previous document",
            Action::PickLabel => "pick a label from the full list",
            Action::AcceptSuggestion => "accept the suggestion under the cursor",
            Action::AcceptAllSuggestions => "accept every suggestion in the document",
            Action::RejectSuggestion => {
                "reject the suggestion under the cursor (never shown again)"
            }
            Action::NextSuggestion => "next suggestion",
            Action::PrevSuggestion => "previous suggestion",
            Action::Link => "link: start at this span, r again on the other span (quote → source)",
            Action::Unlink => "remove the links of the span under the cursor",
            Action::LinkAs(key) => {
                return format!("while linking: a link of the type with key {key}");
            }
        };
        text.to_owned()
    }

    /// The digit of a `Label` action.
    pub fn label_key(self) -> Option<char> {
        match self {
            Action::Label(n) => char::from_digit(u32::from(n), 10),
            _ => None,
        }
    }
}
