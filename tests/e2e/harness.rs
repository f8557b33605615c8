//! The end-to-end harness: serves `dist/` on 127.0.0.1, starts chromedriver in its own process group
//! (killed with all its Chromiums when the [`Browser`] drops, even if the test panics), and drives a
//! headless Chromium with a fresh profile per test, so storage (IndexedDB) starts empty.
//!
//! Environment: `MANYI_DIST` (default `dist/`), `MANYI_CHROMEDRIVER` (default `/usr/bin/chromedriver`),
//! `MANYI_CHROMIUM` (default `/usr/bin/chromium`).

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The usual time a condition may take before a test fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(25);
const HOW_TO_FIX: &str = "run `cargo xtask test`, which installs Chromium and builds dist/";

const CHROME_ARGS: [&str; 10] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,900",
];

/// A headless Chromium on the served site, with its own chromedriver and profile.
pub struct Browser {
    client: Client,
    base_url: String,
    // Dropped after `client`: kills chromedriver's process group, then deletes the profile.
    _driver: Driver,
}

impl Browser {
    /// Starts a browser with a fresh profile and opens the app (a 1280 × 900 window).
    pub async fn open() -> Browser {
        Browser::start(site(), None).await
    }

    /// The same, on a site served at `addr` (a test's own server, e.g. one it stops).
    pub async fn open_at(addr: SocketAddr) -> Browser {
        Browser::start(addr, None).await
    }

    /// The same on a phone: the page laid out at 390 × 844 CSS pixels (pixel ratio 3), as on the
    /// evaluator's phone.
    pub async fn open_phone() -> Browser {
        Browser::start(
            site(),
            Some(serde_json::json!({
                "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 3.0 }
            })),
        )
        .await
    }

