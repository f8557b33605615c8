use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    // The same wasm runs in the analysis web worker, which has no window: there it waits for
    // `analysis_worker_start`.
    if web_sys::window().is_none() {
        return;
    }
    yew::Renderer::<manyi::App>::new().render();
}

/// The analysis web worker's entry (called by `worker.js`): answers the analyst workspace's
/// requests off the page's thread.
#[wasm_bindgen]
pub fn analysis_worker_start() {
    manyi::analysis::worker::start();
}
