//! The sections of the config in the order spaCy builds them (a depth-first walk), written the
//! way confection serializes a config: sections sorted by depth, stable within a depth.

use super::{Component, json_string as quoted, path_value};

/// Sections in depth-first order: (dotted name, `key = value` lines).
#[derive(Debug, Default)]
pub(super) struct Sections {
    list: Vec<(String, Vec<(String, String)>)>,
}

impl Sections {
    fn add(&mut self, name: &str, entries: &[(&str, &str)]) {
        self.list.push((
            name.to_owned(),
            entries
                .iter()
                .map(|&(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        ));
    }

    fn add_owned(&mut self, name: &str, entries: Vec<(&str, String)>) {
        self.list.push((
            name.to_owned(),
            entries
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        ));
    }

    pub(super) fn render(mut self) -> String {
        self.list.sort_by_key(|(name, _)| name.matches('.').count());
        let mut out = String::new();
        for (i, (name, entries)) in self.list.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            for piece in ["[", name, "]\n"] {
                out.push_str(piece);
            }
            for (key, value) in entries {
                for piece in [key, " = ", value, "\n"] {
                    out.push_str(piece);
                }
            }
        }
        // `spacy init config` ends the file without a line break.
        out.truncate(out.trim_end_matches('\n').len());
        out
    }

    /// Everything before `[components]`'s contents, in spaCy's order.
    pub(super) fn header(
        &mut self,
        train: Option<&String>,
        dev: Option<&String>,
        components: &[Component],
        spans_key: &str,
    ) {
        self.add_owned(
            "paths",
            vec![
                ("train", path_value(train)),
                ("dev", path_value(dev)),
                ("vectors", "null".into()),
                ("init_tok2vec", "null".into()),
            ],
        );
        self.add("system", &[("gpu_allocator", "null"), ("seed", "0")]);
        let pipeline: Vec<String> = std::iter::once("tok2vec")
            .chain(components.iter().map(|c| name(*c)))
            .map(quoted)
            .collect();
        self.add_owned(
            "nlp",
            vec![
                ("lang", quoted("en")),
                ("pipeline", format!("[{}]", pipeline.join(", "))),
                ("batch_size", "1000".into()),
                ("disabled", "[]".into()),
                ("before_creation", "null".into()),
                ("after_creation", "null".into()),
                ("after_pipeline_creation", "null".into()),
            ],
        );
        self.add(
            "nlp.tokenizer",
            &[("@tokenizers", "\"spacy.Tokenizer.v1\"")],
        );
        self.add("nlp.vectors", &[("@vectors", "\"spacy.Vectors.v1\"")]);
        self.add("corpora", &[]);
        for part in ["train", "dev"] {
            self.add_owned(
                &format!("corpora.{part}"),
                vec![
                    ("@readers", quoted("spacy.Corpus.v1")),
                    ("path", format!("${{paths.{part}}}")),
                    ("max_length", "0".into()),
                    ("gold_preproc", "false".into()),
                    ("limit", "0".into()),
                    ("augmenter", "null".into()),
                ],
            );
        }
        self.training(components, spans_key);
        self.add(
            "initialize",
            &[
                ("vectors", "${paths.vectors}"),
                ("init_tok2vec", "${paths.init_tok2vec}"),
                ("vocab_data", "null"),
                ("lookups", "null"),
                ("before_init", "null"),
                ("after_init", "null"),
            ],
        );
        self.add("initialize.tokenizer", &[]);
        self.add("initialize.components", &[]);
    }

    fn training(&mut self, components: &[Component], spans_key: &str) {
        self.add(
            "training",
            &[
                ("dev_corpus", "\"corpora.dev\""),
                ("train_corpus", "\"corpora.train\""),
                ("seed", "${system.seed}"),
                ("gpu_allocator", "${system.gpu_allocator}"),
                ("dropout", "0.1"),
                ("accumulate_gradient", "1"),
                ("patience", "1600"),
                ("max_epochs", "0"),
                ("max_steps", "20000"),
                ("eval_frequency", "200"),
                ("frozen_components", "[]"),
                ("annotating_components", "[]"),
                ("before_to_disk", "null"),
                ("before_update", "null"),
            ],
        );
        self.add(
            "training.optimizer",
            &[
                ("@optimizers", "\"Adam.v1\""),
                ("beta1", "0.9"),
                ("beta2", "0.999"),
                ("L2_is_weight_decay", "true"),
                ("L2", "0.01"),
                ("grad_clip", "1.0"),
                ("use_averages", "false"),
                ("eps", "1e-08"),
                ("learn_rate", "0.001"),
            ],
        );
        self.add(
            "training.batcher",
            &[
                ("@batchers", "\"spacy.batch_by_words.v1\""),
                ("discard_oversize", "false"),
                ("tolerance", "0.2"),
                ("get_length", "null"),
            ],
        );
        self.add(
            "training.batcher.size",
            &[
                ("@schedules", "\"compounding.v1\""),
                ("start", "100"),
                ("stop", "1000"),
                ("compound", "1.001"),
                ("t", "0.0"),
            ],
        );
        self.add(
            "training.logger",
            &[
                ("@loggers", "\"spacy.ConsoleLogger.v1\""),
                ("progress_bar", "false"),
            ],
        );
        let weight = format!("{:?}", 1.0 / components.len() as f64);
        let mut weights = Vec::new();
        for component in components {
            let prefix = match component {
                Component::Spancat => format!("spans_{spans_key}"),
                Component::Ner => "ents".to_owned(),
            };
            weights.push((format!("{prefix}_f"), weight.clone()));
            weights.push((format!("{prefix}_p"), "0.0".to_owned()));
            weights.push((format!("{prefix}_r"), "0.0".to_owned()));
            if *component == Component::Ner {
                weights.push(("ents_per_type".to_owned(), "null".to_owned()));
            }
        }
        self.list
            .push(("training.score_weights".to_owned(), weights));
    }

    /// `[components]`, its components and `[pretraining]`, in spaCy's order.
    pub(super) fn components(
        &mut self,
        components: &[Component],
        spans_key: &str,
        sizes: &[usize],
    ) {
        self.add("components", &[]);
        self.add("components.tok2vec", &[("factory", "\"tok2vec\"")]);
        self.add(
            "components.tok2vec.model",
            &[("@architectures", "\"spacy.Tok2Vec.v2\"")],
        );
        self.add(
            "components.tok2vec.model.embed",
            &[
                ("@architectures", "\"spacy.MultiHashEmbed.v2\""),
                ("width", "${components.tok2vec.model.encode.width}"),
                ("attrs", "[\"NORM\", \"PREFIX\", \"SUFFIX\", \"SHAPE\"]"),
                ("rows", "[5000, 1000, 2500, 2500]"),
                ("include_static_vectors", "false"),
            ],
        );
        self.add(
            "components.tok2vec.model.encode",
            &[
                ("@architectures", "\"spacy.MaxoutWindowEncoder.v2\""),
                ("width", "96"),
                ("depth", "4"),
                ("window_size", "1"),
                ("maxout_pieces", "3"),
            ],
        );
        for &component in components {
            match component {
                Component::Spancat => self.spancat(spans_key, sizes),
                Component::Ner => self.ner(),
            }
        }
        self.add("pretraining", &[]);
    }

    fn listener(&mut self, component: &str) {
        self.add(
            &format!("components.{component}.model.tok2vec"),
            &[
                ("@architectures", "\"spacy.Tok2VecListener.v1\""),
                ("width", "${components.tok2vec.model.encode.width}"),
                ("upstream", "\"*\""),
            ],
        );
    }

    fn spancat(&mut self, spans_key: &str, sizes: &[usize]) {
        self.add_owned(
            "components.spancat",
            vec![
                ("factory", quoted("spancat")),
                ("max_positive", "null".into()),
                ("spans_key", quoted(spans_key)),
                ("threshold", "0.5".into()),
            ],
        );
        self.add(
            "components.spancat.model",
            &[("@architectures", "\"spacy.SpanCategorizer.v1\"")],
        );
        self.add(
            "components.spancat.model.reducer",
            &[
                ("@layers", "\"spacy.mean_max_reducer.v1\""),
                ("hidden_size", "128"),
            ],
        );
        self.add(
            "components.spancat.model.scorer",
            &[
                ("@layers", "\"spacy.LinearLogistic.v1\""),
                ("nO", "null"),
                ("nI", "null"),
            ],
        );
        self.listener("spancat");
        let sizes: Vec<String> = sizes.iter().map(ToString::to_string).collect();
        self.add_owned(
            "components.spancat.suggester",
            vec![
                ("@misc", quoted("spacy.ngram_suggester.v1")),
                ("sizes", format!("[{}]", sizes.join(", "))),
            ],
        );
        self.add(
            "components.spancat.scorer",
            &[("@scorers", "\"spacy.spancat_scorer.v1\"")],
        );
    }

    fn ner(&mut self) {
        self.add(
            "components.ner",
            &[
                ("factory", "\"ner\""),
                ("moves", "null"),
                ("update_with_oracle_cut_size", "100"),
                ("incorrect_spans_key", "null"),
            ],
        );
        self.add(
            "components.ner.model",
            &[
                ("@architectures", "\"spacy.TransitionBasedParser.v2\""),
                ("state_type", "\"ner\""),
                ("extra_state_tokens", "false"),
                ("hidden_width", "64"),
                ("maxout_pieces", "2"),
                ("use_upper", "true"),
                ("nO", "null"),
            ],
        );
        self.listener("ner");
        self.add(
            "components.ner.scorer",
            &[("@scorers", "\"spacy.ner_scorer.v1\"")],
        );
    }
}

fn name(component: Component) -> &'static str {
    match component {
        Component::Spancat => "spancat",
        Component::Ner => "ner",
    }
}
