//! The field app's wasm (`field/`): the evaluation checklist and the Kano study.
fn main() {
    manyi::field::start();
}
