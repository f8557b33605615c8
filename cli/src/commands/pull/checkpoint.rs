//! The checkpoint of an unfinished `manyi pull`: a file beside the export, `OUT.checkpoint`,
//! that the pull appends each page it read to (its records and the feed's `last_seq`, one JSON
//! line a page). A pull that stops half-way (the server died, the network went, Ctrl-C) leaves
//! it; the next `manyi pull` of the same database to the same OUT reads it back and asks the
//! server only for the changes after the last page in it. The pull removes it once OUT is written.
//!
//! The first line names the database (its URL without credentials), so a checkpoint is never
//! continued against another database. A line cut short by a kill is ignored: its page is read
//! again.

use manyi_core::sync::{NotARecord, Page, Pulled, Seq};
use serde_json::{json, Value};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// What the first line says.
const FORMAT: &str = "manyi pull checkpoint 1";

/// The pages an unfinished pull kept.
#[derive(Default)]
pub struct Kept {
    /// The records, in the order they were read.
    pub records: Vec<Pulled>,
    /// Ids of the documents that were not Manyi records.
    pub foreign: Vec<String>,
    /// Pages kept.
    pub pages: usize,
    /// Where to go on from.
    pub since: Option<Seq>,
}

/// An open checkpoint file.
pub struct Checkpoint {
    path: PathBuf,
    file: File,
}

/// `OUT.checkpoint`.
pub fn path_for(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".checkpoint");
    PathBuf::from(name)
}

impl Checkpoint {
    /// Opens the checkpoint of a pull of `database` to `out`: what an earlier, unfinished pull
    /// kept (nothing when there is no checkpoint, or `restart`), and the file to add pages to.
    pub fn open(out: &Path, database: &str, restart: bool) -> Result<(Checkpoint, Kept), String> {
        let path = path_for(out);
        let shown = path.display().to_string();
        let kept = match File::open(&path) {
            Ok(file) if !restart => read(BufReader::new(file), database, &shown)?,
            Ok(_) => Kept::default(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Kept::default(),
            Err(e) => return Err(format!("{shown}: cannot read: {e}")),
        };
        let mut file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&path)
            .map_err(|e| format!("{shown}: cannot write: {e}"))?;
        // Written again whole: a line cut short at the end of the old file is left behind.
        let mut text = line(&json!({ "format": FORMAT, "database": database }));
        if kept.pages > 0 {
            // What was kept, as one page.
            let docs: Vec<Value> = kept.records.iter().map(Pulled::to_json).collect();
            text.push_str(&line(&json!({ "docs": docs, "foreign": kept.foreign, "last_seq": kept.since, "pages": kept.pages })));
        }
        file.write_all(text.as_bytes()).map_err(|e| format!("{shown}: cannot write: {e}"))?;
        Ok((Checkpoint { path, file }, kept))
    }

    /// Adds a page (after its records were taken).
    pub fn page(&mut self, page: &Page) -> Result<(), String> {
        let docs: Vec<Value> = page.records.iter().map(Pulled::to_json).collect();
        let foreign: Vec<&str> = page
            .skipped
            .iter()
            .filter(|s| matches!(s.why, NotARecord::Foreign { .. }))
            .map(|s| s.id.as_str())
            .collect();
        let text = line(&json!({ "docs": docs, "foreign": foreign, "last_seq": page.last_seq }));
        self.file
            .write_all(text.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", self.path.display()))
    }

    /// The export is written: the checkpoint goes.
    pub fn finish(self) -> Result<(), String> {
        drop(self.file);
        std::fs::remove_file(&self.path).map_err(|e| format!("{}: cannot remove: {e}", self.path.display()))
    }
}

fn line(value: &Value) -> String {
    let mut text = value.to_string();
    text.push('\n');
    text
}

/// Reads a checkpoint (a line may stand for several pages: `pages`); a last line without its newline (cut short) is ignored.
fn read(reader: impl BufRead, database: &str, shown: &str) -> Result<Kept, String> {
    let mut kept = Kept::default();
    let mut lines = reader.split(b'\n').peekable();
    let mut first = true;
    while let Some(bytes) = lines.next() {
        let bytes = bytes.map_err(|e| format!("{shown}: cannot read: {e}"))?;
        let value: Value = match serde_json::from_slice(&bytes) {
            Ok(value) => value,
            // Only the last line may be cut short.
            Err(_) if lines.peek().is_none() && !first => break,
            Err(e) => {
                return Err(format!("{shown}: not a pull checkpoint ({e}); delete it or give --restart"))
            }
        };
        if first {
            first = false;
            if value["format"] != FORMAT {
                return Err(format!("{shown}: not a pull checkpoint; delete it or give --restart"));
            }
            if value["database"] != database {
                return Err(format!(
                    "{shown}: an unfinished pull of {} to the same file; pull that database again to \
                     finish it, or give --restart to start over",
                    value["database"].as_str().unwrap_or("another database")
                ));
            }
            continue;
        }
        let docs = value["docs"].as_array().map(Vec::as_slice).unwrap_or_default();
        for doc in docs {
            kept.records.push(
                Pulled::from_json(doc).map_err(|why| format!("{shown}: a record does not read: {why:?}"))?,
            );
        }
        let foreign = value["foreign"].as_array().map(Vec::as_slice).unwrap_or_default();
        kept.foreign.extend(foreign.iter().filter_map(Value::as_str).map(str::to_owned));
        kept.since = Some(Seq(value["last_seq"].clone()));
        kept.pages += value["pages"].as_u64().map_or(1, |n| n as usize);
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DB: &str = "http://127.0.0.1:5984/d";

    fn header(db: &str) -> String {
        line(&json!({ "format": FORMAT, "database": db }))
    }

    #[test]
    fn a_last_line_cut_short_is_read_again_and_another_databases_checkpoint_is_refused() {
        let page = |seq: u64, pages: Option<u64>| {
            let mut v = json!({ "docs": [], "foreign": ["x"], "last_seq": seq });
            if let Some(n) = pages {
                v["pages"] = json!(n);
            }
            line(&v)
        };
        // Three pages (one line stands for two), then a fourth cut short by a kill.
        let text = format!("{}{}{}{{\"docs\": [", header(DB), page(40, Some(2)), page(60, None));
        let kept = read(text.as_bytes(), DB, "c").unwrap();
        assert_eq!((kept.pages, kept.since, kept.foreign.len()), (3, Some(Seq(json!(60))), 2));

        let err = read(header("http://127.0.0.1:5984/e").as_bytes(), DB, "c").err().unwrap();
        assert!(err.contains("an unfinished pull of http://127.0.0.1:5984/e"), "{err}");
        // Only the last line may be cut short.
        let text = format!("{}{{\"docs\"\n{}", header(DB), page(60, None));
        assert!(read(text.as_bytes(), DB, "c").is_err());
    }
}
