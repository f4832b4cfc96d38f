use std::path::{Path, PathBuf};

use super::*;

fn wild(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/wild")
        .join(path)
}

fn link<'a>(schema: &'a Schema, name: &str) -> &'a LinkDecl {
    schema.links.iter().find(|l| l.name == name).unwrap()
}

#[test]
fn brats_tutorial_conf_declares_entities_events_and_relations() {
    let schema = read_file(&wild("brat/news/annotation.conf")).unwrap();
    assert_eq!(
        schema.labels,
        [
            "Person",
            "Organization",
            "GPE",
            "Money",
            "Be-born",
            "Marry",
            "Divorce",
            "Die",
            "Transfer-ownership",
            "Transfer-money",
            "Start-org",
            "Merge-org",
            "End-org",
            "Report"
        ]
    );
    assert_eq!(link(&schema, "Located").from, ["Person"]);
    assert_eq!(link(&schema, "Located").to, ["GPE"]);
    assert_eq!(link(&schema, "Ownership").to, ["Organization"]);
    assert_eq!(schema.links.len(), 7);
    // Attributes are not labels.
    assert!(
        !schema
            .labels
            .iter()
            .any(|l| l == "Negation" || l == "Individual")
    );
}

#[test]
fn the_bionlp_conf_skips_separators_and_expands_macros() {
    let schema = read_file(&wild("brat-bionlp/annotation.conf")).unwrap();
    assert!(
        !schema.labels.iter().any(|l| l.starts_with('-')),
        "{:?}",
        schema.labels
    );
    assert_eq!(schema.labels[..2], ["Protein", "Entity"]);
    assert!(schema.labels.contains(&"Negative_regulation".to_owned()));
    assert_eq!(link(&schema, "Equiv").from, ["Protein"]);
    let conf = "[entities]\nA\nB\n[relations]\n<AB>=A|B\nRel Arg1:<AB>, Arg2:<ENTITY>\n";
    let schema = brat_conf(conf);
    assert_eq!(link(&schema, "Rel").from, ["A", "B"]);
    assert_eq!(link(&schema, "Rel").to, ["A", "B"]);
}

#[test]
fn a_label_studio_config_declares_its_labels_and_relations() {
    let config = r#"<View>
      <Relations><Relation value="speaker"/><Relation value="cites"/></Relations>
      <Labels name="ner" toName="text"><Label value="quote" background="green"/><Label value="source &amp; org"/></Labels>
      <Text name="text" value="$text"/>
      <Choices name="stance" toName="text"><Choice value="critical"/></Choices>
    </View>"#;
    let schema = label_studio_config(config).unwrap();
    assert_eq!(schema.labels, ["quote", "source & org"]);
    assert_eq!(link(&schema, "speaker").from, ["quote", "source & org"]);
    assert_eq!(schema.links.len(), 2);
    assert!(label_studio_config("<View><Text name=\"t\"/></View>").is_err());
}

#[test]
fn json_label_files_of_each_tool() {
    let doccano = read_file(&wild("doccano/labels.json")).unwrap();
    assert_eq!(doccano.labels, ["Person", "Date"]);
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    assert_eq!(
        read_file(&write("names.json", r#"["PER", "LOC"]"#))
            .unwrap()
            .labels,
        ["PER", "LOC"]
    );
    assert_eq!(
        read_file(&write(
            "legend.json",
            r#"{"e_2": "Org", "e_1": "Person", "r_1": "works_at"}"#
        ))
        .unwrap()
        .labels,
        ["Org", "Person"]
    );
    let hf = read_file(&wild("hf/conll2003-dataset_infos.json")).unwrap();
    assert_eq!(hf.labels, ["PER", "ORG", "LOC", "MISC"]);
    let err = read_file(&write("bad.json", "[1]")).unwrap_err().0;
    assert!(
        err.contains("bad.json") && err.contains("not a label"),
        "{err}"
    );
}

#[test]
fn records_add_the_labels_and_link_types_they_use() {
    let mut record = Record::new(
        "line 1",
        "a.txt".into(),
        "Ada said hi.".into(),
        crate::formats::import::Unit::Codepoint,
    );
    record.spans = vec![
        crate::formats::import::RawSpan::new(0, 3, "source"),
        crate::formats::import::RawSpan::new(4, 11, "quote"),
    ];
    record.links.push(crate::formats::import::RawLink {
        id: "R1".into(),
        kind: "speaker".into(),
        from: 1,
        to: 0,
    });
    let mut schema = Schema::default();
    schema.add_label("claim");
    schema.note_record(&record);
    assert_eq!(schema.labels, ["claim", "source", "quote"]);
    assert_eq!(link(&schema, "speaker").from, ["quote"]);
    schema.add_link("speaker", &["claim".into()], &["source".into()]);
    assert_eq!(link(&schema, "speaker").from, ["quote", "claim"]);
    assert_eq!(link(&schema, "speaker").to, ["source"]);
}
