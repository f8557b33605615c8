//! `manyi export --responses R.json [--responses R2.json …] [--questionnaire Q] [--xlsx OUT.xlsx]
//! [--csv DIR] [--by GROUP]`: imports and merges the files of many devices (Manyi JSON exports, or
//! the responses.csv of an export), scores them and writes
//! the analysts' workbook and/or CSV files — the same files the browser writes. Nothing is
//! written unless every file reads.

use crate::output::{name, read};
use manyi_core::dataset::{Collection, Filter, SheetRows};
use manyi_core::io::merge::Resolution;
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::scoring::analysis::AnalysisOptions;
use std::path::{Path, PathBuf};

/// The options of the command.
pub struct ExportArgs<'a> {
    /// The Manyi JSON exports or responses tables (responses.csv).
    pub responses: &'a [PathBuf],
    /// A questionnaire file or a built-in id.
    pub questionnaire: Option<&'a str>,
    /// The workbook to write.
    pub xlsx: Option<&'a Path>,
    /// The folder for CSV files.
    pub csv: Option<&'a Path>,
    /// The grouping of the index.
    pub by: Option<&'a str>,
    /// stated, equal, derived[:…] or ahp:MATRIX.csv.
    pub weights: &'a str,
    /// Score break-offs too.
    pub include_break_offs: bool,
    /// The export time (RFC 3339); default now, in local time.
    pub exported_at: Option<&'a str>,
}

/// Runs the command.
pub fn run(args: &ExportArgs) -> Result<(), String> {
    if args.xlsx.is_none() && args.csv.is_none() {
        return Err("say what to write: --xlsx OUT.xlsx and/or --csv DIR".into());
    }
    let exported_at = match args.exported_at {
        Some(text) => chrono::DateTime::parse_from_rfc3339(text).map_err(|_| {
            format!("--exported-at {text}: write it as RFC 3339, e.g. 2026-11-22T20:30:00+08:00")
        })?,
        None => chrono::Local::now().fixed_offset(),
    };
    let given = args.questionnaire.map(questionnaire).transpose()?;
    let known: Vec<Questionnaire> = given.iter().cloned().collect();
    // The files are read into columns (about 100 bytes a response), one file in memory at a time.
    let mut collection = Collection::new(known);
    for path in args.responses {
        let (source, bytes) = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
                .map_err(|e| format!("standard input: cannot read: {e}"))?;
            ("<stdin>".to_owned(), bytes)
        } else {
            (name(path), read(path)?)
        };
        let report = collection.import_file(&bytes, &source, &mut |_| {}).map_err(|e| e.to_string())?;
        eprintln!(
            "manyi: {source}: {} added, {} duplicates, {} conflicts",
            report.added,
            report.duplicates,
            report.conflicts.len()
        );
        for c in &report.conflicts {
            let what = match c.resolution {
                Resolution::Replaced => "replaced by this copy, which is further along",
                Resolution::KeptFirst => "differs from the copy read first, which is kept",
            };
            eprintln!("manyi: {source}: conflict: response {}: {what}", c.id);
        }
        for q in &report.questionnaire_conflicts {
            eprintln!("manyi: {source}: questionnaire {q} differs from the copy read first, which is kept");
        }
        if report.masked_phones > 0 {
            eprintln!("manyi: {source}: {}", masked(report.masked_phones));
        }
    }
    let all = collection.len();
    let dataset = collection.to_score(given.as_ref()).map_err(|e| format!("{e} with --questionnaire"))?;
    dataset.sort_by_start();
    let q = dataset.questionnaire().clone();
    let mut options = AnalysisOptions::default();
    options.report.weights = super::score::weight_source(args.weights, &q)?;
    options.report.include_break_offs = args.include_break_offs;
    options.report.group_by = args.by.map(str::parse).transpose().map_err(|e| format!("--by: {e}"))?;
    let mut analysis = dataset.analyse(&options, &Filter::default()).map_err(|e| e.to_string())?;
    // Left out: drafts, break-offs unless included, and responses to other questionnaires.
    analysis.index.left_out += all - dataset.len();
    let reference = q.reference();
    // A workbook is built in memory; without one, the responses sheet is written as CSV in parts.
    let streamed = args.xlsx.is_none();
    let rows = if streamed { SheetRows::First(0) } else { SheetRows::All };
    let export = dataset.export(&analysis, exported_at, ResponsesOptions::default(), rows);
    // Everything is made before anything is written.
    let xlsx = args.xlsx.map(|_| export.to_xlsx()).transpose().map_err(|e| e.to_string())?;
    if let (Some(path), Some(bytes)) = (args.xlsx, &xlsx) {
        write(path, bytes)?;
    }
    if let Some(dir) = args.csv {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
        for (file, bytes) in export.csv_files() {
            if streamed && file == "responses.csv" {
                let parts = dataset.responses_csv(&analysis.index, ResponsesOptions::default(), 10_000);
                write_parts(&dir.join(file), parts)?;
            } else {
                write(&dir.join(file), &bytes)?;
            }
        }
    }
    eprintln!(
        "manyi: {} responses to {reference}, {} scored, {} left out",
        dataset.len(),
        analysis.index.scored,
        analysis.index.left_out
    );
    if let Err(why) = &analysis.drivers {
        eprintln!("manyi: drivers not computed: {why}");
    }
    Ok(())
}

/// What to say of the masked phone numbers a responses table held.
pub(crate) fn masked(n: usize) -> String {
    format!(
        "{n} phone number{} masked in the file (138****5678) and kept so: the digits are not in it \
         (export with phone numbers shown, or import the JSON export, to have them)",
        if n == 1 { " was" } else { "s were" }
    )
}

/// A questionnaire file, or the id of a built-in one (hall, callback, evaluation, kano).
fn questionnaire(text: &str) -> Result<Questionnaire, String> {
    let path = Path::new(text);
    if path.exists() {
        return Questionnaire::from_json(&String::from_utf8_lossy(&read(path)?), &name(path))
            .map_err(|e| e.to_string());
    }
    Builtin::ALL.iter().map(|b| b.questionnaire()).find(|q| q.id.as_str() == text).ok_or_else(|| {
        format!("--questionnaire {text}: no such file, nor a built-in id (hall, callback, evaluation, kano)")
    })
}

/// Writes the parts one after another, each dropped once written.
fn write_parts(path: &Path, parts: impl Iterator<Item = Vec<u8>>) -> Result<(), String> {
    use std::io::Write;
    let error = |e: std::io::Error| format!("{}: cannot write: {e}", path.display());
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(error)?);
    for part in parts {
        file.write_all(&part).map_err(error)?;
    }
    file.flush().map_err(error)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}