    async fn start(addr: SocketAddr, mobile_emulation: Option<serde_json::Value>) -> Browser {
        let base_url = format!("http://{addr}/");
        let driver = Driver::start();
        let mut args: Vec<String> = CHROME_ARGS.iter().map(|arg| arg.to_string()).collect();
        args.push(format!("--user-data-dir={}", driver.profile.display()));
        // Downloads (exports) land in the profile's own folder, without asking.
        let prefs = serde_json::json!({
            "download.default_directory": driver.downloads().display().to_string(),
            "download.prompt_for_download": false,
        });
        let mut capabilities = serde_json::json!({
            "goog:chromeOptions": {
                "binary": env_path("MANYI_CHROMIUM", "/usr/bin/chromium"), "args": args, "prefs": prefs
            }
        });
        if let Some(emulation) = mobile_emulation {
            capabilities["goog:chromeOptions"]["mobileEmulation"] = emulation;
        }
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!() };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|error| panic!("could not start a Chromium session: {error}"));
        let browser = Browser { client, base_url, _driver: driver };
        browser.goto("").await;
        browser
    }

    /// Opens `path` (relative to the site root, e.g. `""` or `"#/analysis"`).
    pub async fn goto(&self, path: &str) {
        let url = format!("{}{path}", self.base_url);
        self.client.goto(&url).await.unwrap_or_else(|error| panic!("could not open {url}: {error}"));
    }

    /// Reloads the page, as the browser's reload button does.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
    }

    /// The document's title.
    pub async fn title(&self) -> String {
        self.client.title().await.expect("title")
    }

    /// Runs `script` as an async function (its last argument is the callback to call with the
    /// result) and returns the result.
    pub async fn execute_async(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client.execute_async(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Polls `script` (run as a function; it returns a value) until it returns `true`.
    pub async fn wait_until(&self, script: &str, what: &str, timeout: Duration) {
        let ok = self
            .poll(timeout, || async {
                let v = self.client.execute(script, vec![]).await.ok()?;
                (v == serde_json::Value::Bool(true)).then_some(())
            })
            .await;
        if ok.is_none() {
            self.fail(&format!("{what}: not after {timeout:?}")).await;
        }
    }

    /// The underlying WebDriver client, for what the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Polls until `css` matches an element, and returns it.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        match self.poll(timeout, || async { self.client.find(Locator::Css(css)).await.ok() }).await {
            Some(element) => element,
            None => self.fail(&format!("no element matches `{css}` after {timeout:?}")).await,
        }
    }

    /// Polls until the element at `css` shows exactly `text` (trimmed), and returns it.
    pub async fn wait_for_text(&self, css: &str, text: &str, timeout: Duration) -> Element {
        let found = self
            .poll(timeout, || async {
                let element = self.client.find(Locator::Css(css)).await.ok()?;
                let shown = element.text().await.ok()?;
                (shown.trim() == text).then_some(element)
            })
            .await;
        match found {
            Some(element) => element,
            None => self.fail(&format!("`{css}` does not show {text:?} after {timeout:?}")).await,
        }
    }

    /// Clicks the one button whose accessible name is `name`: its `aria-label`, else its text, else
    /// its `title` (`aria-labelledby` is not followed). Waits for it to appear.
    pub async fn click_button_by_accessible_name(&self, name: &str) {
        let found = self
            .poll(TIMEOUT, || async {
                let mut matching = Vec::new();
                for button in self.client.find_all(Locator::Css("button")).await.ok()? {
                    if accessible_name(&button).await.as_deref() == Some(name) {
                        matching.push(button);
                    }
                }
                (!matching.is_empty()).then_some(matching)
            })
            .await;
        let Some(mut matching) = found else {
            self.fail(&format!("no button named {name:?} after {TIMEOUT:?}")).await
        };
        if matching.len() > 1 {
            self.fail(&format!("{} buttons are named {name:?}", matching.len())).await;
        }
        let button = matching.pop().expect("one button");
        self.reveal(&button).await;
        button.click().await.unwrap_or_else(|error| panic!("could not click {name:?}: {error}"));
    }

    /// Cuts the browser off the network (`true`) or connects it again, as when the evaluator's
    /// phone loses its signal in a hall. The page already loaded keeps running.
    pub async fn set_offline(&self, offline: bool) {
        self.client
            .issue_cmd(NetworkConditions { offline })
            .await
            .unwrap_or_else(|error| panic!("could not set the network offline={offline}: {error}"));
    }

    /// Scrolls `element` to the middle of the screen, as a person would before tapping it.
    /// ChromeDriver only scrolls an element that is out of view, so one under a sticky bar (the
    /// evaluator's bar at the foot of a phone screen) would get the click instead.
    async fn reveal(&self, element: &Element) {
        let Ok(element) = serde_json::to_value(element) else { return };
        let script = "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });";
        let _ = self.client.execute(script, vec![element]).await;
    }

    /// The folder downloads land in.
    pub fn download_dir(&self) -> PathBuf {
        self._driver.downloads()
    }

    /// Polls until the file `name` has been downloaded completely, and returns its bytes.
    pub async fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self._driver.downloads().join(name);
        let partial = self._driver.downloads().join(format!("{name}.crdownload"));
        let found = self
            .poll(TIMEOUT, || async {
                (path.is_file() && !partial.exists()).then(|| std::fs::read(&path).ok())?
            })
            .await;
        match found {
            Some(bytes) => bytes,
            None => self.fail(&format!("{name} was not downloaded within {TIMEOUT:?}")).await,
        }
    }

    /// The result of the JavaScript expression `expression` (e.g. `window.innerWidth`).
    pub async fn eval(&self, expression: &str) -> serde_json::Value {
        let script = format!("return ({expression});");
        self.client
            .execute(&script, Vec::new())
            .await
            .unwrap_or_else(|error| panic!("could not evaluate `{expression}`: {error}"))
    }

    /// Makes the page's viewport `width` × `height` CSS pixels (a tablet's screen), the window
    /// around it as large as that takes.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let frame = self
            .eval("[window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]")
            .await;
        let border = |i: usize| frame[i].as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(0);
        self.client
            .set_window_size(width + border(0), height + border(1))
            .await
            .unwrap_or_else(|error| panic!("could not size the window: {error}"));
        let script = format!("return window.innerWidth === {width} && window.innerHeight === {height};");
        self.wait_until(&script, &format!("a {width} × {height} viewport"), TIMEOUT).await;
    }

    /// Asserts that the page is `width` CSS pixels wide and nothing sticks out sideways (no
    /// horizontal scrolling), saying `where` it did.
    pub async fn assert_fits_width(&self, width: u64, place: &str) {
        assert_eq!(self.eval("window.innerWidth").await.as_u64(), Some(width), "{place}: viewport width");
        let scroll = self.eval("document.documentElement.scrollWidth").await.as_u64().unwrap_or(u64::MAX);
        assert!(scroll <= width, "{place}: the page is {scroll} px wide on a {width} px screen");
    }

    /// Picks the file at `path` in the `<input type=file>` at `css`.
    pub async fn pick_file(&self, css: &str, path: &std::path::Path) {
        let input = self.wait_for(css, TIMEOUT).await;
        input
            .send_keys(&path.display().to_string())
            .await
            .unwrap_or_else(|error| panic!("could not pick {}: {error}", path.display()));
    }

    /// The value of attribute `name` of the element at `css` (waiting for the element).
    pub async fn attribute(&self, css: &str, name: &str) -> String {
        let element = self.wait_for(css, TIMEOUT).await;
        element.attr(name).await.ok().flatten().unwrap_or_default()
    }

    /// Clicks the element at `css` (waiting for it).
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css, TIMEOUT).await;
        self.reveal(&element).await;
        element.click().await.unwrap_or_else(|error| panic!("could not click `{css}`: {error}"));
    }

    /// Replaces the text of the field at `css` with `text` and leaves the field, so its `change`
    /// event fires.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.wait_for(css, TIMEOUT).await;
        field.clear().await.unwrap_or_else(|error| panic!("could not clear `{css}`: {error}"));
        field
            .send_keys(&format!("{text}\u{e004}"))
            .await
            .unwrap_or_else(|error| panic!("could not type in `{css}`: {error}"));
    }

    /// Polls until `check` gives a value, or fails saying `what` after the timeout.
    pub async fn until<T, F, Fut>(&self, what: &str, check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        match self.poll(TIMEOUT, check).await {
            Some(value) => value,
            None => self.fail(&format!("{what} after {TIMEOUT:?}")).await,
        }
    }

    /// The memory of the browser's processes now, from `/proc` (Linux): every process of
    /// chromedriver's process group (Chromium's browser, renderers, utilities), with its type.
    /// A page's dedicated workers run in its renderer.
    pub fn processes(&self) -> Vec<ProcessMemory> {
        let group = self._driver.child.id().to_string();
        let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
        entries
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .filter_map(|pid| {
                let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
                // pid (comm) state ppid pgrp …: comm may hold spaces, so split after its ')'.
                let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
                (fields.get(2)? == &group).then_some(())?;
                let cmdline = std::fs::read_to_string(format!("/proc/{pid}/cmdline")).ok()?;
                let kind = cmdline
                    // Chromium rewrites its children's command lines with spaces between arguments.
                    .split(['\0', ' '])
                    .find_map(|a| a.strip_prefix("--type="))
                    .unwrap_or(if cmdline.contains("chromedriver") { "chromedriver" } else { "browser" })
                    .to_owned();
                let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
                let kib = |key: &str| {
                    status
                        .lines()
                        .find_map(|l| l.strip_prefix(key)?.split_whitespace().next()?.parse::<u64>().ok())
                };
                Some(ProcessMemory { pid, kind, rss: kib("VmRSS:")? * 1024, peak: kib("VmHWM:")? * 1024 })
            })
            .collect()
    }

    /// Ends the WebDriver session cleanly (dropping the browser also ends it, less politely).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    async fn poll<T, F, Fut>(&self, timeout: Duration, mut check: F) -> Option<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(value) = check().await {
                return Some(value);
            }
            if Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    async fn fail(&self, what: &str) -> ! {
        let body = match self.client.find(Locator::Css("body")).await {
            Ok(body) => body.html(false).await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        let end = body.char_indices().nth(3000).map_or(body.len(), |(at, _)| at);
        let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        panic!("{what}; the page {url}'s body is:\n{}", &body[..end]);
    }
}

