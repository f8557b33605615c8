//! The rating faces: one large button per point of the scale, named by its label (非常不满意 …
//! 非常满意), and 未使用/不适用 when the item offers it.

use crate::i18n::Ui;
use manyi_core::questionnaire::item::RatingScale;
use manyi_core::response::answer::Answer;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`RatingFaces`].
#[derive(Properties, PartialEq, Clone)]
pub struct RatingFacesProps {
    /// The scale with its labels.
    pub scale: RatingScale,
    /// The language of the labels.
    pub lang: Lang,
    /// Whether 未使用/不适用 is offered.
    #[prop_or_default]
    pub not_applicable: bool,
    /// The answer given so far.
    #[prop_or_default]
    pub selected: Option<Answer>,
    /// The id of the question's heading, which names the group.
    #[prop_or_default]
    pub labelled_by: Option<AttrValue>,
    /// Called with the answer tapped.
    pub on_answer: Callback<Answer>,
}

/// The mouth of a face from a frown (`t` = 0) to a smile (`t` = 1), as an SVG path.
fn mouth(t: f64) -> String {
    let bend = 26.0 + (t - 0.5) * 16.0;
    format!("M12 26 Q20 {bend:.1} 28 26")
}

fn face(t: f64) -> Html {
    html! {
        <svg class="face-glyph" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
            <circle cx="20" cy="20" r="18" class="face-skin" />
            <circle cx="14" cy="15" r="2.5" class="face-feature" />
            <circle cx="26" cy="15" r="2.5" class="face-feature" />
            <path d={mouth(t)} class="face-mouth" />
        </svg>
    }
}

/// A row of face buttons.
#[function_component(RatingFaces)]
pub fn rating_faces(props: &RatingFacesProps) -> Html {
    let span = f64::from((props.scale.max - props.scale.min).max(1));
    let points = props.scale.points().map(|point| {
        let t = f64::from(point - props.scale.min) / span;
        let label =
            props.scale.label(point).map_or_else(|| point.to_string(), |l| l.get(props.lang).to_owned());
        let chosen = props.selected == Some(Answer::Rating(point));
        let on_answer = props.on_answer.clone();
        let class =
            classes!("face", format!("face-{}", (t * 4.0).round() as u8 + 1), chosen.then_some("selected"));
        html! {
            <button type="button" {class} aria-pressed={chosen.to_string()}
                onclick={move |_| on_answer.emit(Answer::Rating(point))}>
                { face(t) }
                <span class="face-label">{ label }</span>
            </button>
        }
    });
    let not_applicable = props.not_applicable.then(|| {
        let chosen = props.selected == Some(Answer::NotApplicable);
        let on_answer = props.on_answer.clone();
        html! {
            <button type="button" class={classes!("not-applicable", chosen.then_some("selected"))}
                aria-pressed={chosen.to_string()} onclick={move |_| on_answer.emit(Answer::NotApplicable)}>
                { Ui::NotApplicable.get(props.lang) }
            </button>
        }
    });
    html! {
        <div class="rating" role="group" aria-labelledby={props.labelled_by.clone()}>
            <div class="faces">{ for points }</div>
            { for not_applicable }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::mouth;

    #[test]
    fn frown_to_smile() {
        assert_eq!(mouth(0.0), "M12 26 Q20 18.0 28 26");
        assert_eq!(mouth(0.5), "M12 26 Q20 26.0 28 26");
        assert_eq!(mouth(1.0), "M12 26 Q20 34.0 28 26");
    }
}
