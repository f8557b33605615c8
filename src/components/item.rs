//! One question: its text and the widget its kind takes.

use super::{
    KanoPairView, MultipleChoice, NumberAnswer, PhoneAnswer, RatingFaces, SingleChoice, TextAnswer, YesNo,
};
use crate::i18n::Ui;
use manyi_core::questionnaire::item::{Item, ItemKind, RatingScale, TextFormat};
use manyi_core::response::answer::Answer;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`ItemView`].
#[derive(Properties, PartialEq, Clone)]
pub struct ItemViewProps {
    /// The item.
    pub item: Item,
    /// Its rating scale, for a rating item.
    #[prop_or_default]
    pub scale: Option<RatingScale>,
    /// The answer given so far.
    #[prop_or_default]
    pub answer: Option<Answer>,
    /// The language.
    pub lang: Lang,
    /// A required item left open at submission: ask for it.
    #[prop_or_default]
    pub missing: bool,
    /// Called with a new answer.
    pub on_answer: Callback<Answer>,
    /// Called when the answer is taken back (a text emptied).
    pub on_clear: Callback<()>,
}

fn widget(props: &ItemViewProps, heading: &AttrValue) -> Html {
    let lang = props.lang;
    let labelled_by = Some(heading.clone());
    let on_answer = props.on_answer.clone();
    match (&props.item.kind, &props.scale) {
        (ItemKind::Rating { .. } | ItemKind::Recommend, Some(scale)) => {
            let not_applicable = props.item.kind.offers_not_applicable();
            html! { <RatingFaces scale={scale.clone()} {lang} {not_applicable} selected={props.answer.clone()}
            {labelled_by} {on_answer} /> }
        }
        (ItemKind::SingleChoice { options }, _) => {
            let selected = match &props.answer {
                Some(Answer::Choice(code)) => Some(code.clone()),
                _ => None,
            };
            let on_choose = on_answer.reform(Answer::Choice);
            html! { <SingleChoice options={options.clone()} {lang} {selected} {labelled_by} {on_choose} /> }
        }
        (ItemKind::YesNo { not_applicable, .. }, _) => html! {
            <YesNo {lang} not_applicable={*not_applicable} selected={props.answer.clone()} {labelled_by} {on_answer} />
        },
        (ItemKind::Text { format, max_length }, _) => {
            let value = match &props.answer {
                Some(Answer::Text(t)) => AttrValue::from(t.clone()),
                _ => AttrValue::default(),
            };
            let on_clear = props.on_clear.clone();
            let on_change = Callback::from(move |text: String| {
                if text.trim().is_empty() {
                    on_clear.emit(())
                } else {
                    on_answer.emit(Answer::Text(text))
                }
            });
            if *format == TextFormat::Phone {
                html! { <PhoneAnswer id={field_id(&props.item)} {value} max_length={*max_length} {lang} {on_change} /> }
            } else {
                html! { <TextAnswer id={field_id(&props.item)} {value} max_length={*max_length} {on_change} /> }
            }
        }
        (ItemKind::MultipleChoice { options }, _) => {
            let selected = match &props.answer {
                Some(Answer::Choices(codes)) => codes.clone(),
                _ => Vec::new(),
            };
            let on_clear = props.on_clear.clone();
            let on_change = Callback::from(move |codes: Vec<_>| {
                if codes.is_empty() {
                    on_clear.emit(())
                } else {
                    on_answer.emit(Answer::Choices(codes))
                }
            });
            html! { <MultipleChoice options={options.clone()} {lang} {selected} {labelled_by} {on_change} /> }
        }
        (ItemKind::Number { unit, .. }, _) => {
            let value = props.answer.as_ref().and_then(Answer::number);
            let unit = unit.as_ref().map(|u| AttrValue::from(u.get(lang).to_owned()));
            html! { <NumberAnswer id={field_id(&props.item)} {value} {unit} {lang}
            on_number={on_answer.reform(Answer::Number)} on_clear={props.on_clear.clone()} /> }
        }
        (ItemKind::KanoPair { functional, dysfunctional }, _) => {
            let selected = match &props.answer {
                Some(Answer::Kano(pair)) => Some(*pair),
                _ => None,
            };
            html! { <KanoPairView id={heading.clone()} functional={functional.clone()}
            dysfunctional={dysfunctional.clone()} {lang} {selected} on_answer={on_answer.reform(Answer::Kano)} /> }
        }
        (kind, _) => html! { <p class="unsupported">{ format!("({} …)", kind.name()) }</p> },
    }
}

fn field_id(item: &Item) -> AttrValue {
    AttrValue::from(format!("answer-{}", item.id))
}

/// The question and its widget.
#[function_component(ItemView)]
pub fn item_view(props: &ItemViewProps) -> Html {
    let heading = AttrValue::from(format!("question-{}", props.item.id));
    let text = props.item.text.get(props.lang).to_owned();
    // A text or number field is named by its <label>; the other widgets by the heading
    // (aria-labelledby).
    let title = if matches!(props.item.kind, ItemKind::Text { .. } | ItemKind::Number { .. }) {
        html! { <label id={heading.clone()} class="question" for={field_id(&props.item)}>{ text }</label> }
    } else {
        html! { <h2 id={heading.clone()} class="question">{ text }</h2> }
    };
    let help = props.item.help.as_ref().map(|h| html! { <p class="help">{ h.get(props.lang) }</p> });
    let missing = props
        .missing
        .then(|| html! { <p class="missing" role="alert">{ Ui::PleaseAnswer.get(props.lang) }</p> });
    html! {
        <section class={classes!("item", props.missing.then_some("is-missing"))}>
            { title }
            { for help }
            { for missing }
            { widget(props, &heading) }
        </section>
    }
}
