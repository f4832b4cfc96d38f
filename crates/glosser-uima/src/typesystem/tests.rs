use super::*;

const FIXTURE: &str = include_str!("../../fixtures/xmi/slot-feature-typesystem.xml");

#[test]
fn reads_inception_type_system() {
    let ts = TypeSystem::from_xml(FIXTURE).unwrap();
    assert_eq!(ts.types.len(), 7);
    let host = ts.get("webanno.custom.SimpleLinkHost").unwrap();
    assert_eq!(host.supertype, ANNOTATION);
    assert_eq!(host.features[0].range, "uima.cas.FSArray");
    assert_eq!(
        host.features[0].element_type.as_deref(),
        Some("webanno.custom.LinkType")
    );
    assert_eq!(
        ts.range("webanno.custom.LinkType", "role"),
        Some(FeatureRange::String)
    );
    assert_eq!(
        ts.range("webanno.custom.LinkType", "target"),
        Some(FeatureRange::Reference)
    );
    assert_eq!(
        ts.range(
            "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token",
            "order"
        ),
        Some(FeatureRange::Primitive)
    );
    assert_eq!(ts.range("webanno.custom.LinkType", "nothing"), None);
}

#[test]
fn inherited_features_and_subtypes() {
    let ts = TypeSystem::from_xml(FIXTURE).unwrap();
    let meta = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData";
    assert!(ts.is_a(meta, "uima.tcas.DocumentAnnotation"));
    assert!(ts.is_a(meta, ANNOTATION));
    assert!(!ts.is_a(ANNOTATION, meta));
    let names: Vec<&str> = ts.features(meta).iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.first(), Some(&"documentTitle"));
    assert_eq!(names.last(), Some(&"language"));
}

#[test]
fn writes_what_it_reads() {
    let ts = TypeSystem::from_xml(FIXTURE).unwrap();
    let again = TypeSystem::from_xml(&ts.to_xml()).unwrap();
    assert_eq!(ts, again);
}

#[test]
fn a_nameless_type_is_an_error() {
    let xml = "<typeSystemDescription><types><typeDescription><supertypeName>uima.cas.TOP</supertypeName></typeDescription></types></typeSystemDescription>";
    assert!(TypeSystem::from_xml(xml).is_err());
    assert!(TypeSystem::from_xml("<a><b></a>").is_err());
}

#[test]
fn string_subtypes_are_strings() {
    let xml = "<typeSystemDescription><types><typeDescription><name>x.Tag</name><supertypeName>uima.cas.String</supertypeName></typeDescription><typeDescription><name>x.A</name><supertypeName>uima.tcas.Annotation</supertypeName><features><featureDescription><name>tag</name><rangeTypeName>x.Tag</rangeTypeName></featureDescription></features></typeDescription></types></typeSystemDescription>";
    let ts = TypeSystem::from_xml(xml).unwrap();
    assert_eq!(ts.range("x.A", "tag"), Some(FeatureRange::String));
    assert_eq!(local("a:b"), "b");
}
