//! The survey machine driven through the hall questionnaire by a person tapping once a second.

use super::plan::PageKind;
use super::survey::{Screen, Survey, SurveyAction, DOUBLE_TAP_MS};
use crate::questionnaire::builtin::Builtin;
use crate::questionnaire::item::{ChoiceCode, ItemId};
use crate::response::answer::Answer;
use crate::response::tags::{BusinessType, CustomerClass};
use crate::response::Status;
use chrono::{DateTime, Duration, FixedOffset};
use std::rc::Rc;
use uuid::Uuid;

const RATED: [&str; 11] = [
    "guide",
    "wait",
    "queue_fair",
    "courtesy",
    "speed",
    "right_first_time",
    "explained",
    "kiosk_ease",
    "kiosk_fit",
    "environment",
    "overall",
];

fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T09:00:00+08:00").unwrap()
}

/// A person who taps once a second, starting at `t0`.
struct Person {
    survey: Survey,
    clock: DateTime<FixedOffset>,
}

impl Person {
    fn new() -> Person {
        Person { survey: Survey::new(Builtin::Hall.questionnaire()), clock: t0() }
    }

    fn later(&mut self, ms: i64) -> DateTime<FixedOffset> {
        self.clock += Duration::milliseconds(ms);
        self.clock
    }

    fn act(&mut self, a: SurveyAction) -> bool {
        self.survey.apply(a)
    }

    fn page(&self) -> usize {
        match self.survey.screen {
            Screen::Page(p) => p,
            other => panic!("not on a question screen but on {other:?}"),
        }
    }

    fn answer(&mut self, item: &str, answer: Answer) -> bool {
        let (page, at) = (self.page(), self.later(1000));
        self.act(SurveyAction::Answer { page, item: ItemId::new(item), answer, at })
    }

    fn choose(&mut self, item: &str, code: &str) -> bool {
        self.answer(item, Answer::Choice(ChoiceCode::new(code)))
    }

    fn current_item(&self) -> &str {
        self.survey.plan.pages[self.page()].items[0].as_str()
    }
}

#[test]
fn hall_plan_has_one_screen_per_tap_item_and_one_closing_form() {
    let p = Person::new();
    let plan = &p.survey.plan;
    assert_eq!(plan.pages.len(), 2 + 11 + 1);
    assert!(plan.pages[..13].iter().all(|p| p.kind == PageKind::Tap && p.items.len() == 1));
    let last: Vec<&str> = plan.pages[13].items.iter().map(ItemId::as_str).collect();
    assert_eq!((plan.pages[13].kind, last), (PageKind::Form, vec!["comment", "callback_consent", "phone"]));
}

#[test]
fn keyed_in_every_item_has_a_screen_and_the_phone_shows_on_consent() {
    let mut s = Survey::keyed(Builtin::Hall.questionnaire());
    let kinds: Vec<PageKind> = s.plan.pages.iter().map(|p| p.kind).collect();
    // 2 context questions and 11 ratings (required: one key), then comment, consent, phone.
    assert_eq!(kinds.len(), 16);
    assert!(kinds[..13].iter().all(|k| *k == PageKind::Tap));
    assert!(kinds[13..].iter().all(|k| *k == PageKind::Form));
    assert!(s.plan.pages.iter().all(|p| p.items.len() == 1));
    let at = t0();
    assert!(s.apply(SurveyAction::Start { id: Uuid::from_u128(8), at }));
    let r = s.draft.clone().unwrap();
    let q = Rc::clone(&s.questionnaire);
    // No consent yet: the consent's screen is the last one shown.
    assert!(s.plan.is_last(&q, &r, 14) && !s.plan.is_visible(&q, &r, 15));
    s.screen = Screen::Page(14);
    assert!(s.apply(SurveyAction::Answer {
        page: 14,
        item: ItemId::new("callback_consent"),
        answer: Answer::Yes,
        at
    }));
    let r = s.draft.clone().unwrap();
    assert!(s.plan.is_visible(&q, &r, 15) && !s.plan.is_last(&q, &r, 14));
}

