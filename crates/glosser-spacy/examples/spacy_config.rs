//! Prints a training config: `spacy_config COMPONENTS [SIZES]`, e.g. `spacy_config spancat,ner 1,2,3`.
//! Used by checks/train_check.sh to compare with `spacy init config`.

use glosser_spacy::config::{Component, ConfigOptions, training_config};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = ConfigOptions {
        components: Vec::new(),
        ..ConfigOptions::default()
    };
    for name in args.first().map_or("spancat", String::as_str).split(',') {
        options.components.push(match name {
            "spancat" => Component::Spancat,
            "ner" => Component::Ner,
            other => return Err(format!("unknown component {other}").into()),
        });
    }
    if let Some(sizes) = args.get(1) {
        options.suggester_sizes = sizes.split(',').map(str::parse).collect::<Result<_, _>>()?;
    }
    print!("{}", training_config(&options)?);
    Ok(())
}
