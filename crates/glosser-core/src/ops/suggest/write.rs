//! Writing one document's suggestions as the pseudo-annotator's file, through the one save path.

use crate::corpus::DocumentEntry;
use crate::save::{read_existing, save_merged};
use crate::store::AnnotationFile;
use crate::suggest::Proposal;
use crate::text::Document;

/// Writes the suggestions for one document through the one save path; `false` when the file
/// already held exactly these spans.
pub(super) fn write(
    entry: &DocumentEntry,
    doc: &Document,
    name: &str,
    proposals: &[Proposal],
) -> crate::ops::Result<bool> {
    let path = entry.annotation_path(name);
    let existing = read_existing(&path)?;
    // A fresh file of spans made from this very text: `save_merged` restamps it (a no-op check).
    let mut file = AnnotationFile::new(entry.file_name(), name, doc.sha256());
    for proposal in proposals {
        if let Some(span) = proposal.to_span(doc) {
            file.spans.insert_unchecked(span);
        }
    }
    if let Some(old) = &existing
        && old.text_sha256 == doc.sha256()
        && old.spans == file.spans
        && old.orphans.is_empty()
    {
        return Ok(false);
    }
    let texts = crate::old_texts::Lookup::for_article(&entry.path);
    save_merged(&path, &file, existing.as_ref(), doc, &texts)?;
    Ok(true)
}
