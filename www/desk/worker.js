// The analyst workspace's web worker: its own wasm (analysis_worker_bg.wasm) imports, merges and
// scores the analyst's files off the page's thread (src/analysis/worker.rs); its `main` installs
// the message handler. Requests that come while the wasm loads wait, then go in order.
import init from "./analysis_worker.js";

const early = [];
self.onmessage = (event) => early.push(event);
await init();
for (const event of early) {
  self.onmessage(event);
}
