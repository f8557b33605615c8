//! The sizes of the shipped files, raw and gzip-compressed, as a browser would download them.

use anyhow::Result;
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Prints one line per file under `dir` and a total.
pub fn print(dir: &Path) -> Result<()> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    println!("{:<28} {:>10} {:>10}", "dist/", "raw", "gzip -9");
    let (mut raw_total, mut gzip_total) = (0, 0);
    for file in &files {
        let bytes = std::fs::read(file)?;
        let gzipped = gzip_len(&bytes)?;
        raw_total += bytes.len();
        gzip_total += gzipped;
        let name = file.strip_prefix(dir).unwrap_or(file).display().to_string();
        println!("{name:<28} {:>10} {:>10}", kb(bytes.len()), kb(gzipped));
    }
    println!("{:<28} {:>10} {:>10}", "total", kb(raw_total), kb(gzip_total));
    Ok(())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
