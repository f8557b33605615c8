// Loads the kiosk: the wasm-bindgen glue fetches kiosk_bg.wasm beside it and runs `main`, which
// replaces the static attract screen of index.html. Then registers the service worker (sw.js)
// that keeps the kiosk working offline.
//
// Addresses of the single build before the areas were split (`/#/staff`, `/#/callback`, …) now
// live on the pages of other areas: they are sent there before the kiosk's wasm is even fetched.
// The same table is `Route::area` in src/platform/location.rs; the e2e test
// `areas::the_old_addresses_lead_to_their_area` checks every one.
const ELSEWHERE = {
  "/staff": "staff/",
  "/results": "desk/",
  "/callback": "desk/",
  "/editor": "desk/",
  "/analysis": "desk/",
  "/evaluation": "field/",
  "/evaluation/compare": "field/",
  "/kano": "field/",
  "/kano/analysis": "desk/",
};

function elsewhere() {
  const route = window.location.hash.replace(/^#/, "").replace(/\/$/, "");
  const area = ELSEWHERE[route];
  if (area !== undefined) {
    window.location.replace(area + window.location.hash);
  }
  return area !== undefined;
}

window.addEventListener("hashchange", elsewhere);

// Screens where a reload loses nothing and shows nothing of a customer.
const BETWEEN_CUSTOMERS = ".attract, .closed, .set-pin";

// The service worker, once the kiosk runs: its first download of the kiosk's files does not
// compete with the page's own.
function keepOffline() {
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
}

if (!elsewhere()) {
  import("./kiosk.js")
    .then((glue) => glue.default())
    .then(keepOffline)
    .catch((error) => {
      console.error(error);
      const message = document.createElement("p");
      message.className = "boot-error";
      message.textContent = "加载失败，请刷新页面。Loading failed, please reload the page.";
      document.body.append(message);
    });
}
