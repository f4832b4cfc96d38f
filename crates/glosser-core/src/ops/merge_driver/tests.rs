use super::reflog_action_is_rebase;

#[test]
fn only_a_rebase_reflog_action_counts_as_a_rebase() {
    for action in [
        "rebase",
        "rebase (pick)",
        "rebase -i (pick)",
        "rebase (continue)",
    ] {
        assert!(reflog_action_is_rebase(action), "{action}");
    }
    for action in [
        "pull --no-rebase",
        "merge rebase-fixes",
        "merge origin/main",
        "pull",
        "cherry-pick",
        "",
    ] {
        assert!(!reflog_action_is_rebase(action), "{action}");
    }
}
