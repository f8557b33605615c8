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
    /// Starts a browser with a fresh profile and opens the app.
    pub async fn open() -> Browser {
        Browser::open_at(site()).await
    }

    /// The same, on a site served at `addr` (a test's own server, e.g. one it stops).
    pub async fn open_at(addr: SocketAddr) -> Browser {
        let base_url = format!("http://{addr}/");
        let driver = Driver::start();
        let mut args: Vec<String> = CHROME_ARGS.iter().map(|arg| arg.to_string()).collect();
        args.push(format!("--user-data-dir={}", driver.profile.display()));
        let capabilities = serde_json::json!({
            "goog:chromeOptions": { "binary": env_path("MANYI_CHROMIUM", "/usr/bin/chromium"), "args": args }
        });
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
        button.click().await.unwrap_or_else(|error| panic!("could not click {name:?}: {error}"));
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
        panic!("{what}; the page's body is:\n{}", &body[..end]);
    }
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
        std::fs::create_dir_all(&profile).expect("create a browser profile folder");
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
