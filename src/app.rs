//! The root component.

use manyi_core::{Lang, Text};
use yew::prelude::*;

/// The whole app, mounted on `<body>` by `main`.
#[function_component(App)]
pub fn app() -> Html {
    let count = use_state(|| 0_u32);
    let increment = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    let satisfied = Text::new("满意", "Satisfied");
    html! {
        <main class="app">
            <h1>{ "满意 Manyi" }</h1>
            <p class="tagline" lang="zh-CN">{ satisfied.get(Lang::Zh) }</p>
            <button type="button" class="counter-button" onclick={increment}>{ "加一 Add one" }</button>
            <p>{ "次数 Count: " }<output id="count" aria-live="polite">{ *count }</output></p>
        </main>
    }
}
