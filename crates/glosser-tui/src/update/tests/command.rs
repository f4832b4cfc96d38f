//! The command line (`:`): `:w`, `:q`, `:e DOC`, `:label NAME`, `:help`, `:N`, `:stats A,B`.

use super::super::tests::Fixture;
use super::super::*;
use crate::app::Mode;

fn command(f: &mut Fixture, line: &str) {
    f.act(&[Action::CommandLine]);
    assert!(matches!(&f.app.mode, Mode::Prompt(p) if p.kind == crate::app::PromptKind::Command));
    line.chars().for_each(|c| f.send(Event::PromptChar(c)));
    f.send(Event::PromptSubmit);
}

fn message(f: &Fixture) -> String {
    f.app.message.clone().map(|(m, _)| m).unwrap_or_default()
}

#[test]
fn w_saves_e_opens_label_labels_and_help_shows_the_keys() {
    let mut f = Fixture::new(&[
        ("000_first.txt", "One sentence. Two.\n"),
        ("001_second.txt", "Another one.\n"),
    ]);
    f.act(&[Action::SelectSentence]);
    command(&mut f, "label unverified");
    assert_eq!(f.spans(), [(0, 13, "unverified".to_owned())]);
    assert!(f.ron("000_first.txt").is_none(), "not saved yet");
    command(&mut f, "w");
    assert!(f.ron("000_first.txt").is_some(), ":w saved");
    command(&mut f, "label nonsense");
    assert!(
        message(&f).contains("no label \"nonsense\""),
        "{}",
        message(&f)
    );
    command(&mut f, "e 001");
    assert_eq!(f.app.document().unwrap().text(), "Another one.\n");
    command(&mut f, "e 0");
    assert!(
        message(&f).contains("2 documents match 0"),
        "{}",
        message(&f)
    );
    command(&mut f, "e 000_first.txt");
    assert_eq!(f.app.open, Some(0));
    command(&mut f, "14");
    assert_eq!(f.cursor(), 14);
    command(&mut f, "help");
    assert!(matches!(f.app.mode, Mode::Help { top: 0 }));
    f.act(&[Action::Cancel]);
    command(&mut f, "frobnicate");
    assert!(
        message(&f).contains("unknown command :frobnicate"),
        "{}",
        message(&f)
    );
    command(&mut f, "q");
    assert!(f.app.quit.is_leaving());
}

#[test]
fn stats_with_names_compares_whom_it_names() {
    let mut f = Fixture::new(&[("a.txt", "One sentence. Two.\n")]);
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    command(&mut f, "stats tester,nobody");
    let Mode::Stats(Some(stats)) = &f.app.mode else {
        panic!(":stats opens the stats view");
    };
    assert!(
        stats
            .refused
            .as_deref()
            .is_some_and(|r| r.contains("nobody")),
        "{:?}",
        stats.refused
    );
}
