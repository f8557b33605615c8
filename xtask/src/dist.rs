//! `cargo xtask dist`: each area's wasm, its JS glue and its page from `www/<area>/`, in its own
//! folder of `dist/` (the kiosk at the root) with its service worker, the shared files of `www/`
//! at the root, and a `.gz` and `.br` beside each file.

use crate::areas::{AREAS, SERVICE_WORKER};
use crate::{cmd, compress, install, service_worker, sizes, stylesheet, wasm_opt};
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

/// Builds the site into `dist/` and prints what each area's first visit downloads; returns the
/// folder. Every area's wasm comes from one `cargo build`, so the library and its dependencies
/// compile once.
pub fn build(options: &Options) -> Result<PathBuf> {
    let www = cmd::root().join("www");
    stylesheet::check(&www.join("style.css"))?;
    install::wasm_target()?;
    let profile = if options.debug { "dev" } else { RELEASE_PROFILE };
    let mut build = cmd::cargo(&["build", "--target", WASM_TARGET, "--profile", profile, "-p", "manyi"]);
    for (bin, _) in AREAS.iter().flat_map(|a| a.bins) {
        build.args(["--bin", bin]);
    }
    cmd::run(&mut build)?;
    let profile_dir = if options.debug { "debug" } else { RELEASE_PROFILE };
    let wasm_dir = cmd::target_dir().join(WASM_TARGET).join(profile_dir);

    let dist = dir();
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("could not empty {}", dist.display()))?;
    }
    fs::create_dir_all(&dist)?;
    build_tools()?;
    // The shared files (stylesheet, icons) at the root; each area's own beside its wasm.
    let shared = copy_files(&www, &dist, &dist)?;
    let template = fs::read_to_string(www.join(SERVICE_WORKER))?;
    let mut jobs = Vec::new();
    for area in &AREAS {
        let folder = dist.join(area.dir);
        fs::create_dir_all(&folder)?;
        copy_files(&www.join(area.name), &folder, &dist)?;
        jobs.extend(area.bins.iter().map(|&(bin, name)| (bin, name, folder.clone())));
    }
    // Each wasm's glue and shrinking are independent of the others': two at a time.
    cmd::in_parallel(&jobs, |(bin, name, folder)| {
        let mut bindgen =
            cmd::cargo(&["run", "--quiet", "-p", "manyi-wasm-bindgen", "--bin", "bindgen", "--"]);
        bindgen.args(["--target", "web", "--no-typescript", "--out-name", name, "--out-dir"]).arg(folder);
        if options.debug {
            bindgen.args(["--debug", "--keep-debug"]);
        }
        let wasm = wasm_dir.join(format!("{bin}.wasm"));
        cmd::run(bindgen.arg(&wasm)).with_context(|| format!("wasm-bindgen of {bin} failed"))?;
        if options.wasm_opt && !options.debug {
            wasm_opt::shrink(&folder.join(format!("{name}_bg.wasm")));
        }
        Ok(())
    })?;
    let mut kept = Vec::new();
    for area in &AREAS {
        kept.push((area.name, service_worker::stamp(&dist, area, &shared, &template)?));
    }
    let mut all: Vec<PathBuf> =
        kept.iter().flat_map(|(_, files)| files.iter().map(|f| dist.join(f))).collect();
    all.sort();
    all.dedup();
    // A debug build is for trying things out here: not worth compressing (its wasm is ~80 MB),
    // and its sizes say nothing about what is served.
    if options.debug {
        return Ok(dist);
    }
    compress::write_beside(&all)?;
    for (name, files) in &kept {
        sizes::print(&dist, name, files)?;
    }
    Ok(dist)
}

/// Builds wasm-bindgen and wasm-bindgen-test-runner of the pinned version from the workspace
/// (tools/wasm-bindgen), visibly: `cargo run --quiet` of them later starts at once.
pub fn build_tools() -> Result<()> {
    cmd::run(&mut cmd::cargo(&["build", "-p", "manyi-wasm-bindgen", "--bins"]))
}

/// Copies the files directly in `from` (not its folders, nor the service worker's template) into
/// `to`; returns them relative to `dist`.
fn copy_files(from: &Path, to: &Path, dist: &Path) -> Result<Vec<PathBuf>> {
    let mut copied = Vec::new();
    for entry in fs::read_dir(from).with_context(|| format!("could not read {}", from.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_dir() || entry.file_name() == SERVICE_WORKER {
            continue;
        }
        let target = to.join(entry.file_name());
        fs::copy(entry.path(), &target)
            .with_context(|| format!("could not copy {} to {}", entry.path().display(), target.display()))?;
        copied.push(target.strip_prefix(dist)?.to_path_buf());
    }
    copied.sort();
    Ok(copied)
}
