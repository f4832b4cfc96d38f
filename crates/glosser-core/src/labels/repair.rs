//! A corpus's `glosser.ron` with a mistake in it still gives its label set: what is wrong is
//! dropped with a warning naming it — a bad or shared key (the label keeps its place and gets a
//! free digit or the picker), a bad colour (grey), a label whose name is not allowed or that is
//! defined twice, a link type's unknown label or bad key — and everything else stays.

use super::{Label, LinkType, check_link_key, is_valid_label_name, parse_color};

/// The labels and link types of a file, repaired, with one warning per repair.
pub(super) fn repair(
    labels: Vec<Label>,
    links: Vec<LinkType>,
) -> (Vec<Label>, Vec<LinkType>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut kept: Vec<Label> = Vec::with_capacity(labels.len());
    for mut label in labels {
        if !is_valid_label_name(&label.name) {
            warnings.push(format!(
                "label {:?} is left out: its name is not allowed (letters, digits, single spaces inside, '_', '-', '.', ':', '/', '&' or '+')",
                label.name
            ));
            continue;
        }
        if kept.iter().any(|l| l.name == label.name) {
            warnings.push(format!(
                "label {:?} is defined twice: the second definition is left out",
                label.name
            ));
            continue;
        }
        if let Some(key) = label.key {
            if !('1'..='9').contains(&key) {
                warnings.push(format!(
                    "label {:?} has key {key:?}; keys are the digits 1 to 9: the key is dropped, the label kept",
                    label.name
                ));
                label.key = None;
            } else if let Some(other) = kept.iter().find(|l| l.key == Some(key)) {
                warnings.push(format!(
                    "labels {:?} and {:?} share the key {key}: {:?} loses it, the label is kept",
                    other.name, label.name, label.name
                ));
                label.key = None;
            }
        }
        if parse_color(&label.color).is_none() {
            warnings.push(format!(
                "label {:?} has colour {:?}, which is not #rrggbb or a colour name: grey is used",
                label.name, label.color
            ));
            label.color = super::default_color();
        }
        kept.push(label);
    }
    let mut kept_links: Vec<LinkType> = Vec::with_capacity(links.len());
    for mut link in links {
        if !is_valid_label_name(&link.name) {
            warnings.push(format!(
                "link type {:?} is left out: its name is not allowed",
                link.name
            ));
            continue;
        }
        if kept_links.iter().any(|l| l.name == link.name) {
            warnings.push(format!(
                "link type {:?} is defined twice: the second definition is left out",
                link.name
            ));
            continue;
        }
        for ends in [&mut link.from, &mut link.to] {
            let unknown: Vec<String> = ends
                .iter()
                .filter(|l| !kept.iter().any(|k| &&k.name == l))
                .cloned()
                .collect();
            if !unknown.is_empty() {
                warnings.push(format!(
                    "link type {:?} names {}, which the set does not define: dropped from the link type",
                    link.name,
                    unknown
                        .iter()
                        .map(|l| format!("{l:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                ends.retain(|l| !unknown.contains(l));
            }
        }
        if link.from.is_empty() || link.to.is_empty() {
            warnings.push(format!(
                "link type {:?} is left out: it needs at least one label in `from` and in `to`",
                link.name
            ));
            continue;
        }
        if let Some(key) = link.key
            && let Err(why) = check_link_key(&link, key, &kept_links)
        {
            warnings.push(format!("{why}: the key is dropped, the link type kept"));
            link.key = None;
        }
        kept_links.push(link);
    }
    (kept, kept_links, warnings)
}
