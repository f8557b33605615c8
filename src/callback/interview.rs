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
use manyi_core::questionnaire::item::{Item, ItemKind};
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::answer::Answer;
use manyi_core::scoring::kano::KanoAnswer;
use manyi_core::session::keys::{Entry, ItemKeys};
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

/// Whether `answer` is among the answers `of` holds (a multiple choice's options count one by one).
fn holds(of: Option<&Answer>, answer: &Answer) -> bool {
    match (of, answer) {
        (Some(Answer::Choices(codes)), Answer::Choice(code)) => codes.contains(code),
        (Some(a), b) => a == b,
        (None, _) => false,
    }
}

/// The answers of the question as buttons, each with its key: clicking one is keying it.
fn choice_buttons(
    q: &Questionnaire,
    item: &Item,
    keys: &ItemKeys,
    call: &CallDesk,
    d: &UseReducerDispatcher<Desk>,
    lang: Lang,
) -> Vec<Html> {
    let given = call.call.response().and_then(|r| r.answer_of(&item.id));
    keys.choices(q, item)
        .into_iter()
        .map(|c| {
            let chosen = holds(call.keyed.answer.as_ref(), &c.answer);
            let answered = call.keyed.answer.is_none() && holds(given, &c.answer);
            let class = classes!("cb-key", "cb-option", chosen.then_some("chosen"), answered.then_some("answered"));
            let mark = if chosen {
                T::Chosen.get(lang)
            } else if answered {
                T::Answered.get(lang)
            } else {
                ""
            };
            let (d, answer) = (d.clone(), c.answer.clone());
            let onclick = Callback::from(move |_| d.dispatch(DeskAction::Pick(answer.clone())));
            html! {
                <button type="button" {class} {onclick}>
                    <kbd>{ c.key }</kbd>{ " " }{ c.label.get(lang).to_owned() }<span class="cb-mark">{ mark }</span>
                </button>
            }
        })
        .collect()
}

/// A number or text typed in a field, Enter confirming it.
fn field(
    item: &Item,
    keys: &ItemKeys,
    call: &CallDesk,
    field_ref: &NodeRef,
    d: &UseReducerDispatcher<Desk>,
    lang: Lang,
) -> Html {
    let given = call.call.response().and_then(|r| r.answer_of(&item.id)).map(|a| match a {
        Answer::Text(t) => t.clone(),
        Answer::Number(x) => x.to_string(),
        _ => String::new(),
    });
    let input = match (&keys.entry, &item.kind) {
        (Entry::Number, ItemKind::Number { unit, .. }) => html! {
            <>
                <input id="cb-number" class="number-answer" type="text" inputmode="decimal" autocomplete="off"
                    ref={field_ref.clone()} value={given.unwrap_or_default()} />
                { for unit.as_ref().map(|u| html! { <span class="unit">{ u.get(lang).to_owned() }</span> }) }
            </>
        },
        (_, ItemKind::Text { max_length, .. }) => html! {
            <textarea id="cb-comment" class="text-answer" rows="4" maxlength={max_length.unwrap_or(1000).to_string()}
                ref={field_ref.clone()} value={given.unwrap_or_default()} />
        },
        _ => Html::default(),
    };
    html! {
        <>
            { input }
            { key_button(d, "Enter", Some(field_ref.clone()), classes!("primary"), html! { { T::FieldKeys.get(lang) } }) }
        </>
    }
}

fn question(
    call: &CallDesk,
    keys: &ItemKeys,
    d: &UseReducerDispatcher<Desk>,
    field_ref: &NodeRef,
    lang: Lang,
) -> Html {
    let Some(survey) = &call.call.interview else { return Html::default() };
    let (Screen::Page(page), Some(r)) = (survey.screen, survey.draft.as_ref()) else {
        return Html::default();
    };
    let q = &survey.questionnaire;
    let Some(item) = q.item(survey.plan.pages[page].items[0].as_str()) else { return Html::default() };
    let (position, total) = survey.plan.progress(q, r, page);
    let body = if keys.in_field() {
        field(item, keys, call, field_ref, d, lang)
    } else {
        let mut options = choice_buttons(q, item, keys, call, d, lang);
        if let (Entry::Points { min, max }, true) =
            (&keys.entry, options.len() <= usize::from(keys.not_applicable))
        {
            // A scale too wide to list: typed from its range.
            options.insert(
                0,
                html! { <p class="cb-range">{ format!("{} {min}–{max}", T::TypeRange.get(lang)) }</p> },
            );
        }
        if let ItemKind::KanoPair { functional, dysfunctional } = &item.kind {
            let answers = KanoAnswer::ALL
                .iter()
                .map(|a| html! { <li><kbd>{ a.code() }</kbd>{ " " }{ a.label().get(lang).to_owned() }</li> });
            options.push(html! {
                <div class="cb-kano">
                    <p>{ format!("1. {}", functional.get(lang)) }</p>
                    <p>{ format!("2. {}", dysfunctional.get(lang)) }</p>
                    <ul>{ for answers }</ul>
                </div>
            });
        }
        html! { <div class="cb-options" role="group" aria-labelledby="cb-question-text">{ for options }</div> }
    };
    let typed = (!call.keyed.digits.is_empty())
        .then(|| html! { <p class="cb-typed" role="status">{ format!("{} {}", T::Typed.get(lang), call.keyed.digits) }</p> });
    let missing = (survey.missing.as_ref() == Some(&item.id))
        .then(|| html! { <p class="missing" role="alert">{ T::PleaseAnswer.get(lang) }</p> });
    let hint = keys.hint();
    let mut legend = vec![hint.get(lang).to_owned()];
    if !keys.in_field() {
        legend.push(T::KeyEnter.get(lang).to_owned());
    }
    legend.extend([T::KeyBack.get(lang).to_owned(), T::KeyEnd.get(lang).to_owned()]);
    html! {
        <div class="cb-question" data-item={item.id.to_string()}>
            <p class="cb-progress">{ format!("{} {position} / {total}", T::Question.get(lang)) }</p>
            if keys.in_field() {
                <label id="cb-question-text" class="question" for={if matches!(keys.entry, Entry::Number) { "cb-number" } else { "cb-comment" }}>{ item.text.get(lang) }</label>
            } else {
                <h2 id="cb-question-text" class="question">{ item.text.get(lang) }</h2>
            }
            { for item.help.as_ref().map(|h| html! { <p class="help">{ h.get(lang).to_owned() }</p> }) }
            { for missing }
            { body }
            { for typed }
            <ul class="cb-legend" aria-label={T::Keys.get(lang)}>
                { for legend.into_iter().map(|k| html! { <li>{ k }</li> }) }
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
    let lines =
        desk.script_of(case).map(|q| script(q, case, call.call.interviewer.as_str())).unwrap_or_default();
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
        Some(KeyScreen::Question(keys)) => question(call, keys, &d, &field_ref, lang),
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
                <p class="cb-script-name">{ format!("{}：{}", T::ScriptFact.get(lang), case.script_or_builtin()) }</p>
                <ol class="cb-script-lines">{ for lines.iter().map(|l| html! { <li>{ l.get(lang).to_owned() }</li> }) }</ol>
                { kiosk_visit(case, lang) }
                <h3>{ T::Facts.get(lang) }</h3>
                { facts(case, case.attempts_left(&desk.rules), lang) }
            </section>
            <section class="cb-step" ref={step_ref} tabindex="-1" aria-label={T::Calling.get(lang)}>{ step }</section>
        </div>
    }
}
