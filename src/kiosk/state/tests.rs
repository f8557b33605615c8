//! The kiosk's transitions driven natively: settings, idle countdown, the thank-you timer, the
//! staff PIN.

use super::*;
use crate::state::{Action, AppState};
use chrono::Duration;
use manyi_core::kiosk::{settings::tag, OpeningHours, PinHash};
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

fn kiosk() -> Rc<AppState> {
    let s = Rc::new(AppState::new(Builtin::Hall.questionnaire(), Lang::Zh));
    s.reduce(Action::Kiosk(KioskAction::Settings(settings(), t(0))))
}

fn act(s: Rc<AppState>, a: KioskAction) -> Rc<AppState> {
    s.reduce(Action::Kiosk(a))
}

fn survey(s: Rc<AppState>, a: SurveyAction) -> Rc<AppState> {
    s.reduce(Action::Survey(a))
}

fn tick(s: Rc<AppState>, now: u32, touched: u32) -> Rc<AppState> {
    act(s, KioskAction::Tick { now: t(now), last_touch: Some(t(touched)) })
}

fn started(at: u32) -> Rc<AppState> {
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
    assert!(s.kiosk.open);
}

#[test]
fn outside_opening_hours_the_kiosk_is_closed() {
    let s = Rc::new(AppState::new(Builtin::Hall.questionnaire(), Lang::Zh));
    let night = KioskSettings { hours: OpeningHours::usual(), ..settings() };
    let s = act(s, KioskAction::Settings(night, t(12 * 3600))); // 22:00
    assert!(!s.kiosk.open);
    let s = act(s, KioskAction::Tick { now: t(23 * 3600), last_touch: None }); // 09:00 the next day
    assert!(s.kiosk.open);
}

#[test]
fn idle_shows_a_countdown_a_touch_cancels_it_and_then_it_expires() {
    let s = started(0);
    // Touched last at 1 s; 60 s idle, 15 s countdown.
    let s = tick(s, 60, 1);
    assert_eq!(s.kiosk.idle, IdlePhase::Active);
    let s = tick(s, 62, 1);
    assert_eq!(s.kiosk.idle, IdlePhase::Countdown { seconds_left: 14 });
    // A touch takes the countdown away at once, before the next tick.
    let s = act(s, KioskAction::Touch);
    assert_eq!(s.kiosk.idle, IdlePhase::Active);
    let s = tick(s, 130, 62);
    assert_eq!(s.kiosk.idle, IdlePhase::Countdown { seconds_left: 7 });
    let s = tick(s, 137, 62);
    assert_eq!(s.kiosk.idle, IdlePhase::Expired);
    // The runtime stores the break-off, then abandons: the next customer starts clean.
    let s = survey(s, SurveyAction::Abandon);
    assert_eq!(
        (s.survey.screen, s.survey.draft.is_none(), s.kiosk.idle),
        (Screen::Start, true, IdlePhase::Active)
    );
    // On the start screen nobody is timed out.
    let s = tick(s, 500, 62);
    assert_eq!(s.kiosk.idle, IdlePhase::Active);
}

fn submitted() -> Rc<AppState> {
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
    assert!(!s.kiosk.thanks_stored(&s.survey), "not before the store says so");
    let s = act(s, KioskAction::SaveFailed("QuotaExceededError".into()));
    assert!(!s.kiosk.thanks_stored(&s.survey));
    let r = s.survey.draft.clone().unwrap();
    assert_eq!(r.status, Status::Complete);
    let s = act(s, KioskAction::Committed(r, t(100)));
    assert!(s.kiosk.thanks_stored(&s.survey) && s.kiosk.save_error.is_none());
    assert_eq!(s.kiosk.thanks_left, Some(8));
    let s = tick(s, 105, 90);
    assert_eq!(s.kiosk.thanks_left, Some(3));
    let s = tick(s, 108, 90);
    assert_eq!((s.survey.screen, s.survey.draft.is_none()), (Screen::Start, true));
    assert_eq!((s.kiosk.thanks_left, s.kiosk.committed.is_none()), (None, true));
}

#[test]
fn the_pin_opens_the_staff_screens_which_lock_when_left_alone() {
    let s = kiosk();
    let s = act(s, KioskAction::Pin("1111".into(), t(0)));
    assert_eq!((s.kiosk.unlocked(), s.kiosk.pin_error), (false, Some(PinError::Wrong)));
    let s = act(s, KioskAction::Pin("2468".into(), t(1)));
    assert_eq!((s.kiosk.unlocked(), s.kiosk.pin_error), (true, None));
    let s = tick(s, 279, 100);
    assert!(s.kiosk.unlocked());
    let s = tick(s, 280, 100);
    assert!(!s.kiosk.unlocked(), "3 minutes after the last touch");
    let s = act(s, KioskAction::Pin("2468".into(), t(300)));
    let s = act(s, KioskAction::Lock);
    assert!(!s.kiosk.unlocked());
}

#[test]
fn a_tick_that_changes_nothing_keeps_the_same_state() {
    let s = kiosk();
    let same = Rc::clone(&s).reduce(Action::Kiosk(KioskAction::Tick { now: t(1), last_touch: None }));
    assert!(Rc::ptr_eq(&s, &same), "no re-render every tick");
    let same_again = Rc::clone(&s).reduce(Action::Kiosk(KioskAction::Touch));
    assert!(Rc::ptr_eq(&s, &same_again), "no re-render on every touch or key");
}

#[test]
fn the_next_customer_starts_in_chinese_whatever_the_last_one_chose() {
    // Thanks done.
    let s = submitted().reduce(Action::SetLang(Lang::En));
    let r = s.survey.draft.clone().unwrap();
    let s = act(s, KioskAction::Committed(r, t(100)));
    let s = tick(s, 108, 90);
    assert_eq!((s.survey.screen, s.lang), (Screen::Start, Lang::Zh));
    // An idle session ended.
    let s = started(0).reduce(Action::SetLang(Lang::En));
    let s = survey(s, SurveyAction::Abandon);
    assert_eq!((s.survey.screen, s.lang), (Screen::Start, Lang::Zh));
    // On the attract screen the switch holds (the next customer may want English).
    let s = s.reduce(Action::SetLang(Lang::En));
    let s = tick(s, 500, 62);
    assert_eq!(s.lang, Lang::En);
}
