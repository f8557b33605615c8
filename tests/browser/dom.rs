//! Helpers for browser tests: mount a component into a fresh element, and poll the DOM until a
//! condition holds (Yew renders asynchronously), with a timeout — never a fixed sleep.

use gloo_timers::future::TimeoutFuture;
use web_sys::{Element, HtmlElement};
use yew::BaseComponent;

/// How long a condition may take to hold before the test fails.
pub const TIMEOUT_MS: f64 = 5_000.0;
/// How often the condition is checked.
const POLL_MS: u32 = 10;

/// Renders `C` into a new `<div>` appended to the body, and returns that element.
pub fn mount<C>() -> Element
where
    C: BaseComponent,
    C::Properties: Default,
{
    let document = document();
    let root = document.create_element("div").expect("can create a div");
    document.body().expect("the test page has a body").append_child(&root).expect("can append");
    yew::Renderer::<C>::with_root(root.clone()).render();
    root
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser document")
}

/// Polls until `selector` matches an element under `root`, then returns it.
pub async fn wait_for(root: &Element, selector: &str) -> Element {
    let found = poll(|| root.query_selector(selector).ok().flatten()).await;
    found.unwrap_or_else(|| {
        panic!("no `{selector}` within {TIMEOUT_MS} ms; the DOM is:\n{}", root.outer_html())
    })
}

/// Polls until the element at `selector` under `root` has exactly `text` as its text content.
pub async fn wait_for_text(root: &Element, selector: &str, text: &str) {
    let found = poll(|| {
        let element = root.query_selector(selector).ok().flatten()?;
        (element.text_content().unwrap_or_default().trim() == text).then_some(())
    })
    .await;
    if found.is_none() {
        panic!(
            "`{selector}` did not read {text:?} within {TIMEOUT_MS} ms; the DOM is:\n{}",
            root.outer_html()
        );
    }
}

/// Clicks the element at `selector` under `root` (waiting for it to appear).
pub async fn click(root: &Element, selector: &str) {
    let element = wait_for(root, selector).await;
    let element: &HtmlElement = wasm_bindgen::JsCast::dyn_ref(&element).expect("an HTML element");
    element.click();
}

pub async fn poll<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = js_sys::Date::now() + TIMEOUT_MS;
    loop {
        if let Some(value) = check() {
            return Some(value);
        }
        if js_sys::Date::now() > deadline {
            return None;
        }
        TimeoutFuture::new(POLL_MS).await;
    }
}
