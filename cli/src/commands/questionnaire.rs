//! `manyi questionnaire from-surveyjs FILE.json [-o OUT.json]`: a SurveyJS survey as a Manyi
//! questionnaire, with what was skipped, renamed or changed on standard error (its JSON path and
//! SurveyJS type); `manyi questionnaire check FILE.json`: every rule a Manyi questionnaire breaks,
//! each with its place.

use crate::output::{name, read, Output};
use manyi_core::questionnaire::surveyjs::from_surveyjs;
use manyi_core::questionnaire::Questionnaire;
use std::path::Path;

fn text(path: &Path) -> Result<String, String> {
    let bytes = read(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| format!("{}: not UTF-8 text: {e}", name(path)))
}

/// Converts a SurveyJS file; the questionnaire's id is the file's name made a machine id.
pub fn from_surveyjs_file(out: &Output, file: &Path) -> Result<(), String> {
    let json = text(file)?;
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let conversion = from_surveyjs(&json, &name(file), &stem).map_err(|e| e.to_string())?;
    for note in &conversion.notes {
        eprintln!("{}: {note}", name(file));
    }
    let q = &conversion.questionnaire;
    eprintln!(
        "{}: converted to {} ({} items, {} skipped, {} renamed or changed)",
        name(file),
        q.reference(),
        q.items.len(),
        conversion
            .notes
            .iter()
            .filter(|n| n.action == manyi_core::questionnaire::surveyjs::Action::Skipped)
            .count(),
        conversion
            .notes
            .iter()
            .filter(|n| n.action != manyi_core::questionnaire::surveyjs::Action::Skipped)
            .count(),
    );
    let mut bytes = q.to_json().into_bytes();
    bytes.push(b'\n');
    out.bytes(&bytes)
}

/// Checks a questionnaire file: `Ok` with a line saying so, or every problem.
pub fn check(file: &Path) -> Result<(), String> {
    let json = text(file)?;
    let q: Questionnaire = serde_json::from_str(&json).map_err(|e| {
        manyi_core::Error::json_at(&name(file), manyi_core::error::JsonExpected::Questionnaire, &e)
            .to_string()
    })?;
    let problems = q.explain();
    if problems.is_empty() {
        println!("{}: {} is valid ({} items)", name(file), q.reference(), q.items.len());
        return Ok(());
    }
    let lines: Vec<String> = problems
        .iter()
        .map(|p| match &p.item {
            Some(item) => format!("{}: questionnaire `{}`, `{item}`: {}", name(file), q.id, p.text.en),
            None => format!("{}: questionnaire `{}`: {}", name(file), q.id, p.text.en),
        })
        .collect();
    Err(format!("{} problem(s):\n{}", lines.len(), lines.join("\n")))
}
