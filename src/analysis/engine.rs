//! The analyst's data in the analysis web worker: core's columnar datasets
//! ([`manyi_core::dataset`]), one per questionnaire version, about 100 bytes a response, into
//! which the files (Manyi JSON exports, or their responses tables) are imported one after another
//! and merged by UUID. Scoring, exports and the
//! bundle read the datasets (`results.rs`, `downloads.rs`); nothing here holds a response as a
//! `Response` or a per-response score.

use manyi_core::dataset::{Collection, Dataset, Progress};
use manyi_core::io::merge::MergeReport;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::Status;
use manyi_core::Result;

/// One questionnaire version found in the data, with how many responses answer it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Version {
    /// The questionnaire and version.
    pub reference: QuestionnaireRef,
    /// The questionnaire (the copy its dataset was made with).
    pub questionnaire: Questionnaire,
    /// Responses to it (every status).
    pub responses: usize,
    /// Of which complete.
    pub complete: usize,
}

/// Everything imported: core's [`Collection`], and whether its rows are in start order.
#[derive(Debug)]
pub struct Engine {
    collection: Collection,
    settled: bool,
}

impl Default for Engine {
    fn default() -> Self {
        // `Collection::new` knows the built-in questionnaires; its `Default` does not.
        Engine { collection: Collection::new(Vec::new()), settled: true }
    }
}

impl Engine {
    /// Reads one file named `source`, a Manyi JSON export or the responses table of one
    /// (`responses.csv`, told apart by their content), and merges it, calling `progress` every
    /// [`manyi_core::dataset::PROGRESS_EVERY`] responses; on error nothing changes and the error
    /// names the file, line and column.
    pub fn import(
        &mut self,
        bytes: &[u8],
        source: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<MergeReport> {
        let report = self.collection.import_file(bytes, source, progress)?;
        if report.added > 0 || !report.conflicts.is_empty() {
            self.settled = false;
        }
        Ok(report)
    }

    /// Puts each dataset's rows in the order they were started (then by UUID), as `manyi export`
    /// orders them; call it after a batch of imports, before scoring.
    pub fn settle(&mut self) {
        if self.settled {
            return;
        }
        let questionnaires: Vec<Questionnaire> =
            self.collection.datasets().iter().map(|d| d.questionnaire().clone()).collect();
        for q in &questionnaires {
            // The dataset of its own questionnaire: found, never made.
            if let Ok(dataset) = self.collection.to_score(Some(q)) {
                dataset.sort_by_start();
            }
        }
        self.settled = true;
    }

    /// How many distinct responses are held, in all versions.
    pub fn len(&self) -> usize {
        self.collection.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.collection.is_empty()
    }

    /// The questionnaire versions answered, most responses first; each is scored apart.
    pub fn versions(&self) -> Vec<Version> {
        let complete = Status::ALL.iter().position(|s| *s == Status::Complete).expect("a status");
        let mut v: Vec<Version> = self
            .collection
            .datasets()
            .iter()
            .filter(|d| !d.is_empty())
            .map(|d| Version {
                reference: d.reference(),
                questionnaire: d.questionnaire().clone(),
                responses: d.len(),
                complete: d.status_counts()[complete],
            })
            .collect();
        v.sort_by(|a, b| b.responses.cmp(&a.responses).then_with(|| a.reference.cmp(&b.reference)));
        v
    }

    /// The dataset of a questionnaire version, if any response answers it.
    pub fn dataset(&self, reference: &QuestionnaireRef) -> Option<&Dataset> {
        self.collection.dataset(reference).filter(|d| !d.is_empty())
    }

    /// The memory the datasets hold, in bytes (columns, codes, UUID index, side table).
    pub fn memory_bytes(&self) -> usize {
        self.collection.datasets().iter().map(Dataset::memory_bytes).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};

    fn files() -> (Vec<u8>, Vec<u8>) {
        let all =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 50, seed: 3, ..Default::default() });
        let mut a = all.clone();
        a.responses.truncate(30);
        let mut b = all;
        b.responses.drain(..20); // 20..50: 10 overlap
        (a.to_json(), b.to_json())
    }

    fn import(e: &mut Engine, bytes: &[u8], name: &str) -> Result<MergeReport> {
        e.import(bytes, name, &mut |_| {})
    }

    #[test]
    fn overlapping_files_merge_and_the_same_file_twice_adds_nothing() {
        let (a, b) = files();
        let mut e = Engine::default();
        assert_eq!(import(&mut e, &a, "a.json").unwrap().added, 30);
        let r = import(&mut e, &b, "b.json").unwrap();
        assert_eq!((r.added, r.duplicates), (20, 10));
        e.settle();
        let r = import(&mut e, &b, "b.json").unwrap();
        assert_eq!((r.added, r.duplicates), (0, 30));
        e.settle();
        assert_eq!(e.len(), 50);
        // Settled: the rows are in start order, then by UUID.
        let ds = e.dataset(&e.versions()[0].reference).unwrap();
        let starts: Vec<_> =
            (0..ds.len()).map(|row| ds.response(row)).map(|r| (r.started_at, r.id)).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_malformed_file_changes_nothing_and_says_where() {
        let (a, _) = files();
        let mut e = Engine::default();
        import(&mut e, &a, "a.json").unwrap();
        let bad = String::from_utf8(a).unwrap().replacen("\"rating\":", "\"rating\":\"", 1);
        let err = import(&mut e, bad.as_bytes(), "bad.json").unwrap_err().to_string();
        assert!(err.starts_with("bad.json, line ") && err.contains("column"), "{err}");
        assert_eq!(e.len(), 30);
    }

    #[test]
    fn versions_are_kept_apart_with_their_counts() {
        let (a, _) = files();
        let kano = sample_bundle(SampleKind::Kano, &SampleOptions { count: 7, ..Default::default() });
        let mut e = Engine::default();
        import(&mut e, &a, "a.json").unwrap();
        import(&mut e, &kano.to_json(), "kano.json").unwrap();
        e.settle();
        let v = e.versions();
        assert_eq!(
            v.iter().map(|v| (v.reference.to_string(), v.responses)).collect::<Vec<_>>(),
            [("hall v1".to_owned(), 30), ("kano v1".to_owned(), 7)]
        );
        let bundle =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 50, seed: 3, ..Default::default() });
        let complete = bundle.responses[..30].iter().filter(|r| r.status == Status::Complete).count();
        assert_eq!(v[0].complete, complete);
        assert_eq!(v[0].questionnaire.reference(), v[0].reference);
        assert!(e.memory_bytes() > 37 * 50, "{}", e.memory_bytes());
    }
}
