//! `cargo xtask bench`: the kiosk's first visit against SurveyJS's with the same hall
//! questionnaire (bench/run.mjs), on the built `dist/` (built first if missing). Installs the
//! bench's npm packages (playwright-core, survey-core, survey-js-ui) into `bench/` when they are
//! missing or changed; uses Debian's Chromium. Prints figures, asserts nothing; not part of
//! `cargo xtask test`.

use crate::{cmd, dist, install};
use anyhow::{Context, Result};
use std::process::Command;

/// Runs the benchmark.
pub fn run(args: &[String]) -> Result<()> {
    let dist = dist::dir();
    if !dist.join("index.html").is_file() {
        dist::build(&dist::Options::parse(args)?)?;
    }
    install::chromium()?;
    let bench = cmd::root().join("bench");
    let installed = bench.join("node_modules/.package-lock.json");
    let wanted = std::fs::metadata(bench.join("package.json"))?.modified()?;
    if std::fs::metadata(&installed).and_then(|m| m.modified()).map_or(true, |had| had < wanted) {
        cmd::run(Command::new("npm").args(["install", "--no-audit", "--no-fund"]).current_dir(&bench))
            .context("could not install the bench's packages (npm)")?;
    }
    let mut node = Command::new("node");
    node.arg(bench.join("run.mjs")).arg(&dist).env("MANYI_CHROMIUM", install::CHROMIUM);
    cmd::run(&mut node)
}
