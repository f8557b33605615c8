//! The desk's wasm (`desk/`): results, call desk, questionnaire editor, analyst workspace.
fn main() {
    manyi::desk::start();
}
