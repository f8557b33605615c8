//! The questionnaire as a whole in the editor: id, title, introduction, mode, N/A rule, overall
//! item and interviewer's script; its rating scales with their labels; its dimensions (checklist
//! sections) with their weights.

use super::fields::{BothLangs, FieldScope, NumberField, SelectField, TextField, Toggle};
use super::texts::A;
use manyi_core::authoring::{Edit, Move};
use manyi_core::questionnaire::item::ItemId;
use manyi_core::questionnaire::{Mode, Questionnaire};
use manyi_core::scoring::composite::Renormalisation;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of the parts of the questionnaire editor.
#[derive(Properties, PartialEq, Clone)]
pub struct PartProps {
    /// The questionnaire.
    pub questionnaire: Questionnaire,
    /// The interface language.
    pub lang: Lang,
    /// Called with an edit.
    pub on_edit: Callback<Edit>,
}

const MODES: [(Mode, &str, A); 3] = [
    (Mode::SelfCompleted, "self_completed", A::SelfCompleted),
    (Mode::Interviewer, "interviewer", A::Interviewer),
    (Mode::Checklist, "checklist", A::Checklist),
];

/// The mode's code.
pub fn mode_code(mode: Mode) -> &'static str {
    MODES.iter().find(|m| m.0 == mode).map_or("self_completed", |m| m.1)
}

/// The mode of a code.
pub fn mode_of(code: &str) -> Mode {
    MODES.iter().find(|m| m.1 == code).map_or(Mode::SelfCompleted, |m| m.0)
}

/// The modes for a select.
pub fn mode_options(lang: Lang) -> Vec<(String, String)> {
    MODES.iter().map(|(_, code, text)| ((*code).to_owned(), text.get(lang).to_owned())).collect()
}

/// Id, title, introduction, mode, scoring rules, script.
#[function_component(BasicsEditor)]
pub fn basics_editor(p: &PartProps) -> Html {
    let (q, lang, e) = (&p.questionnaire, p.lang, &p.on_edit);
    let renormalise = vec![
        ("global".to_owned(), A::Global.get(lang).to_owned()),
        ("within_dimension".to_owned(), A::WithinDimension.get(lang).to_owned()),
    ];
    let rule =
        if q.scoring.renormalise == Renormalisation::WithinDimension { "within_dimension" } else { "global" };
    let mut overall = vec![(String::new(), A::NoneChosen.get(lang).to_owned())];
    overall.extend(q.items.iter().map(|i| (i.id.to_string(), format!("{} {}", i.id, i.text.get(lang)))));
    let script = q.script.iter().enumerate().map(|(k, line)| {
        html! {
            <li>
                <BothLangs id={format!("script-{k}")} label={format!("{} {}", A::Script.get(lang), k + 1)} text={line.clone()} {lang}
                    on_change={e.reform(move |(l, t)| Edit::SetScriptLine(k, l, t))} />
                <button type="button" class="small danger" aria-label={format!("{} {} {}", A::Remove.get(lang), A::Script.get(lang), k + 1)}
                    onclick={e.reform(move |_| Edit::RemoveScriptLine(k))}>{ A::Remove.get(lang) }</button>
            </li>
        }
    });
    html! {
        <div class="basics">
            <div class="field-row">
                <TextField id="q-id" label={A::Id.get(lang)} value={q.id.to_string()} on_change={e.reform(Edit::SetId)} />
                <p class="field"><span class="label">{ A::Version.get(lang) }</span><span class="q-version">{ q.version }</span></p>
            </div>
            <BothLangs id="q-title" label={A::Title.get(lang)} text={q.title.clone()} {lang}
                on_change={e.reform(|(l, t)| Edit::SetTitle(l, t))} />
            <BothLangs id="q-intro" label={A::Intro.get(lang)} text={q.intro.clone().unwrap_or_default()} {lang} multiline=true
                on_change={e.reform(|(l, t)| Edit::SetIntro(l, t))} />
            <SelectField id="q-mode" label={A::Mode.get(lang)} options={mode_options(lang)} selected={mode_code(q.mode)}
                on_change={e.reform(|c: String| Edit::SetMode(mode_of(&c)))} />
            <SelectField id="q-renormalise" label={A::Renormalise.get(lang)} options={renormalise} selected={rule}
                on_change={e.reform(|c: String| Edit::SetRenormalise(if c == "global" { Renormalisation::Global } else { Renormalisation::WithinDimension }))} />
            <SelectField id="q-overall" label={A::Overall.get(lang)} options={overall}
                selected={q.scoring.overall.as_ref().map(ToString::to_string).unwrap_or_default()}
                on_change={e.reform(|c: String| Edit::SetOverall((!c.is_empty()).then(|| ItemId::new(c))))} />
            if q.mode == Mode::Interviewer || !q.script.is_empty() {
                <ol class="script">{ for script }</ol>
                <button type="button" class="secondary" onclick={e.reform(|_| Edit::AddScriptLine)}>{ A::AddLine.get(lang) }</button>
            }
        </div>
    }
}

