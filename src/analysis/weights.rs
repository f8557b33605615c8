//! Where the weights come from: the choice (equal, stated, AHP, derived), the AHP editor of
//! pairwise judgements over the questionnaire's dimensions with λmax, CI and CR computed live by
//! core, and the weights the current results used.

use super::dashboard::three;
use super::settings::{judgement_text, WeightChoice, SAATY};
use super::state::{Results, WorkAction, Workspace};
use super::texts::T;
use super::weighting::Fallback;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn choice(w: &UseReducerHandle<Workspace>, lang: Lang) -> Html {
    html! {
        <fieldset class="an-weight-choice">
            <legend>{ T::Weights.get(lang) }</legend>
            { for WeightChoice::ALL.iter().map(|&c| {
                let d = w.dispatcher();
                let onchange = Callback::from(move |e: Event| {
                    if e.target_unchecked_into::<HtmlInputElement>().checked() {
                        d.dispatch(WorkAction::Weights(c));
                    }
                });
                html! {
                    <label>
                        <input type="radio" name="an-weights" value={c.code()} checked={w.settings.weighting.choice == c} {onchange} />
                        { c.label(lang) }
                    </label>
                }
            }) }
        </fieldset>
    }
}

fn ahp_editor(w: &UseReducerHandle<Workspace>, q: &Questionnaire, lang: Lang) -> Html {
    let n = q.dimensions.len();
    let j = &w.settings.weighting.judgements;
    let cell = |i: usize, k: usize| -> Html {
        if i == k {
            return html! { <td class="diag">{ "1" }</td> };
        }
        if i > k {
            // The reciprocal of the judgement above the diagonal.
            return html! { <td class="recip">{ judgement_text(-j.get(k, i)) }</td> };
        }
        let d = w.dispatcher();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(v) = v.parse::<i8>() {
                d.dispatch(WorkAction::Judgement(i, k, v));
            }
        });
        let current = j.get(i, k);
        let label = format!("{} / {}", q.dimensions[i].title.get(lang), q.dimensions[k].title.get(lang));
        html! {
            <td>
                <select id={format!("ahp-{i}-{k}")} aria-label={label} {onchange}>
                    { for SAATY.iter().map(|&s| html! {
                        <option value={s.to_string()} selected={s == current}>{ judgement_text(s) }</option>
                    }) }
                </select>
            </td>
        }
    };
    let figures = match j.analyse(n) {
        Err(e) => html! { <p class="error" role="alert">{ crate::errors::say(&e, lang) }</p> },
        Ok(a) => html! {
            <div class={classes!("an-ahp-figures", (!a.consistent).then_some("inconsistent"))} role="status">
                <dl class="an-facts">
                    <dt>{ "λmax" }</dt><dd class="ahp-lambda">{ format!("{:.4}", a.lambda_max) }</dd>
                    <dt>{ "CI" }</dt><dd class="ahp-ci">{ format!("{:.4}", a.ci) }</dd>
                    <dt>{ "CR" }</dt><dd class="ahp-cr">{ format!("{:.4}", a.cr) }</dd>
                </dl>
                <p class={if a.consistent { "ok" } else { "error" }}>
                    { if a.consistent { T::Consistent.get(lang) } else { T::Inconsistent.get(lang) } }
                </p>
                { inconsistent(w, a.consistent, a.cr, lang) }
                <ul class="ahp-weights">
                    { for q.dimensions.iter().zip(&a.weights).map(|(d, w)| html! {
                        <li>{ format!("{}: {:.4}", d.title.get(lang), w) }</li>
                    }) }
                </ul>
            </div>
        },
    };
    html! {
        <div class="an-ahp">
            <h3>{ T::AhpTitle.get(lang) }</h3>
            <p class="note">{ T::AhpHelp.get(lang) }</p>
            <table class="ahp-matrix">
                <thead><tr>
                    <th></th>
                    { for q.dimensions.iter().map(|d| html! { <th scope="col">{ d.title.get(lang).to_owned() }</th> }) }
                </tr></thead>
                <tbody>
                    { for (0..n).map(|i| html! {
                        <tr>
                            <th scope="row">{ q.dimensions[i].title.get(lang).to_owned() }</th>
                            { for (0..n).map(|k| cell(i, k)) }
                        </tr>
                    }) }
                </tbody>
            </table>
            { figures }
        </div>
    }
}

