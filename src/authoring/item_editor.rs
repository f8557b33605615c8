//! One item in the editor: a summary line (number, id, kind, text, badges, move, remove) and, when
//! open, every setting of the item and of its kind.

use super::condition::ShowIfEditor;
use super::fields::{BothLangs, FieldScope, NumberField, SelectField, TextField, Toggle};
use super::texts::A;
use manyi_core::authoring::{Edit, KindChoice, Move, Side};
use manyi_core::questionnaire::item::{DimensionId, Item, ItemKind, LinearCurve, ScaleId, TextFormat};
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::tags::TagKey;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`ItemEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct ItemEditorProps {
    /// The questionnaire.
    pub questionnaire: Questionnaire,
    /// The item's position.
    pub at: usize,
    /// Whether its settings are shown.
    pub open: bool,
    /// The interface language.
    pub lang: Lang,
    /// Called with an edit.
    pub on_edit: Callback<Edit>,
    /// Called to open or close an item.
    pub on_open: Callback<Option<usize>>,
}

fn kind_settings(p: &ItemEditorProps, item: &Item) -> Html {
    let (at, lang, e) = (p.at, p.lang, &p.on_edit);
    let id = |what: &str| format!("item-{at}-{what}");
    match &item.kind {
        ItemKind::Rating { scale, not_applicable } => {
            let options: Vec<(String, String)> =
                p.questionnaire.scales.keys().map(|s| (s.to_string(), s.to_string())).collect();
            html! {
                <>
                    <SelectField id={id("scale")} label={A::Scale.get(lang)} {options} selected={scale.to_string()}
                        on_change={e.reform(move |s: String| Edit::SetScaleOf(at, ScaleId::new(s)))} />
                    <Toggle id={id("na")} label={A::NotApplicable.get(lang)} checked={*not_applicable}
                        on_change={e.reform(move |b| Edit::SetNotApplicable(at, b))} />
                </>
            }
        }
        ItemKind::YesNo { not_applicable, red_line } => html! {
            <>
                <Toggle id={id("na")} label={A::NotApplicable.get(lang)} checked={*not_applicable}
                    on_change={e.reform(move |b| Edit::SetNotApplicable(at, b))} />
                <Toggle id={id("red-line")} label={A::RedLine.get(lang)} checked={*red_line}
                    on_change={e.reform(move |b| Edit::SetRedLine(at, b))} />
            </>
        },
        ItemKind::Number { min, max, unit, curve, stopwatch } => {
            let (lo, hi) = (*min, *max);
            let c = *curve;
            html! {
                <>
                    <div class="field-row">
                        <NumberField id={id("min")} label={A::Min.get(lang)} value={lo} optional=true {lang}
                            on_change={e.reform(move |x| Edit::SetNumberRange(at, x, hi))} />
                        <NumberField id={id("max")} label={A::Max.get(lang)} value={hi} optional=true {lang}
                            on_change={e.reform(move |x| Edit::SetNumberRange(at, lo, x))} />
                    </div>
                    <BothLangs id={id("unit")} label={A::Unit.get(lang)} text={unit.clone().unwrap_or_default()} {lang}
                        on_change={e.reform(move |(l, t)| Edit::SetUnit(at, l, t))} />
                    <Toggle id={id("stopwatch")} label={A::Stopwatch.get(lang)} checked={*stopwatch}
                        on_change={e.reform(move |b| Edit::SetStopwatch(at, b))} />
                    <Toggle id={id("curve")} label={A::Curve.get(lang)} checked={c.is_some()}
                        on_change={e.reform(move |b: bool| Edit::SetCurve(at, b.then_some(LinearCurve { full: 15.0, zero: 45.0 })))} />
                    if let Some(c) = c {
                        <div class="field-row">
                            <NumberField id={id("full")} label={A::FullUpTo.get(lang)} value={Some(c.full)} {lang}
                                on_change={e.reform(move |x: Option<f64>| Edit::SetCurve(at, Some(LinearCurve { full: x.unwrap_or(c.full), ..c })))} />
                            <NumberField id={id("zero")} label={A::ZeroFrom.get(lang)} value={Some(c.zero)} {lang}
                                on_change={e.reform(move |x: Option<f64>| Edit::SetCurve(at, Some(LinearCurve { zero: x.unwrap_or(c.zero), ..c })))} />
                        </div>
                    }
                </>
            }
        }
        ItemKind::Text { format, max_length } => {
            let options = vec![
                ("free".to_owned(), A::FreeText.get(lang).to_owned()),
                ("phone".to_owned(), A::Phone.get(lang).to_owned()),
            ];
            let selected = if *format == TextFormat::Phone { "phone" } else { "free" }.to_owned();
            html! {
                <>
                    <SelectField id={id("format")} label={A::Format.get(lang)} {options} {selected}
                        on_change={e.reform(move |f: String| Edit::SetTextFormat(at, if f == "phone" { TextFormat::Phone } else { TextFormat::Free }))} />
                    <NumberField id={id("max-length")} label={A::MaxLength.get(lang)} value={max_length.map(f64::from)} optional=true {lang}
                        on_change={e.reform(move |x: Option<f64>| Edit::SetMaxLength(at, x.map(|x| x.max(0.0) as u32)))} />
                </>
            }
        }
        ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => {
            let count = options.len();
            let rows = options.iter().enumerate().map(|(k, o)| {
                html! {
                    <li class="option">
                        <TextField id={id(&format!("option-{k}-code"))} label={format!("{} {} {}", A::Options.get(lang), k + 1, A::Code.get(lang))} value={o.code.to_string()}
                            on_change={e.reform(move |c| Edit::SetOptionCode(at, k, c))} />
                        <BothLangs id={id(&format!("option-{k}"))} label={format!("{} {}", A::Options.get(lang), k + 1)} text={o.label.clone()} {lang}
                            on_change={e.reform(move |(l, t)| Edit::SetOptionLabel(at, k, l, t))} />
                        <div class="row-actions">
                            <button type="button" class="small" disabled={k == 0} onclick={e.reform(move |_| Edit::MoveOption(at, k, Move::Up))}>{ "↑" }</button>
                            <button type="button" class="small" disabled={k + 1 == count} onclick={e.reform(move |_| Edit::MoveOption(at, k, Move::Down))}>{ "↓" }</button>
                            <button type="button" class="small danger" onclick={e.reform(move |_| Edit::RemoveOption(at, k))}>{ A::Remove.get(lang) }</button>
                        </div>
                    </li>
                }
            });
            let tag = matches!(item.kind, ItemKind::SingleChoice { .. }).then(|| {
                let mut opts = vec![(String::new(), A::NoneChosen.get(lang).to_owned())];
                opts.extend(
                    TagKey::ALL.iter().map(|t| (t.code().to_owned(), t.label().get(lang).to_owned())),
                );
                let selected = item.tag.map(|t| t.code().to_owned()).unwrap_or_default();
                html! { <SelectField id={id("tag")} label={A::Tag.get(lang)} options={opts} {selected}
                on_change={e.reform(move |c: String| Edit::SetTag(at, c.parse::<TagKey>().ok()))} /> }
            });
            html! {
                <fieldset class="options"><legend>{ A::Options.get(lang) }</legend>
                    <ol>{ for rows }</ol>
                    <button type="button" class="secondary" onclick={e.reform(move |_| Edit::AddOption(at))}>{ A::AddOption.get(lang) }</button>
                    { for tag }
                </fieldset>
            }
        }
        ItemKind::KanoPair { functional, dysfunctional } => html! {
            <>
                <BothLangs id={id("functional")} label={A::Functional.get(lang)} text={functional.clone()} {lang} multiline=true
                    on_change={e.reform(move |(l, t)| Edit::SetKanoQuestion(at, Side::Functional, l, t))} />
                <BothLangs id={id("dysfunctional")} label={A::Dysfunctional.get(lang)} text={dysfunctional.clone()} {lang} multiline=true
                    on_change={e.reform(move |(l, t)| Edit::SetKanoQuestion(at, Side::Dysfunctional, l, t))} />
            </>
        },
        ItemKind::Recommend => Html::default(),
    }
}

fn settings(p: &ItemEditorProps, item: &Item) -> Html {
    let (at, lang, e) = (p.at, p.lang, &p.on_edit);
    let q = &p.questionnaire;
    let id = |what: &str| format!("item-{at}-{what}");
    let kinds: Vec<(String, String)> =
        KindChoice::ALL.iter().map(|k| (k.code().to_owned(), k.label().get(lang).to_owned())).collect();
    let mut dimensions = vec![(String::new(), A::NoneChosen.get(lang).to_owned())];
    dimensions
        .extend(q.dimensions.iter().map(|d| (d.id.to_string(), format!("{} {}", d.id, d.title.get(lang)))));
    let earlier: Vec<Item> = q.items[..at].to_vec();
    html! {
        <div class="item-settings">
            <TextField id={id("id")} label={A::Id.get(lang)} value={item.id.to_string()}
                on_change={e.reform(move |v| Edit::SetItemId(at, v))} />
            <SelectField id={id("kind")} label={A::Kind.get(lang)} options={kinds} selected={KindChoice::of(&item.kind).code()}
                on_change={e.reform(move |c: String| Edit::SetItemKind(at, KindChoice::ALL.into_iter().find(|k| k.code() == c).unwrap_or(KindChoice::Rating)))} />
            <BothLangs id={id("text")} label={A::Text.get(lang)} text={item.text.clone()} {lang} multiline=true
                on_change={e.reform(move |(l, t)| Edit::SetItemText(at, l, t))} />
            <BothLangs id={id("help")} label={A::Help.get(lang)} text={item.help.clone().unwrap_or_default()} {lang}
                on_change={e.reform(move |(l, t)| Edit::SetItemHelp(at, l, t))} />
            <div class="field-row">
                <SelectField id={id("dimension")} label={A::Dimension.get(lang)} options={dimensions}
                    selected={item.dimension.as_ref().map(ToString::to_string).unwrap_or_default()}
                    on_change={e.reform(move |d: String| Edit::SetItemDimension(at, (!d.is_empty()).then(|| DimensionId::new(d))))} />
                <NumberField id={id("weight")} label={A::Weight.get(lang)} value={Some(item.weight)} {lang}
                    on_change={e.reform(move |w: Option<f64>| Edit::SetItemWeight(at, w.unwrap_or(1.0)))} />
            </div>
            <Toggle id={id("required")} label={A::Required.get(lang)} checked={item.required}
                on_change={e.reform(move |b| Edit::SetRequired(at, b))} />
            { kind_settings(p, item) }
            <ShowIfEditor key={format!("{at}-{}", item.id)} {at} condition={item.show_if.clone()} {earlier} {lang} on_edit={e.clone()} />
        </div>
    }
}

/// One item.
#[function_component(ItemEditor)]
pub fn item_editor(p: &ItemEditorProps) -> Html {
    let (at, lang, e) = (p.at, p.lang, &p.on_edit);
    let Some(item) = p.questionnaire.items.get(at) else { return Html::default() };
    let count = p.questionnaire.items.len();
    let red = matches!(item.kind, ItemKind::YesNo { red_line: true, .. });
    let (open, on_open) = (p.open, p.on_open.clone());
    let toggle = Callback::from(move |_| on_open.emit((!open).then_some(at)));
    let text = item.text.get(lang);
    html! {
        <li class={classes!("item-editor", p.open.then_some("open"))} data-item={item.id.to_string()}>
            <div class="item-line">
                <button type="button" class="item-toggle" aria-expanded={p.open.to_string()} onclick={toggle}>
                    <span class="item-number">{ at + 1 }</span>
                    <span class="item-id">{ item.id.to_string() }</span>
                    <span class="item-kind">{ KindChoice::of(&item.kind).label().get(lang) }</span>
                    <span class="item-text">{ if text.is_empty() { "…" } else { text } }</span>
                    if red { <span class="badge alert">{ crate::evaluation::texts::T::RedLine.get(lang) }</span> }
                    if let Some(d) = &item.dimension { <span class="tag-chip">{ d.to_string() }</span> }
                </button>
                <div class="row-actions">
                    <button type="button" class="small" aria-label={format!("{} {}", A::MoveUp.get(lang), item.id)} disabled={at == 0}
                        onclick={e.reform(move |_| Edit::MoveItem(at, Move::Up))}>{ "↑" }</button>
                    <button type="button" class="small" aria-label={format!("{} {}", A::MoveDown.get(lang), item.id)} disabled={at + 1 == count}
                        onclick={e.reform(move |_| Edit::MoveItem(at, Move::Down))}>{ "↓" }</button>
                    <button type="button" class="small danger" aria-label={format!("{} {}", A::Remove.get(lang), item.id)}
                        onclick={e.reform(move |_| Edit::RemoveItem(at))}>{ "✕" }</button>
                </div>
            </div>
            if p.open {
                <ContextProvider<FieldScope> context={FieldScope(format!("{} {}", A::Item.get(lang), item.id))}>
                    { settings(p, item) }
                </ContextProvider<FieldScope>>
            }
        </li>
    }
}
