use super::*;
use crossterm::event::{KeyEventKind, KeyEventState};

fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

#[test]
fn defaults_cover_spec_keys() {
    let map = Keymap::default();
    let none = KeyModifiers::NONE;
    assert_eq!(
        map.action_for(ev(KeyCode::Char('s'), none)),
        Some(Action::SelectSentence)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Char('1'), none)),
        Some(Action::Label(1))
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Action::End)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Char('G'), none)),
        Some(Action::End)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Char('r'), KeyModifiers::CONTROL)),
        Some(Action::Redo)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::PrevPane)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Right, KeyModifiers::SHIFT)),
        Some(Action::ExtendRight)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Right, none)),
        Some(Action::MoveRight)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Delete, none)),
        Some(Action::DeleteSpan)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Char('"'), none)),
        Some(Action::SelectQuotation)
    );
    assert_eq!(map.action_for(ev(KeyCode::Char('z'), none)), None);
    for action in Action::ALL {
        assert!(
            map.help_rows().iter().any(|(_, a)| *a == action),
            "{action:?} has no default key"
        );
    }
}

#[test]
fn overrides_patch_the_defaults() {
    let overrides: BTreeMap<String, String> = [
        ("X", "DeleteSpan"),
        ("x", "None"),
        ("ctrl-d", "PageDown"),
        ("nonsense-key", "Quit"),
        ("z", "Explode"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let (map, warnings) = Keymap::with_overrides(&overrides);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(
        map.action_for(ev(KeyCode::Char('X'), KeyModifiers::SHIFT)),
        Some(Action::DeleteSpan)
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Char('x'), KeyModifiers::NONE)),
        None
    );
    assert_eq!(
        map.action_for(ev(KeyCode::Char('d'), KeyModifiers::CONTROL)),
        Some(Action::PageDown)
    );
    let delete = map
        .help_rows()
        .into_iter()
        .find(|(_, a)| *a == Action::DeleteSpan)
        .unwrap();
    assert_eq!(delete.0, "X Delete");
}

#[test]
fn names_round_trip() {
    for action in Action::ALL {
        assert_eq!(Action::from_name(&action.name()), Some(action));
    }
    assert_eq!(Action::from_name("Label3"), Some(Action::Label(3)));
    assert_eq!(Key::parse("shift-tab").unwrap().label(), "Shift-Tab");
    assert_eq!(Key::parse("ctrl-r").unwrap().label(), "Ctrl-r");
    assert_eq!(Key::parse("pgdown").unwrap().label(), "Pgdown");
    assert_eq!(Key::parse("space").unwrap().label(), "Space");
}
