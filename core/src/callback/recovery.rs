//! Service recovery: a kiosk customer who gave a low overall score and asked to be called back
//! joins the call list, ranked first (DOMAIN.md §2.1).

use super::case::{Case, CaseKey, Priority};
use super::queue::CallList;
use crate::kiosk::low_score::LowScoreRule;
use crate::questionnaire::QuestionnaireRef;
use crate::response::Response;
use std::collections::HashSet;

/// The default threshold: `overall` ≤ 2 on 1–5 is a low score (DOMAIN.md §2.1).
pub const LOW_SCORE_THRESHOLD: i32 = 2;

/// The built-in hall questionnaire's overall item.
pub const OVERALL_ITEM: &str = "overall";
/// The built-in hall questionnaire's "may we call you back?" item.
pub const CONSENT_ITEM: &str = "callback_consent";
/// The built-in hall questionnaire's phone number item.
pub const PHONE_ITEM: &str = "phone";

/// A service-recovery case for a submitted (or broken-off) response whose `overall` rating is
/// ≤ `threshold`, with `callback_consent` yes and a phone number; `None` otherwise (drafts
/// included): the rule of the built-in hall questionnaire's ids,
/// [`crate::kiosk::low_score::LowScoreRule::hall`]. Any other questionnaire's rule is
/// [`crate::kiosk::low_score::LowScoreRule::of`].
pub fn service_recovery_case(response: &Response, threshold: i32) -> Option<Case> {
    LowScoreRule::hall(threshold).case(response)
}

/// The case of a response whose overall answer `overall` was low and whose customer left
/// `phone` to be called back. Its ticket date is the day of the visit, its ticket type the
/// business handled, hall and customer class those of the response; no name, no due date.
pub(crate) fn recovery_case(response: &Response, overall: i32, phone: String) -> Case {
    Case {
        key: CaseKey::Kiosk(response.id),
        customer: None,
        phone,
        ticket_type: response.tags.business_type,
        ticket_date: response.started_at.date_naive(),
        hall: response.tags.hall.clone(),
        customer_class: response.tags.customer_class,
        due: None,
        priority: Priority::ServiceRecovery,
        kiosk_overall: Some(overall),
        attempts: Vec::new(),
        next_call_at: None,
        final_disposition: None,
        script: None,
    }
}

impl CallList {
    /// Adds a service-recovery case for every qualifying response ([`service_recovery_case`])
    /// not already in the list (key: the response id); returns how many were added.
    pub fn add_service_recovery<'r>(
        &mut self,
        responses: impl IntoIterator<Item = &'r Response>,
        threshold: i32,
    ) -> usize {
        let rule = LowScoreRule::hall(threshold);
        self.add_recovery_cases(responses, |_| Some(rule.clone()))
    }

    /// Adds the service-recovery case of every response that has one by the low-score rule
    /// `rule_of` gives for its questionnaire version (none: the response is not followed up),
    /// not already in the list (key: the response id); returns how many were added.
    pub fn add_recovery_cases<'r>(
        &mut self,
        responses: impl IntoIterator<Item = &'r Response>,
        rule_of: impl Fn(&QuestionnaireRef) -> Option<LowScoreRule>,
    ) -> usize {
        let mut known: HashSet<CaseKey> = self.cases.iter().map(|c| c.key.clone()).collect();
        let before = self.cases.len();
        let cases = responses.into_iter().filter_map(|r| rule_of(&r.questionnaire)?.case(r));
        for case in cases {
            if known.insert(case.key.clone()) {
                self.cases.push(case);
            }
        }
        self.cases.len() - before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::queue::CaseFilter;
    use crate::questionnaire::Questionnaire;
    use crate::response::answer::Answer;
    use crate::response::Status;
    use crate::testing::{at, hall, hall_response};

    fn with_consent(q: &Questionnaire, n: u128, overall: i32, consent: bool) -> Response {
        let mut r = hall_response(q, n, "城东营业厅", 3, overall);
        // Reopen to add the last screen's answers, as the kiosk would have before submitting.
        r.status = Status::Draft;
        r.answer(q, CONSENT_ITEM, if consent { Answer::Yes } else { Answer::No }).unwrap();
        if consent {
            r.answer(q, PHONE_ITEM, Answer::Text("13812345678".into())).unwrap();
        }
        r.submit(q, at("2026-11-02T09:02:00+08:00")).unwrap();
        r
    }

    #[test]
    fn low_score_with_consent_becomes_a_first_ranked_case() {
        let q = hall();
        let low = with_consent(&q, 1, 2, true);
        let low_no_consent = with_consent(&q, 2, 1, false);
        let fine = with_consent(&q, 3, 3, true); // 3 > 2: not a low score
        let mut list = CallList::default();
        list.import("ticket_id,customer_name,phone,ticket_type,ticket_date,due_date\nGD1,张三,13900000001,repair,2026-10-30,2026-11-01\n".as_bytes(), "l.csv").unwrap();
        assert_eq!(list.add_service_recovery([&low, &low_no_consent, &fine], LOW_SCORE_THRESHOLD), 1);
        // Adding again does not duplicate.
        assert_eq!(list.add_service_recovery([&low], LOW_SCORE_THRESHOLD), 0);
        assert_eq!(list.cases.len(), 2);
        let now = at("2026-11-02T10:00:00+08:00");
        // The ticket is overdue (due 1 Nov), yet the recovery case comes first.
        let next = list.next_case(now, &CaseFilter::default()).unwrap();
        assert_eq!(next.key, CaseKey::Kiosk(low.id));
        assert_eq!(
            (next.priority, next.kiosk_overall, next.phone.as_str()),
            (Priority::ServiceRecovery, Some(2), "13812345678")
        );
        assert_eq!(next.ticket_type, Some(crate::response::tags::BusinessType::Payment));
        assert_eq!(next.ticket_date.to_string(), "2026-11-02");
    }
}
