//! Installing what the build and the tests need, only when it is missing: the wasm target, rustfmt
//! and clippy, Debian's Chromium and ChromeDriver, the Python packages of the reference scripts,
//! pouchdb-server (the CouchDB-protocol server of the sync tests) and `survey-core` (its published
//! SurveyJS examples and logic test the SurveyJS import) from npm.

use crate::cmd;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// `rustup target add wasm32-unknown-unknown`, unless it is installed.
pub fn wasm_target() -> Result<()> {
    let sysroot = Command::new("rustc").args(["--print", "sysroot"]).current_dir(cmd::root()).output()?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    if sysroot.join("lib/rustlib/wasm32-unknown-unknown/lib").is_dir() {
        return Ok(());
    }
    cmd::run(
        Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]).current_dir(cmd::root()),
    )
}

/// `rustup component add rustfmt clippy`, unless both answer.
pub fn rust_components() -> Result<()> {
    let answers = |sub: &str| cmd::cargo(&[sub, "--version"]).output().is_ok_and(|out| out.status.success());
    if answers("fmt") && answers("clippy") {
        return Ok(());
    }
    cmd::run(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]).current_dir(cmd::root()))
}

/// Debian's `chromium` and `chromium-driver`, unless both binaries are there.
pub fn chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let root = is_root();
    if !root && !cmd::on_path("sudo") {
        bail!(
            "{CHROMIUM} or {CHROMEDRIVER} is missing; install Debian's chromium and chromium-driver as root"
        );
    }
    let apt = |args: &[&str]| {
        let mut command = if root { Command::new("apt-get") } else { Command::new("sudo") };
        if !root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    cmd::run(&mut apt(&["update", "-qq"]))?;
    cmd::run(&mut apt(&["install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"]))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// The folder of the reference scripts (numpy/scipy/statsmodels), written by core's developers.
pub fn reference_dir() -> PathBuf {
    cmd::root().join("core/tests/reference")
}

/// The Python that runs the reference scripts: a venv under `target/pyenv` with the packages of
/// `requirements.txt` when that file exists (reinstalled only when it changes), else `python3`.
pub fn python() -> Result<PathBuf> {
    let requirements = reference_dir().join("requirements.txt");
    if !requirements.is_file() {
        return Ok(PathBuf::from("python3"));
    }
    let venv = cmd::target_dir().join("pyenv");
    let python = venv.join("bin/python");
    let wanted = std::fs::read_to_string(&requirements)?;
    let stamp = venv.join("installed-requirements.txt");
    if python.exists() && std::fs::read_to_string(&stamp).is_ok_and(|had| had == wanted) {
        return Ok(python);
    }
    if !python.exists() {
        cmd::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    cmd::run(
        Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
    )?;
    std::fs::write(&stamp, wanted).with_context(|| format!("could not write {}", stamp.display()))?;
    Ok(python)
}

/// The npm package whose published SurveyJS JSON examples (`llms/survey-json-authoring.md`) the
/// SurveyJS import is tested on (core/tests/surveyjs_corpus.rs), pinned so the test's counts hold.
const SURVEY_CORE: &str = "survey-core@3.1.1";

/// The folder of the installed `survey-core` package, installed under `target/npm` unless it is
/// there already.
pub fn survey_core() -> Result<PathBuf> {
    let prefix = cmd::target_dir().join("npm");
    let package = prefix.join("node_modules/survey-core");
    let version = SURVEY_CORE.rsplit('@').next().unwrap_or_default();
    let installed = std::fs::read_to_string(package.join("package.json"))
        .is_ok_and(|json| json.contains(&format!("\"version\": \"{version}\"")));
    if installed {
        return Ok(package);
    }
    if !cmd::on_path("npm") {
        bail!("npm is not on PATH: install Node.js and npm to test the SurveyJS import on {SURVEY_CORE}");
    }
    let mut command = Command::new("npm");
    command.args(["install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix"]);
    command.arg(&prefix).arg(SURVEY_CORE);
    cmd::run(&mut command)?;
    Ok(package)
}

/// The pouchdb-server the sync tests start: a CouchDB-protocol server (LevelDB storage).
pub const POUCHDB_SERVER_VERSION: &str = "4.2.0";

/// pouchdb-server from the npm registry into `target/pouchdb-server`, unless that version is there.
/// `--ignore-scripts`: no install script runs, so nothing is downloaded but the registry's
/// tarballs (LevelDB's native binding ships prebuilt inside the `leveldown` package). Returns the
/// path of its `pouchdb-server` script.
pub fn pouchdb_server() -> Result<PathBuf> {
    let dir = cmd::target_dir().join("pouchdb-server");
    let bin = dir.join("node_modules/.bin/pouchdb-server");
    let manifest = dir.join("node_modules/pouchdb-server/package.json");
    let installed = std::fs::read_to_string(&manifest)
        .is_ok_and(|m| m.contains(&format!("\"version\": \"{POUCHDB_SERVER_VERSION}\"")));
    if installed && bin.exists() {
        return Ok(bin);
    }
    if !cmd::on_path("npm") {
        bail!("npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm)");
    }
    std::fs::create_dir_all(&dir)?;
    cmd::run(
        Command::new("npm")
            .args(["install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", "--prefix"])
            .arg(&dir)
            .arg(format!("pouchdb-server@{POUCHDB_SERVER_VERSION}")),
    )?;
    if !bin.exists() {
        bail!("npm installed pouchdb-server but {} is missing", bin.display());
    }
    Ok(bin)
}
