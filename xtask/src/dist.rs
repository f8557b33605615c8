//! `cargo xtask dist`: the app compiled to wasm, its JS glue, and `www/`, gathered in `dist/`.

use crate::{cmd, install, service_worker, sizes, stylesheet, wasm_opt};
use anyhow::{bail, Context, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// The Cargo profile of a release build (see the root Cargo.toml: small code, LTO).
const RELEASE_PROFILE: &str = "web-release";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// How to build the site.
#[derive(Debug, Clone)]
pub struct Options {
    /// The dev profile: fast to build, large, with debug info.
    pub debug: bool,
    /// Shrink the release wasm with binaryen's wasm-opt (from npm), when it can be had.
    pub wasm_opt: bool,
}

impl Options {
    /// Options from `--debug` and `--no-wasm-opt`; other arguments are an error.
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options { debug: false, wasm_opt: true };
        for arg in args {
            match arg.as_str() {
                "--debug" => options.debug = true,
                "--no-wasm-opt" => options.wasm_opt = false,
                other => bail!("unknown option `{other}` (expected --debug or --no-wasm-opt)"),
            }
        }
        Ok(options)
    }
}

/// Where the site is built.
pub fn dir() -> PathBuf {
    cmd::root().join("dist")
}

/// Builds the site into `dist/` and prints the sizes of its files; returns the folder.
pub fn build(options: &Options) -> Result<PathBuf> {
    stylesheet::check(&cmd::root().join("www").join("style.css"))?;
    install::wasm_target()?;
    let profile = if options.debug { "dev" } else { RELEASE_PROFILE };
    let build = ["build", "--target", WASM_TARGET, "--profile", profile, "-p", "manyi", "--bin", "manyi-app"];
    cmd::run(&mut cmd::cargo(&build))?;
    let profile_dir = if options.debug { "debug" } else { RELEASE_PROFILE };
    let wasm = cmd::target_dir().join(WASM_TARGET).join(profile_dir).join("manyi-app.wasm");

    let dist = dir();
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("could not empty {}", dist.display()))?;
    }
    fs::create_dir_all(&dist)?;
    build_tools()?;
    let mut bindgen = cmd::cargo(&["run", "--quiet", "-p", "manyi-wasm-bindgen", "--bin", "bindgen", "--"]);
    bindgen.args(["--target", "web", "--no-typescript", "--out-name", "manyi", "--out-dir"]).arg(&dist);
    if options.debug {
        bindgen.args(["--debug", "--keep-debug"]);
    }
    cmd::run(bindgen.arg(&wasm)).context("wasm-bindgen failed")?;
    copy_dir(&cmd::root().join("www"), &dist)?;
    if options.wasm_opt && !options.debug {
        wasm_opt::shrink(&dist.join("manyi_bg.wasm"));
    }
    service_worker::stamp(&dist)?;
    sizes::print(&dist)?;
    Ok(dist)
}

/// Builds wasm-bindgen and wasm-bindgen-test-runner of the pinned version from the workspace
/// (tools/wasm-bindgen), visibly: `cargo run --quiet` of them later starts at once.
pub fn build_tools() -> Result<()> {
    cmd::run(&mut cmd::cargo(&["build", "-p", "manyi-wasm-bindgen", "--bins"]))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in fs::read_dir(from).with_context(|| format!("could not read {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::create_dir_all(&target)?;
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).with_context(|| {
                format!("could not copy {} to {}", entry.path().display(), target.display())
            })?;
        }
    }
    Ok(())
}
