//! A Kano pair: the functional question ("if the service had it") and the dysfunctional one ("if
//! it did not"), each with the five answers 我喜欢 … 我不喜欢. The pair is one answer: it is handed
//! over once both halves are chosen.

use manyi_core::response::answer::KanoPairAnswer;
use manyi_core::scoring::kano::KanoAnswer;
use manyi_core::{Lang, Text};
use yew::prelude::*;

/// Properties of [`KanoPairView`].
#[derive(Properties, PartialEq, Clone)]
pub struct KanoPairProps {
    /// The item's id, to name the two groups.
    pub id: AttrValue,
    /// The functional question.
    pub functional: Text,
    /// The dysfunctional question.
    pub dysfunctional: Text,
    /// The language.
    pub lang: Lang,
    /// The pair answered so far.
    #[prop_or_default]
    pub selected: Option<KanoPairAnswer>,
    /// Called with the pair when both halves are chosen.
    pub on_answer: Callback<KanoPairAnswer>,
}

fn half(
    id: String,
    question: &str,
    lang: Lang,
    chosen: Option<KanoAnswer>,
    on_tap: Callback<KanoAnswer>,
) -> Html {
    let buttons = KanoAnswer::ALL.iter().map(|&a| {
        let selected = chosen == Some(a);
        let on_tap = on_tap.clone();
        html! {
            <button type="button" class={classes!("choice", "kano-answer", selected.then_some("selected"))}
                aria-pressed={selected.to_string()} onclick={move |_| on_tap.emit(a)}>
                { a.label().get(lang) }
            </button>
        }
    });
    html! {
        <div class="kano-half">
            <p id={id.clone()} class="kano-question">{ question }</p>
            <div class="choices kano-choices" role="group" aria-labelledby={id}>{ for buttons }</div>
        </div>
    }
}

/// The two questions.
#[function_component(KanoPairView)]
pub fn kano_pair_view(props: &KanoPairProps) -> Html {
    let halves =
        use_state(|| props.selected.map_or((None, None), |p| (Some(p.functional), Some(p.dysfunctional))));
    let tap = |functional_side: bool| {
        let (halves, on_answer) = (halves.clone(), props.on_answer.clone());
        Callback::from(move |a: KanoAnswer| {
            let (mut f, mut d) = *halves;
            if functional_side {
                f = Some(a);
            } else {
                d = Some(a);
            }
            halves.set((f, d));
            if let (Some(functional), Some(dysfunctional)) = (f, d) {
                on_answer.emit(KanoPairAnswer { functional, dysfunctional });
            }
        })
    };
    let (f, d) = *halves;
    html! {
        <div class="kano-pair">
            { half(format!("{}-functional", props.id), props.functional.get(props.lang), props.lang, f, tap(true)) }
            { half(format!("{}-dysfunctional", props.id), props.dysfunctional.get(props.lang), props.lang, d, tap(false)) }
        </div>
    }
}
