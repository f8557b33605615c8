//! Any questionnaire answered screen by screen with core's survey machine: self-completed (the
//! device handed to the respondent) or by an interviewer who keys the answers in. Used by the
//! Kano study and by the editor to run a questionnaire. Every change of the draft is written at
//! once; an unfinished response of the same questionnaire is resumed.

use super::texts::T;
use crate::app::{AppContext, StoreStatus};
use crate::components::{ItemView, Progress};
use crate::i18n::Ui;
use crate::platform::{clock, new_id};
use crate::state::{Action, Notice};
use chrono::{DateTime, FixedOffset};
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::tags::{TagKey, Tags};
use manyi_core::response::{Channel, Response};
use manyi_core::session::plan::PageKind;
use manyi_core::session::survey::{Screen, Survey, SurveyAction};
use manyi_core::Lang;
use std::rc::Rc;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

/// Who answers, where.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunSetup {
    /// An interviewer keys the answers in (else the respondent answers).
    pub by_interviewer: bool,
    /// The interviewer's id.
    pub interviewer: String,
    /// The hall, if any.
    pub hall: String,
    /// Where the respondent meets the company.
    pub channel: Option<Channel>,
}

/// The runner's state.
#[derive(Debug, Clone, PartialEq)]
pub struct RunnerState {
    /// The survey machine.
    pub survey: Survey,
    /// The last setup.
    pub setup: RunSetup,
    /// The interviewer's id is missing.
    pub no_interviewer: bool,
}

/// What changes it.
#[derive(Debug, Clone, PartialEq)]
pub enum RunnerAction {
    /// Start a response with this setup.
    Begin(RunSetup, Uuid, DateTime<FixedOffset>),
    /// A move on the survey.
    Survey(SurveyAction),
}

impl Reducible for RunnerState {
    type Action = RunnerAction;

