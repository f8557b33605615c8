//! The visits a device holds, grouped for comparison: the complete visits of each hall to the
//! same checklist version (items compare only within one version), in visit order.

use crate::questionnaire::QuestionnaireRef;
use crate::response::{Response, Status};

/// The visits of one hall to one checklist version.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitGroup<'r> {
    /// The hall (empty when the visits recorded none).
    pub hall: String,
    /// The checklist and version.
    pub questionnaire: QuestionnaireRef,
    /// The complete visits, earliest first.
    pub visits: Vec<&'r Response>,
}

/// Groups the complete responses to checklists (`is_checklist`) by hall and checklist version,
/// ordered by hall, then checklist; within a group by visit time.
pub fn visit_groups<'r>(
    responses: &'r [Response],
    is_checklist: impl Fn(&QuestionnaireRef) -> bool,
) -> Vec<VisitGroup<'r>> {
    let mut groups: Vec<VisitGroup<'r>> = Vec::new();
    for r in responses.iter().filter(|r| r.status == Status::Complete && is_checklist(&r.questionnaire)) {
        let hall = r.tags.hall.as_ref().map(ToString::to_string).unwrap_or_default();
        match groups.iter_mut().find(|g| g.hall == hall && g.questionnaire == r.questionnaire) {
            Some(g) => g.visits.push(r),
            None => groups.push(VisitGroup { hall, questionnaire: r.questionnaire.clone(), visits: vec![r] }),
        }
    }
    for g in &mut groups {
        g.visits.sort_by_key(|r| (r.started_at, r.id));
    }
    groups.sort_by(|a, b| (&a.hall, &a.questionnaire).cmp(&(&b.hall, &b.questionnaire)));
    groups
}
