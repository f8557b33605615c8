//! A tiny static file server for the built site (`dist/`), on std only.
//!
//! Used by `cargo xtask serve` and by the end-to-end tests. It answers GET and HEAD, one request per
//! connection, with the MIME types the app needs (`application/wasm`, so browsers compile wasm
//! while it downloads) and `Cache-Control: no-cache`. A file with a precompressed copy beside it
//! (`FILE.br`, `FILE.gz`, written by `cargo xtask dist`) is sent compressed to a browser that
//! accepts the encoding, with `Content-Encoding` and `Vary: Accept-Encoding`. Not for production.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// A listening server: bind it, then [`run`](Server::run) it or [`spawn`](Server::spawn) it.
pub struct Server {
    listener: TcpListener,
    root: Arc<PathBuf>,
    log: Log,
}

/// The paths of the files served so far, in order (the tests see what a browser downloaded).
type Log = Arc<Mutex<Vec<String>>>;

impl Server {
    /// Binds `addr` (port 0 picks a free port) to serve the files under `root`.
    pub fn bind(addr: impl ToSocketAddrs, root: impl Into<PathBuf>) -> io::Result<Server> {
        Ok(Server { listener: TcpListener::bind(addr)?, root: Arc::new(root.into()), log: Log::default() })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Serves forever on the current thread, one thread per connection.
    pub fn run(self) {
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (root, log) = (Arc::clone(&self.root), Arc::clone(&self.log));
            thread::spawn(move || {
                // A client that hangs up mid-request is not our problem.
                let _ = handle(stream, &root, &log);
            });
        }
    }

    /// Serves on a background thread for the rest of the process; returns the address.
    pub fn spawn(self) -> SocketAddr {
        let addr = self.local_addr();
        thread::spawn(move || self.run());
        addr
    }

    /// Serves on a background thread until [`Running::stop`] (the end-to-end tests take the site
    /// offline with it).
    pub fn spawn_stoppable(self) -> Running {
        let addr = self.local_addr();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let served = Arc::clone(&self.log);
        let thread = thread::spawn(move || {
            for stream in self.listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (root, log) = (Arc::clone(&self.root), Arc::clone(&self.log));
                thread::spawn(move || {
                    let _ = handle(stream, &root, &log);
                });
            }
            // The listener is dropped here: new connections are refused.
        });
        Running { addr, stop, thread: Some(thread), served }
    }
}

/// A server started by [`Server::spawn_stoppable`].
pub struct Running {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
    served: Log,
}

impl Running {
    /// The address it serves on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The paths of the files served since the last call (found files only, as requested, e.g.
    /// `/desk/desk_bg.wasm`), in order; the list starts again empty.
    pub fn served(&self) -> Vec<String> {
        std::mem::take(&mut *self.served.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Stops accepting connections and closes the port; returns once it is closed.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}

fn handle(stream: TcpStream, root: &Path, log: &Log) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only Accept-Encoding and If-None-Match matter.
    let (mut accepted, mut if_none_match) = (String::new(), String::new());
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accepted = value.trim().to_ascii_lowercase();
            } else if name.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = value.trim().to_owned();
            }
        }
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(&mut out, "405 Method Not Allowed", "text/plain; charset=utf-8", None, b"", method);
    }
    let Some(path) = resolve(root, target) else {
        return respond(&mut out, "404 Not Found", "text/plain; charset=utf-8", None, b"not found\n", method);
    };
    let (file, encoding) = encoded(&path, &accepted);
    let tag = etag(&file);
    if tag.as_ref().is_some_and(|t| if_none_match.split(',').any(|m| m.trim() == t)) {
        // Unchanged since the browser kept it: nothing to send (and nothing downloaded).
        return respond_with(
            &mut out,
            "304 Not Modified",
            mime_type(&path),
            encoding,
            tag.as_deref(),
            b"",
            "HEAD",
        );
    }
    match std::fs::read(&file) {
        Ok(body) => {
            let requested = target.split(['?', '#']).next().unwrap_or("").to_owned();
            log.lock().unwrap_or_else(|e| e.into_inner()).push(requested);
            respond_with(&mut out, "200 OK", mime_type(&path), encoding, tag.as_deref(), &body, method)
        }
        Err(_) => {
            respond(&mut out, "404 Not Found", "text/plain; charset=utf-8", None, b"not found\n", method)
        }
    }
}

/// The encodings a browser accepts, in the order the server prefers them.
const ENCODINGS: [(&str, &str); 2] = [("br", "br"), ("gzip", "gz")];

/// The file to send for `path` to a browser that sends `accepted` as its Accept-Encoding: a
/// precompressed copy beside it (brotli first, then gzip) with its encoding, or the file itself.
pub fn encoded(path: &Path, accepted: &str) -> (PathBuf, Option<&'static str>) {
    // `br;q=0` refuses brotli; a coding without a weight is welcome.
    let accepts = |coding: &str| {
        accepted.split(',').any(|part| {
            let mut fields = part.split(';').map(str::trim);
            let name = fields.next().unwrap_or("");
            let weight = fields.find_map(|f| f.strip_prefix("q=")).and_then(|q| q.trim().parse::<f32>().ok());
            name == coding && weight.unwrap_or(1.0) > 0.0
        })
    };
    for (coding, extension) in ENCODINGS {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{extension}"));
        let copy = PathBuf::from(name);
        if accepts(coding) && copy.is_file() {
            return (copy, Some(coding));
        }
    }
    (path.to_path_buf(), None)
}

