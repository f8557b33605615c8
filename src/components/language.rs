//! The language switch: one button offering the other language.

use crate::i18n::Ui;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq, Clone)]
pub struct LanguageSwitchProps {
    /// The language shown now.
    pub lang: Lang,
    /// Called with the other language.
    pub on_switch: Callback<Lang>,
}

/// The switch.
#[function_component(LanguageSwitch)]
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let (other, code) = match props.lang {
        Lang::Zh => (Lang::En, "en"),
        Lang::En => (Lang::Zh, "zh-CN"),
    };
    let on_switch = props.on_switch.clone();
    html! {
        <button type="button" class="language-switch" lang={code} onclick={move |_| on_switch.emit(other)}>
            { Ui::OtherLanguage.get(props.lang) }
        </button>
    }
}
