// The kiosk's first visit against SurveyJS's, with the same hall questionnaire, in one run:
// headless Chromium (Debian's, through playwright-core), 4× CPU throttling, 10 Mbit/s with
// 40 ms round trips, the browser's cache off, no service worker; medians of 5 runs, kiosk and
// SurveyJS taking turns. Prints the figures; asserts nothing. `cargo xtask bench` runs it on
// `dist/` (node bench/run.mjs [DIST [EARLIER_DIST]]: an earlier build's kiosk taps timed too).
//
// What it measures:
// - first screen: from navigation to the frame after the screen is in the DOM: the kiosk's
//   attract screen ready for a customer (its start button enabled, on a kiosk already set up:
//   its settings are in IndexedDB, nothing else), and SurveyJS's first question; also the
//   kiosk's first paint (the static attract screen of its HTML, before the wasm);
// - tap → next screen: from a real click (the mouse button's release) to the next question in the
//   DOM and on to the frame after it, over the survey's 13 taps, throttled the same way; and the
//   kiosk's taps once more without CPU throttling, as README's earlier 2.3 ms were measured;
// - transfer: every byte each page downloads on a first visit (headers included), unthrottled.
import { chromium } from "playwright-core";
import { surveyjs } from "./convert.mjs";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const dist = path.resolve(process.argv[2] ?? path.join(repo, "dist"));
// Optional: an earlier build (its dist/) whose kiosk taps are timed in the same run, unthrottled.
const before = process.argv[3] && path.resolve(process.argv[3]);
const RUNS = 5;
const CHROMIUM = process.env.MANYI_CHROMIUM ?? "/usr/bin/chromium";

// The site: the built dist/ and, beside it, SurveyJS's page with its files, compressed alike.
function site() {
  const root = path.join(here, ".site");
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync(dist, root, { recursive: true });
  const sjs = path.join(root, "surveyjs");
  fs.mkdirSync(sjs);
  const modules = path.join(here, "node_modules");
  const files = {
    "survey.core.min.js": "survey-core/survey.core.min.js",
    "simplified-chinese.min.js": "survey-core/i18n/simplified-chinese.min.js",
    "survey-js-ui.min.js": "survey-js-ui/survey-js-ui.min.js",
    "survey-core.min.css": "survey-core/survey-core.min.css",
  };
  for (const [name, from] of Object.entries(files)) fs.copyFileSync(path.join(modules, from), path.join(sjs, name));
  for (const name of ["index.html", "boot.js"]) fs.copyFileSync(path.join(here, "surveyjs", name), path.join(sjs, name));
  const hall = JSON.parse(fs.readFileSync(path.join(repo, "core/src/questionnaire/builtin/hall.json"), "utf8"));
  fs.writeFileSync(path.join(sjs, "hall.json"), JSON.stringify(surveyjs(hall)));
  for (const name of fs.readdirSync(sjs)) {
    const bytes = fs.readFileSync(path.join(sjs, name));
    fs.writeFileSync(path.join(sjs, name + ".gz"), zlib.gzipSync(bytes, { level: 9 }));
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 };
    fs.writeFileSync(path.join(sjs, name + ".br"), zlib.brotliCompressSync(bytes, { params }));
  }
  return root;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

