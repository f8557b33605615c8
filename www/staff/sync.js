// The sync worker: its own wasm (sync_worker_bg.wasm) runs the background sync with the
// company's CouchDB for every page of the device (src/sync/worker.rs); its `main` starts it.
import init from "./sync_worker.js";

await init();
