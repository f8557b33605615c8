//! What the page and the analysis web worker say to each other, and what the worker does with
//! it. The worker holds the engine (the merged data, possibly a million responses) and the full
//! results of the latest scoring pass; the page holds summaries and the results without their
//! per-response scores. Each request gets exactly one reply, in order; file bytes travel beside
//! the message as a transferred `ArrayBuffer`, not inside it. [`Handler`] is plain Rust, tested
//! natively; `worker.rs` and `client.rs` carry its messages across.

use super::engine::{MergedEngine, ScoringEngine, Version};
use super::results;
use super::settings::Settings;
use super::state::Results;
use chrono::{DateTime, FixedOffset};
use manyi_core::io::merge::MergeReport;
use serde::{Deserialize, Serialize};

/// A download the analyst asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Download {
    /// The workbook of `manyi export`.
    Xlsx,
    /// One table as CSV with a BOM.
    Csv(String),
    /// Every table as one JSON document.
    Json,
    /// The merged responses as a Manyi JSON bundle.
    Bundle,
}

/// From the page to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read and merge the file whose bytes come with the message.
    Import {
        /// The file's name, for errors and reports.
        name: String,
    },
    /// The batch of imports is over: order the data and say what is held.
    Settle,
    /// One computation of the results of `settings` over the responses to `version`.
    Compute {
        /// The questionnaire version scored.
        version: Box<Version>,
        /// The analyst's choices.
        settings: Settings,
    },
    /// Make a file of the latest results, exported at `at`.
    Download {
        /// Which file.
        what: Download,
        /// The settings the results were computed with (their filter).
        settings: Settings,
        /// When (the core reads no clock).
        at: DateTime<FixedOffset>,
    },
    /// Forget everything.
    Clear,
}

/// From the worker to the page: the answer to the request of the same turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The file was merged, or refused whole (file, line, column).
    Imported(Result<MergeReport, String>),
    /// What is held after a batch.
    Settled {
        /// Distinct responses.
        held: usize,
        /// The questionnaire versions, most responses first.
        versions: Vec<Version>,
    },
    /// The results (without per-response scores), or why there are none.
    Computed(Result<Box<Results>, String>),
    /// A file's name and media type (its bytes come with the message), or why it was not made.
    Made(Result<(String, String), String>),
    /// Everything was forgotten.
    Cleared,
    /// The worker could not read the request.
    Failed(String),
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The worker's side: the engine and the latest full results.
#[derive(Debug, Default)]
pub struct Handler {
    engine: MergedEngine,
    last: Option<Results>,
}

impl Handler {
    /// Answers `request`, whose file (if any) is `bytes`; returns the reply and its file's bytes.
    pub fn handle(&mut self, request: Request, bytes: Vec<u8>) -> (Reply, Vec<u8>) {
        match request {
            Request::Import { name } => {
                self.last = None;
                (Reply::Imported(self.engine.import(&bytes, &name).map_err(|e| e.to_string())), Vec::new())
            }
            Request::Settle => {
                self.engine.settle();
                (Reply::Settled { held: self.engine.len(), versions: self.engine.versions() }, Vec::new())
            }
            Request::Compute { version, settings } => {
                let result = match &version.questionnaire {
                    None => Err(format!("{}: questionnaire not in the files", version.reference)),
                    Some(q) => results::compute(&self.engine, q, &settings),
                };
                self.last = result.as_ref().ok().cloned();
                (Reply::Computed(result.map(|r| Box::new(light(r)))), Vec::new())
            }
            Request::Download { what, settings, at } => match self.make(&what, &settings, at) {
                Ok((name, mime, bytes)) => (Reply::Made(Ok((name, mime.to_owned()))), bytes),
                Err(e) => (Reply::Made(Err(e)), Vec::new()),
            },
            Request::Clear => {
                *self = Handler::default();
                (Reply::Cleared, Vec::new())
            }
        }
    }

