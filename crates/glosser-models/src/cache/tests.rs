//! Cache tests: round trips, atomic replacement, keys kept apart, damaged entries.

use super::*;
use crate::hash::text_sha256;

fn entry(model: &str, text: &str, answer: &str) -> CacheEntry {
    CacheEntry {
        format: ENTRY_FORMAT,
        model: model.into(),
        prompt_hash: sha256_hex(b"prompt"),
        text_sha256: text_sha256(text),
        parameters: Parameters::default(),
        answer: answer.into(),
        answered_by: Some(model.into()),
    }
}

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

#[test]
fn an_entry_written_is_read_back() -> Result {
    let dir = tempfile::tempdir()?;
    let cache = ResponseCache::new(dir.path().join("cache"));
    let e = entry("qwen3:8b", "Some article.", "{\"spans\": []}");
    assert_eq!(cache.get(&e.key())?, None);
    let path = cache.put(&e)?;
    assert_eq!(cache.get(&e.key())?, Some(e.clone()));
    let relative = path
        .strip_prefix(cache.root())?
        .to_string_lossy()
        .into_owned();
    assert_eq!(
        relative,
        format!(
            "{}/{}/{}.json",
            model_folder("qwen3:8b"),
            e.prompt_hash,
            e.text_sha256
        )
    );
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().ok_or("no parent")?)?
        .filter_map(std::result::Result::ok)
        .filter(|f| f.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let written = std::fs::read_to_string(&path)?;
    assert!(written.ends_with("}\n") && written.contains("\"answer\": \"{\\\"spans\\\": []}\""));
    Ok(())
}

#[test]
fn a_second_write_replaces_the_first() -> Result {
    let dir = tempfile::tempdir()?;
    let cache = ResponseCache::new(dir.path());
    cache.put(&entry("m", "t", "old"))?;
    cache.put(&entry("m", "t", "new"))?;
    assert_eq!(
        cache.get(&entry("m", "t", "").key())?.map(|e| e.answer),
        Some("new".into())
    );
    Ok(())
}

#[test]
fn models_texts_and_prompts_are_kept_apart() -> Result {
    let dir = tempfile::tempdir()?;
    let cache = ResponseCache::new(dir.path());
    cache.put(&entry("a:b", "t", "colon"))?;
    cache.put(&entry("a_b", "t", "underscore"))?;
    assert_ne!(model_folder("a:b"), model_folder("a_b"));
    assert_eq!(
        cache.get(&entry("a:b", "t", "").key())?.map(|e| e.answer),
        Some("colon".into())
    );
    assert_eq!(cache.get(&entry("a:b", "other", "").key())?, None);
    let mut other_prompt = entry("a:b", "t", "").key();
    other_prompt.prompt_hash = sha256_hex(b"another prompt");
    assert_eq!(cache.get(&other_prompt)?, None);
    Ok(())
}

#[test]
fn damaged_or_misplaced_entries_are_reported() -> Result {
    let dir = tempfile::tempdir()?;
    let cache = ResponseCache::new(dir.path());
    let e = entry("m", "t", "x");
    let path = cache.put(&e)?;
    std::fs::write(&path, "<<<<<<< HEAD\n")?;
    assert!(matches!(
        cache.get(&e.key()),
        Err(CacheError::Corrupt { .. })
    ));
    let mut moved = entry("m", "other text", "x");
    moved.text_sha256 = e.text_sha256.clone();
    moved.model = "n".into();
    std::fs::write(&path, serde_json::to_string(&moved)?)?;
    let err = cache
        .get(&e.key())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("not the one its path names"), "{err}");
    Ok(())
}

#[test]
fn keys_must_be_hashes() {
    let cache = ResponseCache::new("/nonexistent");
    let mut key = entry("m", "t", "").key();
    key.prompt_hash = "../../etc".into();
    assert!(matches!(
        cache.path_of(&key),
        Err(CacheError::BadKey {
            part: "prompt_hash",
            ..
        })
    ));
}

#[test]
fn model_folders_are_safe_names() {
    assert!(model_folder("hf.co/org/Model:Q4_K_M").starts_with("hf.co_org_Model_Q4_K_M-"));
    assert!(model_folder("../x").starts_with("_x-"));
    assert!(!model_folder("..").starts_with('.'));
}
