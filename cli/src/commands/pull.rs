//! `manyi pull DB_URL -o OUT.json`: every Manyi record of a CouchDB database through `_changes`,
//! page by page, written as a Manyi JSON export (the responses with the questionnaires they
//! answer) that `score`, `export` and the analyst workspace take; with `--callback FILE` also the
//! callback workspace's export of the cases (with their calls), the interviews and the problem
//! records.

use crate::couch::Connection;
use crate::output::Output;
use manyi_core::callback::export::Privacy;
use manyi_core::callback::files::{callback_export, to_json};
use manyi_core::callback::problem::Problem;
use manyi_core::callback::{CallList, Case, ProblemLog};
use manyi_core::io::bundle::Bundle;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::{Channel, Response, ResponseId};
use manyi_core::sync::{Pull, PullOptions, PullReport, PullStep, SyncRecord};
use std::collections::BTreeMap;
use std::path::Path;

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
    pub edited: Vec<String>,
    /// The machine's report.
    pub report: PullReport,
}

/// Reads the whole database.
pub fn pull_all(db: &Connection, page_size: usize) -> Result<Pulled, String> {
    let mut pull = Pull::new(PullOptions { since: None, page_size });
    let mut out = Pulled::default();
    let mut step = pull.start();
    loop {
        step = match step.map_err(|e| e.to_string())? {
            PullStep::Send(request) => pull.receive(db.send(&request).map_err(|e| e.to_string())?),
            PullStep::Page(page) => {
                for p in page.records {
                    if !p.content_matches {
                        out.edited.push(p.id.clone());
                    }
                    match p.record {
                        SyncRecord::Response(r) => {
                            out.responses.insert(r.id, r);
                        }
                        SyncRecord::Questionnaire(q) => {
                            out.questionnaires.insert(q.reference(), q);
                        }
                        SyncRecord::Case(c) => {
                            out.cases.insert(p.id, c);
                        }
                        SyncRecord::Problem(problem) => {
                            out.problems.insert(p.id, problem);
                        }
                    }
                }
                pull.proceed()
            }
            PullStep::Done(report) => {
                out.report = report;
                return Ok(out);
            }
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
pub fn run(out: &Output, db_url: &str, page_size: usize, callback: Option<&Path>) -> Result<(), String> {
    if out.path.is_none() {
        return Err("say where to write the export: -o OUT.json".into());
    }
    let db = Connection::open(db_url, "DB_URL")?;
    if db.database().is_none() {
        return Err(format!(
            "{}: the URL names no database; add its name, e.g. {}/manyi-company",
            db.base, db.base
        ));
    }
    let mut pulled = pull_all(&db, page_size).map_err(|e| format!("{}: {e}", db.base))?;
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
    for (id, revs) in &pulled.report.conflicts {
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
    if !pulled.report.foreign.is_empty() {
        eprintln!(
            "warning: {} documents are not Manyi records and were skipped",
            pulled.report.foreign.len()
        );
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
    println!(
        "{}: pulled {n} responses, {nq} questionnaires{callback}, conflicts {}",
        db.base,
        pulled.report.conflicts.len()
    );
    Ok(())
}