    /// A download of the latest results.
    fn make(
        &self,
        what: &Download,
        settings: &Settings,
        at: DateTime<FixedOffset>,
    ) -> Result<(String, &'static str, Vec<u8>), String> {
        let r = self.last.as_ref().ok_or("no results yet")?;
        let filter = settings.filter();
        let q = &r.questionnaire;
        let e = &self.engine;
        let stem = format!("manyi-{}-v{}-{}", q.id, q.version, at.format("%Y%m%d-%H%M"));
        let export = || e.export(q, &filter, &r.analysis, at);
        match what {
            Download::Xlsx => {
                export().to_xlsx().map(|b| (format!("{stem}.xlsx"), XLSX, b)).map_err(|e| e.to_string())
            }
            Download::Csv(table) => export()
                .csv_files()
                .into_iter()
                .find(|(name, _)| *name == format!("{table}.csv"))
                .map(|(name, b)| (format!("{stem}-{name}"), "text/csv;charset=utf-8", b))
                .ok_or_else(|| format!("no table {table}")),
            Download::Json => {
                let ex = export();
                let mut object = serde_json::Map::new();
                object.insert("about".into(), ex.about.to_json_value());
                for (name, table) in &ex.tables {
                    object.insert((*name).into(), table.to_json_value());
                }
                serde_json::to_vec_pretty(&object)
                    .map(|b| (format!("{stem}.json"), "application/json", b))
                    .map_err(|e| e.to_string())
            }
            Download::Bundle => {
                Ok((format!("{stem}-responses.json"), "application/json", e.bundle(q, &filter, at)))
            }
        }
    }
}

/// The results as the page needs them: without the per-response scores (a million rows), which
/// the worker keeps for the exports.
fn light(mut r: Results) -> Results {
    r.analysis.report.responses = Vec::new();
    r.trend.responses = Vec::new();
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};

    #[test]
    fn import_settle_compute_and_download_through_messages() {
        let file =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 80, seed: 5, ..Default::default() })
                .to_json();
        let mut h = Handler::default();
        let (reply, _) = h.handle(Request::Import { name: "a.json".into() }, file.clone());
        assert!(matches!(reply, Reply::Imported(Ok(ref r)) if r.added == 80), "{reply:?}");
        let (reply, _) = h.handle(Request::Import { name: "a.json".into() }, file);
        assert!(matches!(reply, Reply::Imported(Ok(ref r)) if r.added == 0 && r.duplicates == 80));
        let (reply, _) = h.handle(Request::Import { name: "bad.json".into() }, b"{\n  x".to_vec());
        assert!(
            matches!(reply, Reply::Imported(Err(ref e)) if e.starts_with("bad.json, line 2")),
            "{reply:?}"
        );
        let Reply::Settled { held, versions } = h.handle(Request::Settle, Vec::new()).0 else {
            panic!("not settled")
        };
        assert_eq!((held, versions.len()), (80, 1));
        let settings = Settings::default();
        let request = Request::Compute { version: Box::new(versions[0].clone()), settings: settings.clone() };
        let Reply::Computed(Ok(r)) = h.handle(request, Vec::new()).0 else { panic!("not computed") };
        // The page gets the figures and the count, not the per-response scores.
        assert!(r.scored > 50 && r.analysis.report.responses.is_empty(), "{}", r.scored);
        assert_eq!(h.last.as_ref().unwrap().analysis.report.responses.len(), r.scored);
        let at = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").unwrap();
        let (reply, bytes) = h.handle(Request::Download { what: Download::Bundle, settings, at }, Vec::new());
        assert_eq!(
            reply,
            Reply::Made(Ok(("manyi-hall-v1-20261122-1000-responses.json".into(), "application/json".into())))
        );
        assert!(bytes.starts_with(b"{"));
        assert_eq!(h.handle(Request::Clear, Vec::new()).0, Reply::Cleared);
        assert!(matches!(h.handle(Request::Settle, Vec::new()).0, Reply::Settled { held: 0, .. }));
    }

    #[test]
    fn messages_survive_a_round_trip_as_json() {
        let r = Reply::Imported(Err("x.json, line 1, column 2: expected value".into()));
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), r);
    }
}
