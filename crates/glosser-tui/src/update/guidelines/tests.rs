use crate::action::Action;
use crate::app::Mode;
use crate::update::tests::Fixture;

#[test]
fn g_in_the_help_shows_the_guidelines_and_any_other_key_closes_them() {
    let mut f = Fixture::article();
    f.act(&[Action::Help, Action::Start]);
    assert_eq!(f.app.mode, Mode::Normal, "no guidelines: the help closes");
    let message = f
        .app
        .message
        .as_ref()
        .map(|(m, _)| m.clone())
        .unwrap_or_default();
    assert!(message.contains("GUIDELINES.md"), "{message}");
    std::fs::write(
        f.dir.path().join("GUIDELINES.md"),
        "# Guide\nline 2\nline 3\n",
    )
    .expect("write");
    let cursor = f.cursor();
    f.act(&[Action::Help, Action::Start, Action::MoveDown]);
    assert!(
        matches!(&f.app.mode, Mode::Guidelines { top: 1, text } if text.starts_with("# Guide"))
    );
    f.act(&[Action::MoveRight]);
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(f.cursor(), cursor, "the closing key does nothing else");
    f.act(&[Action::Start]);
    assert_eq!(
        f.app.mode,
        Mode::Normal,
        "g outside the help is the usual motion"
    );
}
