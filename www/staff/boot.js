// Loads the staff page's app: the wasm-bindgen glue fetches staff_bg.wasm beside it and runs
// `main`, which replaces the page's loading shell. Then registers this area's service worker
// (sw.js, scope staff/) that keeps its files for working offline.
import init from "./staff.js";

// The service worker once the page runs: its first download of the files does not compete with
// the page's own.
const keepOffline = () => {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js").catch((error) => console.error("service worker:", error));
  }
};

init().then(keepOffline, (error) => {
  console.error(error);
  const message = document.createElement("p");
  message.className = "boot-error";
  message.textContent = "加载失败，请刷新页面。Loading failed, please reload the page.";
  document.body.append(message);
});
