//! Any text as each importable format: reading and checking records never panics, never touches
//! the file system outside the (nonexistent) corpus, and every accepted span is valid.
#![no_main]

use std::path::Path;

use glosser::formats::{Format, Offsets, import, parse};
use glosser::labels::LabelSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let labels = LabelSet::default();
    let root = Path::new("/nonexistent-glosser-fuzz-corpus");
    for format in [Format::Jsonl, Format::Doccano, Format::LabelStudio, Format::Prodigy] {
        let Ok(records) = parse::read_str(format, text, Offsets::Utf16) else { continue };
        for record in records.into_iter().flatten() {
            if let Ok(checked) = import::check(&record, root, &labels) {
                assert!(checked.path.starts_with(root));
                for span in &checked.spans {
                    assert!(span.check(&checked.doc, &labels).is_ok());
                }
            }
        }
    }
});
