//! `manyi pull DB_URL -o OUT.json`: every Manyi record of a CouchDB database through `_changes`,
//! page by page, written as a Manyi JSON export (the responses with the questionnaires they
//! answer) that `score`, `export` and the analyst workspace take; with `--callback FILE` also the
//! callback workspace's export of the cases (with their calls), the interviews and the problem
//! records.

use crate::couch::Connection;
use crate::output::Output;
use checkpoint::Checkpoint;
use manyi_core::callback::export::Privacy;
use manyi_core::callback::files::{callback_export, to_json};
use manyi_core::callback::problem::Problem;
use manyi_core::callback::{CallList, Case, ProblemLog};
use manyi_core::io::bundle::Bundle;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::{Channel, Response, ResponseId};
use manyi_core::sync::{NotARecord, Pull, PullOptions, PullStep, SyncRecord};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod checkpoint;

/// What a pull read.
#[derive(Default)]
pub struct Pulled {
    /// Questionnaire versions by reference.
    pub questionnaires: BTreeMap<QuestionnaireRef, Questionnaire>,
    /// Responses by UUID.
    pub responses: BTreeMap<ResponseId, Response>,
    /// Callback cases (with their calls) by document id.
    pub cases: BTreeMap<String, Case>,
    /// Problem records by document id.
    pub problems: BTreeMap<String, Problem>,
    /// Records whose revision does not match their content (edited on the server by hand).
    pub edited: BTreeSet<String>,
    /// Records with conflicting revisions on the server, with those revisions.
    pub conflicts: BTreeMap<String, Vec<String>>,
    /// Documents that are not Manyi records.
    pub foreign: BTreeSet<String>,
    /// Pages read from an earlier, unfinished pull's checkpoint, and pages read now.
    pub pages: (usize, usize),
}

impl Pulled {
    /// Takes a record; a later revision of the same document replaces the earlier one.
    fn take(&mut self, p: manyi_core::sync::Pulled) {
        if p.content_matches {
            self.edited.remove(&p.id);
        } else {
            self.edited.insert(p.id.clone());
        }
        if p.conflicts.is_empty() {
            self.conflicts.remove(&p.id);
        } else {
            self.conflicts.insert(p.id.clone(), p.conflicts.iter().map(ToString::to_string).collect());
        }
        match p.record {
            SyncRecord::Response(r) => {
                self.responses.insert(r.id, r);
            }
            SyncRecord::Questionnaire(q) => {
                self.questionnaires.insert(q.reference(), q);
            }
            SyncRecord::Case(c) => {
                self.cases.insert(p.id, c);
            }
            SyncRecord::Problem(problem) => {
                self.problems.insert(p.id, problem);
            }
        }
    }
}

/// Reads the database from where the checkpoint beside `out` says an earlier pull stopped (or
/// from the start), adding each page to the checkpoint; the caller removes it once OUT is written.
fn pull_all(
    db: &Connection,
    page_size: usize,
    out: &Path,
    restart: bool,
) -> Result<(Pulled, Checkpoint), String> {
    let (mut checkpoint, kept) = Checkpoint::open(out, &db.base, restart)?;
    let mut pulled = Pulled { pages: (kept.pages, 0), ..Pulled::default() };
    pulled.foreign.extend(kept.foreign);
    for record in kept.records {
        pulled.take(record);
    }
    let mut pull = Pull::new(PullOptions { since: kept.since, page_size });
    let mut step = pull.start();
    let failed = |e: manyi_core::sync::SyncError| format!("{}: {e}", db.base);
    loop {
        step = match step.map_err(failed)? {
            PullStep::Send(request) => pull.receive(db.send(&request).map_err(failed)?),
            PullStep::Page(page) => {
                checkpoint.page(&page)?;
                let foreign = page.skipped.iter().filter(|s| matches!(s.why, NotARecord::Foreign { .. }));
                pulled.foreign.extend(foreign.map(|s| s.id.clone()));
                for p in page.records {
                    pulled.take(p);
                }
                pulled.pages.1 += 1;
                pull.proceed()
            }
            PullStep::Done(_) => return Ok((pulled, checkpoint)),
        };
    }
}

