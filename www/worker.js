// The analysis web worker: the app's wasm, loaded once more, imports, merges and scores the
// analyst's files off the page's thread (src/analysis/worker.rs). `main` sees no window and
// renders nothing here. Requests that come while the wasm loads wait, then go in order.
import init, { analysis_worker_start } from "./manyi.js";

const early = [];
self.onmessage = (event) => early.push(event);
await init();
analysis_worker_start();
for (const event of early) {
  self.onmessage(event);
}