#[test]
fn a_whole_survey_by_taps() {
    let mut p = Person::new();
    let at = p.later(0);
    assert!(p.act(SurveyAction::Start { id: Uuid::from_u128(7), at }));
    assert_eq!(p.current_item(), "business");
    assert!(p.choose("business", "repair"));
    assert!(p.choose("customer_class", "residential"));
    for id in RATED {
        assert_eq!(p.current_item(), id);
        let answer = if id.starts_with("kiosk") { Answer::NotApplicable } else { Answer::Rating(4) };
        assert!(p.answer(id, answer));
    }
    assert_eq!(p.current_item(), "comment");
    assert!(p.answer("comment", Answer::Text("很好".into())));
    assert!(p.answer("callback_consent", Answer::Yes));
    assert!(p.answer("phone", Answer::Text("13800000000".into())));
    let (page, at) = (p.page(), p.later(1000));
    assert!(p.act(SurveyAction::Submit { page, at }));
    assert_eq!(p.survey.screen, Screen::Thanks);
    let r = p.survey.draft.as_ref().unwrap();
    assert_eq!((r.status, r.submitted_at), (Status::Complete, Some(at)));
    assert_eq!(r.tags.business_type, Some(BusinessType::Repair));
    assert_eq!(r.tags.customer_class, Some(CustomerClass::Residential));
    assert_eq!(r.answers.len(), 2 + 11 + 3);
    assert!(p.act(SurveyAction::Reset));
    assert_eq!((p.survey.screen, p.survey.draft.is_none()), (Screen::Start, true));
}

#[test]
fn a_double_tap_records_one_answer_and_moves_one_screen() {
    let mut p = Person::new();
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(1), at });
    // The second tap of a double tap on 开始 lands on the first question: ignored.
    let at = p.later(80);
    assert!(!p.act(SurveyAction::Answer {
        page: 0,
        item: ItemId::new("business"),
        answer: Answer::Choice(ChoiceCode::new("payment")),
        at
    }));
    assert!(p.choose("business", "payment"));
    // Both taps of a double tap name the screen they were made on: the second is stale.
    let at = p.later(60);
    let stale = SurveyAction::Answer {
        page: 0,
        item: ItemId::new("business"),
        answer: Answer::Choice(ChoiceCode::new("repair")),
        at,
    };
    assert!(!p.act(stale));
    // …or it lands on the next screen too soon after it appeared: ignored as well.
    let at = p.later(DOUBLE_TAP_MS - 100);
    let early = SurveyAction::Answer {
        page: 1,
        item: ItemId::new("customer_class"),
        answer: Answer::Choice(ChoiceCode::new("other")),
        at,
    };
    assert!(!p.act(early));
    assert_eq!(p.current_item(), "customer_class");
    let r = p.survey.draft.as_ref().unwrap();
    assert_eq!(r.tags.business_type, Some(BusinessType::Payment));
    assert_eq!(r.answers.len(), 1);
}

#[test]
fn back_shows_the_previous_answer_and_a_new_tap_replaces_it() {
    let mut p = Person::new();
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(2), at });
    p.choose("business", "payment");
    let (page, at) = (p.page(), p.later(1000));
    assert!(p.act(SurveyAction::Back { page, at }));
    assert_eq!(p.current_item(), "business");
    // No screen before the first one.
    let (page, at) = (p.page(), p.later(1000));
    assert!(!p.act(SurveyAction::Back { page, at }));
    assert!(p.choose("business", "inquiry"));
    assert_eq!(p.current_item(), "customer_class");
    let r = p.survey.draft.as_ref().unwrap();
    assert_eq!(r.tags.business_type, Some(BusinessType::Inquiry));
}