/// The rating scales.
#[function_component(ScalesEditor)]
pub fn scales_editor(p: &PartProps) -> Html {
    let (q, lang, e) = (&p.questionnaire, p.lang, &p.on_edit);
    let scales = q.scales.iter().map(|(name, s)| {
        let (n1, n2, n3, n4, n5) = (name.clone(), name.clone(), name.clone(), name.clone(), name.clone());
        let (min, max) = (s.min, s.max);
        let to_point = |x: Option<f64>, default: i32| x.map_or(default, |x| x.round() as i32);
        let labels = (!s.labels.is_empty()).then(|| {
            let rows = s.points().map(|point| {
                let n = name.clone();
                html! {
                    <BothLangs id={format!("scale-{name}-{point}")} label={point.to_string()} text={s.label(point).cloned().unwrap_or_default()} {lang}
                        on_change={e.reform(move |(l, t)| Edit::SetScaleLabel(n.clone(), point, l, t))} />
                }
            });
            html! { <div class="scale-labels">{ for rows }</div> }
        });
        let scope = FieldScope(format!("{} {name}", A::Scale.get(lang)));
        let remove = format!("{} {}", A::Remove.get(lang), scope.0);
        html! {
            <li class="scale"><ContextProvider<FieldScope> context={scope}>
                <div class="field-row">
                    <TextField id={format!("scale-{name}-name")} label={A::Name.get(lang)} value={name.to_string()}
                        on_change={e.reform(move |v| Edit::RenameScale(n1.clone(), v))} />
                    <NumberField id={format!("scale-{name}-min")} label={A::Lowest.get(lang)} value={Some(f64::from(min))} {lang}
                        on_change={e.reform(move |x| Edit::SetScaleRange(n2.clone(), to_point(x, min), max))} />
                    <NumberField id={format!("scale-{name}-max")} label={A::Highest.get(lang)} value={Some(f64::from(max))} {lang}
                        on_change={e.reform(move |x| Edit::SetScaleRange(n3.clone(), min, to_point(x, max)))} />
                </div>
                <Toggle id={format!("scale-{name}-labelled")} label={A::Labels.get(lang)} checked={!s.labels.is_empty()}
                    on_change={e.reform(move |b| Edit::SetScaleLabelled(n4.clone(), b))} />
                { for labels }
                <button type="button" class="small danger" aria-label={remove} onclick={e.reform(move |_| Edit::RemoveScale(n5.clone()))}>{ A::Remove.get(lang) }</button>
            </ContextProvider<FieldScope>></li>
        }
    });
    html! {
        <div class="scales">
            <ul>{ for scales }</ul>
            <button type="button" class="secondary" onclick={e.reform(|_| Edit::AddScale)}>{ A::AddScale.get(lang) }</button>
        </div>
    }
}

/// The dimensions (sections) and their weights.
#[function_component(DimensionsEditor)]
pub fn dimensions_editor(p: &PartProps) -> Html {
    let (q, lang, e) = (&p.questionnaire, p.lang, &p.on_edit);
    let count = q.dimensions.len();
    let rows = q.dimensions.iter().enumerate().map(|(k, d)| {
        let scope = FieldScope(format!("{} {}", A::Dimension.get(lang), k + 1));
        let name = |what: A| format!("{} {}", what.get(lang), scope.0);
        html! {
            <li class="dimension"><ContextProvider<FieldScope> context={scope.clone()}>
                <div class="field-row">
                    <TextField id={format!("dimension-{k}-id")} label={A::Id.get(lang)} value={d.id.to_string()}
                        on_change={e.reform(move |v| Edit::SetDimensionId(k, v))} />
                    <NumberField id={format!("dimension-{k}-weight")} label={A::Weight.get(lang)} value={Some(d.weight)} {lang}
                        on_change={e.reform(move |x: Option<f64>| Edit::SetDimensionWeight(k, x.unwrap_or(1.0)))} />
                </div>
                <BothLangs id={format!("dimension-{k}-title")} label={A::Title.get(lang)} text={d.title.clone()} {lang}
                    on_change={e.reform(move |(l, t)| Edit::SetDimensionTitle(k, l, t))} />
                <div class="row-actions">
                    <button type="button" class="small" aria-label={name(A::MoveUp)} disabled={k == 0} onclick={e.reform(move |_| Edit::MoveDimension(k, Move::Up))}>{ "↑" }</button>
                    <button type="button" class="small" aria-label={name(A::MoveDown)} disabled={k + 1 == count} onclick={e.reform(move |_| Edit::MoveDimension(k, Move::Down))}>{ "↓" }</button>
                    <button type="button" class="small danger" aria-label={name(A::Remove)} onclick={e.reform(move |_| Edit::RemoveDimension(k))}>{ A::Remove.get(lang) }</button>
                </div>
            </ContextProvider<FieldScope>></li>
        }
    });
    html! {
        <div class="dimensions">
            <ul>{ for rows }</ul>
            <button type="button" class="secondary" onclick={e.reform(|_| Edit::AddDimension)}>{ A::AddDimension.get(lang) }</button>
        </div>
    }
}
