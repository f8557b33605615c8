//! Merging the bundles of many devices: responses keyed by UUID, so the same file twice adds
//! nothing; differing copies of one response are reported.

use super::bundle::Bundle;
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::response::{Response, ResponseId, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What happened to a copy of a response that was already there but differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The new copy is further along (draft → break-off → complete) and replaced the old one.
    Replaced,
    /// The copies are equally far along but differ; the first one read is kept.
    KeptFirst,
}

/// A response UUID seen with different content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The response.
    pub id: ResponseId,
    /// The file the differing copy came from.
    pub source: String,
    /// What was done.
    pub resolution: Resolution,
}

/// What adding one bundle did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeReport {
    /// Responses not seen before.
    pub added: usize,
    /// Identical copies of responses already there.
    pub duplicates: usize,
    /// Differing copies.
    pub conflicts: Vec<Conflict>,
    /// Questionnaire versions that differ from the copy already there (the first is kept: a
    /// version never changes once responses exist).
    pub questionnaire_conflicts: Vec<QuestionnaireRef>,
    /// Phone numbers read as an export masked them (`138****5678`), from a responses table
    /// ([`crate::dataset::Collection::import_csv`]): kept masked, the digits being gone.
    #[serde(default)]
    pub masked_phones: usize,
}

/// The merged data of many bundles.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// Questionnaires by id and version.
    pub questionnaires: BTreeMap<QuestionnaireRef, Questionnaire>,
    /// Responses by UUID.
    pub responses: BTreeMap<ResponseId, Response>,
}

pub(crate) fn progress(s: Status) -> u8 {
    match s {
        Status::Draft => 0,
        Status::BreakOff => 1,
        Status::Complete => 2,
    }
}

impl Merged {
    /// Adds a checked bundle (see [`Bundle::from_json`]); `source` names it in the report.
    pub fn add(&mut self, bundle: Bundle, source: &str) -> MergeReport {
        let mut report = MergeReport::default();
        for q in bundle.questionnaires {
            match self.questionnaires.get(&q.reference()) {
                Some(existing) if *existing != q => report.questionnaire_conflicts.push(q.reference()),
                Some(_) => {}
                None => {
                    self.questionnaires.insert(q.reference(), q);
                }
            }
        }
        for r in bundle.responses {
            match self.responses.get_mut(&r.id) {
                None => {
                    report.added += 1;
                    self.responses.insert(r.id, r);
                }
                Some(existing) if *existing == r => report.duplicates += 1,
                Some(existing) => {
                    let resolution = if progress(r.status) > progress(existing.status) {
                        *existing = r.clone();
                        Resolution::Replaced
                    } else {
                        Resolution::KeptFirst
                    };
                    report.conflicts.push(Conflict { id: r.id, source: source.to_owned(), resolution });
                }
            }
        }
        report
    }

    /// The responses in the order they were started (then by UUID).
    pub fn responses_by_start(&self) -> Vec<&Response> {
        let mut v: Vec<&Response> = self.responses.values().collect();
        v.sort_by_key(|r| (r.started_at, r.id));
        v
    }
}

/// What a device writes when it imports a bundle: the questionnaires it did not know and the
/// responses that are new or further along than its own copy, with the merge report.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// Questionnaire versions new to the device.
    pub questionnaires: Vec<Questionnaire>,
    /// Responses new to the device, or replacing a copy that was not as far along.
    pub responses: Vec<Response>,
    /// What the merge found.
    pub report: MergeReport,
}

/// Imports a checked bundle (see [`Bundle::from_json`]) into a device that knows `known`
/// questionnaires and holds `stored` responses.
pub fn import_into(known: &[Questionnaire], stored: &[Response], bundle: Bundle, source: &str) -> Import {
    let mut merged = Merged::default();
    for q in known {
        merged.questionnaires.insert(q.reference(), q.clone());
    }
    for r in stored {
        merged.responses.insert(r.id, r.clone());
    }
    let report = merged.add(bundle, source);
    let questionnaires = merged
        .questionnaires
        .into_values()
        .filter(|q| !known.iter().any(|k| k.reference() == q.reference()))
        .collect();
    let responses = merged.responses.into_values().filter(|r| !stored.iter().any(|s| s == r)).collect();
    Import { questionnaires, responses, report }
}

#[cfg(test)]
mod tests;
