//! Service recovery: a kiosk customer who gave a low overall score and asked to be called back
//! joins the call list, ranked first (DOMAIN.md §2.1).

use super::case::{Case, CaseKey, Priority};
use super::kiosk_visit::KioskVisit;
use super::queue::CallList;
use crate::kiosk::low_score::LowScoreRule;
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
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
/// [`crate::kiosk::low_score::LowScoreRule::of`]. With `q` (the questionnaire answered), what the
/// customer said ([`KioskVisit`]) names its items by their texts.
pub fn service_recovery_case(response: &Response, threshold: i32, q: Option<&Questionnaire>) -> Option<Case> {
    LowScoreRule::hall(threshold).case(response, q)
}

/// The case of a response whose overall answer `overall` was low and whose customer left
/// `phone` to be called back. Its ticket date is the day of the visit, its ticket type the
/// business handled, hall and customer class those of the response; no name, no due date; what
/// the customer said is its `visit`.
pub(crate) fn recovery_case(response: &Response, overall: i32, phone: String, visit: KioskVisit) -> Case {
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
        kiosk: Some(visit),
        list: None,
        script: None,
    }
}

impl CallList {
    /// Adds a service-recovery case for every qualifying response ([`service_recovery_case`])
    /// not already in the list (key: the response id); returns how many were added.
    /// `questionnaire` finds the questionnaire a response answers, to name its items.
    pub fn add_service_recovery<'r, 'q>(
        &mut self,
        responses: impl IntoIterator<Item = &'r Response>,
        threshold: i32,
        questionnaire: impl Fn(&QuestionnaireRef) -> Option<&'q Questionnaire>,
    ) -> usize {
        let rule = LowScoreRule::hall(threshold);
        self.add_recovery_cases(responses, |_| Some(rule.clone()), questionnaire)
    }

    /// Adds the service-recovery case of every response that has one by the low-score rule
    /// `rule_of` gives for its questionnaire version (none: the response is not followed up),
    /// not already in the list (key: the response id); returns how many were added.
    /// `questionnaire` finds the questionnaire a response answers, to name its items.
    pub fn add_recovery_cases<'r, 'q>(
        &mut self,
        responses: impl IntoIterator<Item = &'r Response>,
        rule_of: impl Fn(&QuestionnaireRef) -> Option<LowScoreRule>,
        questionnaire: impl Fn(&QuestionnaireRef) -> Option<&'q Questionnaire>,
    ) -> usize {
        let mut known: HashSet<CaseKey> = self.cases.iter().map(|c| c.key.clone()).collect();
        let before = self.cases.len();
        let cases = responses
            .into_iter()
            .filter_map(|r| rule_of(&r.questionnaire)?.case(r, questionnaire(&r.questionnaire)));
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
        let known = |_: &QuestionnaireRef| Some(&q);
        assert_eq!(list.add_service_recovery([&low, &low_no_consent, &fine], LOW_SCORE_THRESHOLD, known), 1);
        // Adding again does not duplicate.
        assert_eq!(list.add_service_recovery([&low], LOW_SCORE_THRESHOLD, known), 0);
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

    #[test]
    fn the_case_keeps_what_the_customer_said_and_its_script_is_a_kiosk_call_back() {
        use crate::callback::view::{case_label, script};
        use crate::questionnaire::builtin::Builtin;
        let q = hall();
        // Every rated item 3 but the wait 1 and the speed 2 (≤ 2: low), overall 1, a comment.
        let mut r = with_consent(&q, 9, 2, true);
        r.status = Status::Draft;
        r.submitted_at = None;
        r.answer(&q, "wait", Answer::Rating(1)).unwrap();
        r.answer(&q, "speed", Answer::Rating(2)).unwrap();
        r.answer(&q, OVERALL_ITEM, Answer::Rating(1)).unwrap();
        r.answer(&q, "comment", Answer::Text("排队太久".into())).unwrap();
        r.submit(&q, at("2026-11-02T09:02:00+08:00")).unwrap();
        let case = service_recovery_case(&r, LOW_SCORE_THRESHOLD, Some(&q)).unwrap();
        let visit = case.kiosk.as_ref().unwrap();
        assert_eq!(visit.when(), "2026-11-02 09:00");
        // The two items rated low (not overall), by their texts, in the questionnaire's order.
        let low: Vec<String> = visit.low.iter().map(|l| l.shown().zh).collect();
        assert_eq!(low, ["取号后的等候时间可以接受 1 分", "办理速度快 2 分"]);
        assert_eq!(visit.comment.as_deref(), Some("排队太久"));
        assert_eq!(case_label(&case).zh, "营业厅评价 11-02 09:00");

        let lines = script(&Builtin::Callback.questionnaire(), &case, "A07");
        let zh: Vec<&str> = lines.iter().map(|l| l.zh.as_str()).collect();
        assert!(zh.iter().all(|l| !l.contains("户号") && !l.contains("kiosk-")), "{zh:?}");
        assert!(zh[1].contains("11月2日09:00在城东营业厅办理缴费业务后") && zh[1].contains("1分"), "{zh:?}");
        assert_eq!(zh[2], "您当时对这几项不太满意：取号后的等候时间可以接受；办理速度快。");
        assert_eq!(zh[3], "您还留言说：“排队太久”。");
        assert!(lines[1].en.contains("at 城东营业厅"), "{}", lines[1].en);
    }
}
