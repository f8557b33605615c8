//! The scoring engine behind the analyst workspace: the merged responses of every imported file
//! and one full scoring pass over them, all done by core. The page talks to it only through
//! [`ScoringEngine`], so the row-wise engine here ([`MergedEngine`], over `io::merge`) can later
//! be swapped for core's columnar data set without touching the views.

use chrono::{DateTime, FixedOffset};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::export::{Analysis, AnalysisOptions, Export};
use manyi_core::io::import::{import_bundle, into_responses};
use manyi_core::io::merge::{MergeReport, Merged};
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::questionnaire::builtin;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::{Response, Status};
use manyi_core::scoring::group::GroupBy;
use manyi_core::scoring::report::{Report, ReportOptions};
use manyi_core::Result;
use std::collections::BTreeMap;

/// Responses kept by a filter: each `(grouping, value)` must hold, e.g. `(hall, 城东营业厅)`.
pub type Filter = Vec<(GroupBy, String)>;

/// One questionnaire version found in the data, with how many responses answer it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Version {
    /// The questionnaire and version.
    pub reference: QuestionnaireRef,
    /// Its title, when the questionnaire is known (from a file or built in).
    pub questionnaire: Option<Questionnaire>,
    /// Responses to it (every status).
    pub responses: usize,
    /// Of which complete.
    pub complete: usize,
}

/// What the workspace needs of a scoring engine.
pub trait ScoringEngine {
    /// Reads one Manyi JSON export named `source` and merges it; on error nothing changes and
    /// the error names the file, line and column.
    fn import(&mut self, bytes: &[u8], source: &str) -> Result<MergeReport>;
    /// Orders what was imported for scoring; call it after a batch of imports, before anything
    /// else.
    fn settle(&mut self);
    /// How many distinct responses are held.
    fn len(&self) -> usize;
    /// Whether nothing is held.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The questionnaire versions answered, most responses first; each is scored apart.
    fn versions(&self) -> Vec<Version>;
    /// The values of `by` among the responses to `q`, sorted (for filters).
    fn values(&self, q: &QuestionnaireRef, by: GroupBy) -> Vec<String>;
    /// One full scoring pass over the responses to `q` that pass `filter`.
    fn analyse(&self, q: &Questionnaire, filter: &Filter, options: &AnalysisOptions) -> Result<Analysis>;
    /// The report alone (composites and the index by group) of the responses to `q` passing
    /// `filter`: the trend uses it.
    fn report(&self, q: &Questionnaire, filter: &Filter, options: &ReportOptions) -> Result<Report>;
    /// The export (the same tables as `manyi export`) of the responses to `q` passing `filter`.
    fn export(
        &self,
        q: &Questionnaire,
        filter: &Filter,
        analysis: &Analysis,
        at: DateTime<FixedOffset>,
    ) -> Export;
    /// The responses to `q` passing `filter` as a Manyi JSON bundle (re-importable).
    fn bundle(&self, q: &Questionnaire, filter: &Filter, at: DateTime<FixedOffset>) -> Vec<u8>;
}

/// The row-wise engine: core's [`Merged`] while a batch of files is imported, then one vector
/// ordered by start time and UUID (as `manyi export` orders them) for scoring. Exactly one of the
/// two holds the responses at any time, so memory holds each response once.
#[derive(Debug, Default)]
pub struct MergedEngine {
    merged: Merged,
    sorted: Vec<Response>,
}

fn passes(r: &Response, filter: &Filter) -> bool {
    filter.iter().all(|(by, value)| by.key(r) == *value)
}

impl MergedEngine {
    /// The questionnaire of a reference: from the files, else built in.
    pub fn questionnaire(&self, reference: &QuestionnaireRef) -> Option<Questionnaire> {
        self.merged
            .questionnaires
            .get(reference)
            .cloned()
            .or_else(|| builtin::all().into_iter().find(|q| q.reference() == *reference))
    }

    fn selected<'a>(&'a self, q: &Questionnaire, filter: &'a Filter) -> impl Iterator<Item = &'a Response> {
        let reference = q.reference();
        self.sorted.iter().filter(move |r| r.questionnaire == reference && passes(r, filter))
    }
}

impl ScoringEngine for MergedEngine {
    fn import(&mut self, bytes: &[u8], source: &str) -> Result<MergeReport> {
        if !self.sorted.is_empty() {
            let sorted = std::mem::take(&mut self.sorted);
            self.merged.responses.extend(sorted.into_iter().map(|r| (r.id, r)));
        }
        let known: Vec<Questionnaire> = self.merged.questionnaires.values().cloned().collect();
        import_bundle(&mut self.merged, bytes, source, &known)
    }

    fn settle(&mut self) {
        if !self.merged.responses.is_empty() {
            let responses = std::mem::take(&mut self.merged.responses);
            let questionnaires = std::mem::take(&mut self.merged.questionnaires);
            // `import` moved the sorted responses into the merge: they are all here.
            self.sorted = into_responses(Merged { questionnaires: BTreeMap::new(), responses });
            self.merged.questionnaires = questionnaires;
        }
    }

