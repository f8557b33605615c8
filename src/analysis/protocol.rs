//! What the page and the analysis web worker say to each other, and what the worker does with
//! it. The worker holds the data (core's columnar datasets, possibly a million responses) and
//! the latest scoring pass of a dataset (its figures, no per-response record); the page holds
//! summaries and the results. Each request gets exactly one reply, in order; while a file is
//! imported the worker also sends its progress, which is not a reply. A picked file's bytes
//! travel beside the request as a transferred `ArrayBuffer`; a file the worker makes comes in
//! parts ([`Outbox::part`]), which the worker hands to the page as one `Blob`. [`Handler`] is
//! plain Rust, tested natively; `worker.rs` and `client.rs` carry its messages across.

use super::downloads;
use super::engine::{Engine, Version};
use super::failure::Failure;
use super::results;
use super::settings::Settings;
use super::state::Results;
use chrono::{DateTime, FixedOffset};
use manyi_core::io::merge::MergeReport;
use manyi_core::questionnaire::QuestionnaireRef;
use manyi_core::scoring::analysis::Analysis;
use serde::{Deserialize, Serialize};

/// A download the analyst asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Download {
    /// The workbook of `manyi export` (its responses sheet holds the first
    /// [`downloads::SHEET_LIMIT`] responses).
    Xlsx,
    /// One table as CSV with a BOM (`responses` holds every response that passes the filter).
    Csv(String),
    /// Every table of the workbook as one JSON document.
    Json,
    /// The responses that pass the filter as a Manyi JSON bundle.
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
        version: QuestionnaireRef,
        /// The analyst's choices.
        settings: Settings,
    },
    /// Make a file of the latest results, exported at `at`.
    Download {
        /// Which file.
        what: Download,
        /// When (the core reads no clock).
        at: DateTime<FixedOffset>,
    },
    /// Forget everything.
    Clear,
}

/// From the worker to the page: the answer to the request of the same turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The file was merged, or refused whole: core's error, typed (file, line, column and
    /// kind), for the page to say in its language.
    Imported(Result<MergeReport, manyi_core::Error>),
    /// What is held after a batch.
    Settled {
        /// Distinct responses.
        held: usize,
        /// The questionnaire versions, most responses first.
        versions: Vec<Version>,
    },
    /// The results, or why there are none (typed, said by the page in its language).
    Computed(Result<Box<Results>, Failure>),
    /// A file's name and media type (its bytes come with the message), or why it was not made.
    Made(Result<(String, String), Failure>),
    /// Everything was forgotten.
    Cleared,
    /// The worker could not read the request.
    Failed(Failure),
}

/// How far the worker has read the file it imports: sent while it reads, every
/// [`manyi_core::dataset::PROGRESS_EVERY`] responses and at the end; not a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// Responses read so far.
    pub read: usize,
    /// Responses the file seems to hold (an estimate until the end, never below `read`).
    pub expected: usize,
}

/// What the handler sends besides its reply.
pub trait Outbox {
    /// The progress of the import under way.
    fn progress(&mut self, progress: ImportProgress);
    /// The next part of the file being made.
    fn part(&mut self, bytes: Vec<u8>);
}

/// The worker's side: the data and the latest scoring pass (of which questionnaire version).
#[derive(Debug, Default)]
pub struct Handler {
    engine: Engine,
    last: Option<(QuestionnaireRef, Analysis)>,
}

impl Handler {
    /// Answers `request`, whose file (if any) is `bytes`; progress and the parts of a file made
    /// go to `out`.
    pub fn handle(&mut self, request: Request, bytes: Vec<u8>, out: &mut dyn Outbox) -> Reply {
        match request {
            Request::Import { name } => {
                // The rows change: the latest pass no longer describes them.
                self.last = None;
                let mut progress = |p: manyi_core::dataset::Progress| {
                    out.progress(ImportProgress { read: p.read, expected: p.expected })
                };
                let result = self.engine.import(&bytes, &name, &mut progress);
                drop(bytes);
                Reply::Imported(result)
            }
            Request::Settle => {
                self.engine.settle();
                Reply::Settled { held: self.engine.len(), versions: self.engine.versions() }
            }
            Request::Compute { version, settings } => {
                self.last = None;
                match results::compute(&self.engine, &version, &settings) {
                    Ok((results, analysis)) => {
                        self.last = Some((version, analysis));
                        Reply::Computed(Ok(Box::new(results)))
                    }
                    Err(e) => Reply::Computed(Err(e)),
                }
            }
            Request::Download { what, at } => Reply::Made(self.make(&what, at, out)),
            Request::Clear => {
                *self = Handler::default();
                Reply::Cleared
            }
        }
    }

