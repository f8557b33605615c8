//! One section of the checklist on a phone: its items (yes / no / N/A, timed items with their
//! stopwatch, anything else with the usual widgets), a note per item, red lines flagged the moment
//! they are hit, and the visit's score so far.

use super::texts::T;
use super::timed::TimedItem;
use super::view::{score_text, score_value, section_rows};
use crate::components::ItemView;
use manyi_core::evaluation::checklist::{Checklist, ChecklistAction, ChecklistProblem, ChecklistScreen};
use manyi_core::questionnaire::item::{Item, ItemKind};
use manyi_core::response::answer::Answer;
use manyi_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Properties of the checklist screens.
#[derive(Properties, PartialEq, Clone)]
pub struct ChecklistProps {
    /// The checklist and its visit.
    pub checklist: Checklist,
    /// The language.
    pub lang: Lang,
    /// Called with the evaluator's moves.
    pub on_action: Callback<ChecklistAction>,
}

fn check_buttons(
    item: &Item,
    answer: Option<&Answer>,
    lang: Lang,
    on_action: &Callback<ChecklistAction>,
) -> Html {
    let ItemKind::YesNo { not_applicable, red_line } = item.kind else { return Html::default() };
    // What a 是 means: a check passed, or on a red line a violation. The words and the colour
    // (class `pass` / `fail`) say which; the mark is there for those who do not see colour.
    let mut options = if red_line {
        vec![(Answer::Yes, T::YesViolation, "yes", "fail"), (Answer::No, T::NoNotHappened, "no", "pass")]
    } else {
        vec![(Answer::Yes, T::Yes, "yes", "pass"), (Answer::No, T::No, "no", "fail")]
    };
    if not_applicable {
        options.push((Answer::NotApplicable, T::NotApplicable, "na", "none"));
    }
    let buttons = options.into_iter().map(|(a, text, class, meaning)| {
        let chosen = answer == Some(&a);
        let (on_action, id) = (on_action.clone(), item.id.clone());
        let onclick = Callback::from(move |_| {
            let action = if chosen {
                ChecklistAction::Clear { item: id.clone() }
            } else {
                ChecklistAction::Answer { item: id.clone(), answer: a.clone() }
            };
            on_action.emit(action)
        });
        html! {
            <button type="button" class={classes!("check", class, meaning, chosen.then_some("selected"))}
                aria-pressed={chosen.to_string()} {onclick}>
                <span class="check-mark" aria-hidden="true">{ match meaning { "pass" => "✓", "fail" => "✗", _ => "–" } }</span>
                { text.get(lang) }
            </button>
        }
    });
    html! { <div class="checks" role="group" aria-labelledby={format!("check-{}", item.id)}>{ for buttons }</div> }
}

fn note(item: &Item, text: Option<&String>, lang: Lang, on_action: &Callback<ChecklistAction>) -> Html {
    let (on_action, id) = (on_action.clone(), item.id.clone());
    let onchange = Callback::from(move |e: Event| {
        if let Some(t) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
            on_action.emit(ChecklistAction::Note { item: id.clone(), text: t.value() })
        }
    });
    let value = text.cloned().unwrap_or_default();
    html! {
        <details class="item-note" open={text.is_some()}>
            <summary>{ T::Note.get(lang) }</summary>
            <textarea class="note-text" rows="2" aria-label={T::Note.get(lang)} {value} {onchange} />
        </details>
    }
}

fn item_card(c: &Checklist, item: &Item, lang: Lang, on_action: &Callback<ChecklistAction>) -> Html {
    let r = c.draft.as_ref().expect("a visit is open");
    let answer = r.answer_of(&item.id);
    let red_line = matches!(item.kind, ItemKind::YesNo { red_line: true, .. });
    let hit = red_line && answer == Some(&Answer::Yes);
    let problem = match &c.problem {
        Some(ChecklistProblem::Missing(i)) if *i == item.id => Some(T::Missing.get(lang).to_owned()),
        Some(ChecklistProblem::Refused(i, why)) if *i == item.id => Some(crate::errors::briefly(why, lang)),
        _ => None,
    };
    let heading = format!("check-{}", item.id);
    let body = match &item.kind {
        ItemKind::YesNo { .. } => check_buttons(item, answer, lang, on_action),
        ItemKind::Number { stopwatch: true, unit, .. } => {
            let watch = c.stopwatches.get(&item.id).copied().unwrap_or_default();
            let id = item.id.clone();
            let on_watch = on_action.reform(move |(action, now_ms)| ChecklistAction::Watch {
                item: id.clone(),
                action,
                now_ms,
            });
            let id = item.id.clone();
            let on_minutes = on_action
                .reform(move |x| ChecklistAction::Answer { item: id.clone(), answer: Answer::Number(x) });
            let id = item.id.clone();
            let on_clear = on_action.reform(move |()| ChecklistAction::Clear { item: id.clone() });
            html! { <TimedItem id={format!("answer-{}", item.id)} {watch} minutes={answer.and_then(Answer::number)}
            unit={unit.as_ref().map(|u| AttrValue::from(u.get(lang).to_owned()))} {lang} {on_watch} {on_minutes} {on_clear} /> }
        }
        _ => {
            let id = item.id.clone();
            let on_answer =
                on_action.reform(move |answer| ChecklistAction::Answer { item: id.clone(), answer });
            let id = item.id.clone();
            let on_clear = on_action.reform(move |()| ChecklistAction::Clear { item: id.clone() });
            let scale = c.questionnaire.rating_scale(item);
            return html! {
                <div class="check-item" data-item={item.id.to_string()}>
                    <ItemView item={item.clone()} {scale} answer={answer.cloned()} {lang} missing={problem.is_some()} {on_answer} {on_clear} />
                    { note(item, r.notes.get(&item.id), lang, on_action) }
                </div>
            };
        }
    };
    let label = if matches!(item.kind, ItemKind::Number { .. }) {
        html! { <label id={heading} class="check-text" for={format!("answer-{}", item.id)}>{ item.text.get(lang) }</label> }
    } else {
        html! { <p id={heading} class="check-text">{ item.text.get(lang) }</p> }
    };
    html! {
        <div class={classes!("check-item", red_line.then_some("red-line"), hit.then_some("hit"), problem.is_some().then_some("is-missing"))}
            data-item={item.id.to_string()}>
            if red_line { <span class="badge alert">{ T::RedLine.get(lang) }</span> }
            { label }
            if let Some(help) = &item.help { <p class="help">{ help.get(lang) }</p> }
            { body }
            if let Some(p) = problem { <p class="field-error" role="alert">{ p }</p> }
            { note(item, r.notes.get(&item.id), lang, on_action) }
        </div>
    }
}

