use super::*;

#[test]
fn parses_every_column_kind() {
    let lines = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=webanno.custom.SimpleSpan|",
        "#T_SP=webanno.custom.Host|ROLE_webanno.custom.Host:links_webanno.custom.LinkType|webanno.custom.SimpleSpan|value",
        "#T_CH=webanno.custom.SimpleLink|referenceRelation|referenceType",
        "#T_RL=webanno.custom.Relation|value|BT_webanno.custom.Span",
        "",
        "",
    ];
    let (header, used) = parse(&lines).unwrap();
    assert_eq!(used, 5);
    assert_eq!(header.minor, 3);
    let kinds: Vec<&ColumnKind> = header.columns.iter().map(|c| &c.kind).collect();
    assert_eq!(
        kinds,
        [
            &ColumnKind::Placeholder,
            &ColumnKind::SlotRole,
            &ColumnKind::SlotTarget,
            &ColumnKind::Feature("value".into()),
            &ColumnKind::ChainLink,
            &ColumnKind::ChainType,
            &ColumnKind::Feature("value".into()),
            &ColumnKind::RelationSource {
                attach: "webanno.custom.Span".into()
            },
        ]
    );
    assert_eq!(header.features(1), ["value"]);
    assert_eq!(header.layers[3].kind, TsvLayerKind::Relation);
}

#[test]
fn other_formats_are_refused() {
    assert!(parse(&[" # webanno.custom.Span | value"]).is_err());
    assert!(parse(&["#FORMAT=WebAnno TSV 2.0"]).is_err());
    assert!(parse(&[]).is_err());
    assert!(parse(&["#FORMAT=WebAnno TSV 3.2", "#T_SP=|value"]).is_err());
    let (header, used) = parse(&["#FORMAT=WebAnno TSV 3.1", ""]).unwrap();
    assert_eq!((header.minor, used, header.columns.len()), (1, 1, 0));
}
