//! What the staff screen counts, and which responses close the loop: a low `overall` with
//! consent and a phone number is queued for a call-back (exactly what
//! [`crate::callback::recovery::service_recovery_case`] takes); a low score without them is only
//! flagged.

use super::low_score::LowScoreRule;
use crate::code::coded_enum;
use crate::questionnaire::{QuestionnaireId, QuestionnaireRef};
use crate::response::{Channel, Response, Status};

coded_enum! {
    /// What a low score leads to.
    FollowUp {
        /// Low score with consent and a phone number: the callback workspace calls back.
        Queued = "queued", "待回访", "Queued for a call-back";
        /// Low score without consent (or without a number): flagged only.
        Flagged = "flagged", "低分", "Low score";
    }
}

/// The follow-up of a closed response with `overall` ≤ `threshold`; `None` for drafts and
/// for scores above it: the rule of the built-in hall questionnaire's ids,
/// [`LowScoreRule::hall`]; any other questionnaire's rule is [`LowScoreRule::of`].
pub fn follow_up(r: &Response, threshold: i32) -> Option<FollowUp> {
    LowScoreRule::hall(threshold).follow_up(r)
}

/// Whether `r` is one of the kiosk's own responses, which the staff screen counts and exports: a
/// customer's at the hall (channel 营业厅), alone (no interviewer or evaluator), to the
/// questionnaire the kiosk runs, `kiosk`. The same device may also hold a Kano study's answers,
/// the call desk's interviews and an evaluator's visits: those are not the kiosk's.
pub fn kiosk_own(r: &Response, kiosk: &QuestionnaireId) -> bool {
    r.channel == Channel::Hall && r.tags.interviewer.is_none() && &r.questionnaire.id == kiosk
}

/// The counts on the staff screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StaffSummary {
    /// Every stored response (drafts included).
    pub stored: usize,
    /// Submitted.
    pub complete: usize,
    /// Closed before the end.
    pub break_off: usize,
    /// Being answered (at most one on a kiosk, unless storage failed).
    pub drafts: usize,
    /// Closed responses already exported.
    pub exported: usize,
    /// Closed responses not yet exported: they must not be deleted.
    pub unexported: usize,
    /// Low scores queued for a call-back.
    pub queued: usize,
    /// Low scores flagged only.
    pub flagged: usize,
}

impl StaffSummary {
    /// Counts `responses`, each with whether it was exported, at the low-score `threshold`.
    pub fn of<'r>(responses: impl IntoIterator<Item = (&'r Response, bool)>, threshold: i32) -> StaffSummary {
        let rule = LowScoreRule::hall(threshold);
        StaffSummary::count(responses, |_| Some(rule.clone()))
    }

    /// Counts `responses`, each with whether it was exported, following up each by the
    /// low-score rule `rule_of` gives for its questionnaire version (none: not followed up).
    pub fn count<'r>(
        responses: impl IntoIterator<Item = (&'r Response, bool)>,
        rule_of: impl Fn(&QuestionnaireRef) -> Option<LowScoreRule>,
    ) -> StaffSummary {
        let mut s = StaffSummary::default();
        for (r, exported) in responses {
            s.stored += 1;
            match r.status {
                Status::Draft => {
                    s.drafts += 1;
                    continue;
                }
                Status::Complete => s.complete += 1,
                Status::BreakOff => s.break_off += 1,
            }
            if exported {
                s.exported += 1;
            } else {
                s.unexported += 1;
            }
            match rule_of(&r.questionnaire).and_then(|rule| rule.follow_up(r)) {
                Some(FollowUp::Queued) => s.queued += 1,
                Some(FollowUp::Flagged) => s.flagged += 1,
                None => {}
            }
        }
        s
    }
}

