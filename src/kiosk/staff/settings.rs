//! The staff screen's settings section: the tags every response gets from now on, the active
//! questionnaire, opening hours, timings and the low-score threshold, checked by core on save.

use super::form::{Field, SettingsForm};
use crate::app::StoreStatus;
use crate::app::{save_settings, AppContext};
use crate::kiosk::texts::K;
use manyi_core::kiosk::Partial;
use manyi_core::questionnaire::library::Library;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::Lang;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

const DAYS: [(&str, &str); 7] = [
    ("周一", "Mon"),
    ("周二", "Tue"),
    ("周三", "Wed"),
    ("周四", "Thu"),
    ("周五", "Fri"),
    ("周六", "Sat"),
    ("周日", "Sun"),
];

/// The form's fields, read at the moment they are needed (a change and a submit can come in one
/// go, before a re-render), and a re-render after each edit.
#[derive(Clone)]
struct FormHandle {
    data: std::rc::Rc<std::cell::RefCell<SettingsForm>>,
    /// The field at fault on the last save and what is wrong, said under it.
    fault: std::rc::Rc<std::cell::RefCell<Option<(Field, String)>>>,
    update: UseForceUpdateHandle,
}

impl FormHandle {
    fn read(&self) -> std::cell::Ref<'_, SettingsForm> {
        self.data.borrow()
    }

    fn fault(&self, fault: Option<(Field, String)>) {
        *self.fault.borrow_mut() = fault;
        self.update.force_update();
    }

    fn edit(&self, f: impl FnOnce(&mut SettingsForm)) {
        f(&mut self.data.borrow_mut());
        self.update.force_update();
    }
}

/// The label of a field.
fn label(f: Field) -> K {
    match f {
        Field::Hall => K::Hall,
        Field::Counter => K::Counter,
        Field::Staff => K::StaffId,
        Field::Device => K::Device,
        Field::Questionnaire => K::Questionnaire,
        Field::Open => K::Opens,
        Field::Close => K::Closes,
        Field::Idle => K::IdleTime,
        Field::Countdown => K::Countdown,
        Field::Thanks => K::ThanksSeconds,
        Field::StaffLock => K::StaffLock,
        Field::Threshold => K::Threshold,
        Field::Version => K::Version,
    }
}

fn value_of(e: &web_sys::Event) -> String {
    let target = e.target();
    target
        .as_ref()
        .and_then(|t| t.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::value))
        .or_else(|| {
            target.as_ref().and_then(|t| t.dyn_ref::<HtmlSelectElement>().map(HtmlSelectElement::value))
        })
        .unwrap_or_default()
}

fn checked(e: &Event) -> bool {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

fn text_input(form: &FormHandle, field: Field, lang: Lang, kind: &'static str) -> Html {
    let label = label(field).get(lang);
    let id = format!("setting-{field:?}").to_lowercase();
    // On every key, not on change: a change event comes only when the field loses focus.
    let oninput = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            form.edit(|f| f.set(field, value_of(&e)));
        })
    };
    let fault = form.fault.borrow().clone().filter(|(at, _)| *at == field).map(|(_, why)| why);
    let described = fault.as_ref().map(|_| format!("{id}-fault"));
    html! {
        <p class="field">
            <label for={id.clone()}>{ label }</label>
            <input id={id.clone()} type={kind} value={form.read().get(field).to_owned()} {oninput}
                aria-invalid={fault.as_ref().map(|_| "true")} aria-describedby={described.clone()} />
            if let Some(why) = fault {
                <span class="field-fault" id={described} role="alert">{ why }</span>
            }
        </p>
    }
}

fn hours_inputs(form: &FormHandle, lang: Lang) -> Html {
    let always = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            form.edit(|f| f.always_open = checked(&e));
        })
    };
    let days = DAYS.iter().enumerate().map(|(i, (zh, en))| {
        let on = form.read().days[i];
        let form = form.clone();
        let onchange = Callback::from(move |e: Event| {
            form.edit(|f| f.days[i] = checked(&e));
        });
        html! { <label class="check"><input type="checkbox" checked={on} {onchange} />{ if lang == Lang::Zh { *zh } else { *en } }</label> }
    });
    let daily = (!form.read().always_open).then(|| {
        html! {
            <>
                { text_input(form, Field::Open, lang, "time") }
                { text_input(form, Field::Close, lang, "time") }
                <p class="days">{ for days }</p>
            </>
        }
    });
    html! {
        <fieldset>
            <legend>{ K::HoursTitle.get(lang) }</legend>
            <label class="check"><input type="checkbox" checked={form.read().always_open} onchange={always} />{ K::AlwaysOpen.get(lang) }</label>
            { for daily }
        </fieldset>
    }
}

fn partial_inputs(form: &FormHandle, lang: Lang) -> Html {
    let radio = |value: Partial, label: K| {
        let checked = form.read().partial == value;
        let form = form.clone();
        let onchange = Callback::from(move |_: Event| {
            form.edit(|f| f.partial = value);
        });
        html! { <label class="check"><input type="radio" name="partial" {checked} {onchange} />{ label.get(lang) }</label> }
    };
    html! {
        <fieldset>
            <legend>{ K::Partial.get(lang) }</legend>
            { radio(Partial::BreakOff, K::KeepBreakOff) }
            { radio(Partial::Discard, K::DiscardPartial) }
        </fieldset>
    }
}

