//! The sizes of what each area's first visit downloads (its page and every file its service
//! worker keeps): raw, and as sent with gzip -9 or brotli 11 (images as they are).

use crate::compress;
use anyhow::Result;
use std::path::{Path, PathBuf};

/// What a first visit of an area downloads, in bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    /// The files as they are.
    pub raw: usize,
    /// Sent with gzip.
    pub gzip: usize,
    /// Sent with brotli.
    pub brotli: usize,
}

/// The most a first visit may download with gzip, in KiB (the issue's targets), if the area has one.
fn budget(area: &str) -> Option<usize> {
    match area {
        "kiosk" => Some(300),
        "field" => Some(400),
        _ => None,
    }
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Prints one line per file of `files` (relative to `dist`) and the area's totals; returns them.
pub fn print(dist: &Path, area: &str, files: &[PathBuf]) -> Result<Totals> {
    println!("\n{:<34} {:>11} {:>11} {:>11}", format!("{area}: first visit"), "raw", "gzip -9", "brotli 11");
    let mut totals = Totals::default();
    for file in files {
        let bytes = std::fs::read(dist.join(file))?;
        // The copies `compress` wrote beside it, as a server sends them.
        let copy = |extension: &str| -> Result<usize> {
            let name = format!("{}.{extension}", file.file_name().unwrap_or_default().to_string_lossy());
            Ok(std::fs::metadata(dist.join(file).with_file_name(name))?.len() as usize)
        };
        let (gzip, brotli) = if compress::compressible(file) {
            (copy("gz")?, copy("br")?)
        } else {
            (bytes.len(), bytes.len())
        };
        totals.raw += bytes.len();
        totals.gzip += gzip;
        totals.brotli += brotli;
        println!("{:<34} {:>11} {:>11} {:>11}", file.display(), kib(bytes.len()), kib(gzip), kib(brotli));
    }
    let verdict = match budget(area) {
        Some(limit) if totals.gzip <= limit * 1024 => format!("  (target ≤ {limit} KiB gzip: met)"),
        Some(limit) => format!("  (target ≤ {limit} KiB gzip: NOT met)"),
        None => String::new(),
    };
    println!(
        "{:<34} {:>11} {:>11} {:>11}{verdict}",
        "total",
        kib(totals.raw),
        kib(totals.gzip),
        kib(totals.brotli)
    );
    Ok(totals)
}
