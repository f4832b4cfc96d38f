//! UIMA type systems: reading and writing `typeSystemDescription` XML (the `TypeSystem.xml` of
//! an INCEpTION XMI export) and answering what a feature holds.

use std::fmt::Write as _;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::error::Error;
use crate::xml::{element_name, escape_text, push_reference, push_text, syntax_error};

pub const ANNOTATION: &str = "uima.tcas.Annotation";
pub const STRING: &str = "uima.cas.String";
pub const TOP: &str = "uima.cas.TOP";

/// UIMA's primitive ranges: a feature with one of these holds a value, not a reference.
const PRIMITIVES: &[&str] = &[
    STRING,
    "uima.cas.Boolean",
    "uima.cas.Byte",
    "uima.cas.Short",
    "uima.cas.Integer",
    "uima.cas.Long",
    "uima.cas.Float",
    "uima.cas.Double",
];

/// What a feature's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureRange {
    /// A string (or a string subtype with allowed values).
    String,
    /// A number or boolean.
    Primitive,
    /// A reference to another feature structure (including arrays and lists).
    Reference,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeatureDescription {
    pub name: String,
    pub range: String,
    pub element_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeDescription {
    pub name: String,
    pub supertype: String,
    pub features: Vec<FeatureDescription>,
}

/// The types a file declares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeSystem {
    pub types: Vec<TypeDescription>,
}

impl TypeSystem {
    /// Reads a `typeSystemDescription` XML file.
    pub fn from_xml(xml: &str) -> Result<Self, Error> {
        let mut reader = Reader::from_str(xml);
        reader.config_mut().trim_text(true);
        let mut types = Vec::new();
        let mut path: Vec<String> = Vec::new();
        let mut text = String::new();
        let mut current_type: Option<TypeDescription> = None;
        let mut current_feature: Option<FeatureDescription> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|error| syntax_error(&reader, &error))?;
            match event {
                Event::Start(element) => {
                    let name = local(&element_name(&element));
                    match name.as_str() {
                        "typeDescription" => {
                            current_type = Some(TypeDescription {
                                name: String::new(),
                                supertype: TOP.to_owned(),
                                features: Vec::new(),
                            });
                        }
                        "featureDescription" => {
                            current_feature = Some(FeatureDescription {
                                name: String::new(),
                                range: String::new(),
                                element_type: None,
                            });
                        }
                        _ => {}
                    }
                    path.push(name);
                    text.clear();
                }
                Event::Text(content) => push_text(&mut text, &content),
                Event::GeneralRef(reference) => push_reference(&reader, &mut text, &reference)?,
                Event::End(_) => {
                    let Some(name) = path.pop() else { continue };
                    let value = text.trim().to_owned();
                    text.clear();
                    let parent = path.last().map(String::as_str);
                    match (
                        name.as_str(),
                        parent,
                        current_feature.as_mut(),
                        current_type.as_mut(),
                    ) {
                        ("featureDescription", _, _, Some(ty)) => {
                            if let Some(feature) = current_feature.take() {
                                ty.features.push(feature);
                            }
                        }
                        ("typeDescription", _, _, _) => {
                            if let Some(ty) = current_type.take() {
                                types.push(ty);
                            }
                        }
                        ("name", Some("featureDescription"), Some(feature), _) => {
                            feature.name = value;
                        }
                        ("rangeTypeName", _, Some(feature), _) => feature.range = value,
                        ("elementType", _, Some(feature), _) => feature.element_type = Some(value),
                        ("name", Some("typeDescription"), _, Some(ty)) => ty.name = value,
                        ("supertypeName", _, _, Some(ty)) => ty.supertype = value,
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if types.iter().any(|ty| ty.name.is_empty()) {
            return Err(Error::Structure {
                format: "type system",
                message: "a typeDescription has no name".into(),
            });
        }
        Ok(Self { types })
    }

    /// Writes a `typeSystemDescription` XML file as UIMA does.
    pub fn to_xml(&self) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<typeSystemDescription xmlns=\"http://uima.apache.org/resourceSpecifier\">\n    <types>\n",
        );
        for ty in &self.types {
            out.push_str("        <typeDescription>\n");
            let _ = writeln!(out, "            <name>{}</name>", escape_text(&ty.name));
            out.push_str("            <description/>\n");
            let _ = writeln!(
                out,
                "            <supertypeName>{}</supertypeName>",
                escape_text(&ty.supertype)
            );
            if !ty.features.is_empty() {
                out.push_str("            <features>\n");
                for feature in &ty.features {
                    out.push_str("                <featureDescription>\n");
                    let _ = write!(
                        out,
                        "                    <name>{}</name>\n                    <description/>\n                    <rangeTypeName>{}</rangeTypeName>\n",
                        escape_text(&feature.name),
                        escape_text(&feature.range)
                    );
                    if let Some(element) = &feature.element_type {
                        let _ = writeln!(
                            out,
                            "                    <elementType>{}</elementType>",
                            escape_text(element)
                        );
                    }
                    out.push_str("                </featureDescription>\n");
                }
                out.push_str("            </features>\n");
            }
            out.push_str("        </typeDescription>\n");
        }
        out.push_str("    </types>\n</typeSystemDescription>\n");
        out
    }

    pub fn get(&self, name: &str) -> Option<&TypeDescription> {
        self.types.iter().find(|ty| ty.name == name)
    }

    /// The type's supertypes, nearest first, as far as the type system declares them.
    fn ancestors<'a>(&'a self, name: &'a str) -> Vec<&'a str> {
        let mut chain = Vec::new();
        let mut current = name;
        while let Some(ty) = self.get(current) {
            if chain.contains(&ty.supertype.as_str()) || ty.supertype == current {
                break;
            }
            chain.push(ty.supertype.as_str());
            current = &ty.supertype;
        }
        chain
    }

    /// Whether `name` is `ancestor` or inherits from it.
    pub fn is_a(&self, name: &str, ancestor: &str) -> bool {
        name == ancestor || self.ancestors(name).contains(&ancestor)
    }

    /// The features of a type, inherited ones after its own (UIMA's built-in annotation
    /// features are not listed).
    pub fn features(&self, name: &str) -> Vec<&FeatureDescription> {
        let mut all: Vec<&FeatureDescription> = Vec::new();
        for ty in std::iter::once(name).chain(self.ancestors(name)) {
            if let Some(description) = self.get(ty) {
                for feature in &description.features {
                    if !all.iter().any(|known| known.name == feature.name) {
                        all.push(feature);
                    }
                }
            }
        }
        all
    }

    /// What a feature of a type holds, when the type system declares it.
    pub fn range(&self, type_name: &str, feature: &str) -> Option<FeatureRange> {
        let range = &self
            .features(type_name)
            .into_iter()
            .find(|description| description.name == feature)?
            .range;
        Some(if self.is_a(range, STRING) {
            FeatureRange::String
        } else if PRIMITIVES.contains(&range.as_str()) {
            FeatureRange::Primitive
        } else {
            FeatureRange::Reference
        })
    }
}

/// The local part of a qualified XML name.
fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_owned()
}

#[cfg(test)]
mod tests;
