//! The analyst workspace's web worker's wasm (`desk/worker.js` loads it): imports, merges and
//! scores the analyst's files off the page's thread.
fn main() {
    manyi::analysis::worker::start();
}
