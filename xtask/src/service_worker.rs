//! Writes each area's `sw.js` from the template in `www/`: the area's name, the build's version
//! (a hash of every file it keeps, so any change makes a new cache) and the list of the files it
//! keeps with each one's hash (so a new build downloads only what changed).

use crate::areas::{Area, SERVICE_WORKER};
use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn hex(bytes: &[u8], n: usize) -> String {
    bytes.iter().take(n).map(|b| format!("{b:02x}")).collect()
}

/// Whether the service worker keeps `file`: not the compressed copies, nor the PNG icons, which
/// only an install prompt or a home screen asks for (the pages link the SVG icon).
pub fn kept(file: &Path) -> bool {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    name != SERVICE_WORKER && !name.ends_with(".gz") && !name.ends_with(".br") && !name.ends_with(".png")
}

/// The files directly in `dir` (not in its folders) that the service worker keeps, relative to
/// `dist`.
fn own_files(dist: &Path, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && kept(&path) {
            files.push(path.strip_prefix(dist)?.to_path_buf());
        }
    }
    Ok(files)
}

/// The address of `file` (relative to `dist`) from the folder of `area`'s service worker.
fn address(area: &Area, file: &Path) -> String {
    let file = file.to_string_lossy().replace('\\', "/");
    if area.dir.is_empty() {
        format!("./{file}")
    } else if let Some(own) = file.strip_prefix(&format!("{}/", area.dir)) {
        format!("./{own}")
    } else {
        format!("../{file}")
    }
}

/// Writes `area`'s `sw.js` into its folder of `dist` from `template`; it keeps the area's own
/// files and the `shared` ones (relative to `dist`). Returns the files kept (relative to `dist`,
/// the service worker included), which are what a first visit of the area downloads.
pub fn stamp(dist: &Path, area: &Area, shared: &[PathBuf], template: &str) -> Result<Vec<PathBuf>> {
    let folder = dist.join(area.dir);
    let mut files = own_files(dist, &folder)?;
    files.extend(shared.iter().filter(|f| kept(f) && !files.contains(f)).cloned().collect::<Vec<_>>());
    files.sort();
    let page = Path::new(area.dir).join("index.html");
    if !files.contains(&page) {
        bail!("{} has no index.html", folder.display());
    }
    let mut build = Sha256::new();
    let mut list = Vec::new();
    for file in &files {
        let bytes =
            std::fs::read(dist.join(file)).with_context(|| format!("could not read {}", file.display()))?;
        let hash = hex(&Sha256::digest(&bytes), 8);
        // The page is kept under its folder's address: its routes are in the hash.
        let url = if *file == page { "./".to_owned() } else { address(area, file) };
        build.update(format!("{url} {hash}\n").as_bytes());
        list.push(format!("[{url:?}, {hash:?}]"));
    }
    let version = hex(&build.finalize(), 8);
    if !template.contains("__MANYI_BUILD__")
        || !template.contains("__MANYI_AREA__")
        || !template.contains("\"__MANYI_FILES__\"")
    {
        bail!(
            "www/{SERVICE_WORKER} has no __MANYI_AREA__ / __MANYI_BUILD__ / \"__MANYI_FILES__\" placeholders"
        );
    }
    let filled = template
        .replace("__MANYI_AREA__", area.name)
        .replace("__MANYI_BUILD__", &version)
        .replace("\"__MANYI_FILES__\"", &list.join(", "));
    let worker = Path::new(area.dir).join(SERVICE_WORKER);
    std::fs::write(dist.join(&worker), filled)?;
    println!("service worker of {}: build {version}, {} files kept offline", area.name, list.len());
    files.push(worker);
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::AREAS;

    #[test]
    fn addresses_are_relative_to_the_areas_folder() {
        let area = |name| AREAS.iter().find(|a| a.name == name).unwrap();
        let (kiosk, desk) = (area("kiosk"), area("desk"));
        assert_eq!(address(kiosk, Path::new("style.css")), "./style.css");
        assert_eq!(address(desk, Path::new("style.css")), "../style.css");
        assert_eq!(address(desk, Path::new("desk/desk_bg.wasm")), "./desk_bg.wasm");
    }
}
