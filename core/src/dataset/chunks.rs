//! A file handed over in chunks, as a web worker reads a `File` slice by slice or from a stream.

use super::import::{Collection, Progress};
use crate::error::Result;
use crate::io::merge::MergeReport;

/// A Manyi JSON export or a responses table (CSV) received in chunks, then read into a
/// [`Collection`].
///
/// It keeps the file's bytes until [`Importer::finish`], which reads them in one pass as
/// [`Collection::import_file`] does (the reading of a bundle needs its questionnaires before its
/// responses, and they may come last). So a worker holds one file at a time beside the
/// collection's columns; importing file after file, memory stays near the columns' 100 bytes a
/// response plus the largest file. It owns nothing of the collection, so a worker can keep it
/// between messages and feed it as the chunks arrive.
///
/// ```
/// use manyi_core::dataset::{Collection, Importer};
/// use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
///
/// let file = sample_bundle(SampleKind::Hall, &SampleOptions { count: 50, ..Default::default() }).to_json();
/// let mut data = Collection::new(Vec::new());
/// let mut importer = Importer::new("device01.json", Some(file.len()));
/// for chunk in file.chunks(4096) {
///     importer.push(chunk);
///     let _bar = importer.fraction_received(); // 0.0 … 1.0 while the file arrives
/// }
/// let report = importer.finish(&mut data, &mut |p| assert!(p.read <= p.expected))?;
/// assert_eq!(report.added, 50);
/// # Ok::<(), manyi_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Importer {
    source: String,
    size: Option<usize>,
    bytes: Vec<u8>,
}

impl Importer {
    /// A file named `source` (in errors and reports) of `size` bytes if known (`File.size`),
    /// for which room is made at once.
    pub fn new(source: &str, size: Option<usize>) -> Importer {
        let bytes = Vec::with_capacity(size.unwrap_or(0));
        Importer { source: source.to_owned(), size, bytes }
    }

    /// Takes the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes.extend_from_slice(chunk);
    }

    /// Bytes received so far.
    pub fn received(&self) -> usize {
        self.bytes.len()
    }

    /// The share of the file received (0 when its size is unknown or 0).
    pub fn fraction_received(&self) -> f64 {
        match self.size {
            Some(size) if size > 0 => (self.bytes.len() as f64 / size as f64).min(1.0),
            _ => 0.0,
        }
    }

    /// Reads the whole file into `collection` and merges it, as [`Collection::import_file`]:
    /// progress every [`super::PROGRESS_EVERY`] responses; on error (file, line and column)
    /// nothing changes.
    pub fn finish(
        self,
        collection: &mut Collection,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<MergeReport> {
        collection.import_file(&self.bytes, &self.source, progress)
    }
}
