use super::*;

fn sofa(id: u64, name: &str) -> Fs {
    Fs {
        id,
        type_name: SOFA.into(),
        features: vec![("sofaID".into(), Value::Str(name.into()))],
    }
}

#[test]
fn values_convert() {
    assert_eq!(Value::Raw("3 4".into()).as_refs(), Some(vec![3, 4]));
    assert_eq!(Value::Raw("x".into()).as_refs(), None);
    assert_eq!(Value::Raw(String::new()).as_refs(), None);
    assert_eq!(Value::Ref(2).as_refs(), Some(vec![2]));
    assert_eq!(Value::Number("12".into()).as_offset(), Some(12));
    assert_eq!(Value::Bool(true).as_text().as_deref(), Some("true"));
    assert_eq!(Value::Null.as_text(), None);
    assert_eq!(Value::Strings(vec![]).as_offset(), None);
}

#[test]
fn the_initial_sofa_is_found_by_name_or_alone() {
    let mut cas = Cas::default();
    cas.structures.push(sofa(1, "other"));
    assert_eq!(cas.initial_sofa().map(|fs| fs.id), Some(1));
    cas.structures.push(sofa(2, INITIAL_VIEW));
    assert_eq!(cas.initial_sofa().map(|fs| fs.id), Some(2));
    cas.structures.retain(|fs| fs.id == 1);
    cas.structures.push(sofa(3, "third"));
    assert_eq!(cas.initial_sofa().map(|fs| fs.id), None);
    assert_eq!(cas.index().len(), 2);
    assert!(cas.structures[0].get("sofaID").is_some());
}
