//! Writing a document as UIMA CAS JSON with its types.

use serde_json::{Map, Value as Json, json};

use crate::cas::SOFA;
use crate::cas::plan::{SOFA_ID, plan};
use crate::error::Error;
use crate::model::Document;
use crate::offsets::OffsetEncoding;
use crate::schema::Schema;

/// Writes the document as UIMA CAS JSON. INCEpTION and cassis read UTF-16 offsets (the
/// default, and the only encoding they honour); another encoding is named in `%HEADER`.
pub fn write(
    document: &Document,
    schema: &Schema,
    encoding: OffsetEncoding,
) -> Result<String, Error> {
    let plan = plan(document, schema, encoding)?;
    // The sections in the order the specification gives (a streaming reader meets the types
    // before the structures); serde_json's maps would sort them.
    let mut root: Vec<(&str, Json)> = Vec::new();
    if encoding != OffsetEncoding::Utf16 {
        root.push((
            "%HEADER",
            json!({ "offset-encoding": encoding.json_name() }),
        ));
    }
    let mut types = Map::new();
    for ty in &plan.types.types {
        let mut description = Map::new();
        description.insert("%NAME".into(), json!(ty.name));
        description.insert("%SUPER_TYPE".into(), json!(ty.supertype));
        for feature in &ty.features {
            let mut entry = Map::new();
            entry.insert("%NAME".into(), json!(feature.name));
            entry.insert("%RANGE".into(), json!(feature.range));
            if let Some(element) = &feature.element_type {
                entry.insert("%ELEMENT_TYPE".into(), json!(element));
            }
            description.insert(feature.name.clone(), Json::Object(entry));
        }
        types.insert(ty.name.clone(), Json::Object(description));
    }
    root.push(("%TYPES", Json::Object(types)));
    let mut structures = vec![json!({
        "%ID": SOFA_ID,
        "%TYPE": SOFA,
        "sofaNum": 1,
        "sofaID": plan.view,
        "mimeType": "text",
        "sofaString": plan.text,
    })];
    for annotation in &plan.annotations {
        let mut fs = Map::new();
        fs.insert("%ID".into(), json!(annotation.id));
        fs.insert("%TYPE".into(), json!(annotation.type_name));
        fs.insert("@sofa".into(), json!(SOFA_ID));
        fs.insert("begin".into(), json!(annotation.begin));
        fs.insert("end".into(), json!(annotation.end));
        for (name, value) in &annotation.strings {
            fs.insert(name.clone(), json!(value));
        }
        for (name, id) in &annotation.refs {
            fs.insert(format!("@{name}"), json!(id));
        }
        structures.push(Json::Object(fs));
    }
    root.push(("%FEATURE_STRUCTURES", Json::Array(structures)));
    let members: Vec<u64> = plan
        .annotations
        .iter()
        .map(|annotation| annotation.id)
        .collect();
    root.push((
        "%VIEWS",
        json!({ plan.view: { "%SOFA": SOFA_ID, "%MEMBERS": members } }),
    ));
    let mut out = String::from("{");
    for (i, (name, section)) in root.iter().enumerate() {
        out.push_str(if i == 0 { "\n  " } else { ",\n  " });
        out.push_str(&serde_json::to_string(name)?);
        out.push_str(": ");
        out.push_str(&serde_json::to_string(section)?);
    }
    out.push_str("\n}\n");
    Ok(out)
}

#[cfg(test)]
mod tests;
