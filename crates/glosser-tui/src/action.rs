//! Every user intent the TUI understands. The keymap produces these, `update` applies them, the
//! help overlay lists them and the tests speak them. Each action is named once, in the table
//! below: its variant, its doc, its place in the help and its help line.

/// Declares [`Action`] from one table: each row is a variant with its doc and help line, in
/// the order the help lists them; `Label(1..=9)` sits between the two groups.
macro_rules! actions {
    (
        before_labels { $( $(#[doc = $bdoc:literal])+ $before:ident => $bhelp:literal, )* }
        after_labels { $( $(#[doc = $adoc:literal])+ $after:ident => $ahelp:literal, )* }
    ) => {
        /// One user intent. Motions mean "next item" in the document list and sidebar, too.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $( $(#[doc = $bdoc])+ $before, )*
            /// Label the selection with the label of this key (1-9); with no selection, relabel
            /// the span under the cursor.
            Label(u8),
            $( $(#[doc = $adoc])+ $after, )*
            /// While a link is pending: create a link of the type whose key (in the label set)
            /// is this character, to the span under the cursor (or the span the type picker
            /// asks about). Bound by the label set, not the keymap, so not in [`Action::ALL`].
            LinkAs(char),
        }

        impl Action {
            /// Every action with a key, in the order the help lists them.
            pub const ALL: [Action; [$(stringify!($before)),*].len() + 9 + [$(stringify!($after)),*].len()] = [
                $( Action::$before, )*
                Action::Label(1),
                Action::Label(2),
                Action::Label(3),
                Action::Label(4),
                Action::Label(5),
                Action::Label(6),
                Action::Label(7),
                Action::Label(8),
                Action::Label(9),
                $( Action::$after, )*
            ];

            /// One line for the help overlay.
            pub(crate) fn describe(self) -> String {
                match self {
                    $( Action::$before => $bhelp.to_owned(), )*
                    $( Action::$after => $ahelp.to_owned(), )*
                    Action::Label(_) => format!(
                        "label selection (or relabel span) as label {}",
                        self.label_key().unwrap_or('?')
                    ),
                    Action::LinkAs(key) => format!("while linking: a link of the type with key {key}"),
                }
            }
        }
    };
}

actions! {
    before_labels {
        /// Focus the next pane (list → article → sidebar).
        NextPane => "next pane",
        /// Focus the previous pane.
        PrevPane => "previous pane",
        /// Move left by one grapheme.
        MoveLeft => "left one character",
        /// Move right by one grapheme.
        MoveRight => "right one character",
        /// Move up one screen line (previous document / span in the list and sidebar).
        MoveUp => "up one line / previous item",
        /// Move down one screen line (next document / span in the list and sidebar).
        MoveDown => "down one line / next item",
        /// Next word.
        NextWord => "next word",
        /// Previous word.
        PrevWord => "previous word",
        /// End of the word (inclusive: a selection takes the whole word).
        WordEnd => "end of the word (inclusive)",
        /// End of the name: the run of capitalised words from the cursor.
        NameEnd => "end of the name (capitalised words: Margus Tsahkna)",
        /// Next sentence.
        NextSentence => "next sentence",
        /// Previous sentence.
        PrevSentence => "previous sentence",
        /// Next paragraph.
        NextParagraph => "next paragraph",
        /// Previous paragraph.
        PrevParagraph => "previous paragraph",
        /// Start of the article.
        Start => "start of the article",
        /// End of the article.
        End => "end of the article",
        /// One page up.
        PageUp => "page up",
        /// One page down.
        PageDown => "page down",
        /// Start a selection at the cursor; motions extend it.
        StartSelection => "start a selection (motions extend it)",
        /// Cancel the selection, prompt or overlay.
        Cancel => "cancel selection / prompt / help",
        /// Extend the selection one grapheme left.
        ExtendLeft => "extend selection left",
        /// Extend the selection one grapheme right.
        ExtendRight => "extend selection right",
        /// Extend the selection one line up.
        ExtendUp => "extend selection up",
        /// Extend the selection one line down.
        ExtendDown => "extend selection down",
        /// Select the sentence under the cursor.
        SelectSentence => "select the sentence",
        /// Select the paragraph under the cursor.
        SelectParagraph => "select the paragraph",
        /// Select the quotation around the cursor, quote marks included.
        SelectQuotation => "select the quotation, marks included",
        /// Select the quotation around the cursor without its quote marks.
        SelectQuotationInside => "select the quotation without its marks",
        /// Swap the ends of the selection, so the other end moves.
        SwapSelectionEnds => "move the other end of the selection",
        /// Start of the screen line (its first non-blank character).
        LineStart => "start of the screen line",
        /// End of the screen line.
        LineEnd => "end of the screen line",
        /// Next WORD: the next run of non-blank characters (punctuation included).
        NextBigWord => "next WORD (blank-separated)",
        /// Previous WORD.
        PrevBigWord => "previous WORD (blank-separated)",
        /// Half a page down.
        HalfPageDown => "half a page down",
        /// Half a page up.
        HalfPageUp => "half a page up",
        /// Select from the cursor to the next punctuation mark (again: to the one after).
        SelectToPunctuation => "select from the cursor to the punctuation (again: to the next one)",
        /// Select from the previous punctuation mark to the cursor.
        SelectFromPunctuation => "select from the previous punctuation to the cursor",
        /// Jump to a word of the sentence by the letter shown on it.
        JumpToWord => "jump to a word of the sentence: press the letter shown on it",
    }
    after_labels {
        /// Pick a label from a list of every label (the 10th and later have no digit key).
        PickLabel => "pick a label from the full list",
        /// Delete the innermost span under the cursor.
        DeleteSpan => "delete the innermost span under the cursor",
        /// Add or edit the note of the span under the cursor.
        EditNote => "add or edit the span's note",
        /// Start a link at the span under the cursor; pressed again on another span, create it.
        Link => "link: start at this span, r again on the other span (quote → source)",
        /// Remove the links of the span under the cursor.
        Unlink => "remove the links of the span under the cursor",
        /// Jump to the next span.
        NextSpan => "next span",
        /// Jump to the previous span.
        PrevSpan => "previous span",
        /// Search the article (filter the list when it has focus).
        Search => "search the article (filter in the list)",
        /// Next search match.
        NextMatch => "next match",
        /// Previous search match.
        PrevMatch => "previous match",
        /// Search the article backwards.
        SearchBack => "search the article backwards",
        /// Search for the word under the cursor, as a whole word.
        SearchWord => "search for the word under the cursor (whole word)",
        /// Search backwards for the word under the cursor, as a whole word.
        SearchWordBack => "search backwards for the word under the cursor (whole word)",
        /// The labelling flow: one key labels the sentence, quotation or suggestion shown and
        /// moves to the next; in the flow, skip to the next one.
        Flow => "labelling flow: a digit labels the item shown and moves on (in the flow: skip it)",
        /// In the flow: back to the previous item.
        FlowBack => "in the flow: back to the previous item",
        /// Move the edges of the span under the cursor in place (motions move one edge).
        EditEdges => "move the span's edges: motions move its end (; its start), Enter or Esc ends",
        /// Label the selection (or the flow's item) with the label used last.
        RepeatLabel => "label the selection (or the flow's item) like the last one",
        /// Open the command line (`:w`, `:q`, `:e DOC`, `:label NAME`, `:help`).
        CommandLine => "command line: :w save · :q quit · :e DOC open · :label NAME · :help",
        /// Undo the last edit of this document.
        Undo => "undo",
        /// Redo the last undone edit.
        Redo => "redo",
        /// Toggle the document's Done status.
        ToggleDone => "toggle Done for this document",
        /// Open the next document in the list, from any pane.
        NextDocument => "next document",
        /// Open the previous document in the list, from any pane.
        PrevDocument => "previous document",
        /// Open the document (list) or jump to the span (sidebar).
        Confirm => "open document / back to the article / label picker",
        /// Save now (saving is automatic anyway).
        Save => "save now (saving is automatic)",
        /// Save and quit.
        Quit => "save and quit",
        /// Quit when nothing can be saved, not even to the recovery folder (asks first).
        ForceQuit => "quit although edits cannot be saved anywhere (asks first)",
        /// Show every key.
        Help => "this help",
        /// Review: reject every version of the item.
        Reject => "review: reject every version of the item",
        /// Review: accept the majority's spans for every remaining item.
        AcceptMajority => "review: accept the majority for every remaining item",
        /// Show corpus statistics: spans per label, agreement, progress.
        Stats => "corpus statistics: spans, agreement, progress",
        /// Place the first orphaned or ambiguous span on the selection; with nothing selected,
        /// select its proposed place to look at first.
        PlaceOrphan => "place the first orphaned or ambiguous span on the selection (nothing selected: show its proposed place)",
        /// Drop the first orphaned or ambiguous span.
        DropOrphan => "drop the first orphaned or ambiguous span",
        /// Accept the suggestion under the cursor (SPEC §9).
        AcceptSuggestion => "accept the suggestion under the cursor",
        /// Accept every suggestion in the document (one undo step).
        AcceptAllSuggestions => "accept every suggestion in the document",
        /// Reject the suggestion under the cursor; it is never suggested again.
        RejectSuggestion => "reject the suggestion under the cursor (never shown again)",
        /// Jump to the next suggestion.
        NextSuggestion => "next suggestion",
        /// Jump to the previous suggestion.
        PrevSuggestion => "previous suggestion",
    }
}

impl Action {
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

    /// The digit of a `Label` action.
    pub(crate) fn label_key(self) -> Option<char> {
        match self {
            Action::Label(n) => char::from_digit(u32::from(n), 10),
            _ => None,
        }
    }
}
