//! Reads `{"items": [["claim", null, "quote"], ...], "categories": [...]}` on stdin (one row per
//! item, one entry per rater, `null` for no rating; `categories` optional) and prints Gwet's AC1
//! as JSON.

use std::io::Read;

use glosser_gamma::gwet_ac1;
use serde::Deserialize;

#[derive(Deserialize)]
struct Input {
    items: Vec<Vec<Option<String>>>,
    #[serde(default)]
    categories: Option<Vec<String>>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let input: Input = serde_json::from_str(&text)?;
    let result = gwet_ac1(&input.items, input.categories.as_deref())?;
    println!("{}", serde_json::to_string(&result)?);
    Ok(())
}
