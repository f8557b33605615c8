//! Optional: shrink the release wasm with binaryen's `wasm-opt`, fetched from the npm registry.
//!
//! Debian's binaryen and the crates.io `wasm-opt` are too old for what Rust 1.95 emits; npm's
//! `binaryen@132` works. Any failure keeps the unoptimised file: the build never fails here.

use crate::cmd;
use std::path::Path;
use std::process::Command;

const BINARYEN: &str = "binaryen@132";

/// The features rustc enables by default for wasm32-unknown-unknown, which wasm-opt must accept.
const FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Replaces `wasm` by its `wasm-opt -Oz` version, or leaves it as it is and says why.
pub fn shrink(wasm: &Path) {
    if !cmd::on_path("npx") {
        println!("wasm-opt: skipped (no npx on PATH); the wasm stays unoptimised");
        return;
    }
    let optimised = wasm.with_extension("opt.wasm");
    let mut command = Command::new("npx");
    command.args(["--yes", "--package", BINARYEN, "--", "wasm-opt", "-Oz"]).args(FEATURES);
    command.arg(wasm).arg("-o").arg(&optimised);
    let outcome = cmd::run(&mut command).and_then(|()| Ok(std::fs::rename(&optimised, wasm)?));
    if let Err(error) = outcome {
        let _ = std::fs::remove_file(&optimised);
        println!("wasm-opt: skipped ({error:#}); the wasm stays unoptimised");
    }
}
