//! Searching every document's text from the document list (`/` then `Tab`, as INCEpTION's
//! corpus search): a job scans the articles with the article search's matcher (same folding,
//! smart case and whole words), the list then shows the documents that match with their counts,
//! and opening one searches it, the cursor on its first match.

use std::path::PathBuf;

use super::super::super::app::{App, CorpusSearch, Focus, Tone};
use super::super::super::jobs::Job;
use super::super::super::search::Scan;

/// What a corpus search found: the query it was for and, per document index, its matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusHits {
    pub query: String,
    pub whole_word: bool,
    pub hits: Vec<(usize, usize)>,
    /// Documents that could not be read (not text, too large): counted, not searched.
    pub unreadable: usize,
}

/// Starts a corpus search for `query`; the job to run.
pub(crate) fn corpus_start(app: &mut App, query: &str) -> Option<Job> {
    if query.is_empty() {
        app.corpus_search = None;
        return None;
    }
    let whole_word = app.search.whole_word;
    app.corpus_search = Some(CorpusSearch {
        query: query.to_owned(),
        whole_word,
        hits: None,
    });
    app.focus = Focus::List;
    let documents: Vec<(usize, PathBuf)> = app
        .corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (i, d.path.clone()))
        .collect();
    app.say(
        format!(
            "searching {} for {query}…",
            crate::update::counted(documents.len(), "document", "documents")
        ),
        Tone::Info,
    );
    Some(Job::CorpusSearch {
        documents,
        query: query.to_owned(),
        whole_word,
    })
}

/// The job: every document's matches (on the job's thread).
pub(crate) fn search_documents(
    documents: &[(usize, PathBuf)],
    query: &str,
    whole_word: bool,
) -> CorpusHits {
    let mut hits = Vec::new();
    let mut unreadable = 0;
    for (index, path) in documents {
        let Ok(doc) = glosser_core::text::Document::load(path) else {
            unreadable += 1;
            continue;
        };
        let Some(mut scan) = Scan::with_words(query, whole_word, 0, 0) else {
            continue;
        };
        let mut found = Vec::new();
        while !scan.step(doc.text(), usize::MAX, &mut found) {}
        if !found.is_empty() {
            hits.push((*index, found.len()));
        }
    }
    CorpusHits {
        query: query.to_owned(),
        whole_word,
        hits,
        unreadable,
    }
}

/// The job's result: the list shows the documents that match (if the search is still wanted).
pub(crate) fn corpus_found(app: &mut App, found: &CorpusHits) {
    let Some(search) = &mut app.corpus_search else {
        return;
    };
    if search.query != found.query || search.whole_word != found.whole_word {
        return;
    }
    search.hits = Some(found.hits.clone());
    app.visible_docs = found.hits.iter().map(|(i, _)| *i).collect();
    app.list_cursor = 0;
    app.list_top = 0;
    app.focus = Focus::List;
    let total: usize = found.hits.iter().map(|(_, n)| n).sum();
    let unreadable = if found.unreadable > 0 {
        format!(
            " ({} not readable)",
            crate::update::counted(found.unreadable, "document", "documents")
        )
    } else {
        String::new()
    };
    let text = if found.hits.is_empty() {
        format!(
            "{} is in no document{unreadable}: Esc shows them all",
            found.query
        )
    } else {
        format!(
            "{}: {} in {} of {}{unreadable} · Enter opens one at its first match · Esc shows all",
            found.query,
            crate::update::counted(total, "match", "matches"),
            found.hits.len(),
            crate::update::counted(app.corpus.documents.len(), "document", "documents"),
        )
    };
    app.say(text, Tone::Info);
}

/// After a document is opened from the corpus search's list: search it for the same words.
pub(crate) fn open_corpus_hit(app: &mut App) {
    let Some(search) = &app.corpus_search else {
        return;
    };
    let (query, whole) = (search.query.clone(), search.whole_word);
    if let Some(session) = app.session_mut() {
        session.cursor = 0;
    }
    app.search.whole_word = whole;
    super::start(app, &query, false);
    let first = app.search.matches.first().map(|m| m.start);
    if app.search.scan.is_none()
        && let Some(first) = first
    {
        super::go(app, first);
        let text = super::which(app);
        app.say(text, Tone::Info);
    }
}

/// Matches of the corpus search in document `index`, if one ran.
pub(crate) fn hits_in(app: &App, index: usize) -> Option<usize> {
    let hits = app.corpus_search.as_ref()?.hits.as_ref()?;
    hits.iter().find(|(i, _)| *i == index).map(|(_, n)| *n)
}
