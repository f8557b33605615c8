//! The sync worker's wasm (`staff/sync.js` loads it, for every page of the device): pushes the
//! device's records to the company's CouchDB and pulls the published questionnaires, off the
//! pages' thread.
fn main() {
    manyi::sync::worker::start();
}