    fn reduce(self: Rc<Self>, action: RunnerAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            RunnerAction::Begin(setup, id, at) => {
                if setup.by_interviewer && setup.interviewer.trim().is_empty() {
                    next.no_interviewer = true;
                    next.setup = setup;
                    true
                } else {
                    let mut tags = Tags::default();
                    if setup.by_interviewer {
                        TagKey::Interviewer.set(&mut tags, &setup.interviewer).expect("a free tag");
                    }
                    TagKey::Hall.set(&mut tags, &setup.hall).expect("a free tag");
                    let q = (*next.survey.questionnaire).clone();
                    next.survey = Survey::new(q).with_context(setup.channel.unwrap_or(Channel::Hall), tags);
                    next.setup = setup;
                    next.no_interviewer = false;
                    next.survey.apply(SurveyAction::Start { id, at })
                }
            }
            RunnerAction::Survey(a) => next.survey.apply(a),
        };
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// Properties of [`Runner`].
#[derive(Properties, PartialEq, Clone)]
pub struct RunnerProps {
    /// The questionnaire answered.
    pub questionnaire: Rc<Questionnaire>,
    /// A trial run (试填): nothing is stored or resumed, so it never counts anywhere.
    #[prop_or_default]
    pub trial: bool,
}

fn target<T: JsCast>(e: &Event) -> Option<T> {
    e.target().and_then(|t| t.dyn_into::<T>().ok())
}

/// Properties of [`RunSetupForm`].
#[derive(Properties, PartialEq, Clone)]
struct RunSetupProps {
    setup: RunSetup,
    no_interviewer: bool,
    lang: Lang,
    on_begin: Callback<RunSetup>,
}

/// Who answers, the hall and the channel, then 开始.
#[function_component(RunSetupForm)]
fn run_setup_form(props: &RunSetupProps) -> Html {
    let lang = props.lang;
    let form = use_state(|| props.setup.clone());
    let who = |by_interviewer: bool, text: T| {
        let form = form.clone();
        let checked = form.by_interviewer == by_interviewer;
        let onchange = Callback::from(move |_| form.set(RunSetup { by_interviewer, ..(*form).clone() }));
        html! { <label class="radio"><input type="radio" name="who" {checked} {onchange} />{ text.get(lang) }</label> }
    };
    let text_input = |id: &'static str, label: T, value: String, set: fn(&mut RunSetup, String)| {
        let form = form.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(i) = target::<HtmlInputElement>(&e) {
                let mut s = (*form).clone();
                set(&mut s, i.value());
                form.set(s);
            }
        });
        html! {
            <p class="field"><label for={id}>{ label.get(lang) }</label>
                <input {id} type="text" {value} {oninput} autocomplete="off" /></p>
        }
    };
    let channels = [Channel::Hall, Channel::Hotline, Channel::Onsite, Channel::Other];
    let on_channel = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = target::<HtmlSelectElement>(&e) {
                let channel = channels.into_iter().find(|c| c.code() == s.value());
                form.set(RunSetup { channel, ..(*form).clone() });
            }
        })
    };
    let chosen = form.channel.unwrap_or(Channel::Hall);
    let options = channels.iter().map(|c| {
        html! { <option value={c.code()} selected={*c == chosen}>{ c.label().get(lang).to_owned() }</option> }
    });
    let onsubmit = {
        let (form, on_begin) = (form.clone(), props.on_begin.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_begin.emit((*form).clone())
        })
    };
    html! {
        <form class="run-setup" {onsubmit} novalidate=true>
            <fieldset class="field"><legend>{ T::WhoAnswers.get(lang) }</legend>
                { who(false, T::SelfCompleted) }{ who(true, T::ByInterviewer) }</fieldset>
            if form.by_interviewer {
                { text_input("run-interviewer", T::Interviewer, form.interviewer.clone(), |s, v| s.interviewer = v) }
            }
            { text_input("run-hall", T::Hall, form.hall.clone(), |s, v| s.hall = v) }
            <p class="field"><label for="run-channel">{ T::Channel.get(lang) }</label>
                <select id="run-channel" onchange={on_channel}>{ for options }</select></p>
            if props.no_interviewer { <p class="field-error" role="alert">{ T::NoInterviewer.get(lang) }</p> }
            <button type="submit" class="primary start-button">{ T::Begin.get(lang) }</button>
        </form>
    }
}

fn page(state: &UseReducerHandle<RunnerState>, page: usize, lang: Lang) -> Html {
    let survey = &state.survey;
    let Some(r) = survey.draft.as_ref() else { return Html::default() };
    let q = &survey.questionnaire;
    let items = survey.plan.shown(q, r, page);
    let (position, total) = survey.plan.progress(q, r, page);
    let dispatch = |make: fn(usize) -> SurveyAction| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(RunnerAction::Survey(make(page))))
    };
    let views = items.iter().map(|item| {
        let answer = r.answer_of(&item.id).cloned();
        let (s, id) = (state.clone(), item.id.clone());
        let on_answer = Callback::from(move |answer| {
            let (item, at) = (id.clone(), clock::now());
            s.dispatch(RunnerAction::Survey(SurveyAction::Answer { page, item, answer, at }))
        });
        let (s, id) = (state.clone(), item.id.clone());
        let on_clear = Callback::from(move |()| s.dispatch(RunnerAction::Survey(SurveyAction::Clear { page, item: id.clone() })));
        html! {
            <ItemView key={item.id.to_string()} item={(*item).clone()} scale={q.rating_scale(item)} {answer} {lang}
                missing={survey.missing.as_ref() == Some(&item.id)} {on_answer} {on_clear} />
        }
    });
    let answered = items.iter().all(|i| r.answer_of(&i.id).is_some());
    let form = survey.plan.pages.get(page).is_some_and(|p| p.kind == PageKind::Form);
    let back = survey.plan.previous(q, r, page).map(|_| {
        let onclick = dispatch(|page| SurveyAction::Back { page, at: clock::now() });
        html! { <button type="button" class="secondary" {onclick}>{ Ui::Back.get(lang) }</button> }
    });
    let forward = if survey.plan.is_last(q, r, page) {
        let onclick = dispatch(|page| SurveyAction::Submit { page, at: clock::now() });
        Some(html! { <button type="button" class="primary" {onclick}>{ Ui::Submit.get(lang) }</button> })
    } else if form || answered {
        let onclick = dispatch(|page| SurveyAction::Next { page, at: clock::now() });
        Some(html! { <button type="button" class="primary" {onclick}>{ Ui::Next.get(lang) }</button> })
    } else {
        None
    };
    html! {
        <section class="question-screen" key={page}>
            <Progress {position} {total} {lang} />
            { for views }
            <nav class="survey-nav">{ for back }<span class="spacer" />{ for forward }</nav>
        </section>
    }
}

