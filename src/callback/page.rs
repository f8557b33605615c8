//! The callback workspace (`#/callback`): reads the records, listens to the agent's keys, stores
//! what changes, and shows the queue, the call, the problems, the rates and the files.

use super::effects;
use super::interview::CallScreen;
use super::keys::KeyPress;
use super::problems::ProblemsPanel;
use super::queue::QueuePanel;
use super::rates::RatesPanel;
use super::settings;
use super::state::{draft_to_keep, Desk, DeskAction, Load, Settings, Tab};
use super::texts::T;
use super::transfer::FilesPanel;
use crate::app::{AppContext, StoreStatus};
use crate::platform::{clock, new_id};
use manyi_core::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::platform::spawn_local;
use yew::prelude::*;

/// The key event as the workspace reads it; `None` for keys it leaves to the browser (on a
/// button or a list box, with Ctrl/Alt, typing into a field, Shift+Enter in the comment).
fn key_press(e: &KeyboardEvent) -> Option<KeyPress> {
    if e.ctrl_key() || e.alt_key() || e.meta_key() || e.is_composing() {
        return None;
    }
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    let tag = target.as_ref().map(|t| t.tag_name().to_ascii_lowercase()).unwrap_or_default();
    // The call screen's buttons are keys themselves: a key pressed on one is the agent's key.
    let key_button =
        target.as_ref().is_some_and(|t| t.class_name().split_whitespace().any(|c| c == "cb-key"));
    // Fields elsewhere (the agent's id, a problem record) keep their keys; the call's fields (the
    // comment, the appointment time) give up Enter and Esc.
    let in_call = target.as_ref().and_then(|t| t.closest(".cb-step").ok().flatten()).is_some();
    let field = match (tag.as_str(), target) {
        ("button", _) if key_button => None,
        ("button" | "a" | "select", _) => return None,
        ("input", Some(t)) => {
            let input: HtmlInputElement = t.unchecked_into();
            if matches!(input.type_().as_str(), "checkbox" | "file" | "radio") {
                return None;
            }
            Some(input.value())
        }
        ("textarea", Some(t)) => Some(t.unchecked_into::<HtmlTextAreaElement>().value()),
        _ => None,
    };
    let key = e.key();
    if field.is_some() && !(in_call && (key == "Enter" && !e.shift_key() || key == "Escape")) {
        return None;
    }
    Some(KeyPress { key, shift: e.shift_key(), field })
}

fn listen_to_keys(desk: UseReducerDispatcher<Desk>) -> impl FnOnce() {
    let listener = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
        let Some(press) = key_press(&e) else { return };
        // The keys of the workspace do nothing else on this page (no scrolling, no new line).
        if press.key != " " && press.key != "Tab" {
            e.prevent_default();
        }
        desk.dispatch(DeskAction::Key { press, at: clock::now(), id: new_id() });
    });
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(d) = &document {
        let _ = d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(d) = document {
            let _ = d.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
    }
}

fn tabs(desk: &UseReducerHandle<Desk>, lang: Lang) -> Html {
    let tab = |t: Tab, text: T| {
        let d = desk.dispatcher();
        let current = desk.tab == t && desk.call.is_none();
        html! {
            <button type="button" class={classes!("cb-tab", current.then_some("current"))} disabled={desk.call.is_some()}
                aria-current={current.then_some("page")} onclick={move |_| d.dispatch(DeskAction::Tab(t))}>
                { text.get(lang) }
            </button>
        }
    };
    html! {
        <nav class="cb-tabs" aria-label={T::Sections.get(lang)}>
            { tab(Tab::Queue, T::TabQueue) }
            { tab(Tab::Problems, T::TabProblems) }
            { tab(Tab::Rates, T::TabRates) }
            { tab(Tab::Files, T::TabFiles) }
        </nav>
    }
}

