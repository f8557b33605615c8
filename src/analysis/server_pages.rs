//! The pages of a database pulled for the analyst (从服务器载入) as Manyi JSON bundles, the same
//! files `manyi pull` writes: each page's responses with the questionnaires they answer, so each
//! is imported, kept and re-imported like a picked file, and the figures are those of the files.
//! A response whose questionnaire has not come yet (a later page may bring it) waits for it;
//! what still waits at the end is counted, not imported. Pure, tested natively.

use manyi_core::io::bundle::Bundle;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::Response;
use manyi_core::sync::{Pulled, SyncRecord};
use std::collections::BTreeMap;

/// The questionnaire versions shipped with the app (every analyst has them).
const BUILTIN: [&str; 4] = ["hall", "callback", "evaluation", "kano"];

fn builtin(r: &QuestionnaireRef) -> bool {
    r.version == 1 && BUILTIN.contains(&r.id.as_str())
}

/// Turns pages of records into bundles.
#[derive(Debug, Default)]
pub struct Bundler {
    questionnaires: BTreeMap<QuestionnaireRef, Questionnaire>,
    waiting: Vec<Response>,
}

impl Bundler {
    /// Knows `q` already (from the device's library or an earlier load).
    pub fn know(&mut self, q: Questionnaire) {
        self.questionnaires.entry(q.reference()).or_insert(q);
    }

    /// The bundle of one page's responses whose questionnaires are known (with those
    /// questionnaires), `None` if there are none; cases and problem records are not the
    /// analyst's data and are left out.
    pub fn page(&mut self, records: Vec<Pulled>) -> Option<Bundle> {
        let mut responses = std::mem::take(&mut self.waiting);
        for p in records {
            match p.record {
                SyncRecord::Response(r) => responses.push(r),
                SyncRecord::Questionnaire(q) => self.know(q),
                SyncRecord::Case(_) | SyncRecord::Problem(_) => {}
            }
        }
        let (ready, waiting): (Vec<Response>, Vec<Response>) = responses
            .into_iter()
            .partition(|r| builtin(&r.questionnaire) || self.questionnaires.contains_key(&r.questionnaire));
        self.waiting = waiting;
        self.bundle(ready)
    }

    /// Responses still waiting for their questionnaire.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    fn bundle(&self, responses: Vec<Response>) -> Option<Bundle> {
        if responses.is_empty() {
            return None;
        }
        let mut used: Vec<QuestionnaireRef> = responses.iter().map(|r| r.questionnaire.clone()).collect();
        used.sort();
        used.dedup();
        let questionnaires = used.iter().filter_map(|r| self.questionnaires.get(r).cloned()).collect();
        Some(Bundle::new(questionnaires, responses, None, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
    use manyi_core::sync::{Document, Revision};

    fn pulled(record: SyncRecord) -> Pulled {
        let d = Document::immutable(record.clone()).unwrap();
        let rev: Revision = d.revision();
        Pulled { id: d.id, rev, record, content_matches: true, conflicts: Vec::new() }
    }

    #[test]
    fn responses_wait_for_their_questionnaire_and_come_with_it() {
        let hall =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 4, seed: 1, ..Default::default() });
        let mut custom = hall.questionnaires[0].clone();
        custom.version = 3;
        let mut on_custom = hall.responses[2..].to_vec();
        for r in &mut on_custom {
            r.questionnaire = custom.reference();
        }
        let mut b = Bundler::default();
        // Page 1: two built-in responses and two answering version 3, not known yet.
        let page: Vec<Pulled> = hall.responses[..2]
            .iter()
            .chain(&on_custom)
            .map(|r| pulled(SyncRecord::Response(r.clone())))
            .collect();
        let first = b.page(page).unwrap();
        assert_eq!(first.responses.len(), 2);
        assert!(first.questionnaires.is_empty(), "the built-in goes without saying");
        assert_eq!(b.waiting(), 2);
        // Page 2 brings version 3: the waiting responses come with it.
        let second = b.page(vec![pulled(SyncRecord::Questionnaire(custom.clone()))]).unwrap();
        assert_eq!(second.responses, on_custom);
        assert_eq!(second.questionnaires, vec![custom]);
        assert_eq!(b.waiting(), 0);
        assert!(b.page(Vec::new()).is_none());
    }
}