/// The runner.
#[function_component(Runner)]
pub fn runner(props: &RunnerProps) -> Html {
    let ctx = use_context::<AppContext>().expect("rendered inside App");
    let lang = ctx.lang();
    let state = {
        let q = Rc::clone(&props.questionnaire);
        use_reducer(move || RunnerState {
            survey: Survey::new((*q).clone()),
            setup: RunSetup::default(),
            no_interviewer: false,
        })
    };
    {
        // An unfinished response to this very questionnaire is taken up again.
        let state = state.clone();
        let (reference, trial) = (props.questionnaire.reference(), props.trial);
        use_effect_with(ctx.store.clone(), move |store| {
            if let (StoreStatus::Ready(store), false) = (store.clone(), trial) {
                spawn_local(async move {
                    let drafts: Vec<Response> = store.drafts(&reference.id).await.unwrap_or_default();
                    if let Some(draft) = drafts.into_iter().rev().find(|d| d.questionnaire == reference) {
                        state.dispatch(RunnerAction::Survey(SurveyAction::Resume {
                            draft: Box::new(draft),
                            at: clock::now(),
                        }));
                    }
                });
            }
        });
    }
    {
        let (app, trial) = (ctx.state.clone(), props.trial);
        use_effect_with((state.survey.draft.clone(), ctx.store.clone()), move |(draft, store)| {
            if let (Some(r), StoreStatus::Ready(store), false) = (draft.clone(), store.clone(), trial) {
                spawn_local(async move {
                    if let Err(e) = store.put(&r).await {
                        app.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
                    }
                });
            }
        });
    }
    use_effect_with(state.survey.screen, |_| crate::platform::scroll_to_top());
    let q = &props.questionnaire;
    let on_begin = {
        let state = state.clone();
        Callback::from(move |setup| state.dispatch(RunnerAction::Begin(setup, new_id(), clock::now())))
    };
    let banner =
        props.trial.then(|| html! { <p class="trial-banner" role="note">{ T::TrialBanner.get(lang) }</p> });
    let screen = match state.survey.screen {
        Screen::Start => html! {
            <section class="run-start">
                <h2>{ q.title.get(lang) }</h2>
                if let Some(intro) = &q.intro { <p class="intro">{ intro.get(lang) }</p> }
                <RunSetupForm setup={state.setup.clone()} no_interviewer={state.no_interviewer} {lang} {on_begin} />
            </section>
        },
        Screen::Page(p) => page(&state, p, lang),
        Screen::Thanks => {
            let s = state.clone();
            let onclick = Callback::from(move |_| s.dispatch(RunnerAction::Survey(SurveyAction::Reset)));
            let (title, again) = if props.trial {
                (T::TrialDone.get(lang), T::TryAgain.get(lang))
            } else {
                (Ui::ThanksTitle.get(lang), T::NextRespondent.get(lang))
            };
            html! {
                <section class="thanks">
                    <h1>{ title }</h1>
                    <button type="button" class="primary" {onclick}>{ again }</button>
                </section>
            }
        }
    };
    html! { <>{ for banner }{ screen }</> }
}
