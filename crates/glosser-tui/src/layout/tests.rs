use super::*;

#[test]
fn panes_fill_the_screen() {
    assert_eq!(Areas::new(39, 30), None);
    assert_eq!(Areas::new(80, 9), None);
    for (w, h) in [(40, 10), (80, 24), (120, 40), (300, 100)] {
        let a = Areas::new(w, h).unwrap();
        assert_eq!(a.list.width + a.article.width + a.sidebar.width, w);
        assert_eq!(a.article.height + a.status.height, h);
        assert!(a.article_text().width >= 8, "{w}x{h}");
        assert!(
            a.article.width >= w / 2,
            "{w}x{h}: the article gets half the width at least"
        );
    }
    let small = Areas::new(40, 10).unwrap();
    assert!(small.article_text().width >= 18, "{small:?}");
    assert!(small.list.width >= 6 && small.sidebar.width >= 8);
    let usual = Areas::new(120, 40).unwrap();
    assert_eq!(
        (usual.list.width, usual.sidebar.width),
        (26, 33),
        "unchanged when roomy"
    );
}
