//! Precompressed copies of the shipped files: `FILE.gz` (gzip -9) and `FILE.br` (brotli 11)
//! beside each text or wasm file, for servers that send them as they are (static-server, nginx's
//! `gzip_static` / `brotli_static`) instead of compressing on every request.

use anyhow::Result;
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::Path;

/// The extensions worth compressing (images are compressed already).
const TEXT: [&str; 6] = ["html", "js", "css", "wasm", "svg", "webmanifest"];

/// Whether `path` gets compressed copies.
pub fn compressible(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| TEXT.contains(&e))
}

/// `bytes` compressed with gzip at its best.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// `bytes` compressed with brotli at its best (quality 11, a 4 MiB window).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}

/// Writes `FILE.gz` and `FILE.br` beside each compressible file of `files`.
pub fn write_beside(files: &[std::path::PathBuf]) -> Result<()> {
    let mut files: Vec<&std::path::PathBuf> = files.iter().filter(|f| compressible(f)).collect();
    // The largest first, so that the two at a time finish together.
    files.sort_by_key(|f| std::cmp::Reverse(std::fs::metadata(f).map_or(0, |m| m.len())));
    crate::cmd::in_parallel(&files, |file| {
        let bytes = std::fs::read(file)?;
        let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
        std::fs::write(file.with_file_name(format!("{name}.gz")), gzip(&bytes)?)?;
        std::fs::write(file.with_file_name(format!("{name}.br")), brotli(&bytes)?)?;
        Ok(())
    })
}
