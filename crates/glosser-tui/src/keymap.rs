//! Keys → actions: a default list patched by the user's `config.ron` (`keys: {"x": "DeleteSpan"}`).

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key with its modifiers, normalised so `G` and `Shift+g` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
    shift: bool,
}

/// `KeyCode` with an order, so bindings list deterministically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    Named(u8),
    F(u8),
}

const NAMED: [(&str, KeyCode); 15] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdown", KeyCode::PageDown),
];

impl Key {
    /// The key of a terminal event.
    pub(crate) fn from_event(event: KeyEvent) -> Option<Key> {
        let code = match event.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            other => KeyCodeOrd::Named(NAMED.iter().position(|(_, k)| *k == other)? as u8),
        };
        let m = event.modifiers;
        // The character already says whether Shift was down; BackTab is Shift+Tab.
        let shift_in_code = matches!(code, KeyCodeOrd::Char(_)) || event.code == KeyCode::BackTab;
        Some(Key {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift: m.contains(KeyModifiers::SHIFT) && !shift_in_code,
        })
    }

    /// Parses `"x"`, `"G"`, `"ctrl-r"`, `"shift-right"`, `"pgdown"`, `"space"`, `"f1"`.
    pub fn parse(text: &str) -> Option<Key> {
        let mut key = Key {
            code: KeyCodeOrd::Char(' '),
            ctrl: false,
            alt: false,
            shift: false,
        };
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                key.ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                key.alt = true;
                rest = &rest[4..];
            } else if rest.chars().count() > 1 && lower.starts_with("shift-") {
                key.shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = if let (Some(c), None) = (chars.next(), chars.next()) {
            KeyCodeOrd::Char(if key.ctrl { c.to_ascii_lowercase() } else { c })
        } else {
            {
                let lower = rest.to_ascii_lowercase();
                if lower == "space" {
                    KeyCodeOrd::Char(' ')
                } else if lower == "shift-tab" {
                    KeyCodeOrd::Named(3)
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse().ok()) {
                    KeyCodeOrd::F(n)
                } else {
                    KeyCodeOrd::Named(NAMED.iter().position(|(name, _)| *name == lower)? as u8)
                }
            }
        };
        if key.shift && key.code == KeyCodeOrd::Named(2) {
            key.code = KeyCodeOrd::Named(3);
        }
        if matches!(key.code, KeyCodeOrd::Char(_)) || key.code == KeyCodeOrd::Named(3) {
            key.shift = false;
        }
        Some(key)
    }

    /// How the help shows the key.
    pub fn label(self) -> String {
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl-");
        }
        if self.alt {
            out.push_str("Alt-");
        }
        if self.shift {
            out.push_str("Shift-");
        }
        match self.code {
            KeyCodeOrd::Char(' ') => out.push_str("Space"),
            KeyCodeOrd::Char(c) => out.push(c),
            KeyCodeOrd::F(n) => {
                out.push('F');
                out.push_str(&n.to_string());
            }
            KeyCodeOrd::Named(3) => out.push_str("Shift-Tab"),
            KeyCodeOrd::Named(i) => {
                let name = NAMED.get(usize::from(i)).map_or("?", |(n, _)| n);
                let mut chars = name.chars();
                if let Some(first) = chars.next() {
                    out.push(first.to_ascii_uppercase());
                    out.push_str(chars.as_str());
                }
            }
        }
        out
    }
}

