// The service worker: keeps the app shell of one build in a cache named after the build, so the
// app loads and works with the network off after the first visit. A new build has a new name
// (`cargo xtask dist` writes the hash of the shipped files and their list below): the browser
// installs it beside the old one, it takes over, and the old cache is deleted.
const BUILD = "__MANYI_BUILD__";
const SHELL = ["__MANYI_SHELL__"];
const CACHE = "manyi-" + BUILD;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Straight from the server, not from the HTTP cache: one consistent build.
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith("manyi-") && n !== CACHE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  // Every page of the app is the one index.html (its routes are in the hash).
  const key = request.mode === "navigate" ? "./" : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
