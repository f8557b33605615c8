//! The call-back phone number: the digits shown large, a big keypad to type them (a kiosk's
//! customer needs no on-screen keyboard), and what is wrong with the number said in the
//! customer's language, by core's rule ([`PhoneNumber`]). A keyboard works too.

use manyi_core::response::phone::{PhoneNumber, PhoneProblem, MAX_EXTENSION};
use manyi_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

crate::i18n::texts! {
    P, "A text of the phone number's field.";
    Empty => "请输入电话号码", "Please type a phone number";
    Character => "“{c}”不是数字：请只输入数字，如 13812345678 或 0571-87654321", "“{c}” is not a digit: type digits only, e.g. 13812345678 or 0571-87654321";
    MobileLength => "手机号码是 11 位，现在是 {n} 位", "A mobile number has 11 digits, not {n}";
    MobilePrefix => "手机号码以 13 至 19 开头", "A mobile number begins with 13 to 19";
    LandlineLength => "座机号码在区号后是 7 或 8 位，现在是 {n} 位（如 0571-87654321）", "A landline has 7 or 8 digits after its area code, not {n} (e.g. 0571-87654321)";
    AreaCodeMissing => "座机号码请先输入区号，如 0571-87654321", "A landline needs its area code first, e.g. 0571-87654321";
    Unknown => "这不是电话号码：手机号码以 1 开头（11 位），座机号码以区号 0 开头", "Not a phone number: a mobile begins with 1 (11 digits), a landline with its area code 0…";
    Extension => "分机号只能跟在座机号码后，最多 {n} 位（如 0571-87654321-8001）", "An extension follows a landline only, at most {n} digits (e.g. 0571-87654321-8001)";
    Keypad => "数字键盘", "Keypad";
    Dash => "短横线", "Dash";
    DeleteDigit => "删除一位", "Delete a digit";
    ClearAll => "清空", "Clear";
}

/// What is wrong with a phone number, in `lang`.
pub fn phone_problem(problem: PhoneProblem, lang: Lang) -> String {
    let fill = |text: P, n: usize| text.get(lang).replace("{n}", &n.to_string());
    match problem {
        PhoneProblem::Empty => P::Empty.get(lang).to_owned(),
        PhoneProblem::Character { found } => P::Character.get(lang).replace("{c}", &found.to_string()),
        PhoneProblem::MobileLength { digits } => fill(P::MobileLength, digits),
        PhoneProblem::MobilePrefix => P::MobilePrefix.get(lang).to_owned(),
        PhoneProblem::LandlineLength { digits } => fill(P::LandlineLength, digits),
        PhoneProblem::AreaCodeMissing => P::AreaCodeMissing.get(lang).to_owned(),
        PhoneProblem::Unknown => P::Unknown.get(lang).to_owned(),
        PhoneProblem::Extension => fill(P::Extension, MAX_EXTENSION),
    }
}

/// What to say under the field for `text`: nothing while it is empty or a phone number.
fn problem_of(text: &str, lang: Lang) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    PhoneNumber::parse(text).err().map(|p| phone_problem(p, lang))
}

/// Properties of [`PhoneAnswer`].
#[derive(Properties, PartialEq, Clone)]
pub struct PhoneAnswerProps {
    /// The field's id, for its `<label for>`.
    pub id: AttrValue,
    /// The number stored so far.
    #[prop_or_default]
    pub value: AttrValue,
    /// The most characters accepted.
    #[prop_or_default]
    pub max_length: Option<u32>,
    /// The language.
    pub lang: Lang,
    /// Called with the text whenever it changed: a key of the keypad at once, typing when the
    /// field is left (core keeps it only if it is a phone number).
    pub on_change: Callback<String>,
}

/// The phone number's field and keypad.
#[function_component(PhoneAnswer)]
pub fn phone_answer(props: &PhoneAnswerProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let lang = props.lang;
    let max = props.max_length.map_or(20, |n| n as usize);
    let press = |key: char| {
        let (text, on_change) = (text.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            if text.chars().count() < max {
                let next = format!("{}{key}", *text);
                text.set(next.clone());
                on_change.emit(next);
            }
        })
    };
    let key =
        |digit: char| html! { <button type="button" class="key" onclick={press(digit)}>{ digit }</button> };
    let delete = {
        let (text, on_change) = (text.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*text).clone();
            if next.pop().is_some() {
                text.set(next.clone());
                on_change.emit(next);
            }
        })
    };
    let clear = {
        let (text, on_change) = (text.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            if !text.is_empty() {
                text.set(String::new());
                on_change.emit(String::new());
            }
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                text.set(input.value());
            }
        })
    };
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                on_change.emit(input.value());
            }
        })
    };
    let problem = problem_of(&text, lang);
    let problem_id = format!("{}-problem", props.id);
    let message = problem
        .as_ref()
        .map(|p| html! { <p id={problem_id.clone()} class="field-error phone-problem">{ p }</p> });
    html! {
        <div class="phone-answer">
            <input id={props.id.clone()} class="text-answer phone-number" type="tel" inputmode="none"
                autocomplete="off" maxlength={max.to_string()} value={(*text).clone()} {oninput} {onchange}
                aria-invalid={problem.is_some().to_string()}
                aria-describedby={problem.is_some().then_some(problem_id)} />
            <div aria-live="polite">{ for message }</div>
            <div class="keys phone-keys" role="group" aria-label={P::Keypad.get(lang)}>
                { for "123456789".chars().map(key) }
                <button type="button" class="key secondary" aria-label={P::Dash.get(lang)} onclick={press('-')}>{ "-" }</button>
                { key('0') }
                <button type="button" class="key secondary" onclick={delete}>{ P::DeleteDigit.get(lang) }</button>
                <button type="button" class="key secondary wide" onclick={clear}>{ P::ClearAll.get(lang) }</button>
            </div>
        </div>
    }
}
