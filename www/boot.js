// Loads the app: the wasm-bindgen glue fetches manyi_bg.wasm beside it and runs `main`. Then
// registers the service worker (sw.js) that keeps the app working offline.
import init from "./manyi.js";

init().catch((error) => {
  console.error(error);
  const message = document.createElement("p");
  message.className = "boot-error";
  message.textContent = "加载失败，请刷新页面。Loading failed, please reload the page.";
  document.body.append(message);
});

// Screens where a reload loses nothing and shows nothing of a customer.
const BETWEEN_CUSTOMERS = ".attract, .closed, .set-pin";

if ("serviceWorker" in navigator) {
  const updating = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker
    .register("sw.js")
    .then((registration) => {
      // A kiosk never navigates: look for a new build every half hour.
      setInterval(() => registration.update().catch(() => {}), 30 * 60 * 1000);
    })
    .catch((error) => console.error("service worker:", error));
  // A new build took over: reload into it once no customer is in the middle of the survey.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!updating) {
      return; // the first visit's worker claiming the page, not a new build
    }
    const reloadWhenIdle = () => {
      if (document.querySelector(BETWEEN_CUSTOMERS)) {
        window.location.reload();
      } else {
        setTimeout(reloadWhenIdle, 5000);
      }
    };
    reloadWhenIdle();
  });
}
