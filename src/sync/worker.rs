//! The sync worker (`staff/sync.js` loads the `manyi-sync-worker` wasm and calls [`start`]): a
//! dedicated web worker each page of the device starts once sync is set up
//! ([`super::background`]). It opens the device's store and runs the background loop
//! ([`super::runner`]) off the page's thread, woken by the pages' nudges on the
//! [`super::background::CHANNEL`] and by the `online` event.

use super::runner;
use crate::storage::Store;

/// Opens the store and starts the loop.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        // Without a store there is nothing to sync; the worker then idles until its page closes.
        if let Ok(store) = Store::open().await {
            runner::start(store);
        }
    });
}
