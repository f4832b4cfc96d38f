//! `rules-v1`: the fixed rule annotator of the learner's evaluation (learner_eval, and glosser's
//! `examples/rule_annotator.rs`), written before any run.

const UNVERIFIED_CUES: [&str; 12] = [
    "reportedly",
    "allegedly",
    "unconfirmed",
    "rumor",
    "rumour",
    "anonymous",
    "unnamed",
    "sources said",
    "sources say",
    "could not be verified",
    "speculat",
    "it is believed",
];
const OPINION_CUES: [&str; 16] = [
    "should",
    "must",
    "argue",
    "believe",
    "appear",
    "seems",
    "likely",
    "may ",
    "might",
    "could",
    "signal",
    "stark",
    "blunt",
    "essential",
    "clearly",
    "strategy",
];
const CLAIM_CUES: [&str; 7] = [
    "“",
    "\"",
    " said",
    " says",
    " told",
    "announced",
    "reported",
];

/// `rules-v1`, fixed before any evaluation: unverified if the sentence holds a hedge or an
/// anonymous source; else opinion if it holds a judgement or prediction word; else claim if it
/// holds a quotation, a number or a reporting verb, or opens the article (glosser's own
/// demonstration rules in docs/suggest.md and docs/export.md); else no label.
pub fn rule_label(sentence: &str, first: bool) -> Option<&'static str> {
    let lower = sentence.to_lowercase();
    let has = |cues: &[&str]| cues.iter().any(|c| lower.contains(c));
    if has(&UNVERIFIED_CUES) {
        Some("unverified")
    } else if has(&OPINION_CUES) {
        Some("opinion")
    } else if first || has(&CLAIM_CUES) || sentence.chars().any(|c| c.is_ascii_digit()) {
        Some("claim")
    } else {
        None
    }
}