fn agent_field(desk: &UseReducerHandle<Desk>, lang: Lang) -> Html {
    let oninput = {
        let (d, settings) = (desk.dispatcher(), desk.settings.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            d.dispatch(DeskAction::Settings(Settings { agent: input.value(), ..settings.clone() }))
        })
    };
    let missing = desk.settings.agent.trim().is_empty();
    html! {
        <label class={classes!("cb-agent", missing.then_some("is-missing"))}>
            <span>{ T::AgentId.get(lang) }</span>
            <input id="cb-agent" type="text" autocomplete="off" maxlength="32"
                value={desk.settings.agent.clone()} {oninput} disabled={desk.call.is_some()} />
        </label>
    }
}

fn message(desk: &UseReducerHandle<Desk>, lang: Lang) -> Html {
    let Some(m) = &desk.message else { return Html::default() };
    let d = desk.dispatcher();
    html! {
        <div class={classes!("cb-message", m.error.then_some("error"))} role={if m.error { "alert" } else { "status" }}>
            <p>{ m.text.get(lang) }</p>
            <button type="button" class="secondary" onclick={move |_| d.dispatch(DeskAction::Dismiss)}>
                { T::Dismiss.get(lang) }
            </button>
        </div>
    }
}

/// The workspace.
#[function_component(CallbackPage)]
pub fn callback_page() -> Html {
    let ctx = use_context::<AppContext>().expect("CallbackPage is rendered inside App");
    let lang = ctx.lang();
    let desk = use_reducer(|| Desk::new(settings::load(), clock::now()));
    {
        let d = desk.dispatcher();
        use_effect_with(ctx.store.clone(), move |store| match store.clone() {
            StoreStatus::Ready(store) => spawn_local(effects::load(store, d)),
            StoreStatus::Failed => d.dispatch(DeskAction::LoadFailed(String::new())),
            StoreStatus::Opening => {}
        });
    }
    {
        let d = desk.dispatcher();
        use_effect_with((), move |_| listen_to_keys(d));
    }
    {
        let d = desk.dispatcher();
        use_effect_with((), move |_| {
            let tick = gloo_timers::callback::Interval::new(15_000, move || {
                d.dispatch(DeskAction::Tick(clock::now()))
            });
            move || drop(tick)
        });
    }
    use_effect_with(desk.settings.clone(), settings::save);
    {
        let (d, store) = (desk.dispatcher(), ctx.store.clone());
        use_effect_with(desk.saving.clone(), move |saving| {
            if let Some(save) = saving.clone() {
                spawn_local(effects::save_call(store, save, d));
            }
        });
    }
    {
        let store = ctx.store.clone();
        let progress = desk.call.as_ref().map(|c| (c.call.slot(), draft_to_keep(c).cloned()));
        let ready = desk.load == Load::Ready && desk.saving.is_none();
        use_effect_with((ready, progress), move |(ready, progress)| {
            if *ready {
                spawn_local(effects::keep_call_in_progress(store, progress.clone()));
            }
        });
    }
    let body = match (&desk.load, &desk.call) {
        (Load::Loading, _) => html! { <p>{ T::Loading.get(lang) }</p> },
        (Load::Failed(why), _) => html! {
            <p class="error" role="alert">{ format!("{} {why}", T::LoadFailed.get(lang)) }</p>
        },
        (Load::Ready, Some(_)) => html! { <CallScreen desk={desk.clone()} {lang} /> },
        (Load::Ready, None) => match desk.tab {
            Tab::Queue => html! { <QueuePanel desk={desk.clone()} {lang} store={ctx.store.clone()} /> },
            Tab::Problems => html! { <ProblemsPanel desk={desk.clone()} {lang} store={ctx.store.clone()} /> },
            Tab::Rates => html! { <RatesPanel list={desk.list.clone()} {lang} /> },
            Tab::Files => html! { <FilesPanel desk={desk.clone()} {lang} store={ctx.store.clone()} /> },
        },
    };
    html! {
        <section class="callback">
            <header class="cb-head">
                <h1>{ T::Title.get(lang) }</h1>
                { agent_field(&desk, lang) }
                { tabs(&desk, lang) }
            </header>
            { message(&desk, lang) }
            { body }
        </section>
    }
}
