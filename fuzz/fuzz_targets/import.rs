//! Any text as each importable format (brat: the first half as the .txt, the rest as the .ann):
//! reading and checking records never panics, never touches the file system outside the
//! (nonexistent) corpus, and every accepted span is valid.
#![no_main]

use std::path::Path;

use glosser_core::formats::{Format, import, parse};
use glosser_core::labels::LabelSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let labels = LabelSet::default();
    let root = Path::new("/nonexistent-glosser-fuzz-corpus");
    let mut split = text.len() / 2;
    while !text.is_char_boundary(split) {
        split -= 1;
    }
    let brat = parse::brat_record("fuzz.ann", "fuzz.txt".to_owned(), text[..split].to_owned(), &text[split..]);
    for format in [Format::Jsonl, Format::Doccano, Format::LabelStudio, Format::Prodigy, Format::Brat] {
        let records = if format == Format::Brat {
            vec![brat.clone()]
        } else {
            let Ok(parsed) = parse::read_str(format, text, &parse::Options::default()) else { continue };
            parsed.records
        };
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
