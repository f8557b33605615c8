//! The call screen: the script with the ticket's facts and the call timer beside the step of the
//! call — dialling, a question, the comment, the outcome list, the appointment. Every button
//! here is also a key (shown on it); the keys are read by the page.

use super::case_panel::{fact, kiosk_visit};
use super::keys::{outcome_letter, KeyPress, KeyScreen};
use super::state::{CallDesk, Desk, DeskAction};
use super::texts::T;
use super::timer::CallTimer;
use crate::platform::{clock, new_id};
use manyi_core::callback::view::script;
use manyi_core::callback::{Case, OutcomeKind};
use manyi_core::response::answer::Answer;
use manyi_core::session::survey::Screen;
use manyi_core::Lang;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`CallScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct CallScreenProps {
    /// The workspace (with its call).
    pub desk: UseReducerHandle<Desk>,
    /// The language.
    pub lang: Lang,
}

/// A button that presses `key` (in a field holding the text of `field`, if given).
fn key_button(
    d: &UseReducerDispatcher<Desk>,
    key: &str,
    field: Option<NodeRef>,
    class: Classes,
    label: Html,
) -> Html {
    let (d, key) = (d.clone(), key.to_owned());
    let onclick = Callback::from(move |_| {
        let text = field.as_ref().and_then(|f| {
            f.cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .or_else(|| f.cast::<HtmlInputElement>().map(|i| i.value()))
        });
        let press = KeyPress { key: key.clone(), shift: false, field: text };
        d.dispatch(DeskAction::Key { press, at: clock::now(), id: new_id() });
    });
    html! { <button type="button" class={classes!("cb-key", class)} {onclick}>{ label }</button> }
}

fn outcome_buttons(d: &UseReducerDispatcher<Desk>, allowed: &[OutcomeKind], lang: Lang) -> Html {
    let buttons = allowed.iter().filter_map(|k| {
        let letter = outcome_letter(*k)?;
        let label = html! { <><kbd>{ letter }</kbd>{ " " }{ k.label().get(lang).to_owned() }</> };
        Some(key_button(d, &letter.to_string(), None, classes!("secondary", "cb-outcome-key"), label))
    });
    html! {
        <div class="cb-outcomes" role="group" aria-labelledby="cb-outcomes-title">
            <h3 id="cb-outcomes-title">{ T::Outcomes.get(lang) }</h3>
            <div class="cb-outcome-list">{ for buttons }</div>
        </div>
    }
}

fn question(desk: &Desk, call: &CallDesk, d: &UseReducerDispatcher<Desk>, lang: Lang) -> Html {
    let Some(survey) = &call.call.interview else { return Html::default() };
    let (Screen::Page(page), Some(r)) = (survey.screen, survey.draft.as_ref()) else {
        return Html::default();
    };
    let q = &survey.questionnaire;
    let Some(item) = q.item(survey.plan.pages[page].items[0].as_str()) else { return Html::default() };
    let (position, total) = survey.plan.progress(q, r, page);
    let given = r.answer_of(&item.id);
    let option = |key: &str, answer: Answer, label: String| {
        let chosen = call.chosen.as_ref() == Some(&answer);
        let answered = call.chosen.is_none() && given == Some(&answer);
        let class = classes!("cb-option", chosen.then_some("chosen"), answered.then_some("answered"));
        let mark = if chosen {
            T::Chosen.get(lang)
        } else if answered {
            T::Answered.get(lang)
        } else {
            ""
        };
        let body =
            html! { <><kbd>{ key.to_owned() }</kbd>{ " " }{ label }<span class="cb-mark">{ mark }</span></> };
        key_button(d, key, None, class, body)
    };
    let mut options = Vec::new();
    let mut legend = vec![T::KeyEnter, T::KeyBack, T::KeyEnd];
    match desk.key_screen() {
        Some(KeyScreen::Question(keys)) => {
            if let (Some((min, max)), Some(scale)) = (keys.scale, q.rating_scale(item)) {
                for x in min..=max {
                    let label = scale.label(x).map(|l| l.get(lang).to_owned()).unwrap_or_default();
                    options.push(option(&x.to_string(), Answer::Rating(x), label));
                }
                legend.insert(0, T::KeyDigits);
            }
            if keys.yes_no {
                options.push(option("Y", Answer::Yes, crate::i18n::Ui::Yes.get(lang).to_owned()));
                options.push(option("N", Answer::No, crate::i18n::Ui::No.get(lang).to_owned()));
                legend.insert(0, T::KeyYesNo);
            }
            if keys.not_applicable {
                options.push(option(
                    "0",
                    Answer::NotApplicable,
                    crate::i18n::Ui::NotApplicable.get(lang).to_owned(),
                ));
                legend.insert(0, T::KeyNotApplicable);
            }
        }
        _ => return Html::default(),
    }
    html! {
        <div class="cb-question">
            <p class="cb-progress">{ format!("{} {position} / {total}", T::Question.get(lang)) }</p>
            <h2 id="cb-question-text" class="question">{ item.text.get(lang) }</h2>
            <div class="cb-options" role="group" aria-labelledby="cb-question-text">{ for options }</div>
            <ul class="cb-legend" aria-label={T::Keys.get(lang)}>
                { for legend.iter().map(|k| html! { <li>{ k.get(lang) }</li> }) }
            </ul>
        </div>
    }
}

fn facts(case: &Case, attempts_left: u32, lang: Lang) -> Html {
    html! {
        <dl class="cb-facts">
            { fact(T::Ticket, manyi_core::callback::view::case_label(case).get(lang), lang) }
            { fact(T::Customer, case.customer.as_deref().unwrap_or(""), lang) }
            { fact(T::Phone, &case.phone, lang) }
            { fact(T::FilterType, case.ticket_type.map(|t| t.label().get(lang).to_owned()).unwrap_or_default().as_str(), lang) }
            { fact(T::TicketDate, &case.ticket_date.to_string(), lang) }
            { fact(T::Hall, &case.hall.as_ref().map(ToString::to_string).unwrap_or_default(), lang) }
            { fact(T::CustomerClass, case.customer_class.map(|c| c.label().get(lang).to_owned()).unwrap_or_default().as_str(), lang) }
            { fact(T::Due, &case.due.map(|d| d.to_string()).unwrap_or_default(), lang) }
            { fact(T::KioskOverall, &case.kiosk_overall.map(|x| x.to_string()).unwrap_or_default(), lang) }
            { fact(T::Attempts, &case.attempts.len().to_string(), lang) }
            { fact(T::AttemptsLeft, &attempts_left.to_string(), lang) }
        </dl>
    }
}

/// The call in progress.
#[function_component(CallScreen)]
pub fn call_screen(props: &CallScreenProps) -> Html {
    let (desk, lang) = (&props.desk, props.lang);
    let d = desk.dispatcher();
    let (step_ref, field_ref) = (use_node_ref(), use_node_ref());
    let screen = desk.key_screen();
    {
        // Each step takes the focus (its field, if it has one), so the agent's keys land there.
        let (step_ref, field_ref) = (step_ref.clone(), field_ref.clone());
        use_effect_with(format!("{screen:?}"), move |_| {
            let field = field_ref.cast::<HtmlElement>();
            if let Some(el) = field.or_else(|| step_ref.cast::<HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let (Some(call), Some(case)) =
        (desk.call.as_ref(), desk.call.as_ref().and_then(|c| desk.case(&c.call.case)))
    else {
        return Html::default();
    };
    let lines = script(&desk.questionnaire, case, call.call.interviewer.as_str());
    let allowed = call.call.allowed_outcomes();
    let step = match &screen {
        None => html! { <p class="cb-saving" role="status">{ T::Saving.get(lang) }</p> },
        Some(KeyScreen::Case) => Html::default(),
        Some(KeyScreen::Dialling) => html! {
            <>
                <h2>{ T::Calling.get(lang) }</h2>
                { key_button(&d, "Enter", None, classes!("primary"), html! { { T::BeginInterview.get(lang) } }) }
                { outcome_buttons(&d, &allowed, lang) }
                { key_button(&d, "Escape", None, classes!("secondary"), html! { { T::CancelCall.get(lang) } }) }
            </>
        },
        Some(KeyScreen::Question(_)) => question(desk, call, &d, lang),
        Some(KeyScreen::Comment) => {
            let item = call.call.interview.as_ref().and_then(|s| match s.screen {
                Screen::Page(p) => s.questionnaire.item(s.plan.pages[p].items[0].as_str()).cloned(),
                _ => None,
            });
            let text = item.as_ref().map(|i| i.text.get(lang).to_owned()).unwrap_or_default();
            let given =
                item.as_ref().and_then(|i| call.call.response()?.answer_of(&i.id)).and_then(|a| match a {
                    Answer::Text(t) => Some(t.clone()),
                    _ => None,
                });
            html! {
                <div class="cb-question">
                    <label class="question" for="cb-comment">{ text }</label>
                    <textarea id="cb-comment" class="text-answer" rows="4" maxlength="1000" ref={field_ref.clone()}
                        value={given.unwrap_or_default()} />
                    <p class="cb-legend">{ T::CommentKeys.get(lang) }</p>
                    { key_button(&d, "Enter", Some(field_ref.clone()), classes!("primary"), html! { { crate::i18n::Ui::Submit.get(lang) } }) }
                </div>
            }
        }
        Some(KeyScreen::Submitted) => html! {
            <div class="cb-question">
                <p class="cb-done">{ T::Submitted.get(lang) }</p>
                { key_button(&d, "Enter", None, classes!("primary"), html! { { OutcomeKind::Complete.label().get(lang).to_owned() } }) }
            </div>
        },
        Some(KeyScreen::Outcomes) => html! {
            <>
                { outcome_buttons(&d, &allowed, lang) }
                { key_button(&d, "Escape", None, classes!("secondary"), html! { { T::OutcomesBack.get(lang) } }) }
            </>
        },
        Some(KeyScreen::Confirm(kind)) => html! {
            <div class="cb-confirm-outcome" role="alertdialog" aria-labelledby="cb-confirm-title" aria-describedby="cb-confirm-why">
                <h2 id="cb-confirm-title">{ format!("{}{}", T::ConfirmRecord.get(lang), kind.label().get(lang)) }</h2>
                <p id="cb-confirm-why">{ T::ConfirmCloses.get(lang) }</p>
                { key_button(&d, "Enter", None, classes!("primary"), html! { { T::ConfirmYes.get(lang) } }) }
                { key_button(&d, "Escape", None, classes!("secondary"), html! { { T::ConfirmBack.get(lang) } }) }
            </div>
        },
        Some(KeyScreen::Appointment) => html! {
            <div class="cb-question">
                <label class="question" for="cb-appointment">{ T::AppointmentAt.get(lang) }</label>
                <input id="cb-appointment" type="text" inputmode="numeric" autocomplete="off" ref={field_ref.clone()}
                    placeholder={T::AppointmentPlaceholder.get(lang)} value={call.appointment_text.clone()} />
                { for call.appointment_error.as_ref().map(|e| html! { <p class="missing" role="alert">{ e.get(lang).to_owned() }</p> }) }
                <p class="cb-legend">{ T::AppointmentKeys.get(lang) }</p>
                { key_button(&d, "Enter", Some(field_ref.clone()), classes!("primary"), html! { { OutcomeKind::Appointment.label().get(lang).to_owned() } }) }
            </div>
        },
    };
    html! {
        <div class="cb-call">
            <section class="cb-script" aria-labelledby="cb-script-title">
                <CallTimer started_at={call.call.started_at} {lang} />
                <h2 id="cb-script-title">{ T::Script.get(lang) }</h2>
                <ol class="cb-script-lines">{ for lines.iter().map(|l| html! { <li>{ l.get(lang).to_owned() }</li> }) }</ol>
                { kiosk_visit(case, lang) }
                <h3>{ T::Facts.get(lang) }</h3>
                { facts(case, case.attempts_left(&desk.rules), lang) }
            </section>
            <section class="cb-step" ref={step_ref} tabindex="-1" aria-label={T::Calling.get(lang)}>{ step }</section>
        </div>
    }
}