    fn len(&self) -> usize {
        self.sorted.len() + self.merged.responses.len()
    }

    fn versions(&self) -> Vec<Version> {
        let mut counts: BTreeMap<&QuestionnaireRef, (usize, usize)> = BTreeMap::new();
        for r in &self.sorted {
            let c = counts.entry(&r.questionnaire).or_default();
            c.0 += 1;
            c.1 += usize::from(r.status == Status::Complete);
        }
        let mut v: Vec<Version> = counts
            .into_iter()
            .map(|(reference, (responses, complete))| Version {
                reference: reference.clone(),
                questionnaire: self.questionnaire(reference),
                responses,
                complete,
            })
            .collect();
        v.sort_by(|a, b| b.responses.cmp(&a.responses).then_with(|| a.reference.cmp(&b.reference)));
        v
    }

    fn values(&self, q: &QuestionnaireRef, by: GroupBy) -> Vec<String> {
        let mut v: Vec<String> =
            self.sorted.iter().filter(|r| r.questionnaire == *q).map(|r| by.key(r)).collect();
        v.sort();
        v.dedup();
        v
    }

    fn analyse(&self, q: &Questionnaire, filter: &Filter, options: &AnalysisOptions) -> Result<Analysis> {
        if filter.is_empty() {
            // Report::compute leaves out other questionnaires itself: no copy.
            return Analysis::compute(q, &self.sorted, options);
        }
        let kept: Vec<Response> = self.selected(q, filter).cloned().collect();
        Analysis::compute(q, &kept, options)
    }

    fn report(&self, q: &Questionnaire, filter: &Filter, options: &ReportOptions) -> Result<Report> {
        if filter.is_empty() {
            return Report::compute(q, &self.sorted, options);
        }
        let kept: Vec<Response> = self.selected(q, filter).cloned().collect();
        Report::compute(q, &kept, options)
    }

    fn export(
        &self,
        q: &Questionnaire,
        filter: &Filter,
        analysis: &Analysis,
        at: DateTime<FixedOffset>,
    ) -> Export {
        let shown: Vec<&Response> = self.selected(q, filter).collect();
        Export::new(q, &shown, analysis, at, ResponsesOptions::default())
    }

    fn bundle(&self, q: &Questionnaire, filter: &Filter, at: DateTime<FixedOffset>) -> Vec<u8> {
        let responses: Vec<Response> = self.selected(q, filter).cloned().collect();
        Bundle::new(vec![q.clone()], responses, Some(at), None).to_json()
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

    #[test]
    fn overlapping_files_merge_and_the_same_file_twice_adds_nothing() {
        let (a, b) = files();
        let mut e = MergedEngine::default();
        assert_eq!(e.import(&a, "a.json").unwrap().added, 30);
        let r = e.import(&b, "b.json").unwrap();
        assert_eq!((r.added, r.duplicates), (20, 10));
        e.settle();
        let r = e.import(&b, "b.json").unwrap();
        assert_eq!((r.added, r.duplicates), (0, 30));
        e.settle();
        assert_eq!(e.len(), 50);
        assert!(e.sorted.windows(2).all(|w| (w[0].started_at, w[0].id) <= (w[1].started_at, w[1].id)));
    }

    #[test]
    fn a_malformed_file_changes_nothing_and_says_where() {
        let (a, _) = files();
        let mut e = MergedEngine::default();
        e.import(&a, "a.json").unwrap();
        let bad = String::from_utf8(a).unwrap().replacen("\"rating\":", "\"rating\":\"", 1);
        let err = e.import(bad.as_bytes(), "bad.json").unwrap_err().to_string();
        assert!(err.starts_with("bad.json, line ") && err.contains("column"), "{err}");
        assert_eq!(e.len(), 30);
    }

    #[test]
    fn filters_and_versions_are_kept_apart() {
        let (a, _) = files();
        let kano = sample_bundle(SampleKind::Kano, &SampleOptions { count: 7, ..Default::default() });
        let mut e = MergedEngine::default();
        e.import(&a, "a.json").unwrap();
        e.import(&kano.to_json(), "kano.json").unwrap();
        e.settle();
        let v = e.versions();
        assert_eq!(
            v.iter().map(|v| (v.reference.to_string(), v.responses)).collect::<Vec<_>>(),
            [("hall v1".to_owned(), 30), ("kano v1".to_owned(), 7)]
        );
        let q = v[0].questionnaire.clone().unwrap();
        let halls = e.values(&q.reference(), GroupBy::Channel);
        assert_eq!(halls, ["hall"]);
        let all = e.analyse(&q, &Vec::new(), &AnalysisOptions::default()).unwrap();
        let none =
            e.analyse(&q, &vec![(GroupBy::Channel, "phone".into())], &AnalysisOptions::default()).unwrap();
        assert!(all.report.responses.len() > 20);
        assert_eq!(none.report.responses.len(), 0);
    }
}