#[test]
fn a_resumed_draft_continues_at_its_first_open_question() {
    let mut p = Person::new();
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(3), at });
    p.choose("business", "payment");
    p.choose("customer_class", "business");
    p.answer("guide", Answer::Rating(5));
    let draft = p.survey.draft.clone().unwrap();

    let mut q = Person::new();
    let at = q.later(0);
    assert!(q.act(SurveyAction::Resume { draft: Box::new(draft.clone()), at }));
    assert_eq!(q.current_item(), "wait");
    assert_eq!(q.survey.draft.as_ref(), Some(&draft));
    // Only onto the start screen, and only drafts.
    assert!(!q.act(SurveyAction::Resume { draft: Box::new(draft), at }));
}

#[test]
fn submitting_with_a_required_item_open_goes_back_to_it() {
    let mut p = Person::new();
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(4), at });
    p.choose("business", "payment");
    p.choose("customer_class", "business");
    // Skip every rating with 下一题 / Next.
    while p.survey.plan.pages[p.page()].kind == PageKind::Tap {
        let (page, at) = (p.page(), p.later(1000));
        assert!(p.act(SurveyAction::Next { page, at }));
    }
    let (page, at) = (p.page(), p.later(1000));
    assert!(p.act(SurveyAction::Submit { page, at }));
    assert_eq!(p.current_item(), "guide");
    assert_eq!(p.survey.missing.as_ref().map(ItemId::as_str), Some("guide"));
    assert_eq!(p.survey.draft.as_ref().unwrap().status, Status::Draft);
    assert!(p.answer("guide", Answer::Rating(3)));
    assert_eq!(p.survey.missing, None);
}

#[test]
fn an_answer_the_item_does_not_take_changes_nothing() {
    let mut p = Person::new();
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(5), at });
    p.choose("business", "payment");
    p.choose("customer_class", "business");
    assert!(!p.answer("guide", Answer::NotApplicable), "guide offers no N/A");
    assert!(!p.answer("guide", Answer::Rating(6)));
    assert_eq!(p.current_item(), "guide");
}

#[test]
fn text_typed_at_once_on_a_new_screen_is_kept_but_a_tap_is_not() {
    let mut p = Person::new();
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(6), at });
    p.choose("business", "payment");
    p.choose("customer_class", "business");
    for id in RATED {
        p.answer(id, Answer::Rating(4));
    }
    let page = p.page();
    assert_eq!(p.current_item(), "comment");
    // 100 ms after the closing screen appeared: the comment counts, the tap on 是 does not.
    let at = p.later(100);
    assert!(p.act(SurveyAction::Answer {
        page,
        item: ItemId::new("comment"),
        answer: Answer::Text("好".into()),
        at
    }));
    let at = p.later(0);
    assert!(!p.act(SurveyAction::Answer {
        page,
        item: ItemId::new("callback_consent"),
        answer: Answer::Yes,
        at
    }));
    let r = p.survey.draft.as_ref().unwrap();
    assert_eq!(r.answer_of(&ItemId::new("comment")), Some(&Answer::Text("好".into())));
    assert_eq!(r.answer_of(&ItemId::new("callback_consent")), None);
}

#[test]
fn responses_start_with_the_surveys_channel_and_tags() {
    use crate::response::tags::{TagKey, Tags};
    use crate::response::Channel;
    let mut tags = Tags::default();
    TagKey::Hall.set(&mut tags, "城东营业厅").unwrap();
    TagKey::Counter.set(&mut tags, "3").unwrap();
    let mut survey = Survey::new(Builtin::Hall.questionnaire()).with_context(Channel::Onsite, tags.clone());
    assert!(survey.apply(SurveyAction::Start { id: Uuid::from_u128(9), at: t0() }));
    let r = survey.draft.as_ref().unwrap();
    assert_eq!((r.channel, &r.tags), (Channel::Onsite, &tags));
}

