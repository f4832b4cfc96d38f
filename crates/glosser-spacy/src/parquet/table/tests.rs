//! Unit tests of the generic table writer: rows read back with the `parquet` crate's reader.

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use proptest::prelude::*;

use super::{ColumnType, ColumnValues, TableWriter};
use crate::parquet::HfParquetError;

const COLUMNS: [(&str, ColumnType); 4] = [
    ("document", ColumnType::String),
    ("sentence", ColumnType::Int64),
    ("tokens", ColumnType::StringList),
    ("ner_tags", ColumnType::Int64List),
];

type Row = (String, i64, Vec<String>, Vec<i64>);

fn group(rows: &[Row]) -> Vec<ColumnValues<'_>> {
    vec![
        ColumnValues::Strings(rows.iter().map(|r| r.0.as_str()).collect()),
        ColumnValues::Int64s(rows.iter().map(|r| r.1).collect()),
        ColumnValues::StringLists(
            rows.iter()
                .map(|r| r.2.iter().map(String::as_str).collect())
                .collect(),
        ),
        ColumnValues::Int64Lists(rows.iter().map(|r| r.3.clone()).collect()),
    ]
}

fn read_back(bytes: Vec<u8>) -> (Vec<Row>, usize, Option<String>) {
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).expect("a parquet file");
    let groups = reader.metadata().num_row_groups();
    let metadata = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == "huggingface"))
        .and_then(|k| k.value.clone());
    let rows = reader
        .get_row_iter(None)
        .expect("rows")
        .map(|row| {
            let fields: Vec<Field> = row
                .expect("a row")
                .get_column_iter()
                .map(|(_, v)| v.clone())
                .collect();
            let strings = |f: &Field| match f {
                Field::ListInternal(l) => l
                    .elements()
                    .iter()
                    .map(|e| match e {
                        Field::Str(s) => s.clone(),
                        other => panic!("not a string: {other:?}"),
                    })
                    .collect(),
                other => panic!("not a list: {other:?}"),
            };
            let ints = |f: &Field| match f {
                Field::ListInternal(l) => l
                    .elements()
                    .iter()
                    .map(|e| match e {
                        Field::Long(n) => *n,
                        other => panic!("not an int64: {other:?}"),
                    })
                    .collect(),
                other => panic!("not a list: {other:?}"),
            };
            match (&fields[0], &fields[1]) {
                (Field::Str(d), Field::Long(n)) => {
                    (d.clone(), *n, strings(&fields[2]), ints(&fields[3]))
                }
                other => panic!("unexpected fields {other:?}"),
            }
        })
        .collect();
    (rows, groups, metadata)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]
    /// Every row of every group comes back exactly, empty lists and empty groups included.
    #[test]
    fn rows_round_trip_across_groups(groups in proptest::collection::vec(
        proptest::collection::vec(
            ("[a-z“ ]{0,6}", 0i64..9, proptest::collection::vec("[a-z北]{0,3}", 0..4),
             proptest::collection::vec(0i64..5, 0..4)),
            0..5,
        ),
        1..4,
    )) {
        let mut writer = TableWriter::new(
            Vec::new(),
            &COLUMNS,
            vec![("huggingface".into(), "{}".into())],
        ).expect("schema");
        for rows in &groups {
            writer.write_group(&group(rows)).expect("writes");
        }
        let all: Vec<Row> = groups.concat();
        prop_assert_eq!(writer.rows(), all.len());
        let (back, written_groups, metadata) = read_back(writer.finish().expect("footer"));
        prop_assert_eq!(back, all);
        prop_assert_eq!(written_groups, groups.iter().filter(|g| !g.is_empty()).count());
        prop_assert_eq!(metadata.as_deref(), Some("{}"));
    }
}

#[test]
fn groups_that_do_not_fit_the_schema_are_refused() {
    let mut writer = TableWriter::new(Vec::new(), &COLUMNS, Vec::new()).expect("schema");
    let rows: Vec<Row> = vec![("a".into(), 0, vec![], vec![])];
    let mut columns = group(&rows);
    columns.pop();
    let error = writer.write_group(&columns).expect_err("a column short");
    assert!(matches!(error, HfParquetError::Schema(_)), "{error}");
    let mut columns = group(&rows);
    columns[1] = ColumnValues::Strings(vec!["0"]);
    let error = writer.write_group(&columns).expect_err("wrong type");
    assert!(error.to_string().contains("sentence"), "{error}");
    let mut columns = group(&rows);
    columns[0] = ColumnValues::Strings(vec!["a", "b"]);
    assert!(writer.write_group(&columns).is_err(), "rows differ");
    let bad = TableWriter::new(Vec::new(), &[("ner-tags", ColumnType::Int64)], Vec::new());
    assert!(bad.is_err_and(|e| e.to_string().contains("ner-tags")));
}
