//! Running the `manyi` binary from the integration tests, and writing their input files.

#![allow(dead_code)] // each test file uses part of it

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// What one run of `manyi` did.
pub struct Run {
    /// The exit code.
    pub code: i32,
    /// Standard output, as bytes (a workbook or a JSON export may go there).
    pub bytes: Vec<u8>,
    /// Standard output as text.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `manyi` with these arguments and, if given, this standard input.
pub fn manyi_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_manyi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        bytes: out.stdout,
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Runs `manyi` with these arguments.
pub fn manyi(args: &[&str]) -> Run {
    manyi_with_stdin(args, None)
}

/// Writes `text` to `dir/name` and returns the path as text.
pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}
