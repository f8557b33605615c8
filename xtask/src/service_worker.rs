//! Fills in `dist/sw.js`: the build's version (a hash of every shipped file, so any change makes a
//! new cache) and the list of files the service worker keeps.

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const FILE: &str = "sw.js";

fn files(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, root, out)?;
        } else {
            out.push(path.strip_prefix(root)?.to_path_buf());
        }
    }
    Ok(())
}

/// Writes the version and the shell into `dist/sw.js`; returns the version.
pub fn stamp(dist: &Path) -> Result<String> {
    let mut shell = Vec::new();
    files(dist, dist, &mut shell)?;
    shell.retain(|p| p != Path::new(FILE));
    shell.sort();
    let mut hash = Sha256::new();
    for file in &shell {
        hash.update(file.to_string_lossy().as_bytes());
        hash.update([0]);
        hash.update(std::fs::read(dist.join(file))?);
    }
    let version: String = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    let mut urls = vec!["./".to_owned()];
    urls.extend(shell.iter().map(|p| format!("./{}", p.to_string_lossy().replace('\\', "/"))));
    let list = urls.iter().map(|u| format!("{u:?}")).collect::<Vec<_>>().join(", ");
    let path = dist.join(FILE);
    let template =
        std::fs::read_to_string(&path).with_context(|| format!("could not read {}", path.display()))?;
    if !template.contains("__MANYI_BUILD__") || !template.contains("\"__MANYI_SHELL__\"") {
        bail!("{} has no __MANYI_BUILD__ / \"__MANYI_SHELL__\" placeholders", path.display());
    }
    let filled = template.replace("__MANYI_BUILD__", &version).replace("\"__MANYI_SHELL__\"", &list);
    std::fs::write(&path, filled)?;
    println!("service worker: build {version}, {} files kept offline", urls.len());
    Ok(version)
}
