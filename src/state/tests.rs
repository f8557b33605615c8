//! The shared state's transitions driven natively: the PIN, its guard, the staff lock, and a
//! session handed on from another area's page.

use super::*;
use chrono::Duration;
use manyi_core::kiosk::PinHash;
use manyi_core::questionnaire::QuestionnaireId;

fn t(s: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00+08:00").unwrap() + Duration::seconds(i64::from(s))
}

fn settings() -> KioskSettings {
    KioskSettings { pin: Some(PinHash::new("2468", "2468", [3; 16]).unwrap()), ..KioskSettings::default() }
}

fn with_settings(staff: Staff) -> Rc<AppState> {
    Rc::new(AppState::new(Lang::Zh, staff)).reduce(Action::Settings(Rc::new(settings()), t(0)))
}

fn tick(s: Rc<AppState>, now: u32, touched: Option<u32>) -> Rc<AppState> {
    s.reduce(Action::Tick { now: t(now), last_touch: touched.map(t) })
}

#[test]
fn the_pin_opens_the_staff_screens_which_lock_when_left_alone() {
    let s = with_settings(Staff::Locked);
    assert!(s.has_pin());
    let s = s.reduce(Action::Pin("1111".into(), t(0)));
    assert_eq!((s.unlocked(), s.pin_error), (false, Some(PinError::Wrong)));
    let s = s.reduce(Action::Pin("2468".into(), t(1)));
    assert_eq!((s.unlocked(), s.pin_error), (true, None));
    // The default staff lock is 180 s after the last touch (here at 100 s).
    let s = tick(s, 279, Some(100));
    assert!(s.unlocked());
    let s = tick(s, 280, Some(100));
    assert!(!s.unlocked(), "3 minutes after the last touch");
    let s = s.reduce(Action::Pin("2468".into(), t(300)));
    let s = s.reduce(Action::Lock);
    assert!(!s.unlocked());
}

#[test]
fn five_wrong_pins_pause_the_pad() {
    let mut s = with_settings(Staff::Locked);
    for i in 0..5 {
        s = s.reduce(Action::Pin("0000".into(), t(i)));
    }
    // Paused 60 s from the fifth attempt (at 4 s): at 10 s, 54 s are left, and the right PIN
    // does not open it meanwhile.
    let s = s.reduce(Action::Pin("2468".into(), t(10)));
    assert_eq!((s.unlocked(), s.pin_error), (false, Some(PinError::Paused(54))));
    // The pad counts the pause down as the clock moves (64 − 11 = 53, 64 − 63 = 1) and says
    // nothing more once it is over (at 64 s).
    let s = tick(s, 11, None);
    assert_eq!(s.pin_error, Some(PinError::Paused(53)));
    let s = tick(s, 63, None);
    assert_eq!(s.pin_error, Some(PinError::Paused(1)));
    let s = tick(s, 64, None);
    assert_eq!(s.pin_error, None);
    let s = s.reduce(Action::Pin("2468".into(), t(64)));
    assert!(s.unlocked());
}

#[test]
fn a_session_handed_on_from_another_page_locks_on_the_same_clock() {
    // The staff touched the other page last at 50 s: this page locks 180 s after that, and a
    // touch here keeps it open longer.
    let s = with_settings(Staff::Unlocked { since: t(50) });
    assert!(tick(Rc::clone(&s), 229, None).unlocked());
    assert!(!tick(Rc::clone(&s), 230, None).unlocked());
    assert!(tick(s, 300, Some(200)).unlocked());
}

#[test]
fn without_a_pin_nothing_opens_and_a_tick_changes_nothing() {
    let s = Rc::new(AppState::new(Lang::Zh, Staff::Locked));
    let same = Rc::clone(&s).reduce(Action::Pin("2468".into(), t(0)));
    assert!(Rc::ptr_eq(&s, &same) && !s.has_pin());
    let s = with_settings(Staff::Locked);
    let same = tick(Rc::clone(&s), 1, None);
    assert!(Rc::ptr_eq(&s, &same), "no re-render every tick");
    let same = Rc::clone(&s).reduce(Action::Lock);
    assert!(Rc::ptr_eq(&s, &same));
}

#[test]
fn the_active_questionnaire_is_the_one_the_settings_name() {
    let s = with_settings(Staff::Locked);
    assert_eq!(s.active_questionnaire(&[]).id.as_str(), "hall");
    // The Kano study has pairs the kiosk cannot show: refused with core's reasons.
    let kano = KioskSettings { questionnaire: QuestionnaireId::new("kano"), ..settings() };
    assert!(!active_questionnaire(&kano, &[]).unwrap_err().is_empty());
    let unknown = KioskSettings { questionnaire: QuestionnaireId::new("gone"), ..settings() };
    assert!(active_questionnaire(&unknown, &[]).is_err());
    // One made on the device, in two versions: the newest, or the one named.
    let mut made = Builtin::Hall.questionnaire();
    made.id = QuestionnaireId::new("branch_2027");
    let mut v2 = made.clone();
    v2.version = 2;
    let stored = [made.clone(), v2.clone()];
    let newest = KioskSettings { questionnaire: made.id.clone(), ..settings() };
    assert_eq!(active_questionnaire(&newest, &stored).unwrap(), v2);
    let first = KioskSettings { version: Some(1), ..newest };
    assert_eq!(active_questionnaire(&first, &stored).unwrap(), made);
    // A stored copy of a built-in version is not a second one.
    assert_eq!(kiosk_questionnaires(&[Builtin::Hall.questionnaire()]).len(), 1);
}

#[test]
fn the_kiosk_runs_exactly_the_builtins_a_customer_answers_alone_with_kiosk_widgets() {
    use manyi_core::questionnaire::Mode;
    for b in Builtin::ALL {
        let q = b.questionnaire();
        let runs = q.mode == Mode::SelfCompleted
            && q.items.iter().all(|i| crate::components::kiosk_can_show(&i.kind));
        assert_eq!(KIOSK_BUILTINS.contains(&b), runs, "{b:?}");
    }
}
