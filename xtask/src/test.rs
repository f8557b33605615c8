//! `cargo xtask test`: install what is missing, then every check CI runs, each step timed.
//!
//! A failing step does not stop the others, so one run shows every problem; the exit code is
//! non-zero if any step failed.

use crate::{cmd, dist, install};
use anyhow::{bail, Result};
use std::path::PathBuf;
use std::time::{Duration, Instant};

type Step = (&'static str, fn() -> Result<()>);

const STEPS: [Step; 8] = [
    ("install", install_all),
    ("fmt", fmt),
    ("clippy", clippy),
    ("clippy-wasm", clippy_wasm),
    ("reference", reference_scripts),
    ("dist", build_dist),
    ("native", native_tests),
    ("browser", browser_tests),
];

/// Runs the steps named in `args`, or all of them.
pub fn run(args: &[String]) -> Result<()> {
    for arg in args {
        if !STEPS.iter().any(|(name, _)| name == arg) {
            let names: Vec<_> = STEPS.iter().map(|(name, _)| *name).collect();
            bail!("unknown step `{arg}`; the steps are: {}", names.join(" "));
        }
    }
    let chosen = STEPS.iter().filter(|(name, _)| args.is_empty() || args.iter().any(|arg| arg == name));
    let started = Instant::now();
    let mut results: Vec<(&str, Duration, Result<()>)> = Vec::new();
    for (name, step) in chosen {
        println!("\n=== xtask test: {name}");
        let start = Instant::now();
        let result = step();
        if let Err(error) = &result {
            eprintln!("=== xtask test: {name} FAILED: {error:#}");
        }
        results.push((name, start.elapsed(), result));
    }

    println!("\n=== xtask test summary");
    for (name, took, result) in &results {
        let verdict = if result.is_ok() { "ok" } else { "FAILED" };
        println!("{name:<12} {verdict:<7} {:>7.1} s", took.as_secs_f64());
    }
    let failed = results.iter().filter(|(_, _, result)| result.is_err()).count();
    println!("{:<20} {:>7.1} s", "total", started.elapsed().as_secs_f64());
    println!("steps: {} passed, {failed} failed", results.len() - failed);
    if failed > 0 {
        bail!("{failed} step(s) failed");
    }
    Ok(())
}

fn install_all() -> Result<()> {
    install::wasm_target()?;
    install::rust_components()?;
    install::chromium()?;
    install::survey_core()?;
    install::pouchdb_server()?;
    install::python().map(drop)
}

fn fmt() -> Result<()> {
    cmd::run(&mut cmd::cargo(&["fmt", "--all", "--check"]))
}

fn clippy() -> Result<()> {
    cmd::run(&mut cmd::cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
}

/// The app and its browser tests as compiled for the browser (code under `cfg(target_arch = "wasm32")`).
fn clippy_wasm() -> Result<()> {
    let args = [
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "manyi",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ];
    cmd::run(&mut cmd::cargo(&args))
}

/// Each `core/tests/reference/*.py --check`, run from the repository root; none is not a failure.
fn reference_scripts() -> Result<()> {
    let dir = install::reference_dir();
    let mut scripts: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => Vec::new(),
    };
    scripts.retain(|path| path.extension().is_some_and(|ext| ext == "py"));
    scripts.sort();
    if scripts.is_empty() {
        println!("no reference scripts in {}: nothing to check", dir.display());
        return Ok(());
    }
    let python = install::python()?;
    let mut failed = Vec::new();
    for script in &scripts {
        let mut command = std::process::Command::new(&python);
        command.arg(script).arg("--check").current_dir(cmd::root());
        if let Err(error) = cmd::run(&mut command) {
            eprintln!("{error:#}");
            failed.push(script.file_name().unwrap_or_default().to_string_lossy().into_owned());
        }
    }
    if !failed.is_empty() {
        bail!("reference scripts failed: {}", failed.join(", "));
    }
    Ok(())
}

fn build_dist() -> Result<()> {
    dist::build(&dist::Options { debug: false, wasm_opt: true }).map(drop)
}

/// `cargo test --workspace`: unit and integration tests, and the end-to-end tests against `dist/`
/// (the sync tests start the pouchdb-server of `MANYI_POUCHDB_SERVER` themselves; `MANYI_SURVEY_CORE`
/// is the npm package whose SurveyJS examples and logic the import is tested against).
fn native_tests() -> Result<()> {
    let mut command = cmd::cargo(&["test", "--workspace"]);
    command.env("MANYI_DIST", dist::dir()).env("MANYI_CHROMEDRIVER", install::CHROMEDRIVER);
    command.env("MANYI_POUCHDB_SERVER", install::pouchdb_server()?);
    if let Ok(survey_core) = install::survey_core() {
        command.env("MANYI_SURVEY_CORE", survey_core);
    }
    cmd::run(&mut command)
}

/// The wasm-bindgen tests in headless Chromium, through tools/wasm-bindgen's runner (.cargo/config.toml).
fn browser_tests() -> Result<()> {
    dist::build_tools()?;
    let mut command = cmd::cargo(&["test", "--target", "wasm32-unknown-unknown", "-p", "manyi"]);
    command.env("CHROMEDRIVER", install::CHROMEDRIVER);
    cmd::run(&mut command)
}
