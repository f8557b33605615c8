//! What the callback workspace exports: cases, attempts (each call's outcome and code), the
//! outcome rates per list, agent and day, the interviews' answers and the problem records — as
//! CSV files, one JSON document or one XLSX workbook, the same tables in each.

use super::export::{attempts_table, cases_table, problems_table, rates_table, Privacy};
use super::problem::ProblemLog;
use super::queue::CallList;
use super::rates::RatesBy;
use crate::dataset::{Dataset, Filter};
use crate::io::export::Export;
use crate::io::responses::{dictionary_table, ResponsesOptions};
use crate::io::table::{Cell, Table};
use crate::questionnaire::Questionnaire;
use crate::response::Response;
use crate::scoring::report::ReportOptions;
use chrono::{DateTime, FixedOffset};
use serde_json::{json, Map, Value};

/// The `format` of the JSON document.
pub const FORMAT: &str = "manyi-callback";
/// Its version.
pub const FORMAT_VERSION: u32 = 1;

/// The table names, in the order of the workbook's sheets and the JSON document's keys.
pub const TABLES: [&str; 6] = ["cases", "attempts", "rates", "answers", "problems", "dictionary"];

/// The rates of the closed cases per list (`by` = `list`, group `all`), per agent and per day,
/// in one table: `by` then the columns of [`rates_table`].
pub fn rates_by_table(list: &CallList) -> Table {
    let mut out =
        Table::new(std::iter::once("by".to_owned()).chain(super::export::RATE_COLUMNS.map(String::from)));
    for (by, name) in [(RatesBy::List, "list"), (RatesBy::Agent, "agent"), (RatesBy::Day, "day")] {
        for row in rates_table(&list.rates(by)).rows {
            out.push(std::iter::once(Cell::from(name)).chain(row).collect());
        }
    }
    out
}

/// The closed interviews among `responses` that answer `q`.
fn interviews_of<'r>(q: &Questionnaire, responses: &'r [Response]) -> Vec<&'r Response> {
    let reference = q.reference();
    responses
        .iter()
        .filter(|r| r.questionnaire == reference && r.status != crate::response::Status::Draft)
        .collect()
}

/// The rows of `tables` in one table: the first one's columns, then each column a later table
/// adds, in order; a row has no cell under the columns of other tables.
fn union(tables: Vec<Table>) -> Table {
    let mut columns: Vec<String> = Vec::new();
    for t in &tables {
        for c in &t.columns {
            if !columns.contains(c) {
                columns.push(c.clone());
            }
        }
    }
    let mut out = Table::new(columns.clone());
    for t in tables {
        let at: Vec<usize> = t
            .columns
            .iter()
            .map(|c| columns.iter().position(|k| k == c).expect("a column of the union"))
            .collect();
        for row in t.rows {
            let mut cells = vec![Cell::Empty; columns.len()];
            for (cell, &i) in row.into_iter().zip(&at) {
                cells[i] = cell;
            }
            out.push(cells);
        }
    }
    out
}

/// The export of the workspace at `now`: the call list, the problem log and the interviews'
/// `responses` to the `scripts` (the questionnaires the cases are interviewed with; drafts and
/// other questionnaires are left out). Each interview is a row of `answers`, scored with the
/// questionnaire version it answered (its composite with that version's stated weights); the
/// columns are the first script's, then each item another script adds, and the dictionary
/// names every script's items (the first script's label where two share an id). Phone numbers
/// are masked unless `privacy` allows them.
pub fn callback_export(
    list: &CallList,
    log: &ProblemLog,
    scripts: &[&Questionnaire],
    responses: &[Response],
    privacy: Privacy,
    now: DateTime<FixedOffset>,
) -> Export {
    let options = ResponsesOptions { show_phone_numbers: privacy.show_phone_numbers };
    let mut answers = Vec::new();
    let mut dictionary = Vec::new();
    let mut count = 0;
    for q in scripts {
        let interviews = interviews_of(q, responses);
        count += interviews.len();
        let ds = Dataset::from_responses(q, interviews.iter().copied());
        // An index that cannot be computed (no weights) only leaves the composites empty.
        let index = ds.index(&ReportOptions::default(), &[], &Filter::default()).ok();
        answers.push(ds.responses_table(index.as_ref(), options));
        dictionary.push(dictionary_table(q));
    }
    let mut dictionary = union(dictionary);
    let mut seen: Vec<(Cell, Cell)> = Vec::new();
    dictionary.rows.retain(|r| {
        let key = (r[0].clone(), r[1].clone());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    let tables = vec![
        ("cases", cases_table(list, privacy)),
        ("attempts", attempts_table(list)),
        ("rates", rates_by_table(list)),
        ("answers", union(answers)),
        ("problems", problems_table(log, now)),
        ("dictionary", dictionary),
    ];
    let scripts_text = scripts.iter().map(|q| q.reference().to_string()).collect::<Vec<_>>().join("; ");
    let mut about = Table::new(["key", "说明", "description", "value"]);
    let mut row = |key: &str, zh: &str, en: &str, value: Cell| {
        about.push(vec![key.into(), zh.into(), en.into(), value])
    };
    row("exported_at", "导出时间", "Exported at (ISO 8601 with UTC offset)", now.to_rfc3339().into());
    row("title", "内容", "Contents", "电话回访 / Callback workspace".into());
    row("questionnaire", "问卷", "Questionnaires (id, version) of the interviews", scripts_text.into());
    row("cases", "回访任务数", "Cases", list.cases.len().into());
    row(
        "attempts",
        "呼叫次数",
        "Calls made",
        list.cases.iter().map(|c| c.attempts.len()).sum::<usize>().into(),
    );
    row("answers", "回访问卷数", "Interviews (complete and broken off)", count.into());
    row("problems", "问题记录数", "Problem records", log.problems.len().into());
    row(
        "phone_numbers",
        "电话号码",
        "Phone numbers shown in full (a staff setting) or masked as 138****5678",
        if privacy.show_phone_numbers { "full" } else { "masked" }.into(),
    );
    row(
        "rates",
        "回访率",
        "AAPOR RR1 = I/(I+P+R+NC+O+U); COOP1 = I/(I+P+R+O); REF1 = R/(I+P+R+NC+O+U); CON1 = (I+P+R+O)/(I+P+R+O+NC+U), over closed cases; empty when the denominator is 0",
        Cell::Empty,
    );
    Export { exported_at: now, tables, about }
}

/// The export as one JSON document: `format`, `format_version`, `exported_at`, then each table
/// as an array of objects under its name, then the interviews as full responses (keyed by UUID,
/// so files of several desks merge without duplicates).
pub fn to_json(export: &Export, responses: &[Response], scripts: &[&Questionnaire]) -> Vec<u8> {
    let mut doc = Map::new();
    doc.insert("format".into(), json!(FORMAT));
    doc.insert("format_version".into(), json!(FORMAT_VERSION));
    doc.insert("exported_at".into(), json!(export.exported_at.to_rfc3339()));
    for (name, table) in &export.tables {
        doc.insert((*name).to_owned(), table.to_json_value());
    }
    let interviews: Vec<&Response> = scripts.iter().flat_map(|q| interviews_of(q, responses)).collect();
    doc.insert("responses".into(), serde_json::to_value(interviews).expect("responses serialise"));
    let mut out = serde_json::to_vec_pretty(&Value::Object(doc)).expect("serialisable");
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests;
