use super::*;

#[test]
fn display_names_the_item_label_quote_and_reason() {
    let proposal = Proposal {
        index: 2,
        label: "quote".into(),
        quote: "we won".into(),
        occurrence: Some(3),
        context: None,
        score: None,
    };
    let r = Rejected::of(
        &proposal,
        RejectReason::NoSuchOccurrence {
            requested: 3,
            found: 1,
        },
    );
    assert_eq!(
        r.to_string(),
        "item 3 (quote \"we won\"): occurrence 3 was asked for but the quote occurs 1 time(s)"
    );
}

#[test]
fn unknown_label_suggests_the_same_name_in_another_case() {
    let reason = RejectReason::UnknownLabel {
        label: "Claim".into(),
        known: vec!["claim".into(), "quote".into()],
        similar: Some("claim".into()),
    };
    assert_eq!(
        reason.to_string(),
        "label \"Claim\" is not in the label set (claim, quote); did you mean \"claim\"?"
    );
}

#[test]
fn reasons_serialise_with_a_kind_tag() -> Result<(), serde_json::Error> {
    let json = serde_json::to_string(&RejectReason::Ambiguous { count: 2 })?;
    assert_eq!(json, r#"{"kind":"ambiguous","count":2}"#);
    Ok(())
}