fn select(form: &FormHandle, field: Field, lang: Lang, options: Vec<(String, String)>) -> Html {
    let onchange = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            form.edit(|f| {
                f.set(field, value_of(&e));
                // Another questionnaire: its newest version, unless staff pick one.
                if field == Field::Questionnaire {
                    f.set(Field::Version, String::new());
                }
            });
        })
    };
    let current = form.read().get(field).to_owned();
    let id = format!("setting-{field:?}").to_lowercase();
    html! {
        <p class="field">
            <label for={id.clone()}>{ label(field).get(lang) }</label>
            <select {id} {onchange}>
                { for options.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    html! { <option {selected} {value}>{ text }</option> }
                }) }
            </select>
        </p>
    }
}

/// The questionnaire and its version, among the built-ins and the device's library (made in the
/// editor, imported, synced). One the kiosk cannot run is refused on save with core's reasons.
fn questionnaire_select(form: &FormHandle, lang: Lang, library: &Library) -> Html {
    let ids = library
        .latest_versions()
        .into_iter()
        .map(|q| (q.id.to_string(), format!("{} ({})", q.title.get(lang), q.id)))
        .collect();
    let chosen = form.read().get(Field::Questionnaire).to_owned();
    let mut versions = vec![(String::new(), K::NewestVersion.get(lang).to_owned())];
    versions.extend(
        library.versions(&chosen).into_iter().map(|q| (q.version.to_string(), format!("v{}", q.version))),
    );
    html! {
        <>
            { select(form, Field::Questionnaire, lang, ids) }
            { select(form, Field::Version, lang, versions) }
        </>
    }
}

/// The device's library (the built-ins until the stored questionnaires are read), read again
/// whenever a questionnaire arrives in it (saved or imported in the editor on another page,
/// pulled by the sync worker: [`crate::storage::library_news`]).
#[hook]
fn use_library_of(store: &StoreStatus) -> Rc<Library> {
    let library = use_state(|| Rc::new(Library::default()));
    let news = use_state(|| 0_u32);
    {
        let news = news.setter();
        use_effect_with((), move |()| {
            let mut heard = 0;
            let watch = crate::storage::library_news::watch(move || {
                heard += 1;
                news.set(heard);
            });
            move || drop(watch)
        });
    }
    {
        let library = library.clone();
        use_effect_with((store.clone(), *news), move |(store, _)| {
            if let StoreStatus::Ready(store) = store.clone() {
                spawn_local(async move {
                    if let Ok(stored) = store.questionnaires().await {
                        library.set(Rc::new(Library::new(stored)));
                    }
                })
            }
        });
    }
    Rc::clone(&library)
}

/// The settings section.
#[function_component(SettingsSection)]
pub fn settings_section() -> Html {
    let ctx = use_context::<AppContext>().expect("SettingsSection is rendered inside an area's root");
    let lang = ctx.lang();
    let saved = ctx.state.settings.as_deref().cloned().unwrap_or_default();
    let form = FormHandle {
        data: use_mut_ref(|| SettingsForm::of(&saved)),
        fault: use_mut_ref(|| None),
        update: use_force_update(),
    };
    let message = use_state(|| None::<(bool, String)>);
    let library = use_library_of(&ctx.store);
    let onsubmit = {
        let (form, message, state, store) =
            (form.clone(), message.clone(), ctx.state.clone(), ctx.store.clone());
        let library = Rc::clone(&library);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let base = state.settings.as_deref().cloned().unwrap_or_default();
            let known: Vec<Questionnaire> = library.all().cloned().collect();
            let checked = form.read().settings(&base, &known, lang);
            match checked {
                Err((field, reason)) => {
                    message.set(Some((false, format!("{}: {reason}", label(field).get(lang)))));
                    form.fault(Some((field, reason)));
                }
                Ok(settings) => {
                    form.fault(None);
                    let (state, store, message) = (state.clone(), store.clone(), message.clone());
                    spawn_local(async move {
                        message.set(Some(match save_settings(&store, &state, settings).await {
                            Ok(()) => (true, K::Saved.get(state.lang).to_owned()),
                            Err(e) => (false, e),
                        }))
                    });
                }
            }
        })
    };
    let message = (*message).clone().map(|(ok, text)| {
        html! { <p class={if ok { "ok" } else { "error" }} role={if ok { "status" } else { "alert" }}>{ text }</p> }
    });
    html! {
        <form class="staff-settings" {onsubmit}>
            <fieldset>
                <legend>{ K::TagsTitle.get(lang) }</legend>
                { text_input(&form, Field::Hall, lang, "text") }
                { text_input(&form, Field::Counter, lang, "text") }
                { text_input(&form, Field::Staff, lang, "text") }
                { text_input(&form, Field::Device, lang, "text") }
                { questionnaire_select(&form, lang, &library) }
            </fieldset>
            { hours_inputs(&form, lang) }
            <fieldset>
                <legend>{ K::TimingsTitle.get(lang) }</legend>
                { text_input(&form, Field::Idle, lang, "number") }
                { text_input(&form, Field::Countdown, lang, "number") }
                { text_input(&form, Field::Thanks, lang, "number") }
                { text_input(&form, Field::StaffLock, lang, "number") }
                { text_input(&form, Field::Threshold, lang, "number") }
            </fieldset>
            { partial_inputs(&form, lang) }
            { for message }
            <button type="submit" class="primary">{ K::SaveSettings.get(lang) }</button>
        </form>
    }
}