#[test]
fn abandon_ends_a_session_from_any_screen_and_starts_clean() {
    let mut p = Person::new();
    assert!(!p.act(SurveyAction::Abandon), "nothing to end on the start screen");
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(3), at });
    assert!(p.choose("business", "complaint"));
    assert!(p.act(SurveyAction::Abandon));
    assert_eq!(
        (p.survey.screen, p.survey.draft.is_none(), p.survey.missing.is_none()),
        (Screen::Start, true, true)
    );
    // The next customer starts with an empty response: nothing of the previous one.
    let at = p.later(1000);
    assert!(p.act(SurveyAction::Start { id: Uuid::from_u128(4), at }));
    let r = p.survey.draft.as_ref().unwrap();
    assert!(r.answers.is_empty() && r.tags.business_type.is_none());
    assert_eq!(p.current_item(), "business");
}

#[test]
fn keyed_in_answers_at_once_all_count_without_the_tap_guard() {
    // The callback questionnaire: resolved (yes/no), four ratings, each on a screen of its own.
    let mut survey = Survey::new(Builtin::Callback.questionnaire()).without_tap_guard();
    assert!(survey.apply(SurveyAction::Start { id: Uuid::from_u128(5), at: t0() }));
    let keyed =
        [("resolved", Answer::Yes), ("timeliness", Answer::Rating(4)), ("attitude", Answer::Rating(5))];
    for (page, (item, answer)) in keyed.into_iter().enumerate() {
        // Every answer in the same millisecond as the screen change: no double tap with keys.
        let action = SurveyAction::Answer { page, item: ItemId::new(item), answer, at: t0() };
        assert!(survey.apply(action), "{item} counts");
    }
    assert_eq!(survey.screen, Screen::Page(3));
    assert_eq!(survey.draft.as_ref().unwrap().answers.len(), 3);
    // With the guard (the kiosk), the second answer at once would have been dropped.
    let mut kiosk = Survey::new(Builtin::Callback.questionnaire());
    kiosk.apply(SurveyAction::Start { id: Uuid::from_u128(6), at: t0() });
    let first =
        SurveyAction::Answer { page: 0, item: ItemId::new("resolved"), answer: Answer::Yes, at: t0() };
    assert!(!kiosk.apply(first), "within 400 ms of the first screen");
}

#[test]
fn a_kano_study_has_one_screen_per_pair_that_moves_on_once_the_pair_is_answered() {
    use crate::response::answer::KanoPairAnswer;
    use crate::scoring::kano::KanoAnswer;
    let q = Builtin::Kano.questionnaire();
    let mut p = Person { survey: Survey::new(q), clock: t0() };
    assert_eq!(p.survey.plan.pages.len(), 10);
    assert!(p.survey.plan.pages.iter().all(|p| p.kind == PageKind::Tap && p.items.len() == 1));
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(3), at });
    let pair =
        Answer::Kano(KanoPairAnswer { functional: KanoAnswer::Like, dysfunctional: KanoAnswer::Dislike });
    assert!(p.answer("online_application", pair));
    assert_eq!(p.current_item(), "outage_sms");
}

#[test]
fn a_typed_number_that_is_refused_leaves_the_item_unanswered_not_the_number_before() {
    let mut p = Person::new();
    let at = p.later(0);
    p.act(SurveyAction::Start { id: Uuid::from_u128(8), at });
    p.choose("business", "payment");
    p.choose("customer_class", "residential");
    for id in RATED {
        let answer = if id.starts_with("kiosk") { Answer::NotApplicable } else { Answer::Rating(1) };
        p.answer(id, answer);
    }
    assert!(p.answer("callback_consent", Answer::Yes));
    assert!(p.answer("phone", Answer::Text("13812345678".into())));
    // The last digit deleted: 10 digits are no phone number, and the 11 before are not what the
    // customer now sees, so the item is left unanswered.
    assert!(p.answer("phone", Answer::Text("1381234567".into())));
    let r = p.survey.draft.as_ref().unwrap();
    assert_eq!(r.answer_of(&ItemId::new("phone")), None);
    // Refused again: nothing to change.
    assert!(!p.answer("phone", Answer::Text("138abc".into())));
}