// Serves `root` as tools/static-server does: a precompressed copy to a browser that accepts it.
function serve(root) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(root)) return res.writeHead(404).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    const accepted = req.headers["accept-encoding"] ?? "";
    const headers = { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", vary: "Accept-Encoding", "cache-control": "no-cache" };
    let body = file;
    for (const [coding, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (accepted.includes(coding) && fs.existsSync(file + ext)) {
        body = file + ext;
        headers["content-encoding"] = coding;
        break;
      }
    }
    res.writeHead(200, headers).end(fs.readFileSync(body));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// Sets `window.__shown` to the time of the first frame after `selector` matches.
function whenShown(selector) {
  const check = () => {
    if (window.__shown === undefined && !window.__seen && document.querySelector(selector)) {
      window.__seen = true;
      requestAnimationFrame(() => setTimeout(() => (window.__shown = performance.now()), 0));
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function throttled(context, page, cpu) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 40,
    downloadThroughput: (10 * 1000 * 1000) / 8,
    uploadThroughput: (10 * 1000 * 1000) / 8,
  });
  if (cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return cdp;
}

// Arms a tap on the element showing exactly `name`: scrolls it into view and returns its centre;
// the tap itself is a real mouse click (SurveyJS's choices answer real input, not a script's
// `click()`). The time runs from the button's release (`pointerup`, seen first, on the window)
// until the question shown (`question`) changes, and on to the frame after it; the result lands
// in `window.__tap` (null if nothing changed within 20 s: a throttled page on a busy machine can
// take seconds).
const ARM = `([question, name]) => {
  const heading = () => { const q = document.querySelector(question); return q ? q.textContent : null; };
  const before = heading();
  const target = [...document.querySelectorAll('button, span, label, div')]
    .filter(e => e.textContent.trim() === name && e.offsetParent !== null)
    .sort((a, b) => a.querySelectorAll('*').length - b.querySelectorAll('*').length)[0];
  if (!target) return null;
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  window.__tap = undefined;
  let t0 = null;
  window.addEventListener('pointerup', () => { t0 = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (t0 === null || heading() === before) return;
    observer.disconnect();
    const dom = performance.now() - t0;
    requestAnimationFrame(() => setTimeout(() => (window.__tap = [dom, performance.now() - t0]), 0));
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  setTimeout(() => { if (window.__tap === undefined) { observer.disconnect(); window.__tap = null; } }, 20000);
  const box = target.getBoundingClientRect();
  return [box.left + box.width / 2, box.top + box.height / 2];
}`;

async function tap(page, question, name) {
  const at = await page.evaluate(`(${ARM})(${JSON.stringify([question, name])})`);
  if (at === null) return null;
  await page.mouse.click(at[0], at[1]);
  await page.waitForFunction(() => window.__tap !== undefined, null, { polling: 20, timeout: 30000 });
  return page.evaluate(() => window.__tap);
}

const RATINGS = ["满意", "满意", "满意", "满意", "满意", "满意", "满意", "未使用/不适用", "未使用/不适用", "满意", "非常满意"];
const TAPS = ["缴费", "居民", ...RATINGS];

async function taps(page, question) {
  const times = [];
  for (const name of TAPS) {
    // Past the kiosk's double-tap guard (400 ms), as a person's next tap is.
    await page.waitForTimeout(600);
    let t = null;
    for (let i = 0; i < 5 && t === null; i++) t = await tap(page, question, name);
    if (t === null) {
      const shown = await page.evaluate((q) => document.querySelector(q)?.textContent, question);
      throw new Error(`tapping ${name} changed nothing (the question shown: ${shown})`);
    }
    times.push(t);
  }
  return times;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2;
};

async function kioskRun(browser, base, state, cpu = true) {
  const context = await browser.newContext({ serviceWorkers: "block", storageState: state, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await throttled(context, page, cpu);
  await page.addInitScript(`(${whenShown})(".start-button:not([disabled])")`);
  await page.goto(base + "/");
  await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 120000, polling: 50 });
  const shown = await page.evaluate(() => window.__shown);
  const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime);
  await page.click(".start-button");
  await page.waitForSelector(".question");
  const tapped = await taps(page, ".question");
  await context.close();
  return { shown, paint, tapped };
}

async function surveyjsRun(browser, base) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await throttled(context, page, true);
  await page.addInitScript(`(${whenShown})(".sd-question__title")`);
  await page.goto(base + "/surveyjs/");
  await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 120000, polling: 50 });
  const shown = await page.evaluate(() => window.__shown);
  const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime);
  const tapped = await taps(page, ".sd-question__title");
  await context.close();
  return { shown, paint, tapped };
}

// What a first visit of `address` downloads, unthrottled, until the network is quiet.
async function transfer(browser, base, address) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  await page.goto(base + address, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await context.close();
  return { bytes, requests };
}

// A kiosk already set up (its PIN and settings in IndexedDB), as a customer finds it.
async function setUpKiosk(browser, base) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(base + "/");
  await page.fill("#new-pin", "2468");
  await page.fill("#repeat-pin", "2468");
  await page.click("button[type=submit]");
  await page.waitForSelector(".staff h1", { timeout: 60000 });
  const state = await context.storageState({ indexedDB: true });
  await context.close();
  return state;
}