/// One browser process's memory (see [`Browser::processes`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessMemory {
    /// Its id.
    pub pid: u32,
    /// Chromium's `--type` (`renderer`, `gpu-process`, `utility`, …), or `browser`.
    pub kind: String,
    /// Resident memory now, in bytes (VmRSS).
    pub rss: u64,
    /// The most it was resident, in bytes (VmHWM).
    pub peak: u64,
}

async fn accessible_name(button: &Element) -> Option<String> {
    let normalise = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(label) = button.attr("aria-label").await.ok()?.filter(|l| !l.trim().is_empty()) {
        return Some(normalise(label));
    }
    let text = normalise(button.text().await.ok()?);
    if !text.is_empty() {
        return Some(text);
    }
    button.attr("title").await.ok()?.map(normalise)
}

/// Copies the folder `from` (e.g. the built site) to `to`, with its folders.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The built site's folder.
pub fn dist() -> PathBuf {
    let dist = env_path("MANYI_DIST", concat!(env!("CARGO_MANIFEST_DIR"), "/dist"));
    assert!(dist.join("index.html").is_file(), "{} has no index.html: {HOW_TO_FIX}", dist.display());
    dist
}

/// The address of the site, served once per test binary on a free port.
fn site() -> SocketAddr {
    static SITE: OnceLock<SocketAddr> = OnceLock::new();
    *SITE
        .get_or_init(|| static_server::Server::bind("127.0.0.1:0", dist()).expect("bind 127.0.0.1:0").spawn())
}

fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

/// A chromedriver in its own process group, and the browser profile folder it uses.
struct Driver {
    child: Child,
    url: String,
    profile: PathBuf,
}

impl Driver {
    fn downloads(&self) -> PathBuf {
        self.profile.join("downloads")
    }

    fn start() -> Driver {
        let binary = env_path("MANYI_CHROMEDRIVER", "/usr/bin/chromedriver");
        assert!(binary.is_file(), "{} is missing: {HOW_TO_FIX}", binary.display());
        static SESSIONS: AtomicUsize = AtomicUsize::new(0);
        let profile = std::env::temp_dir().join(format!(
            "manyi-e2e-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(profile.join("downloads")).expect("create a browser profile folder");
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|error| panic!("could not start {}: {error}", binary.display()));
        let driver = Driver { child, url: format!("http://127.0.0.1:{port}"), profile };
        let deadline = Instant::now() + TIMEOUT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on port {port} within {TIMEOUT:?}"
            );
            std::thread::sleep(POLL);
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The group holds chromedriver and every Chromium process it started.
        let group = self.child.id() as libc::pid_t;
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local address").port()
}

/// ChromeDriver's `POST /session/{id}/chromium/network_conditions`.
#[derive(Debug)]
struct NetworkConditions {
    offline: bool,
}

impl fantoccini::wd::WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/chromium/network_conditions", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        let conditions = serde_json::json!({ "network_conditions": {
            "offline": self.offline, "latency": 0, "download_throughput": -1, "upload_throughput": -1
        }});
        (http::Method::POST, Some(conditions.to_string()))
    }
}