/// Writes the callback workspace's export (JSON) of the pulled cases, problem records and
/// interviews: each interview scored with the questionnaire version it answered (the pulled
/// ones, or the built-in callback one), the built-in first.
fn write_callback(path: &Path, pulled: &Pulled, responses: &[Response]) -> Result<(), String> {
    let builtin = Builtin::Callback.questionnaire();
    let mut scripts: Vec<&Questionnaire> = pulled
        .questionnaires
        .values()
        .filter(|q| q.reference() != builtin.reference())
        .filter(|q| {
            responses.iter().any(|r| r.channel == Channel::Callback && r.questionnaire == q.reference())
        })
        .collect();
    scripts.sort_by_key(|q| q.reference());
    scripts.insert(0, &builtin);
    let list = CallList { cases: pulled.cases.values().cloned().collect() };
    let mut problems: Vec<Problem> = pulled.problems.values().cloned().collect();
    problems.sort_by_key(|p| (p.found_at, p.id));
    let log = ProblemLog { problems };
    let now = chrono::Local::now().fixed_offset();
    let export = callback_export(&list, &log, &scripts, responses, Privacy::default(), now);
    std::fs::write(path, to_json(&export, responses, &scripts))
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Runs the command; `out` must name a file.
pub fn run(
    out: &Output,
    db_url: &str,
    page_size: usize,
    callback: Option<&Path>,
    restart: bool,
) -> Result<(), String> {
    let Some(path) = out.path else {
        return Err("say where to write the export: -o OUT.json".into());
    };
    let db = Connection::open(db_url, "DB_URL")?;
    if db.database().is_none() {
        return Err(format!(
            "{}: the URL names no database; add its name, e.g. {}/manyi-company",
            db.base, db.base
        ));
    }
    let (mut pulled, checkpoint) = pull_all(&db, page_size, path, restart)?;
    let mut responses: Vec<Response> = std::mem::take(&mut pulled.responses).into_values().collect();
    responses.sort_by_key(|r| (r.started_at, r.id));
    let n = responses.len();
    let used: std::collections::BTreeSet<&QuestionnaireRef> =
        responses.iter().map(|r| &r.questionnaire).collect();
    let questionnaires: Vec<Questionnaire> =
        pulled.questionnaires.values().filter(|q| used.contains(&q.reference())).cloned().collect();
    let nq = questionnaires.len();
    if let Some(path) = callback {
        write_callback(path, &pulled, &responses)?;
    }
    let (cases, problems) = (pulled.cases.len(), pulled.problems.len());
    let bundle = Bundle::new(questionnaires, responses, Some(chrono::Local::now().fixed_offset()), None);
    out.bytes(&bundle.to_json())?;
    checkpoint.finish()?;
    for (id, revs) in &pulled.conflicts {
        eprintln!(
            "conflict: {id} has other revisions on the server ({}); the winning one is exported",
            revs.join(", ")
        );
    }
    for id in &pulled.edited {
        eprintln!(
            "warning: {id} was changed on the server by hand (its revision no longer matches its content)"
        );
    }
    if !pulled.foreign.is_empty() {
        eprintln!("warning: {} documents are not Manyi records and were skipped", pulled.foreign.len());
    }
    let callback = match callback {
        Some(path) => {
            format!(", {cases} callback cases and {problems} problem records to {}", path.display())
        }
        None if cases + problems > 0 => {
            format!(" ({cases} callback cases and {problems} problem records left out: give --callback FILE)")
        }
        None => String::new(),
    };
    let continued = match pulled.pages {
        (0, _) => String::new(),
        (kept, now) => format!(" (continued an unfinished pull: {kept} pages kept, {now} read now)"),
    };
    println!(
        "{}: pulled {n} responses, {nq} questionnaires{callback}, conflicts {}{continued}",
        db.base,
        pulled.conflicts.len()
    );
    Ok(())
}
