use super::*;
use serde_json::json;

#[test]
fn arrays_objects_and_json_lines_are_records() {
    let array = records("[{\"a\":1},{\"a\":2}]").unwrap();
    assert_eq!(array.len(), 2);
    assert_eq!(array[1].place, "record 2");
    let object = records("\u{feff}{\"a\":1}").unwrap();
    assert_eq!(object[0].value, json!({"a": 1}));
    let lines = records("{\"a\":1}\n\n{\"a\":2}\n").unwrap();
    assert_eq!(lines[1].place, "line 3");
    assert_eq!(
        records("{\"a\":1}\n{\"a\":").unwrap_err(),
        Error::Json {
            line: Some(2),
            message: "EOF while parsing a value at line 1 column 5".into()
        }
    );
    assert!(matches!(records("{"), Err(Error::Json { line: None, .. })));
    assert!(value("[1]").is_ok());
    assert!(value("[1").is_err());
}

#[test]
fn offsets_and_scalars() {
    assert_eq!(offset(&json!(3)), Some(3));
    assert_eq!(offset(&json!(3.0)), Some(3));
    assert_eq!(offset(&json!(-1)), None);
    assert_eq!(offset(&json!(2.5)), None);
    assert_eq!(offset(&json!("3")), None);
    assert_eq!(scalar(&json!("a")).as_deref(), Some("a"));
    assert_eq!(scalar(&json!(true)).as_deref(), Some("true"));
    assert_eq!(scalar(&json!(1.5)).as_deref(), Some("1.5"));
    assert_eq!(scalar(&json!(null)), None);
    assert_eq!(as_text(&json!([1, {"a": 2}])), "[1,{\"a\":2}]");
}
