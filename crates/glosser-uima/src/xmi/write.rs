//! Writing a document as CAS XMI plus the TypeSystem.xml that declares its layers.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::cas::plan::{Plan, SOFA_ID, plan};
use crate::error::Error;
use crate::model::Document;
use crate::offsets::OffsetEncoding;
use crate::schema::Schema;
use crate::xml::{check_xml10, escape_attribute};

/// An XMI export as INCEpTION makes it: the XMI and its type system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmiFiles {
    pub xmi: String,
    pub typesystem: String,
}

/// Writes the document as CAS XMI (XML 1.0, UTF-16 offsets). Layers missing from `schema` get
/// default features (see [`Schema::covering`]). INCEpTION imports the `.xmi` alone into a
/// project whose layers have the same type and feature names.
pub fn write(document: &Document, schema: &Schema) -> Result<XmiFiles, Error> {
    check_xml10(&document.text)?;
    for span in &document.spans {
        for value in [&span.label]
            .into_iter()
            .chain(span.note.as_ref())
            .chain(span.annotator.as_ref())
            .chain(span.features.values())
        {
            check_xml10(value)?;
        }
    }
    let plan = plan(document, schema, OffsetEncoding::Utf16)?;
    Ok(XmiFiles {
        xmi: render(&plan),
        typesystem: plan.types.to_xml(),
    })
}

/// Namespace prefixes for packages, as UIMA picks them: the last package segment, numbered
/// when two packages share it.
fn prefixes(plan: &Plan) -> BTreeMap<String, String> {
    let mut by_package: BTreeMap<String, String> = BTreeMap::new();
    let mut taken: Vec<String> = vec!["xmi".into(), "cas".into()];
    for annotation in &plan.annotations {
        let package = package(&annotation.type_name);
        if by_package.contains_key(package) {
            continue;
        }
        let base = if package.is_empty() {
            "noNamespace"
        } else {
            package.rsplit('.').next().unwrap_or(package)
        };
        let mut prefix = base.to_owned();
        let mut number = 2;
        while taken.contains(&prefix) {
            prefix = format!("{base}{number}");
            number += 1;
        }
        taken.push(prefix.clone());
        by_package.insert(package.to_owned(), prefix);
    }
    by_package
}

fn package(type_name: &str) -> &str {
    type_name
        .rsplit_once('.')
        .map_or("", |(package, _)| package)
}

fn namespace(package: &str) -> String {
    if package.is_empty() {
        "http:///uima/noNamespace.ecore".to_owned()
    } else {
        format!("http:///{}.ecore", package.replace('.', "/"))
    }
}

fn render(plan: &Plan) -> String {
    let prefixes = prefixes(plan);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:cas=\"http:///uima/cas.ecore\"",
    );
    for (package, prefix) in &prefixes {
        let _ = write!(out, " xmlns:{prefix}=\"{}\"", namespace(package));
    }
    out.push_str(" xmi:version=\"2.0\">\n    <cas:NULL xmi:id=\"0\"/>\n");
    for annotation in &plan.annotations {
        let package = package(&annotation.type_name);
        let local = annotation
            .type_name
            .rsplit('.')
            .next()
            .unwrap_or(&annotation.type_name);
        let prefix = prefixes.get(package).map_or("noNamespace", String::as_str);
        let _ = write!(
            out,
            "    <{prefix}:{local} xmi:id=\"{}\" sofa=\"{SOFA_ID}\" begin=\"{}\" end=\"{}\"",
            annotation.id, annotation.begin, annotation.end
        );
        for (name, value) in &annotation.strings {
            let _ = write!(out, " {name}=\"{}\"", escape_attribute(value));
        }
        for (name, id) in &annotation.refs {
            let _ = write!(out, " {name}=\"{id}\"");
        }
        out.push_str("/>\n");
    }
    let _ = writeln!(
        out,
        "    <cas:Sofa xmi:id=\"{SOFA_ID}\" sofaNum=\"1\" sofaID=\"{}\" mimeType=\"text\" sofaString=\"{}\"/>",
        plan.view,
        escape_attribute(&plan.text)
    );
    let members: Vec<String> = plan
        .annotations
        .iter()
        .map(|annotation| annotation.id.to_string())
        .collect();
    let _ = writeln!(
        out,
        "    <cas:View sofa=\"{SOFA_ID}\" members=\"{}\"/>",
        members.join(" ")
    );
    out.push_str("</xmi:XMI>\n");
    out
}

#[cfg(test)]
mod tests;
