//! Drives `checks/run.sh`: `generate DIR` writes every fixture and 220 random documents as CAS
//! XMI and CAS JSON with what cassis must find in them; `verify DIR` reads back the files cassis
//! wrote from those and compares them with the originals.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a check driver: any failure stops it loudly

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use glosser_uima::{
    Document, OffsetEncoding, Relation, Schema, Span, TypeSystem, jsoncas, schema, tsv, xmi,
};
use serde_json::{Value, json};

const RANDOM_DOCUMENTS: usize = 220;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(command), Some(dir)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: uima_check generate|verify DIR");
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    match command.as_str() {
        "generate" => generate(dir),
        "verify" => verify(dir),
        _ => {
            eprintln!("unknown command {command}");
            std::process::exit(2);
        }
    }
}

fn fixture_documents() -> Vec<(String, Document)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut all = Vec::new();
    for kind in ["xmi", "json", "tsv"] {
        let mut files: Vec<_> = fs::read_dir(root.join(kind))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).unwrap();
            let imported = match kind {
                "xmi" if name.ends_with(".xmi") => xmi::read(&text, None),
                "json" => jsoncas::read(&text),
                "tsv" => tsv::read(&text),
                _ => continue,
            }
            .unwrap();
            let mut document = imported.document;
            // Chains are read but not written; keep their spans as plain spans of the layer.
            let chain_layers: Vec<String> = imported
                .schema
                .layers
                .iter()
                .filter(|layer| layer.kind == glosser_uima::LayerKind::Chain)
                .map(|layer| layer.name.clone())
                .collect();
            document
                .relations
                .retain(|relation| !chain_layers.contains(&relation.layer));
            all.push((format!("fixture-{}", name.replace('.', "-")), document));
        }
    }
    all
}

/// A small deterministic generator (xorshift64*), so `verify` can rebuild what `generate` made.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "Putin",
    "envoy",
    "said",
    "“we won”",
    "today",
    ".",
    ",",
    " ",
    " ",
    " ",
    "\r\n",
    "\n",
    "\t",
    "😀",
    "👩🏽‍🚒",
    "👨‍👩‍👧‍👦",
    "🇩🇪",
    "漢字",
    "東京都",
    "é",
    "e\u{301}",
    "n\u{303}o",
    "𝔘𝔫𝔦",
    "𐍈",
    "مرحبا",
    "שָׁלוֹם",
    "Ünïcödé",
    "<&>",
    "\"q\"",
    "'",
    "\u{a0}",
    "\u{3000}",
    "ﬁ",
    "\u{200b}",
];
const LABELS: &[&str] = &[
    "claim",
    "quote",
    "opinion",
    "unverified",
    "zitat-ä",
    "引用",
    "x y",
];
const NOTES: &[&str] = &[
    "a note",
    "with \"quotes\" & <tags>",
    "line\nbreak",
    "tab\there",
    "😀",
];

fn random_document(seed: usize) -> Document {
    let mut random =
        Random(0x9E37_79B9_7F4A_7C15 ^ (seed as u64 + 1).wrapping_mul(0x1234_5678_9ABC));
    let mut text = String::new();
    for _ in 0..=random.below(60) {
        text.push_str(random.pick(PIECES));
    }
    let length = text.chars().count();
    let mut document = Document::new(text);
    document.metadata.document_id = seed.is_multiple_of(3).then(|| format!("doc-{seed}.txt"));
    for index in 0..random.below(8) {
        let start = random.below(length + 1);
        let end = start + random.below(length - start + 1);
        let named_entity = random.below(4) == 0;
        document.spans.push(Span {
            id: index.to_string(),
            start,
            end,
            layer: if named_entity {
                schema::NAMED_ENTITY
            } else {
                "webanno.custom.Claim"
            }
            .into(),
            label: if random.below(8) == 0 {
                String::new()
            } else {
                random.pick(LABELS).into()
            },
            note: (!named_entity && random.below(3) == 0).then(|| random.pick(NOTES).into()),
            annotator: (!named_entity && random.below(2) == 0).then(|| "alice".into()),
            features: BTreeMap::new(),
        });
    }
    let claims: Vec<usize> = (0..document.spans.len())
        .filter(|&i| document.spans[i].layer == "webanno.custom.Claim")
        .collect();
    if !claims.is_empty() {
        for _ in 0..random.below(4) {
            document.relations.push(Relation {
                layer: "webanno.custom.ClaimRelation".into(),
                label: random.pick(&["speaker", "supports", ""]).into(),
                from: claims[random.below(claims.len())],
                to: claims[random.below(claims.len())],
                ..Relation::default()
            });
        }
    }
    document
}