/// The default bindings of SPEC §4.
pub const DEFAULT_BINDINGS: &[(&str, Action)] = &[
    ("tab", Action::NextPane),
    ("shift-tab", Action::PrevPane),
    ("left", Action::MoveLeft),
    ("h", Action::MoveLeft),
    ("right", Action::MoveRight),
    ("l", Action::MoveRight),
    ("up", Action::MoveUp),
    ("k", Action::MoveUp),
    ("down", Action::MoveDown),
    ("j", Action::MoveDown),
    ("w", Action::NextWord),
    ("b", Action::PrevWord),
    ("e", Action::WordEnd),
    ("E", Action::NameEnd),
    (")", Action::NextSentence),
    ("(", Action::PrevSentence),
    ("}", Action::NextParagraph),
    ("{", Action::PrevParagraph),
    ("g", Action::Start),
    ("home", Action::Start),
    ("G", Action::End),
    ("end", Action::End),
    ("pgup", Action::PageUp),
    ("pgdown", Action::PageDown),
    ("v", Action::StartSelection),
    ("esc", Action::Cancel),
    ("shift-left", Action::ExtendLeft),
    ("shift-right", Action::ExtendRight),
    ("shift-up", Action::ExtendUp),
    ("shift-down", Action::ExtendDown),
    ("s", Action::SelectSentence),
    ("p", Action::SelectParagraph),
    ("\"", Action::SelectQuotation),
    ("'", Action::SelectQuotationInside),
    (";", Action::SwapSelectionEnds),
    ("^", Action::LineStart),
    ("$", Action::LineEnd),
    ("W", Action::NextBigWord),
    ("B", Action::PrevBigWord),
    ("ctrl-d", Action::HalfPageDown),
    ("ctrl-u", Action::HalfPageUp),
    ("t", Action::SelectToPunctuation),
    ("T", Action::SelectFromPunctuation),
    ("f", Action::JumpToWord),
    ("V", Action::SelectParagraph),
    ("L", Action::PickLabel),
    ("J", Action::NextDocument),
    ("K", Action::PrevDocument),
    ("1", Action::Label(1)),
    ("2", Action::Label(2)),
    ("3", Action::Label(3)),
    ("4", Action::Label(4)),
    ("5", Action::Label(5)),
    ("6", Action::Label(6)),
    ("7", Action::Label(7)),
    ("8", Action::Label(8)),
    ("9", Action::Label(9)),
    ("x", Action::DeleteSpan),
    ("delete", Action::DeleteSpan),
    ("a", Action::EditNote),
    ("r", Action::Link),
    ("R", Action::Unlink),
    ("]", Action::NextSpan),
    ("[", Action::PrevSpan),
    ("/", Action::Search),
    ("n", Action::NextMatch),
    ("N", Action::PrevMatch),
    ("\\", Action::SearchBack),
    ("*", Action::SearchWord),
    ("#", Action::SearchWordBack),
    ("space", Action::Flow),
    ("backspace", Action::FlowBack),
    ("c", Action::EditEdges),
    (".", Action::RepeatLabel),
    (":", Action::CommandLine),
    ("f1", Action::Help),
    ("u", Action::Undo),
    ("ctrl-r", Action::Redo),
    ("D", Action::ToggleDone),
    ("enter", Action::Confirm),
    ("ctrl-s", Action::Save),
    ("q", Action::Quit),
    ("ctrl-c", Action::Quit),
    ("ctrl-q", Action::ForceQuit),
    ("?", Action::Help),
    ("0", Action::Reject),
    ("m", Action::AcceptMajority),
    ("S", Action::Stats),
    ("o", Action::PlaceOrphan),
    ("O", Action::DropOrphan),
    ("y", Action::AcceptSuggestion),
    ("Y", Action::AcceptAllSuggestions),
    ("X", Action::RejectSuggestion),
    (">", Action::NextSuggestion),
    ("<", Action::PrevSuggestion),
];

/// The live key bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: BTreeMap<Key, Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULT_BINDINGS
            .iter()
            .filter_map(|(k, a)| Key::parse(k).map(|key| (key, *a)))
            .collect();
        Self { bindings }
    }
}

impl Keymap {
    /// The defaults patched by user overrides (key → action name, `"None"` unbinds). Returns the
    /// keymap and a warning for every entry that could not be used.
    pub(crate) fn with_overrides(overrides: &BTreeMap<String, String>) -> (Self, Vec<String>) {
        let mut map = Self::default();
        let mut warnings = Vec::new();
        for (key_text, action_name) in overrides {
            let Some(key) = Key::parse(key_text) else {
                warnings.push(format!("config: unknown key {key_text:?} ignored"));
                continue;
            };
            if action_name == "None" {
                map.bindings.remove(&key);
                continue;
            }
            match Action::from_name(action_name) {
                Some(action) => {
                    map.bindings.insert(key, action);
                }
                None => warnings.push(format!(
                    "config: unknown action {action_name:?} for key {key_text:?} ignored"
                )),
            }
        }
        (map, warnings)
    }

    /// The action bound to a terminal key event.
    pub(crate) fn action_for(&self, event: KeyEvent) -> Option<Action> {
        self.bindings.get(&Key::from_event(event)?).copied()
    }

    /// Every action with the keys bound to it, in help order.
    pub(crate) fn help_rows(&self) -> Vec<(String, Action)> {
        Action::ALL
            .iter()
            .filter_map(|action| {
                let keys: Vec<String> = self
                    .bindings
                    .iter()
                    .filter(|(_, a)| *a == action)
                    .map(|(k, _)| k.label())
                    .collect();
                (!keys.is_empty()).then(|| (keys.join(" "), *action))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
