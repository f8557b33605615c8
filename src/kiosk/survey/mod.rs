//! The kiosk survey: attract (or closed) screen, the questions with the idle countdown over them,
//! thanks. Saves the response whenever it changes; the thanks show once it is committed. The
//! screens follow the questionnaire's plan (core's `session::survey`), whatever the items.

mod closed;
mod countdown;
mod question;
mod start;
mod thanks;

use super::app::KioskContext;
use super::state::KioskAction;
use super::texts::K;
use crate::app::{SetPin, StoreStatus};
use crate::platform::location::Route;
use crate::platform::{clock, go, new_id};
use crate::state::{Action, Notice};
use closed::ClosedScreen;
use countdown::IdleCountdown;
use manyi_core::kiosk::{IdlePhase, LowScoreRule};
use manyi_core::session::survey::{Screen, SurveyAction};
use question::QuestionScreen;
use start::StartScreen;
use thanks::{Saved, ThanksScreen};
use yew::platform::spawn_local;
use yew::prelude::*;

fn staff_button(lang: manyi_core::Lang) -> Html {
    let onclick = Callback::from(|_| go(Route::Staff));
    html! { <button type="button" class="staff-button" {onclick}>{ K::StaffButton.get(lang) }</button> }
}

/// The survey screens.
#[function_component(SurveyPage)]
pub fn survey_page() -> Html {
    let ctx = use_context::<KioskContext>().expect("SurveyPage is rendered inside KioskApp");
    {
        // After every answer and on submission the response changes: write it, with its low-score
        // follow-up, in one transaction. Writes are queued in order by IndexedDB (one read-write
        // transaction after the other on the same store); each commit is reported to the state,
        // which shows the thanks only once the submitted version is committed.
        let state = ctx.state.clone();
        // The low-score rule is the questionnaire's own (its overall item, on its scale).
        let q = &ctx.state.survey.questionnaire;
        let rule = ctx.state.app.settings.as_ref().map(|s| LowScoreRule::of(q, s.low_score_threshold));
        let deps = (ctx.state.survey.draft.clone(), ctx.store.clone(), ctx.state.save_attempt);
        use_effect_with(deps, move |(draft, store, _)| {
            if let (Some(r), StoreStatus::Ready(store), Some(rule)) = (draft.clone(), store.clone(), rule) {
                spawn_local(async move {
                    match store.put_response(&r, rule.and_then(|rule| rule.follow_up(&r))).await {
                        Ok(()) => state.dispatch(KioskAction::Committed(r, clock::now())),
                        Err(e) => {
                            state.dispatch(KioskAction::App(Action::Notify(Notice::SaveFailed(
                                e.to_string(),
                            ))));
                            state.dispatch(KioskAction::SaveFailed(e.to_string()));
                        }
                    }
                });
            }
        });
    }
    let lang = ctx.lang();
    let survey = &ctx.state.survey;
    let kiosk = &*ctx.state;
    match survey.screen {
        Screen::Start => {
            let settings = kiosk.app.settings.clone();
            if settings.as_ref().is_some_and(|s| s.pin.is_none()) {
                // First start: the staff set the PIN before the first customer.
                return html! { <SetPin /> };
            }
            if settings.is_some() && !kiosk.open {
                let opens = settings.and_then(|s| s.hours.next_opening(clock::now()));
                return html! { <ClosedScreen {lang} {opens} staff={staff_button(lang)} /> };
            }
            let state = ctx.state.clone();
            let on_start = Callback::from(move |_| {
                state.dispatch(KioskAction::Survey(SurveyAction::Start { id: new_id(), at: clock::now() }))
            });
            let q = &survey.questionnaire;
            let ready = ctx.store != StoreStatus::Opening && settings.is_some();
            // The questionnaire the staff chose is not on this device (or cannot run here): say
            // why, and let only the staff go on.
            let unavailable: Vec<String> = if ready {
                kiosk.unavailable.iter().map(|t| t.get(lang).to_owned()).collect()
            } else {
                Vec::new()
            };
            html! {
                <StartScreen title={q.title.get(lang).to_owned()} {lang} {ready} {unavailable} {on_start} staff={staff_button(lang)} />
            }
        }
        Screen::Page(page) => {
            let countdown = match kiosk.idle {
                IdlePhase::Countdown { seconds_left } => {
                    let state = ctx.state.clone();
                    let on_continue = Callback::from(move |_| {
                        crate::platform::timer::record_activity();
                        state.dispatch(KioskAction::Touch)
                    });
                    Some(html! { <IdleCountdown {lang} {seconds_left} {on_continue} /> })
                }
                _ => None,
            };
            html! { <><QuestionScreen key={page} {page} />{ for countdown }</> }
        }
        Screen::Thanks => {
            let saved = if kiosk.thanks_stored() {
                Saved::Stored(kiosk.thanks_left)
            } else if let Some(e) = &kiosk.save_error {
                Saved::Failed(e.clone())
            } else {
                Saved::Pending
            };
            let state = ctx.state.clone();
            let on_done = Callback::from(move |_| state.dispatch(KioskAction::Survey(SurveyAction::Reset)));
            let state = ctx.state.clone();
            let on_retry = Callback::from(move |_| state.dispatch(KioskAction::RetrySave));
            html! { <ThanksScreen {lang} {saved} {on_done} {on_retry} /> }
        }
    }
}