/// The responses an export takes: closed ones (drafts are still being answered), only those not
/// exported yet unless `all`, oldest first.
pub fn to_export<'r>(
    responses: impl IntoIterator<Item = (&'r Response, bool)>,
    all: bool,
) -> Vec<&'r Response> {
    let mut out: Vec<&Response> = responses
        .into_iter()
        .filter(|(r, exported)| r.status != Status::Draft && (all || !exported))
        .map(|(r, _)| r)
        .collect();
    out.sort_by_key(|r| (r.started_at, r.id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::recovery::{service_recovery_case, CONSENT_ITEM, LOW_SCORE_THRESHOLD, PHONE_ITEM};
    use crate::questionnaire::Questionnaire;
    use crate::response::answer::Answer;
    use crate::response::Channel;
    use crate::testing::{at, hall, hall_response};

    /// A complete response with `overall`, consent and maybe a phone number.
    fn rated(q: &Questionnaire, n: u128, overall: i32, consent: bool, phone: Option<&str>) -> Response {
        let mut r = hall_response(q, n, "城东营业厅", 4, overall);
        r.status = Status::Draft;
        r.answer(q, CONSENT_ITEM, if consent { Answer::Yes } else { Answer::No }).unwrap();
        if let Some(p) = phone {
            r.answer(q, PHONE_ITEM, Answer::Text(p.into())).unwrap();
        }
        r.submit(q, at("2026-11-02T09:02:00+08:00")).unwrap();
        r
    }

    #[test]
    fn low_scores_are_queued_with_consent_and_a_number_otherwise_flagged() {
        let q = hall();
        let t = LOW_SCORE_THRESHOLD;
        assert_eq!(follow_up(&rated(&q, 1, 2, true, Some("13812345678")), t), Some(FollowUp::Queued));
        assert_eq!(follow_up(&rated(&q, 2, 1, false, None), t), Some(FollowUp::Flagged));
        assert_eq!(follow_up(&rated(&q, 3, 2, true, None), t), Some(FollowUp::Flagged), "no number");
        assert_eq!(follow_up(&rated(&q, 4, 3, true, Some("13812345678")), t), None, "3 > 2");
        // The threshold is a setting: at 3 the last one is queued too.
        assert_eq!(follow_up(&rated(&q, 4, 3, true, Some("13812345678")), 3), Some(FollowUp::Queued));
        // Queued is exactly what the callback workspace takes.
        let queued = rated(&q, 1, 2, true, Some("13812345678"));
        assert!(service_recovery_case(&queued, t, None).is_some());
    }

    #[test]
    fn counts_of_the_staff_screen() {
        let q = hall();
        let done = rated(&q, 1, 5, false, None);
        let low = rated(&q, 2, 1, true, Some("13912345678"));
        let flagged = rated(&q, 3, 2, false, None);
        let mut broken = Response::start(
            uuid::Uuid::from_u128(4),
            &q,
            Channel::Hall,
            Default::default(),
            at("2026-11-02T08:00:00+08:00"),
        );
        broken.answer(&q, "business", Answer::Choice("payment".into())).unwrap();
        let draft = broken.clone();
        broken.break_off(at("2026-11-02T08:02:00+08:00")).unwrap();
        let rows = [(&done, true), (&low, false), (&flagged, true), (&broken, false), (&draft, false)];
        let s = StaffSummary::of(rows, LOW_SCORE_THRESHOLD);
        assert_eq!(
            s,
            StaffSummary {
                stored: 5,
                complete: 3,
                break_off: 1,
                drafts: 1,
                exported: 2,
                unexported: 2,
                queued: 1,
                flagged: 1
            }
        );
        let unexported: Vec<_> = to_export(rows, false).iter().map(|r| r.id).collect();
        assert_eq!(unexported, [broken.id, low.id], "oldest first, no drafts");
        assert_eq!(to_export(rows, true).len(), 4);
    }

    #[test]
    fn the_kiosk_counts_its_own_responses_only() {
        let q = hall();
        let own = rated(&q, 1, 5, false, None);
        assert!(kiosk_own(&own, &q.id));
        // The call desk's interview with the same questionnaire, an evaluator's visit at the
        // hall, and a response to another questionnaire (a Kano study) on the same device.
        let mut called = own.clone();
        called.channel = Channel::Callback;
        let mut visited = own.clone();
        crate::response::tags::TagKey::Interviewer.set(&mut visited.tags, "E01").unwrap();
        let mut kano = own.clone();
        kano.questionnaire.id = QuestionnaireId::new("kano");
        for (r, what) in [(&called, "call desk"), (&visited, "evaluator"), (&kano, "Kano")] {
            assert!(!kiosk_own(r, &q.id), "{what}");
        }
        // The staff screen counts the kiosk's one, not four.
        let rows = [&own, &called, &visited, &kano].map(|r| (r, false));
        let s = StaffSummary::of(rows.into_iter().filter(|(r, _)| kiosk_own(r, &q.id)), 2);
        assert_eq!((s.stored, s.complete, s.unexported), (1, 1, 1));
    }
}