const ms = (x) => `${x.toFixed(0)} ms`;
const kib = (x) => `${(x / 1024).toFixed(1)} KiB`;

const root = site();
const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"];
const browser = await chromium.launch({ executablePath: CHROMIUM, args });
try {
  const state = await setUpKiosk(browser, base);
  const kiosk = [];
  const sjs = [];
  for (let run = 1; run <= RUNS; run++) {
    kiosk.push(await kioskRun(browser, base, state));
    sjs.push(await surveyjsRun(browser, base));
    const tapSpan = (r) => `taps ${median(r.tapped.map((t) => t[0])).toFixed(1)}–${Math.max(...r.tapped.map((t) => t[0])).toFixed(1)} ms`;
    console.log(`run ${run}: kiosk ${ms(kiosk.at(-1).shown)} (painted ${ms(kiosk.at(-1).paint)}, ${tapSpan(kiosk.at(-1))}), SurveyJS ${ms(sjs.at(-1).shown)} (${tapSpan(sjs.at(-1))})`);
  }
  const fast = [];
  const earlier = [];
  const old = before && (await serve(before));
  const oldBase = old && `http://127.0.0.1:${old.address().port}`;
  const oldState = old && (await setUpKiosk(browser, oldBase));
  for (let run = 1; run <= RUNS; run++) {
    fast.push(await kioskRun(browser, base, state, false));
    if (old) earlier.push(await kioskRun(browser, oldBase, oldState, false));
  }
  if (old) old.close();
  const pages = [
    ["kiosk", "/"],
    ["kiosk's staff screen", "/staff/"],
    ["desk", "/desk/"],
    ["field app", "/field/"],
    ["SurveyJS", "/surveyjs/"],
  ];
  const sizes = [];
  for (const [name, address] of pages) sizes.push([name, address, await transfer(browser, base, address)]);

  const k = median(kiosk.map((r) => r.shown));
  const s = median(sjs.map((r) => r.shown));
  const tapDom = (runs) => median(runs.flatMap((r) => r.tapped.map((t) => t[0])));
  const tapFrame = (runs) => median(runs.flatMap((r) => r.tapped.map((t) => t[1])));
  console.log(`\nHeadless Chromium ${browser.version()}, 4× CPU throttling, 10 Mbit/s, 40 ms RTT, cache off, no service worker; medians of ${RUNS}.\n`);
  console.log("| | first screen | first paint | tap → next screen in the DOM | … drawn |");
  console.log("|---|---|---|---|---|");
  console.log(`| kiosk (attract screen ready) | ${ms(k)} | ${ms(median(kiosk.map((r) => r.paint)))} | ${tapDom(kiosk).toFixed(1)} ms | ${tapFrame(kiosk).toFixed(1)} ms |`);
  console.log(`| SurveyJS (first question) | ${ms(s)} | ${ms(median(sjs.map((r) => r.paint)))} | ${tapDom(sjs).toFixed(1)} ms | ${tapFrame(sjs).toFixed(1)} ms |`);
  console.log(`| kiosk, CPU not throttled | | | ${tapDom(fast).toFixed(1)} ms | ${tapFrame(fast).toFixed(1)} ms |`);
  if (old) console.log(`| kiosk of ${before}, CPU not throttled | | | ${tapDom(earlier).toFixed(1)} ms | ${tapFrame(earlier).toFixed(1)} ms |`);
  console.log(`\nkiosk / SurveyJS, first screen: ${(k / s).toFixed(2)}×`);
  console.log(`all runs: kiosk ${kiosk.map((r) => ms(r.shown)).join(", ")}; SurveyJS ${sjs.map((r) => ms(r.shown)).join(", ")}\n`);
  console.log("| first visit of | transferred | requests |");
  console.log("|---|---|---|");
  for (const [name, address, t] of sizes) console.log(`| ${name} (\`${address}\`) | ${kib(t.bytes)} | ${t.requests} |`);
} finally {
  await browser.close();
  server.close();
}