fn all_documents() -> Vec<(String, Document)> {
    let mut all = fixture_documents();
    all.extend(
        (0..RANDOM_DOCUMENTS).map(|seed| (format!("random-{seed:03}"), random_document(seed))),
    );
    all
}

fn expectation(document: &Document, schema: &Schema) -> Value {
    // UIMA's built-in types are written without features.
    let label_of = |layer: &str| {
        schema
            .layer(layer)
            .filter(|l| !l.name.starts_with("uima."))
            .and_then(|l| l.label_feature.clone())
    };
    let spans: Vec<Value> = document
        .spans
        .iter()
        .map(|span| {
            let layer = schema.layer(&span.layer).unwrap();
            json!({
                "type": span.layer, "begin": span.start, "end": span.end,
                "feature": label_of(&span.layer),
                "value": (!span.label.is_empty()).then(|| span.label.clone()),
                "note_feature": layer.note_feature, "note": span.note,
                "text": document.covered_text(span).unwrap(),
            })
        })
        .collect();
    let relations: Vec<Value> = document
        .relations
        .iter()
        .map(|relation| {
            let end = |index: usize| {
                let span = &document.spans[index];
                json!([span.layer, span.start, span.end])
            };
            json!({
                "type": relation.layer, "governor": end(relation.from), "dependent": end(relation.to),
                "feature": label_of(&relation.layer),
                "value": (!relation.label.is_empty()).then(|| relation.label.clone()),
            })
        })
        .collect();
    json!({ "text": document.text, "spans": spans, "relations": relations })
}

fn generate(dir: &Path) {
    for sub in ["written", "expected", "cassis"] {
        fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let mut count = 0;
    for (name, document) in all_documents() {
        let schema = Schema::default().covering(&document);
        let files = xmi::write(&document, &schema).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = jsoncas::write(&document, &schema, OffsetEncoding::Utf16).unwrap();
        fs::write(dir.join(format!("written/{name}.xmi")), files.xmi).unwrap();
        fs::write(
            dir.join(format!("written/{name}.typesystem.xml")),
            files.typesystem,
        )
        .unwrap();
        fs::write(dir.join(format!("written/{name}.json")), json).unwrap();
        let expected = serde_json::to_string_pretty(&expectation(&document, &schema)).unwrap();
        fs::write(dir.join(format!("expected/{name}.json")), expected).unwrap();
        count += 1;
    }
    println!("generated {count} documents in {}", dir.display());
}

/// What must survive a trip through cassis: text, span ranges, layers, labels, notes,
/// annotators, and relation ends and labels.
fn summary(document: &Document) -> (String, Vec<String>, Vec<String>) {
    let describe = |span: &Span| {
        format!(
            "{}..{} {} {:?} {:?} {:?}",
            span.start, span.end, span.layer, span.label, span.note, span.annotator
        )
    };
    let mut spans: Vec<String> = document.spans.iter().map(describe).collect();
    spans.sort();
    let mut relations: Vec<String> = document
        .relations
        .iter()
        .map(|relation| {
            format!(
                "{} {:?} [{}] -> [{}]",
                relation.layer,
                relation.label,
                describe(&document.spans[relation.from]),
                describe(&document.spans[relation.to])
            )
        })
        .collect();
    relations.sort();
    (document.text.clone(), spans, relations)
}

fn verify(dir: &Path) {
    let (mut passed, mut failed) = (0, 0);
    for (name, original) in all_documents() {
        let expected = summary(&original);
        let cassis = dir.join("cassis");
        let types = fs::read_to_string(cassis.join(format!("{name}.typesystem.xml"))).unwrap();
        let types = TypeSystem::from_xml(&types).unwrap();
        let xmi_text = fs::read_to_string(cassis.join(format!("{name}.xmi"))).unwrap();
        let json_text = fs::read_to_string(cassis.join(format!("{name}.json"))).unwrap();
        let results = [
            ("xmi+ts", xmi::read(&xmi_text, Some(&types))),
            ("xmi", xmi::read(&xmi_text, None)),
            ("json", jsoncas::read(&json_text)),
        ];
        for (how, result) in results {
            match result {
                Ok(imported) if summary(&imported.document) == expected => passed += 1,
                Ok(imported) => {
                    failed += 1;
                    let found = summary(&imported.document);
                    eprintln!("FAIL {name} ({how}): read back differs");
                    if found.0 != expected.0 {
                        eprintln!("  text {:?} != {:?}", found.0, expected.0);
                    }
                    eprintln!("  spans {:?}\n   want {:?}", found.1, expected.1);
                    eprintln!("  relations {:?}\n   want {:?}", found.2, expected.2);
                }
                Err(error) => {
                    failed += 1;
                    eprintln!("FAIL {name} ({how}): {error}");
                }
            }
        }
    }
    println!("round trip through cassis: {passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}
