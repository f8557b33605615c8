// An area's service worker (`cargo xtask dist` writes one into each area's folder: the kiosk at
// the site's root, desk/, field/): it keeps the files of one build of its area in a cache named
// after the area and the build, so the area's page loads and works with the network off after a
// first visit. A new build has a new name: the browser installs it beside the old one, it takes
// over, and the old cache is deleted. Only what changed is downloaded again: each file's hash
// is in the list below, and a file whose hash an older cache of the area already holds is
// copied from there.
const AREA = "__MANYI_AREA__";
const BUILD = "__MANYI_BUILD__";
// [address relative to this script, hash of its content]; "./" is the area's page.
const FILES = ["__MANYI_FILES__"];
const PREFIX = "manyi-" + AREA + "-";
const CACHE = PREFIX + BUILD;
const HASH = "x-manyi-hash";
// The cache of the single build before the areas were split (`manyi-` and 16 hex digits): the
// kiosk's worker took over its registration (scope and script are the same) and deletes it.
const SINGLE_BUILD = /^manyi-[0-9a-f]{16}$/;

// The file with this hash from an older cache of this area, if one holds it.
async function kept(older, url, hash) {
  for (const name of older) {
    const hit = await (await caches.open(name)).match(url);
    if (hit && hit.headers.get(HASH) === hash) {
      return hit;
    }
  }
  return null;
}

// The file from the server, marked with its hash: checked with the server (one consistent build),
// so a file the page has just downloaded is not sent again if the server says it is unchanged.
async function download(url, hash) {
  const response = await fetch(new Request(url, { cache: "no-cache" }));
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  const headers = new Headers(response.headers);
  // The body kept is decoded: it has neither the transfer's encoding nor its length.
  headers.delete("content-encoding");
  headers.delete("content-length");
  headers.set(HASH, hash);
  return new Response(await response.blob(), { status: 200, statusText: "OK", headers });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      const cache = await caches.open(CACHE);
      await Promise.all(
        FILES.map(async ([url, hash]) => {
          await cache.put(url, (await kept(older, url, hash)) || (await download(url, hash)));
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => (n.startsWith(PREFIX) && n !== CACHE) || (AREA === "kiosk" && SINGLE_BUILD.test(n)))
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// This area's page, whatever its hash or query (its routes are in the hash).
const PAGE = new URL("./", self.location).pathname;
const isPage = (url) => url.pathname === PAGE || url.pathname === PAGE + "index.html";

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  // Another area's page (not yet installed, or this worker's scope holds it): the network; that
  // page then installs its own worker.
  if (request.mode === "navigate" && !isPage(url)) {
    return;
  }
  const key = request.mode === "navigate" ? "./" : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