/// The entity tag of the file sent: its size and modification time (a copy sent compressed has
/// its own).
fn etag(file: &Path) -> Option<String> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!("\"{:x}-{:x}\"", meta.len(), modified.as_nanos()))
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    mime: &str,
    encoding: Option<&str>,
    body: &[u8],
    method: &str,
) -> io::Result<()> {
    respond_with(out, status, mime, encoding, None, body, method)
}

fn respond_with(
    out: &mut TcpStream,
    status: &str,
    mime: &str,
    encoding: Option<&str>,
    tag: Option<&str>,
    body: &[u8],
    method: &str,
) -> io::Result<()> {
    let encoding = encoding.map(|e| format!("Content-Encoding: {e}\r\n")).unwrap_or_default();
    let tag = tag.map(|t| format!("ETag: {t}\r\n")).unwrap_or_default();
    // Every file may be sent either way, so caches keep the two apart; a browser may keep it but
    // asks first (the ETag makes the answer short when nothing changed).
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\n{encoding}{tag}Vary: Accept-Encoding\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    out.write_all(head.as_bytes())?;
    if method != "HEAD" {
        out.write_all(body)?;
    }
    out.flush()
}

/// The file a request target names under `root`, if it is a file there; `/` and folders give their
/// `index.html`. Targets that climb out of `root` give `None`.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` for a file, by its extension.
pub fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("static-server-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "<h1>hi</h1>").unwrap();
        std::fs::write(dir.join("app_bg.wasm"), [0, 97, 115, 109]).unwrap();
        std::fs::write(dir.join("sub/index.html"), "sub").unwrap();
        dir
    }

    fn get(addr: SocketAddr, target: &str) -> String {
        get_with(addr, target, "")
    }

    fn get_with(addr: SocketAddr, target: &str, headers: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(s, "GET {target} HTTP/1.1\r\nHost: x\r\n{headers}\r\n").unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn serves_files_with_their_mime_types_and_refuses_to_climb_out() {
        let root = site();
        let addr = Server::bind("127.0.0.1:0", &root).unwrap().spawn();
        let index = get(addr, "/?x=1");
        assert!(index.starts_with("HTTP/1.1 200 OK\r\n"), "{index}");
        assert!(index.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(index.contains("Cache-Control: no-cache\r\n"));
        assert!(index.ends_with("<h1>hi</h1>"));
        assert!(get(addr, "/app_bg.wasm").contains("Content-Type: application/wasm\r\n"));
        assert!(get(addr, "/sub/").ends_with("\r\n\r\nsub"));
        assert!(get(addr, "/missing.js").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "/../etc/passwd").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "/%2e%2e/etc/passwd").starts_with("HTTP/1.1 404"));
    }

    #[test]
    fn sends_a_precompressed_copy_to_a_browser_that_accepts_it() {
        let root = std::env::temp_dir().join(format!("static-server-enc-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("app.wasm"), "plain").unwrap();
        std::fs::write(root.join("app.wasm.gz"), "gzipped").unwrap();
        std::fs::write(root.join("app.wasm.br"), "brotlied").unwrap();
        std::fs::write(root.join("only.js"), "plain js").unwrap();
        std::fs::write(root.join("only.js.gz"), "gzipped js").unwrap();
        let addr = Server::bind("127.0.0.1:0", &root).unwrap().spawn();
        let chrome = get_with(addr, "/app.wasm", "Accept-Encoding: gzip, deflate, br, zstd\r\n");
        assert!(chrome.contains("Content-Encoding: br\r\n") && chrome.ends_with("brotlied"), "{chrome}");
        assert!(
            chrome.contains("Content-Type: application/wasm\r\n"),
            "the type of the file, not of its copy"
        );
        assert!(chrome.contains("Vary: Accept-Encoding\r\n"));
        let gzip_only = get_with(addr, "/app.wasm", "accept-encoding: gzip;q=1.0, br;q=0\r\n");
        assert!(
            gzip_only.contains("Content-Encoding: gzip\r\n") && gzip_only.ends_with("gzipped"),
            "{gzip_only}"
        );
        let plain = get(addr, "/app.wasm");
        assert!(!plain.contains("Content-Encoding") && plain.ends_with("plain"), "{plain}");
        let js = get_with(addr, "/only.js", "Accept-Encoding: br, gzip\r\n");
        assert!(js.contains("Content-Encoding: gzip\r\n") && js.ends_with("gzipped js"), "{js}");
        // Asked again with the tag it had: not sent again.
        let tag = chrome.lines().find_map(|l| l.strip_prefix("ETag: ")).expect("an ETag").to_owned();
        let again = get_with(addr, "/app.wasm", &format!("Accept-Encoding: br\r\nIf-None-Match: {tag}\r\n"));
        assert!(again.starts_with("HTTP/1.1 304 Not Modified\r\n") && again.ends_with("\r\n\r\n"), "{again}");
        let plain_again = get_with(addr, "/app.wasm", &format!("If-None-Match: {tag}\r\n"));
        assert!(plain_again.starts_with("HTTP/1.1 200 OK"), "the plain file has another tag: {plain_again}");
    }

    #[test]
    fn knows_the_types_the_app_ships() {
        assert_eq!(mime_type(Path::new("a/manyi.js")), "text/javascript; charset=utf-8");
        assert_eq!(mime_type(Path::new("manifest.webmanifest")), "application/manifest+json");
        assert_eq!(mime_type(Path::new("icon.svg")), "image/svg+xml");
    }
}