/// The banner shown while a red line is hit, and the visit's score.
pub fn score_bar(c: &Checklist, lang: Lang) -> Html {
    let score = c.score();
    let total = score.as_ref().and_then(|s| s.total);
    let red: Vec<String> = score
        .iter()
        .flat_map(|s| &s.red_lines)
        .filter_map(|id| c.questionnaire.item(id.as_str()).map(|i| i.text.get(lang).to_owned()))
        .collect();
    let banner = (!red.is_empty()).then(|| {
        html! {
            <div class="red-line-banner" role="alert">
                <strong>{ T::RedLineHit.get(lang) }</strong>{ "：" }{ red.join("；") }{ "。" }{ T::ScoresZero.get(lang) }
            </div>
        }
    });
    html! {
        <>
            { for banner }
            <p class={classes!("visit-total", (!red.is_empty()).then_some("flagged"))}>
                <span>{ T::Total.get(lang) }</span>
                <output data-value={score_value(total)}>{ score_text(total) }</output>
            </p>
        </>
    }
}

/// The tabs of the sections, with their scores.
fn tabs(c: &Checklist, current: usize, lang: Lang, on_action: &Callback<ChecklistAction>) -> Html {
    let rows = section_rows(c, lang);
    let tabs = rows.into_iter().map(|row| {
        let on_action = on_action.clone();
        let index = row.index;
        let onclick = Callback::from(move |_| on_action.emit(ChecklistAction::Show(ChecklistScreen::Section(index))));
        let done = row.shown > 0 && row.answered == row.shown;
        html! {
            <button type="button" class={classes!("tab", (index == current).then_some("current"), done.then_some("done"))}
                aria-current={(index == current).then_some("step")} {onclick}>
                { row.title }
            </button>
        }
    });
    let on_action = on_action.clone();
    let summary = Callback::from(move |_| on_action.emit(ChecklistAction::Show(ChecklistScreen::Summary)));
    html! { <nav class="section-tabs">{ for tabs }<button type="button" class="tab" onclick={summary}>{ T::Summary.get(lang) }</button></nav> }
}

/// Properties of [`SectionScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct SectionScreenProps {
    /// The section shown.
    pub index: usize,
    /// The checklist and its visit.
    pub checklist: Checklist,
    /// The language.
    pub lang: Lang,
    /// Called with the evaluator's moves.
    pub on_action: Callback<ChecklistAction>,
}

/// One section.
#[function_component(SectionScreen)]
pub fn section_screen(props: &SectionScreenProps) -> Html {
    use_effect_with(props.index, |_| crate::platform::scroll_to_top());
    let (c, lang, on_action, index) = (&props.checklist, props.lang, &props.on_action, props.index);
    let Some(section) = c.sections.get(index) else { return Html::default() };
    let Some(r) = c.draft.as_ref() else { return Html::default() };
    let q = &c.questionnaire;
    let row = section_rows(c, lang).into_iter().nth(index).expect("the section exists");
    let items = section.items.iter().filter_map(|id| q.item(id.as_str())).filter(|i| r.is_shown(q, i));
    let go = |screen: ChecklistScreen, text: T, class: &'static str| {
        let on_action = on_action.clone();
        let onclick = Callback::from(move |_| on_action.emit(ChecklistAction::Show(screen)));
        html! { <button type="button" class={class} {onclick}>{ text.get(lang) }</button> }
    };
    let back = index.checked_sub(1).map(|p| go(ChecklistScreen::Section(p), T::PreviousSection, "secondary"));
    let forward = if index + 1 < c.sections.len() {
        go(ChecklistScreen::Section(index + 1), T::NextSection, "primary")
    } else {
        go(ChecklistScreen::Summary, T::Review, "primary")
    };
    html! {
        <section class="checklist-section" data-section={index.to_string()}>
            { tabs(c, index, lang, on_action) }
            <header class="section-head">
                <h2>{ &row.title }</h2>
                if !row.weight.is_empty() { <span class="section-weight">{ format!("{} {}", T::Weight.get(lang), row.weight) }</span> }
                if row.weight.is_empty() { <span /> } else {
                    <output class="section-score" data-value={score_value(row.score)}>{ score_text(row.score) }</output>
                }
            </header>
            { for items.map(|i| item_card(c, i, lang, on_action)) }
            <footer class="checklist-bar">
                { score_bar(c, lang) }
                <nav class="bar-nav">{ for back }{ forward }</nav>
            </footer>
        </section>
    }
}
