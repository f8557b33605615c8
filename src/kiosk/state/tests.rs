//! The kiosk's transitions driven natively: settings, idle countdown, the thank-you timer, the
//! staff lock, the language of the next customer.

use super::*;
use chrono::Duration;
use manyi_core::kiosk::{settings::tag, KioskSettings, OpeningHours, PinHash};
use manyi_core::questionnaire::item::{ChoiceCode, ItemId};
use manyi_core::response::answer::Answer;
use manyi_core::response::Status;
use manyi_core::session::survey::SurveyAction;
use manyi_core::Lang;
use yew::Reducible;

fn t(s: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00+08:00").unwrap() + Duration::seconds(i64::from(s))
}

fn settings() -> KioskSettings {
    KioskSettings {
        hall: tag("城东营业厅"),
        counter: tag("3"),
        staff: tag("A017"),
        device: tag("pad-1"),
        pin: Some(PinHash::new("2468", "2468", [3; 16]).unwrap()),
        ..KioskSettings::default()
    }
}

fn kiosk() -> Rc<KioskState> {
    let s = Rc::new(KioskState::new(Lang::Zh, Staff::Locked));
    s.reduce(KioskAction::App(Action::Settings(Rc::new(settings()), t(0))))
}

fn act(s: Rc<KioskState>, a: KioskAction) -> Rc<KioskState> {
    s.reduce(a)
}

fn app(s: Rc<KioskState>, a: Action) -> Rc<KioskState> {
    s.reduce(KioskAction::App(a))
}

fn survey(s: Rc<KioskState>, a: SurveyAction) -> Rc<KioskState> {
    s.reduce(KioskAction::Survey(a))
}

fn tick(s: Rc<KioskState>, now: u32, touched: u32) -> Rc<KioskState> {
    act(s, KioskAction::Tick { now: t(now), last_touch: Some(t(touched)) })
}

fn started(at: u32) -> Rc<KioskState> {
    let s = kiosk();
    let s = survey(s, SurveyAction::Start { id: uuid::Uuid::from_u128(1), at: t(at) });
    survey(
        s,
        SurveyAction::Answer {
            page: 0,
            item: ItemId::new("business"),
            answer: Answer::Choice(ChoiceCode::new("repair")),
            at: t(at + 1),
        },
    )
}

#[test]
fn every_new_response_carries_the_settings_tags() {
    let s = started(0);
    let tags = &s.survey.draft.as_ref().unwrap().tags;
    assert_eq!(tags.hall.as_ref().map(|h| h.as_str()), Some("城东营业厅"));
    assert_eq!(tags.counter.as_ref().map(|h| h.as_str()), Some("3"));
    assert_eq!(tags.staff.as_ref().map(|h| h.as_str()), Some("A017"));
    assert_eq!(tags.device.as_ref().map(|h| h.as_str()), Some("pad-1"));
    assert!(s.open);
}

#[test]
fn outside_opening_hours_the_kiosk_is_closed() {
    let s = Rc::new(KioskState::new(Lang::Zh, Staff::Locked));
    let night = KioskSettings { hours: OpeningHours::usual(), ..settings() };
    let s = app(s, Action::Settings(Rc::new(night), t(12 * 3600))); // 22:00
    assert!(!s.open);
    let s = act(s, KioskAction::Tick { now: t(23 * 3600), last_touch: None }); // 09:00 the next day
    assert!(s.open);
}

#[test]
fn idle_shows_a_countdown_a_touch_cancels_it_and_then_it_expires() {
    let s = started(0);
    // Touched last at 1 s; 60 s idle, 15 s countdown.
    let s = tick(s, 60, 1);
    assert_eq!(s.idle, IdlePhase::Active);
    let s = tick(s, 62, 1);
    assert_eq!(s.idle, IdlePhase::Countdown { seconds_left: 14 });
    // A touch takes the countdown away at once, before the next tick.
    let s = act(s, KioskAction::Touch);
    assert_eq!(s.idle, IdlePhase::Active);
    let s = tick(s, 130, 62);
    assert_eq!(s.idle, IdlePhase::Countdown { seconds_left: 7 });
    let s = tick(s, 137, 62);
    assert_eq!(s.idle, IdlePhase::Expired);
    // The runtime stores the break-off, then abandons: the next customer starts clean.
    let s = survey(s, SurveyAction::Abandon);
    assert_eq!((s.survey.screen, s.survey.draft.is_none(), s.idle), (Screen::Start, true, IdlePhase::Active));
    // On the start screen nobody is timed out.
    let s = tick(s, 500, 62);
    assert_eq!(s.idle, IdlePhase::Active);
}

fn submitted() -> Rc<KioskState> {
    let mut s = started(0);
    let q = s.survey.questionnaire.clone();
    let mut at = 2;
    while let Screen::Page(page) = s.survey.screen {
        let items = s.survey.plan.shown(&q, s.survey.draft.as_ref().unwrap(), page);
        let action = match items[0].kind {
            manyi_core::questionnaire::item::ItemKind::SingleChoice { ref options } => SurveyAction::Answer {
                page,
                item: items[0].id.clone(),
                answer: Answer::Choice(options[0].code.clone()),
                at: t(at),
            },
            manyi_core::questionnaire::item::ItemKind::Rating { .. } => {
                SurveyAction::Answer { page, item: items[0].id.clone(), answer: Answer::Rating(4), at: t(at) }
            }
            _ => SurveyAction::Submit { page, at: t(at) },
        };
        s = survey(s, action);
        at += 1;
    }
    s
}

