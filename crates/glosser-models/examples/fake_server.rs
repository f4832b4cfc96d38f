//! The test server on its own, for checks from other languages (`checks/protocol_check.py`).
//!
//! ```sh
//! fake_server serve RULES.json      # prints the base URL, serves until stdin closes
//! fake_server annotate CACHE_DIR    # annotates a fixture article twice through the cache
//! ```
//! RULES.json: `[{"contains": "…", "replies": [{"answer": "…"} | {"error": [500, "…"]}]}]`;
//! requests matching no rule get `{"spans": []}`.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use glosser_models::annotate::Annotator;
use glosser_models::cache::ResponseCache;
use glosser_models::client::{ChatClient, ClientConfig, Parameters, StructuredOutput};
use glosser_models::prompt::{PromptTemplate, SpanPrompt};
use glosser_models::test_server::{Reply, TestServer};
use glosser_models::{Document, Normalization, default_labels};
use serde::Deserialize;

#[derive(Deserialize)]
struct Rule {
    contains: String,
    replies: Vec<RuleReply>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuleReply {
    Answer(String),
    Error(u16, String),
}

/// glosser's own fixture article (tests/fixtures/formats/corpus/emoji.txt).
const ARTICLE: &str =
    "The minister 👨‍👩‍👧 said “we won” 🇫🇷 today.\nCritics doubt it.\nCafé owners said “we won” too.\n";
const ANSWER: &str = r#"{"spans": [
  {"label": "quote", "quote": "“we won”", "context": "Café owners said"},
  {"label": "quote", "quote": "“we won”", "occurrence": 1},
  {"label": "opinion", "quote": "Critics doubt it."},
  {"label": "source", "quote": "👨"},
  {"label": "claim", "quote": "The minister said we won."}
]}"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let server = TestServer::start()?;
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["serve", rules] => {
            let rules: Vec<Rule> = serde_json::from_str(&std::fs::read_to_string(rules)?)?;
            for rule in rules {
                let replies = rule
                    .replies
                    .into_iter()
                    .map(|r| match r {
                        RuleReply::Answer(a) => Reply::answer(a),
                        RuleReply::Error(status, message) => Reply::error(status, message),
                    })
                    .collect();
                server.on(&rule.contains, replies);
            }
            println!("{}", server.base_url());
            std::io::stdout().flush()?;
            for _ in std::io::stdin().lock().lines() {}
            eprintln!("served {} requests", server.request_count());
        }
        ["annotate", cache_dir] => {
            server.on("Café owners", vec![Reply::answer(ANSWER)]);
            let model = "fixture/model:q4";
            let client = ChatClient::new(ClientConfig::new(server.base_url(), model))?;
            let prompt = SpanPrompt::new(
                &PromptTemplate::default(),
                &default_labels(),
                None,
                model,
                &Parameters::default(),
                StructuredOutput::Auto,
            )?;
            let cache = ResponseCache::new(PathBuf::from(cache_dir));
            let annotator = Annotator::new(&client, &prompt, Some(&cache), Normalization::exact())?;
            let docs = [Document::new("emoji.txt", ARTICLE)];
            let mut runs = Vec::new();
            for _ in 0..2 {
                let outcome = annotator.annotate(&docs, |_, _| {});
                let done = outcome[0].result.clone()?;
                runs.push(serde_json::json!({
                    "from_cache": done.from_cache,
                    "spans": done.placement.spans,
                    "rejected": done.placement.rejected.iter().map(|r| r.index).collect::<Vec<_>>(),
                    "requests_so_far": server.request_count(),
                }));
            }
            let report = serde_json::json!({
                "model": model,
                "prompt_hash": prompt.hash(),
                "text": ARTICLE,
                "answer": ANSWER,
                "labels": prompt.labels().iter().map(|l| l.name.clone()).collect::<Vec<_>>(),
                "runs": runs,
            });
            println!("{report}");
        }
        _ => {
            return Err(
                "usage: fake_server serve RULES.json | fake_server annotate CACHE_DIR".into(),
            );
        }
    }
    Ok(())
}