    /// A download of the latest results: its name and media type; its bytes went to `out`.
    fn make(
        &self,
        what: &Download,
        at: DateTime<FixedOffset>,
        out: &mut dyn Outbox,
    ) -> Result<(String, String), Failure> {
        let (version, analysis) = self.last.as_ref().ok_or(Failure::NoResults)?;
        let ds = self.engine.dataset(version).ok_or_else(|| Failure::NoResponses(version.to_string()))?;
        downloads::make(ds, analysis, what, at, &mut |bytes| out.part(bytes))
            .map(|(name, mime)| (name, mime.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};

    /// What a handler sent besides its replies.
    #[derive(Default)]
    struct Sent {
        progress: Vec<ImportProgress>,
        file: Vec<u8>,
    }

    impl Outbox for Sent {
        fn progress(&mut self, progress: ImportProgress) {
            self.progress.push(progress);
        }
        fn part(&mut self, bytes: Vec<u8>) {
            self.file.extend(bytes);
        }
    }

    #[test]
    fn import_settle_compute_and_download_through_messages() {
        let file =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 80, seed: 5, ..Default::default() })
                .to_json();
        let mut h = Handler::default();
        let mut out = Sent::default();
        let reply = h.handle(Request::Import { name: "a.json".into() }, file.clone(), &mut out);
        assert!(matches!(reply, Reply::Imported(Ok(ref r)) if r.added == 80), "{reply:?}");
        // Under 10,000 responses: only the end is reported.
        assert_eq!(out.progress, [ImportProgress { read: 80, expected: 80 }]);
        let reply = h.handle(Request::Import { name: "a.json".into() }, file, &mut out);
        assert!(matches!(reply, Reply::Imported(Ok(ref r)) if r.added == 0 && r.duplicates == 80));
        let reply = h.handle(Request::Import { name: "bad.json".into() }, b"{\n  x".to_vec(), &mut out);
        assert!(
            matches!(reply, Reply::Imported(Err(ref e)) if e.to_string().starts_with("bad.json, line 2")),
            "{reply:?}"
        );
        let Reply::Settled { held, versions } = h.handle(Request::Settle, Vec::new(), &mut out) else {
            panic!("not settled")
        };
        assert_eq!((held, versions.len()), (80, 1));
        let at = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").unwrap();
        let download = |what| Request::Download { what, at };
        // Nothing to download before a computation.
        assert_eq!(
            h.handle(download(Download::Bundle), Vec::new(), &mut out),
            Reply::Made(Err(Failure::NoResults))
        );
        let request =
            Request::Compute { version: versions[0].reference.clone(), settings: Settings::default() };
        let Reply::Computed(Ok(r)) = h.handle(request, Vec::new(), &mut out) else { panic!("not computed") };
        // The page gets the figures and the count from the index, no per-response scores.
        assert!(r.scored > 50, "{}", r.scored);
        assert_eq!(h.last.as_ref().unwrap().1.index.scored, r.scored);
        let reply = h.handle(download(Download::Bundle), Vec::new(), &mut out);
        assert_eq!(
            reply,
            Reply::Made(Ok(("manyi-hall-v1-20261122-1000-responses.json".into(), "application/json".into())))
        );
        assert!(out.file.starts_with(b"{"));
        let reply = h.handle(download(Download::Csv("nothing".into())), Vec::new(), &mut out);
        assert_eq!(reply, Reply::Made(Err(Failure::NoTable("nothing".into()))));
        assert_eq!(h.handle(Request::Clear, Vec::new(), &mut out), Reply::Cleared);
        assert!(matches!(h.handle(Request::Settle, Vec::new(), &mut out), Reply::Settled { held: 0, .. }));
    }

    #[test]
    fn an_import_reports_its_progress_within_the_file() {
        let file =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 20_001, seed: 2, ..Default::default() })
                .to_json();
        let mut out = Sent::default();
        Handler::default().handle(Request::Import { name: "big.json".into() }, file, &mut out);
        let read: Vec<usize> = out.progress.iter().map(|p| p.read).collect();
        assert_eq!(read, [10_000, 20_000, 20_001]);
        assert!(out.progress[0].expected >= 20_001, "{:?}", out.progress[0]);
    }

    #[test]
    fn the_responses_csv_the_worker_makes_reads_back_with_the_same_figures() {
        let file =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 300, seed: 6, ..Default::default() })
                .to_json();
        let mut json = Handler::default();
        let mut out = Sent::default();
        json.handle(Request::Import { name: "a.json".into() }, file, &mut out);
        json.handle(Request::Settle, Vec::new(), &mut out);
        let hall = manyi_core::questionnaire::builtin::Builtin::Hall.questionnaire().reference();
        let compute = Request::Compute { version: hall, settings: Settings::default() };
        let Reply::Computed(Ok(want)) = json.handle(compute.clone(), Vec::new(), &mut out) else { panic!() };
        let at = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").unwrap();
        json.handle(Request::Download { what: Download::Csv("responses".into()), at }, Vec::new(), &mut out);
        let csv = std::mem::take(&mut out.file);
        // Into the same data: nothing new (rows with a masked phone differ from their JSON copy).
        let Reply::Imported(Ok(again)) =
            json.handle(Request::Import { name: "responses.csv".into() }, csv.clone(), &mut out)
        else {
            panic!("not imported")
        };
        assert_eq!((again.added, again.duplicates + again.conflicts.len()), (0, 300), "{again:?}");
        assert_eq!(again.conflicts.len(), again.masked_phones);
        // Alone: the same figures.
        let mut table = Handler::default();
        let reply = table.handle(Request::Import { name: "responses.csv".into() }, csv, &mut out);
        assert!(matches!(reply, Reply::Imported(Ok(ref r)) if r.added == 300), "{reply:?}");
        table.handle(Request::Settle, Vec::new(), &mut out);
        let Reply::Computed(Ok(got)) = table.handle(compute, Vec::new(), &mut out) else { panic!() };
        assert_eq!(got.dashboard().overall, want.dashboard().overall);
    }

    #[test]
    fn messages_survive_a_round_trip_as_json() {
        let e = manyi_core::io::bundle::Bundle::from_json(b"{ x", "x.json", &[]).unwrap_err();
        assert!(matches!(e, manyi_core::Error::Json { .. }), "{e:?}");
        let r = Reply::Imported(Err(e));
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), r);
        let p = ImportProgress { read: 10_000, expected: 90_000 };
        assert_eq!(serde_json::from_str::<ImportProgress>(&serde_json::to_string(&p).unwrap()).unwrap(), p);
    }
}