#[test]
fn the_thanks_show_only_once_the_response_is_stored_then_the_attract_screen_returns() {
    let s = submitted();
    assert_eq!(s.survey.screen, Screen::Thanks);
    assert!(!s.thanks_stored(), "not before the store says so");
    let s = act(s, KioskAction::SaveFailed("QuotaExceededError".into()));
    assert!(!s.thanks_stored());
    let r = s.survey.draft.clone().unwrap();
    assert_eq!(r.status, Status::Complete);
    let s = act(s, KioskAction::Committed(r, t(100)));
    assert!(s.thanks_stored() && s.save_error.is_none());
    assert_eq!(s.thanks_left, Some(8));
    let s = tick(s, 105, 90);
    assert_eq!(s.thanks_left, Some(3));
    let s = tick(s, 108, 90);
    assert_eq!((s.survey.screen, s.survey.draft.is_none()), (Screen::Start, true));
    assert_eq!((s.thanks_left, s.committed.is_none()), (None, true));
}

#[test]
fn the_kiosk_tick_locks_the_staff_screens_when_left_alone() {
    let s = app(kiosk(), Action::Pin("2468".into(), t(1)));
    assert!(s.app.unlocked());
    let s = tick(s, 279, 100);
    assert!(s.app.unlocked());
    let s = tick(s, 280, 100);
    assert!(!s.app.unlocked(), "3 minutes after the last touch");
}

#[test]
fn a_wrong_pin_twice_is_said_twice() {
    let s = app(kiosk(), Action::Pin("1111".into(), t(0)));
    let again = app(Rc::clone(&s), Action::Pin("1111".into(), t(1)));
    assert!(!Rc::ptr_eq(&s, &again), "the pad shows its error again");
    assert_eq!(again.app.pin_error, Some(crate::state::PinError::Wrong));
}

#[test]
fn new_settings_reach_the_next_customer_not_the_one_answering() {
    let s = started(0);
    let moved = KioskSettings { hall: tag("城西营业厅"), ..settings() };
    let s = app(s, Action::Settings(Rc::new(moved), t(5)));
    let draft = s.survey.draft.as_ref().unwrap();
    assert_eq!(
        draft.tags.hall.as_ref().map(|h| h.as_str()),
        Some("城东营业厅"),
        "the answer under way keeps its tags"
    );
    let s = survey(s, SurveyAction::Abandon);
    let s = survey(s, SurveyAction::Start { id: uuid::Uuid::from_u128(2), at: t(10) });
    let tags = &s.survey.draft.as_ref().unwrap().tags;
    assert_eq!(tags.hall.as_ref().map(|h| h.as_str()), Some("城西营业厅"));
}

#[test]
fn a_tick_that_changes_nothing_keeps_the_same_state() {
    let s = kiosk();
    let same = Rc::clone(&s).reduce(KioskAction::Tick { now: t(1), last_touch: None });
    assert!(Rc::ptr_eq(&s, &same), "no re-render every tick");
    let same_again = Rc::clone(&s).reduce(KioskAction::Touch);
    assert!(Rc::ptr_eq(&s, &same_again), "no re-render on every touch or key");
}

#[test]
fn the_next_customer_starts_in_chinese_whatever_the_last_one_chose() {
    // Thanks done.
    let s = app(submitted(), Action::SetLang(Lang::En));
    let r = s.survey.draft.clone().unwrap();
    let s = act(s, KioskAction::Committed(r, t(100)));
    let s = tick(s, 108, 90);
    assert_eq!((s.survey.screen, s.app.lang), (Screen::Start, Lang::Zh));
    // An idle session ended.
    let s = app(started(0), Action::SetLang(Lang::En));
    let s = survey(s, SurveyAction::Abandon);
    assert_eq!((s.survey.screen, s.app.lang), (Screen::Start, Lang::Zh));
    // On the attract screen the switch holds (the next customer may want English).
    let s = app(s, Action::SetLang(Lang::En));
    let s = tick(s, 500, 62);
    assert_eq!(s.app.lang, Lang::En);
}

#[test]
fn the_kiosk_runs_the_version_staff_chose_from_the_library_once_it_is_read() {
    use manyi_core::questionnaire::builtin::Builtin;
    use manyi_core::questionnaire::QuestionnaireId;
    let mut made = Builtin::Hall.questionnaire();
    made.id = QuestionnaireId::new("branch_2027");
    let mut v2 = made.clone();
    v2.version = 2;
    let chosen = KioskSettings { questionnaire: made.id.clone(), version: Some(1), ..settings() };
    let s = app(kiosk(), Action::Settings(Rc::new(chosen), t(1)));
    // Not read yet: the kiosk says it cannot start, and keeps what it had.
    assert_eq!(
        s.unavailable[0].en,
        "questionnaire branch_2027 v1 is not on this device: import it in the editor or sync first"
    );
    assert_eq!(s.survey.questionnaire.id.as_str(), "hall");
    let s = act(s, KioskAction::Library(Rc::new(vec![made.clone(), v2])));
    assert!(s.unavailable.is_empty());
    assert_eq!(*s.survey.questionnaire, made, "version 1, as staff chose, not the newest");
    // A response started now answers branch_2027 v1.
    let s = survey(s, SurveyAction::Start { id: uuid::Uuid::from_u128(7), at: t(2) });
    let r = s.survey.draft.as_ref().unwrap();
    assert_eq!((r.questionnaire.id.as_str(), r.questionnaire.version), ("branch_2027", 1));
}
