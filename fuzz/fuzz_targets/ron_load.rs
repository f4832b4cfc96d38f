//! Any bytes as an annotation file: parsing never panics, and whatever parses writes back to
//! text that parses to the same file.
#![no_main]

use std::path::Path;

use glosser_core::store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("a.txt.fuzz.ron");
    let _ = store::parse_unnamed(text, path);
    if let Ok(file) = store::parse(text, path) {
        let again = store::parse(&store::to_ron(&file), path).expect("saved text parses");
        assert_eq!(again, file);
    }
});
