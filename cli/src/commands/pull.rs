//! `manyi pull DB_URL -o OUT.json`: every Manyi record of a CouchDB database through `_changes`,
//! page by page, written as a Manyi JSON export (the responses with the questionnaires they
//! answer) that `score`, `export` and the analyst workspace take.

use crate::couch::Connection;
use crate::output::Output;
use manyi_core::io::bundle::Bundle;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::{Response, ResponseId};
use manyi_core::sync::{Pull, PullOptions, PullReport, PullStep, SyncRecord};
use std::collections::BTreeMap;

/// What a pull read.
#[derive(Default)]
pub struct Pulled {
    /// Questionnaire versions by reference.
    pub questionnaires: BTreeMap<QuestionnaireRef, Questionnaire>,
    /// Responses by UUID.
    pub responses: BTreeMap<ResponseId, Response>,
    /// Callback cases and problem records read (not part of a responses export).
    pub cases: usize,
    /// See `cases`.
    pub problems: usize,
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
                        SyncRecord::Case(_) => out.cases += 1,
                        SyncRecord::Problem(_) => out.problems += 1,
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

/// Runs the command; `out` must name a file.
pub fn run(out: &Output, db_url: &str, page_size: usize) -> Result<(), String> {
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
    let pulled = pull_all(&db, page_size).map_err(|e| format!("{}: {e}", db.base))?;
    let mut responses: Vec<Response> = pulled.responses.into_values().collect();
    responses.sort_by_key(|r| (r.started_at, r.id));
    let n = responses.len();
    let used: std::collections::BTreeSet<&QuestionnaireRef> =
        responses.iter().map(|r| &r.questionnaire).collect();
    let questionnaires: Vec<Questionnaire> =
        pulled.questionnaires.values().filter(|q| used.contains(&q.reference())).cloned().collect();
    let nq = questionnaires.len();
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
    println!(
        "{}: pulled {n} responses, {nq} questionnaires ({} cases and {} problem records not written), conflicts {}",
        db.base,
        pulled.cases,
        pulled.problems,
        pulled.report.conflicts.len()
    );
    Ok(())
}