/// Inconsistent judgements are not used until the analyst says so; once used, it stays said.
fn inconsistent(w: &UseReducerHandle<Workspace>, consistent: bool, cr: f64, lang: Lang) -> Html {
    if consistent {
        return Html::default();
    }
    if w.settings.weighting.use_inconsistent {
        return html! { <p class="warning an-ahp-accepted">{ format!("{}（CR {cr:.3}）", T::InconsistentUsed.get(lang)) }</p> };
    }
    let d = w.dispatcher();
    html! {
        <div class="an-ahp-ask" role="alertdialog" aria-labelledby="an-ahp-ask-text">
            <p id="an-ahp-ask-text">{ format!("{}（CR {cr:.3} ≥ 0.10）。{}", T::InconsistentAsk.get(lang), T::InconsistentNotUsed.get(lang)) }</p>
            <button type="button" class="secondary" onclick={move |_| d.dispatch(WorkAction::UseInconsistent)}>{ T::UseAnyway.get(lang) }</button>
        </div>
    }
}

/// Why the questionnaire is not scored with the weights chosen, said beside the choice.
fn fallback(w: &UseReducerHandle<Workspace>, q: &Questionnaire, lang: Lang) -> Html {
    let plan = w.settings.weighting.plan(q);
    let why = match plan.fallback {
        None | Some(Fallback::Inconsistent(_)) => return Html::default(),
        Some(Fallback::FewDimensions(n)) => {
            format!("{}{n}{}", T::FewDimensions.get(lang), T::FewDimensionsAfter.get(lang))
        }
        Some(Fallback::NoOverall) => T::NoOverallForDerived.get(lang).to_owned(),
    };
    html! {
        <p class="note warning an-weights-fallback" role="status">
            { format!("{}{}{why}{}", T::ChoiceCannot.get(lang), quoted(plan.chosen.label(lang), lang), T::UsingStated.get(lang)) }
        </p>
    }
}

/// A name in quotation marks of the language: 「层次分析法 AHP」, “AHP”.
fn quoted(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("「{name}」"),
        Lang::En => format!("“{name}”"),
    }
}

/// An item's text, else its id.
fn item_title(q: &Questionnaire, id: &str, lang: Lang) -> String {
    q.item(id).map_or_else(|| id.to_owned(), |i| i.text.get(lang).to_owned())
}

fn used(r: &Results, lang: Lang) -> Html {
    let tree = &r.analysis.index.weights;
    let q = &r.questionnaire;
    let warnings = r.analysis.index.weight_details.as_ref().map(|d| d.warnings.clone()).unwrap_or_default();
    html! {
        <table class="an-weights-used">
            <caption>{ T::WeightsUsed.get(lang) }</caption>
            <thead><tr>
                <th scope="col">{ T::Dimension.get(lang) }</th>
                <th scope="col" class="number">{ T::Weight.get(lang) }</th>
                <th scope="col">{ T::Item.get(lang) }</th>
                <th scope="col" class="number">{ T::Weight.get(lang) }</th>
                <th scope="col" class="number">{ "×" }</th>
            </tr></thead>
            <tbody>
                { for tree.items.iter().zip(tree.item_products()).map(|(item, product)| {
                    let d = &tree.dimensions[item.dimension];
                    let dim = q.dimension(d.id.as_str()).map_or(d.id.to_string(), |x| x.title.get(lang).to_owned());
                    html! {
                        <tr data-item={item.id.to_string()}>
                            <td>{ dim }</td>
                            <td class="number">{ three(Some(d.weight)) }</td>
                            <td title={item.id.to_string()}>{ item_title(q, item.id.as_str(), lang) }</td>
                            <td class="number">{ three(Some(item.weight)) }</td>
                            <td class="number">{ three(Some(product)) }</td>
                        </tr>
                    }
                }) }
            </tbody>
            { for (!warnings.is_empty()).then(|| html! {
                <tfoot><tr><td colspan="5" class="warning">{ format!("{}: {}", T::Warnings.get(lang), warnings.join("; ")) }</td></tr></tfoot>
            }) }
        </table>
    }
}

/// The weights section.
pub fn weights(
    w: &UseReducerHandle<Workspace>,
    r: Option<&Results>,
    q: Option<&Questionnaire>,
    lang: Lang,
) -> Html {
    let editor = match (w.settings.weighting.choice, q) {
        // AHP compares dimensions: with fewer than two there is nothing to judge.
        (WeightChoice::Ahp, Some(q)) if q.dimensions.len() >= 2 => ahp_editor(w, q, lang),
        _ => Html::default(),
    };
    let fallback = q.map(|q| fallback(w, q, lang)).unwrap_or_default();
    html! {
        <section class="an-weights" aria-labelledby="an-weights-title">
            <h2 id="an-weights-title">{ T::Weights.get(lang) }</h2>
            { choice(w, lang) }
            { fallback }
            { editor }
            { for r.map(|r| used(r, lang)) }
        </section>
    }
}
