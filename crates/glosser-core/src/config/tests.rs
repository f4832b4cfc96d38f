use super::*;

#[test]
fn annotator_resolution_order() {
    let r = |f, e, c, l| resolve_annotator(f, e, c, l).map(|(n, _)| n);
    assert_eq!(
        r(Some("ann"), Some("env"), Some("cfg"), Some("login")).unwrap(),
        "ann"
    );
    assert_eq!(
        r(None, Some("env"), Some("cfg"), Some("login")).unwrap(),
        "env"
    );
    assert_eq!(
        r(None, Some(""), Some("cfg"), Some("login")).unwrap(),
        "cfg"
    );
    assert_eq!(r(None, None, None, Some("Jane Doe")).unwrap(), "jane-doe");
    assert_eq!(r(None, None, None, None).unwrap(), "annotator");
    assert_eq!(r(None, None, None, Some("ÉÉ")).unwrap(), "annotator");
    assert!(
        r(Some("Bad Name"), None, None, None)
            .unwrap_err()
            .0
            .contains("--annotator")
    );
    assert!(
        r(None, Some("../x"), None, None)
            .unwrap_err()
            .0
            .contains(ANNOTATOR_ENV)
    );
    let (name, warning) = resolve_annotator(None, None, Some("No!"), Some("bob")).unwrap();
    assert_eq!(name, "bob");
    assert!(warning.unwrap().contains("config"));
}

#[test]
fn sanitize() {
    assert_eq!(sanitize_name("Alice").as_deref(), Some("alice"));
    assert_eq!(sanitize_name("_x.y").as_deref(), Some("x-y"));
    assert_eq!(sanitize_name(&"a".repeat(40)).map(|s| s.len()), Some(32));
    assert_eq!(sanitize_name("..."), None);
}

#[test]
fn config_file_loading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    assert_eq!(load_config(Some(&path)), (Config::default(), None));
    std::fs::write(
        &path,
        r##"(annotator: "alice", keys: {"x": "DeleteSpan"}, colors: {"claim": "#000000"})"##,
    )
    .unwrap();
    let (config, warning) = load_config(Some(&path));
    assert!(warning.is_none());
    assert_eq!(config.annotator.as_deref(), Some("alice"));
    assert_eq!(config.keys["x"], "DeleteSpan");
    std::fs::write(&path, "(annotatr: 1)").unwrap();
    let (config, warning) = load_config(Some(&path));
    assert_eq!(config, Config::default());
    let warning = warning.unwrap();
    assert!(
        warning.contains("config.ron:1:") && warning.contains("annotatr"),
        "{warning}"
    );
}

#[test]
fn a_config_that_is_a_fifo_is_a_warning_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let (config, warning) = load_config(Some(&path));
    assert_eq!(config, Config::default());
    let warning = warning.unwrap();
    assert!(
        warning.contains("FIFO") && warning.contains("using defaults"),
        "{warning}"
    );
}

#[test]
fn without_a_login_name_the_home_folder_names_you_or_glosser_says_so() {
    assert_eq!(
        home_name(Path::new("/home/alice")).as_deref(),
        Some("alice")
    );
    assert_eq!(home_name(Path::new("/")), None);
    let (name, warning) = resolve_annotator(None, None, None, None).unwrap();
    assert_eq!(name, "annotator");
    let warning = warning.unwrap();
    assert!(warning.contains("no login name found"), "{warning}");
    assert!(warning.contains("--annotator"), "{warning}");
    let (_, quiet) = resolve_annotator(None, None, None, Some("bob")).unwrap();
    assert_eq!(quiet, None);
}
