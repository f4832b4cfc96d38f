//! Where quitting stands and review mode's state: each one value, so that the states that
//! cannot happen cannot be written.

/// Where quitting stands: running (with a refused `q` or a warned `Ctrl-q` waiting for its
/// second press), or leaving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quit {
    Running {
        /// A quit was refused because edits could not be saved: the next `q` writes them to
        /// the recovery folder.
        q_armed: bool,
        /// Neither the files nor the recovery folder could be written and the user was
        /// warned: the next `Ctrl-q` leaves without the edits.
        ctrl_q_armed: bool,
    },
    /// Leave the event loop; `without_edits`: as asked with a second `Ctrl-q`, the edits that
    /// could not be saved are left behind.
    Leaving { without_edits: bool },
}

impl Default for Quit {
    fn default() -> Self {
        Self::Running {
            q_armed: false,
            ctrl_q_armed: false,
        }
    }
}

impl Quit {
    pub(crate) fn is_leaving(self) -> bool {
        matches!(self, Self::Leaving { .. })
    }

    pub(crate) fn q_armed(self) -> bool {
        matches!(self, Self::Running { q_armed: true, .. })
    }

    /// Whether the user chose (or was warned they would) leave unsaved edits behind.
    pub(crate) fn leaves_edits(self) -> bool {
        matches!(
            self,
            Self::Running {
                ctrl_q_armed: true,
                ..
            } | Self::Leaving {
                without_edits: true
            }
        )
    }

    /// Leave now (`without_edits` when a warned `Ctrl-q` says so).
    pub fn leave(&mut self) {
        *self = Self::Leaving {
            without_edits: self.leaves_edits(),
        };
    }

    /// Arms `q` (and keeps a warned `Ctrl-q` armed).
    pub(crate) fn arm_q(&mut self) {
        *self = Self::Running {
            q_armed: true,
            ctrl_q_armed: self.leaves_edits(),
        };
    }

    /// Arms `Ctrl-q` (and keeps an armed `q` armed).
    pub(crate) fn arm_ctrl_q(&mut self) {
        *self = Self::Running {
            q_armed: self.q_armed(),
            ctrl_q_armed: true,
        };
    }

    /// Any other key disarms both.
    pub(crate) fn disarm(&mut self) {
        if !self.is_leaving() {
            *self = Self::default();
        }
    }
}

/// Review mode: whom it compares, and what changed since adjudication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewing {
    /// The annotators compared, in the order keys 1-9 accept them.
    pub annotators: Vec<String>,
    /// Per document: adjudicated, then changed by an annotator (found when the review starts;
    /// an opened document's own review says it from then on).
    pub changed: Vec<bool>,
}
