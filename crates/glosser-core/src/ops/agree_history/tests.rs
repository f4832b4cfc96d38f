//! Tests of `agree --history` on a real git repository: the figures at each point are those of
//! `agree` on that commit's files, only changed documents are analysed again, tags and `last`.
#![allow(clippy::float_cmp)] // the same figures, computed twice
use std::process::Command;

use super::*;
use crate::review::corpus::compute_with;
use crate::span::Span;
use crate::store::{AnnotationFile, Status};

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "tag.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs (the history tests need git)");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const TEXTS: [(&str, &str); 2] = [
    (
        "one.txt",
        "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n",
    ),
    ("two.txt", "Kappa lambda mu. Nu xi omicron. Pi rho sigma.\n"),
];

fn write(dir: &Path, doc: &str, who: &str, spans: &[(usize, usize, &str)]) {
    let text = TEXTS.iter().find(|(n, _)| *n == doc).unwrap().1;
    let document = Document::from_text(text);
    let mut file = AnnotationFile::new(doc.to_owned(), who, document.sha256());
    file.status = Status::Done;
    for &(s, e, l) in spans {
        file.spans.insert_unchecked(Span::new(&document, s..e, l));
    }
    crate::store::save(&dir.join(format!("{doc}.{who}.ron")), &file).unwrap();
}

/// Three commits of annotations (bob comes round to alice on one.txt, then two.txt changes),
/// a commit that touches no annotation file, and a tag on the second commit.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let corpus = root.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in TEXTS {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    git(root, &["init", "-q"]);
    write(
        &corpus,
        "one.txt",
        "alice",
        &[(0, 17, "claim"), (18, 37, "opinion")],
    );
    write(
        &corpus,
        "one.txt",
        "bob",
        &[(0, 17, "opinion"), (38, 54, "claim")],
    );
    write(&corpus, "two.txt", "alice", &[(0, 16, "claim")]);
    write(
        &corpus,
        "two.txt",
        "bob",
        &[(0, 16, "claim"), (17, 31, "opinion")],
    );
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first pass"]);
    write(
        &corpus,
        "one.txt",
        "bob",
        &[(0, 17, "claim"), (18, 37, "opinion")],
    );
    git(root, &["commit", "-q", "-am", "guidelines v2"]);
    git(root, &["tag", "v2"]);
    std::fs::write(root.join("README"), "notes\n").unwrap();
    git(root, &["add", "README"]);
    git(root, &["commit", "-q", "-m", "no annotation here"]);
    write(
        &corpus,
        "two.txt",
        "alice",
        &[(0, 16, "claim"), (17, 31, "opinion")],
    );
    git(root, &["commit", "-q", "-am", "alice finishes two"]);
    dir
}

fn request<'a>(
    corpus: &'a Path,
    labels: &'a LabelSet,
    annotators: &'a [String],
    points: Points,
    last: usize,
) -> Request<'a> {
    Request {
        corpus,
        labels,
        annotators,
        options: Options {
            gamma: Some(crate::review::gamma::Settings {
                samples: 5,
                seed: 1,
            }),
            ..Options::default()
        },
        points,
        last,
    }
}

#[test]
fn each_commit_that_changed_annotations_is_a_point_with_its_figures() {
    let dir = repository();
    let corpus = dir.path().join("corpus");
    let labels = LabelSet::default();
    let annotators = vec!["alice".to_owned(), "bob".to_owned()];
    let mut seen = Vec::new();
    let history = history(
        &request(&corpus, &labels, &annotators, Points::Commits, 0),
        &mut |done, total| seen.push((done, total)),
        &mut |w| panic!("{w}"),
    )
    .unwrap();
    let titles: Vec<&str> = history
        .points
        .iter()
        .map(|p| p.commit.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["first pass", "guidelines v2", "alice finishes two"]
    );
    assert_eq!(history.older, 0);
    assert_eq!(seen.last(), Some(&(3, 3)));
    // Only what changed is analysed again.
    let analysed: Vec<usize> = history.points.iter().map(|p| p.analysed).collect();
    assert_eq!(analysed, [2, 1, 1]);
    let kappa = |p: &Point| p.report.pairs[0].overall.kappa.unwrap();
    assert!(kappa(&history.points[1]) > kappa(&history.points[0]));
    // The last point is the work tree: the same figures as agree on it.
    let listed = crate::corpus::Corpus::scan(&corpus).unwrap();
    let options = request(&corpus, &labels, &annotators, Points::Commits, 0).options;
    let now = compute_with(&listed, &labels, &annotators, &options, &mut |w| {
        panic!("{w}")
    });
    let last = &history.points[2].report;
    assert_eq!(last.pairs, now.pairs);
    assert_eq!(last.gamma, now.gamma);
    assert_eq!(last.documents, 2);
}

#[test]
fn last_keeps_the_newest_and_counts_the_rest() {
    let dir = repository();
    let corpus = dir.path().join("corpus");
    let labels = LabelSet::default();
    let annotators = vec!["alice".to_owned(), "bob".to_owned()];
    let history = history(
        &request(&corpus, &labels, &annotators, Points::Commits, 2),
        &mut |_, _| {},
        &mut |w| panic!("{w}"),
    )
    .unwrap();
    let titles: Vec<&str> = history
        .points
        .iter()
        .map(|p| p.commit.title.as_str())
        .collect();
    assert_eq!(titles, ["guidelines v2", "alice finishes two"]);
    assert_eq!(history.older, 1);
    assert_eq!(
        history.points[0].analysed, 2,
        "the first point shown is analysed whole"
    );
}

#[test]
fn tags_are_points_named_by_the_tag() {
    let dir = repository();
    let corpus = dir.path().join("corpus");
    let labels = LabelSet::default();
    let annotators = vec!["alice".to_owned(), "bob".to_owned()];
    let history = history(
        &request(&corpus, &labels, &annotators, Points::Tags, 0),
        &mut |_, _| {},
        &mut |w| panic!("{w}"),
    )
    .unwrap();
    assert_eq!(history.points.len(), 1);
    assert_eq!(history.points[0].commit.title, "v2");
    // At v2 bob agrees on one.txt and has one opinion more on two.txt: 2·3 / (3 + 4).
    let f1 = history.points[0].report.pairs[0].overall.f1_strict.unwrap();
    assert!((f1 - 6.0 / 7.0).abs() < 1e-12, "{f1}");
}

#[test]
fn a_corpus_outside_git_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let labels = LabelSet::default();
    let annotators = vec!["alice".to_owned(), "bob".to_owned()];
    let Err(e) = history(
        &request(dir.path(), &labels, &annotators, Points::Commits, 0),
        &mut |_, _| {},
        &mut |_| {},
    ) else {
        panic!("a folder outside git has no history");
    };
    assert!(e.to_string().contains("not inside a git repository"), "{e}");
}
