//! `manyi push DB_URL FILE…`: the responses of Manyi JSON exports (or an export's responses.csv),
//! with the questionnaires they answer, into a CouchDB database through core's push machine.
//! Prints one summary line; lists conflicts on standard error and exits 3 when there are any.

use crate::couch::Connection;
use crate::output::{name, read};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::merge::Merged;
use manyi_core::io::responses::read_responses_csv;
use manyi_core::questionnaire::{builtin, Questionnaire};
use manyi_core::response::Status;
use manyi_core::sync::{Document, Push, PushOptions, PushReport, PushStep, RevHash, SourceDoc, SyncRecord};
use std::path::PathBuf;

/// What the command did: the report, and whether to exit 3.
pub struct Pushed {
    /// The push's report.
    pub report: PushReport,
}

/// Reads the files and merges them by response UUID (a response in two files is pushed once).
pub fn read_files(files: &[PathBuf]) -> Result<Merged, String> {
    let mut merged = Merged::default();
    for path in files {
        let bytes = read(path)?;
        let source = name(path);
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let known: Vec<Questionnaire> = merged.questionnaires.values().cloned().collect();
        let bundle = if text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
            Bundle::from_json(&bytes, &source, &known).map_err(|e| e.to_string())?
        } else {
            let responses = read_responses_csv(&bytes, &source, &known).map_err(|e| e.to_string())?;
            Bundle::new(Vec::new(), responses, None, None)
        };
        merged.add(bundle, &source);
    }
    Ok(merged)
}

/// The documents of the merged files, numbered in a fixed order (questionnaires, then responses
/// by start and UUID) so that the same files give the same numbers and the same checkpoint.
/// Drafts are left out (they may still change); returns how many.
pub fn documents(merged: Merged) -> Result<(Vec<SourceDoc>, usize), String> {
    let mut questionnaires = merged.questionnaires;
    let builtins = builtin::all();
    for r in merged.responses.values() {
        if !questionnaires.contains_key(&r.questionnaire) {
            if let Some(q) = builtins.iter().find(|q| q.reference() == r.questionnaire) {
                questionnaires.insert(q.reference(), q.clone());
            }
        }
    }
    let mut responses: Vec<_> = merged.responses.into_values().collect();
    responses.sort_by_key(|r| (r.started_at, r.id));
    let drafts = responses.iter().filter(|r| r.status == Status::Draft).count();
    let records = questionnaires
        .into_values()
        .map(SyncRecord::Questionnaire)
        .chain(responses.into_iter().filter(|r| r.status != Status::Draft).map(SyncRecord::Response));
    let mut docs = Vec::new();
    for (i, record) in records.enumerate() {
        let document = Document::immutable(record).map_err(|e| e.to_string())?;
        docs.push(SourceDoc { seq: i as u64 + 1, document });
    }
    Ok((docs, drafts))
}

/// The checkpoint's source name of these documents: a hash of their ids and revisions.
pub fn source_of(docs: &[SourceDoc]) -> String {
    let list: Vec<[String; 2]> =
        docs.iter().map(|d| [d.document.id.clone(), d.document.revision().to_string()]).collect();
    format!("file-{}", RevHash::of("manyi/push-file/1", &serde_json::json!(list)))
}

/// Drives the push machine over the connection.
pub fn push_docs(db: &Connection, docs: &[SourceDoc], batch_size: usize) -> Result<PushReport, String> {
    let mut push = Push::new(PushOptions { source: source_of(docs), batch_size });
    let mut step = push.start();
    loop {
        step = match step.map_err(|e| e.to_string())? {
            PushStep::Send(request) => push.receive(db.send(&request).map_err(|e| e.to_string())?),
            PushStep::Supply { after, limit } => {
                let start = docs.partition_point(|d| d.seq <= after);
                push.supply(docs[start..docs.len().min(start + limit)].to_vec())
            }
            PushStep::Confirmed(_) => push.proceed(),
            PushStep::Done(report) => return Ok(report),
        };
    }
}

/// Runs the command.
pub fn run(db_url: &str, files: &[PathBuf], batch_size: usize) -> Result<Pushed, String> {
    let db = Connection::open(db_url, "DB_URL")?;
    if db.database().is_none() {
        return Err(format!(
            "{}: the URL names no database; add its name, e.g. {}/manyi-device-hall1",
            db.base, db.base
        ));
    }
    let (docs, drafts) = documents(read_files(files)?)?;
    let report = push_docs(&db, &docs, batch_size).map_err(|e| format!("{}: {e}", db.base))?;
    for c in &report.conflicts {
        let theirs = c.theirs.as_ref().map_or("?".to_owned(), ToString::to_string);
        eprintln!("conflict: {} (the server had {theirs}; this file's {} is kept beside it)", c.id, c.ours);
    }
    // Documents below the checkpoint were pushed before and not asked about again: there too.
    let already = docs.len() - report.sent - report.new_conflicts;
    let drafts = if drafts > 0 { format!(" ({drafts} drafts not pushed)") } else { String::new() };
    println!(
        "{}: sent {}, already there {}, conflicts {}{drafts}",
        db.base,
        report.sent,
        already,
        report.conflicts.len()
    );
    Ok(Pushed { report })
}
