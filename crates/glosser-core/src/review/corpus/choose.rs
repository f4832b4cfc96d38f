//! The annotators `agree` compares: those asked for (all must exist), else everyone but gold and
//! the suggesters.

use std::path::Path;

use crate::corpus::Corpus;
use crate::ops::error::refuse;
use crate::store::GOLD;

/// The annotators to compare: those asked for (all must exist), else everyone but gold.
pub fn choose_annotators(corpus: &Corpus, asked: &[String]) -> crate::ops::Result<Vec<String>> {
    choose_among(&corpus.root, &corpus.annotators(), asked, &|name| {
        crate::suggest::is_suggester(corpus, name)
    })
}

/// [`choose_annotators`] from the corpus's annotators (`known`, e.g. a
/// [`crate::corpus::stream::Census`]'s) and a test for suggesters.
pub fn choose_among(
    root: &Path,
    known: &std::collections::BTreeSet<String>,
    asked: &[String],
    is_suggester: &dyn Fn(&str) -> bool,
) -> crate::ops::Result<Vec<String>> {
    let list = known.iter().cloned().collect::<Vec<_>>().join(", ");
    let chosen: Vec<String> = if asked.is_empty() {
        // Suggesters (SPEC §9) are nobody's annotations unless named.
        known
            .iter()
            .filter(|a| *a != GOLD && !is_suggester(a))
            .cloned()
            .collect()
    } else {
        for name in asked {
            if !known.contains(name) {
                refuse!(
                    "{}: no annotation files for {name:?}; annotators here: {list}",
                    root.display()
                );
            }
        }
        let mut unique: Vec<String> = Vec::new();
        for name in asked {
            if !unique.contains(name) {
                unique.push(name.clone());
            }
        }
        unique
    };
    if chosen.len() < 2 {
        refuse!(
            "{}: agreement needs two annotators or more; annotators here: {} (gold and suggesters are left out unless named in --annotators)",
            root.display(),
            if list.is_empty() {
                "none".to_owned()
            } else {
                list
            }
        );
    }
    Ok(chosen)
}
