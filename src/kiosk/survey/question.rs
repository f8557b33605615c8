//! A question screen: its items, progress, and back / next / submit.

use crate::components::{ItemView, Progress};
use crate::i18n::Ui;
use crate::kiosk::state::{KioskAction, KioskState};
use crate::kiosk::KioskContext;
use crate::platform::clock;
use manyi_core::questionnaire::item::{Item, ItemKind};
use manyi_core::session::plan::PageKind;
use manyi_core::session::survey::SurveyAction;
use yew::prelude::*;

/// Properties of [`QuestionScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionScreenProps {
    /// The screen of the plan.
    pub page: usize,
}

fn dispatcher(
    state: &UseReducerHandle<KioskState>,
    make: impl Fn() -> SurveyAction + 'static,
) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(KioskAction::Survey(make())))
}

/// The key of an item's view. Widgets that keep state of their own (a number's error, a Kano
/// pair's half answer, a text being typed) are keyed by their item; the others by their place and
/// kind, so that the next screen's faces or options reuse the buttons on the page and a tap
/// changes only their texts and marks: building each screen anew was most of a tap's time.
fn view_key(item: &Item, position: usize) -> String {
    match item.kind {
        ItemKind::Rating { .. }
        | ItemKind::Recommend
        | ItemKind::YesNo { .. }
        | ItemKind::SingleChoice { .. }
        | ItemKind::MultipleChoice { .. } => format!("{position}-{}", item.kind.name()),
        _ => format!("item-{}", item.id),
    }
}

fn item_view(ctx: &KioskContext, page: usize, position: usize, item: &Item) -> Html {
    let survey = &ctx.state.survey;
    let answer = survey.draft.as_ref().and_then(|r| r.answer_of(&item.id)).cloned();
    let on_answer = {
        let (state, id) = (ctx.state.clone(), item.id.clone());
        Callback::from(move |answer| {
            let (item, at) = (id.clone(), clock::now());
            state.dispatch(KioskAction::Survey(SurveyAction::Answer { page, item, answer, at }))
        })
    };
    let on_clear = {
        let (state, id) = (ctx.state.clone(), item.id.clone());
        Callback::from(move |()| {
            state.dispatch(KioskAction::Survey(SurveyAction::Clear { page, item: id.clone() }))
        })
    };
    html! {
        <ItemView key={view_key(item, position)} item={item.clone()} scale={survey.questionnaire.rating_scale(item)}
            {answer} lang={ctx.lang()} missing={survey.missing.as_ref() == Some(&item.id)} {on_answer} {on_clear} />
    }
}

/// One screen of questions.
#[function_component(QuestionScreen)]
pub fn question_screen(props: &QuestionScreenProps) -> Html {
    let ctx = use_context::<KioskContext>().expect("QuestionScreen is rendered inside SurveyPage");
    use_effect_with(props.page, |_| crate::platform::scroll_to_top());
    let (survey, lang, page) = (&ctx.state.survey, ctx.lang(), props.page);
    let Some(r) = survey.draft.as_ref() else { return Html::default() };
    let q = &survey.questionnaire;
    let items = survey.plan.shown(q, r, page);
    let (position, total) = survey.plan.progress(q, r, page);
    let is_last = survey.plan.is_last(q, r, page);
    let answered = items.iter().all(|i| r.answer_of(&i.id).is_some());
    let form = survey.plan.pages.get(page).is_some_and(|p| p.kind == PageKind::Form);
    let back = survey.plan.previous(q, r, page).map(|_| {
        let onclick = dispatcher(&ctx.state, move || SurveyAction::Back { page, at: clock::now() });
        html! { <button type="button" class="secondary" {onclick}>{ Ui::Back.get(lang) }</button> }
    });
    let forward = if is_last {
        let onclick = dispatcher(&ctx.state, move || SurveyAction::Submit { page, at: clock::now() });
        Some(html! { <button type="button" class="primary" {onclick}>{ Ui::Submit.get(lang) }</button> })
    } else if form || answered {
        let onclick = dispatcher(&ctx.state, move || SurveyAction::Next { page, at: clock::now() });
        Some(html! { <button type="button" class="primary" {onclick}>{ Ui::Next.get(lang) }</button> })
    } else {
        None
    };
    html! {
        <section class="question-screen">
            <Progress {position} {total} {lang} />
            { for items.iter().enumerate().map(|(i, item)| item_view(&ctx, page, i, item)) }
            <nav class="survey-nav">{ for back }<span class="spacer" />{ for forward }</nav>
        </section>
    }
}
