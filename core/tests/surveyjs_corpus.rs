//! The SurveyJS converter on real SurveyJS JSON written by SurveyJS, none of it kept in this
//! repository:
//!
//! - `published_survey_core_examples`: the JSON examples of the guide that the npm package
//!   `survey-core` ships (`llms/survey-json-authoring.md`), which `cargo xtask test` installs under
//!   target/npm and names in `MANYI_SURVEY_CORE` (the package's folder). Skipped, saying so, without it.
//! - `surveyjs_folder`: every survey found under the folders of `MANYI_SURVEYJS_DIR` (separated
//!   by `:`), e.g. checkouts of surveyjs/survey-library and surveyjs/code-examples: `.json` files,
//!   and the JSON or JavaScript object literals of `.md`, `.js`, `.ts`, `.tsx` files. It prints how
//!   many surveys were found and converted and what was skipped by type. Skipped without it.
//!
//! Both require of every survey: it converts to a valid questionnaire (`from_surveyjs` validates
//! it), or is refused only because no question in it could be converted; never another error or
//! a panic; and a survey converts only if it has a visible question of a type Manyi holds.

use manyi_core::questionnaire::surveyjs::{from_surveyjs, Action};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Whether a JSON value looks like a SurveyJS survey: pages or elements with typed questions.
fn is_survey(v: &Value) -> bool {
    let typed = |list: &Value| list.as_array().is_some_and(|a| a.iter().any(|e| e.get("type").is_some()));
    let Some(o) = v.as_object() else { return false };
    o.get("pages").and_then(Value::as_array).is_some_and(|pages| {
        pages.iter().any(|p| p.get("elements").or(p.get("questions")).is_some_and(typed))
    }) || o.get("elements").or(o.get("questions")).is_some_and(typed)
}

/// The end (exclusive) of the balanced `{…}` starting at `start`, skipping strings and comments.
fn balanced(text: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    while i < text.len() {
        match text[i] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            q @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < text.len() && text[i] != q {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if text.get(i + 1) == Some(&b'/') => {
                while i < text.len() && text[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if text.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < text.len() && !(text[i] == b'*' && text[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether a JSON value is one question (`type` and `name`): it is taken as a one-question survey.
fn is_question(v: &Value) -> bool {
    v.get("type").is_some_and(Value::is_string) && v.get("name").is_some()
}

/// Every object literal in `text` that parses as JSON or JSON5 and is a survey (or one question,
/// then put in a survey of its own), outermost only.
fn surveys_in(text: &str) -> Vec<Value> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'{' {
            i += 1;
            continue;
        }
        let Some(end) = balanced(bytes, i) else { break };
        let literal = &text[i..end];
        let parsed =
            serde_json::from_str::<Value>(literal).ok().or_else(|| json5::from_str::<Value>(literal).ok());
        match parsed {
            Some(v) if is_survey(&v) => {
                found.push(v);
                i = end;
            }
            Some(v) if is_question(&v) => {
                found.push(serde_json::json!({ "elements": [v] }));
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "node_modules" | ".git" | "build" | "dist") {
                files(&path, out);
            }
        } else if ["json", "md", "js", "ts", "tsx", "jsx"].iter().any(|x| name.ends_with(&format!(".{x}")))
            && !name.ends_with(".min.js")
            && e.metadata().is_ok_and(|m| m.len() < 2_000_000)
        {
            out.push(path);
        }
    }
}

/// The question types Manyi holds (the converter's module documentation lists them).
const CONVERTIBLE: [&str; 11] = [
    "rating",
    "radiogroup",
    "dropdown",
    "buttongroup",
    "checkbox",
    "tagbox",
    "imagepicker",
    "boolean",
    "text",
    "comment",
    "matrix",
];

/// Whether the survey has a visible question of a type Manyi holds, anywhere in its pages and panels.
fn has_convertible(v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    if o.get("visible") == Some(&Value::Bool(false)) {
        return false;
    }
    let kind = o.get("type").and_then(Value::as_str).unwrap_or("");
    let count = |k: &str| o.get(k).and_then(Value::as_array).map_or(0, Vec::len);
    if kind == "matrix" {
        // A Likert matrix: one answer per row, at least one row and two columns.
        return o.get("cellType").and_then(Value::as_str) != Some("checkbox")
            && count("rows") >= 1
            && count("columns") >= 2;
    }
    if CONVERTIBLE.contains(&kind) && !o.contains_key("choicesFromQuestion") {
        return true;
    }
    if !(kind.is_empty() || kind == "panel") {
        return false;
    }
    ["pages", "elements", "questions"]
        .iter()
        .filter_map(|k| o.get(*k).and_then(Value::as_array))
        .any(|list| list.iter().any(has_convertible))
}

#[derive(Default)]
struct Outcome {
    files: usize,
    surveys: usize,
    converted: usize,
    nothing_convertible: usize,
    refused_with_a_convertible_type: usize,
    items: usize,
    notes: BTreeMap<(String, &'static str), usize>,
    failures: Vec<String>,
    /// Why conditions were not converted, names left out.
    conditions: BTreeMap<String, usize>,
}

/// The reason a note gives for a condition it could not convert, without the names in it.
fn condition_reason(text: &str) -> String {
    let reason = text.rsplit_once(" (").map_or(text, |(_, r)| r).split("): ").next().unwrap_or(text);
    let mut out = String::new();
    let mut skip = false;
    for c in reason.chars() {
        match c {
            '`' => {
                skip = !skip;
                if skip {
                    out.push('…');
                }
            }
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    out
}

impl Outcome {
    fn run(&mut self, source: &str, survey: &Value) {
        self.surveys += 1;
        let json = survey.to_string();
        let result = std::panic::catch_unwind(|| from_surveyjs(&json, source, "survey"));
        let expected = has_convertible(survey);
        match result {
            Ok(Ok(_)) if !expected => {
                self.failures.push(format!("{source}: converted, with no question of a convertible type"))
            }
            Ok(Ok(c)) => {
                self.converted += 1;
                self.items += c.questionnaire.items.len();
                for n in c.notes {
                    let action = match n.action {
                        Action::Skipped => "skipped",
                        Action::Renamed => "renamed",
                        Action::Changed => "changed",
                    };
                    if n.what == "visibleIf" && n.action == Action::Skipped {
                        *self.conditions.entry(condition_reason(&n.text.en)).or_default() += 1;
                    }
                    *self.notes.entry((n.what, action)).or_default() += 1;
                }
            }
            Ok(Err(e)) if e.to_string().contains("no question could be converted") => {
                self.nothing_convertible += 1;
                // E.g. a choice with one option, a rating with one value: refused, and counted.
                self.refused_with_a_convertible_type += usize::from(expected);
            }
            Ok(Err(e)) => self.failures.push(format!("{source}: {e}")),
            Err(_) => self.failures.push(format!("{source}: panicked")),
        }
    }

    fn report(&self, what: &str) {
        println!(
            "{what}: {} files, {} surveys, {} converted ({} items), {} with no convertible question ({} of them \
             with a question of a convertible type, e.g. a choice with one option), {} failed",
            self.files,
            self.surveys,
            self.converted,
            self.items,
            self.nothing_convertible,
            self.refused_with_a_convertible_type,
            self.failures.len()
        );
        for ((what, action), n) in &self.notes {
            println!("  {action:<8} {what:<28} {n}");
        }
        for (why, n) in &self.conditions {
            println!("  condition not converted: {why}: {n}");
        }
        for f in &self.failures {
            println!("  FAILED {f}");
        }
    }
}

#[test]
fn published_survey_core_examples() {
    let dir = std::env::var_os("MANYI_SURVEY_CORE").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/npm/node_modules/survey-core")),
        PathBuf::from,
    );
    if !dir.is_dir() {
        println!("{} is missing (cargo xtask test install puts survey-core there): skipped", dir.display());
        return;
    }
    let guide = Path::new(&dir).join("llms/survey-json-authoring.md");
    let text = std::fs::read_to_string(&guide).unwrap_or_else(|e| panic!("{}: {e}", guide.display()));
    let mut outcome = Outcome { files: 1, ..Outcome::default() };
    for (k, survey) in surveys_in(&text).iter().enumerate() {
        outcome.run(&format!("{} survey {}", guide.display(), k + 1), survey);
    }
    outcome.report("survey-core's guide");
    assert!(outcome.failures.is_empty(), "{:?}", outcome.failures);
    // The guide of survey-core 3.1.1 (pinned in xtask/src/install.rs) has 43 JSON examples that
    // are surveys or questions: 13 surveys, and one example per question type.
    assert_eq!(outcome.surveys, 43, "surveys found in {}", guide.display());
}

#[test]
fn surveyjs_folder() {
    let Some(dirs) = std::env::var_os("MANYI_SURVEYJS_DIR") else {
        println!("MANYI_SURVEYJS_DIR is not set: skipped");
        return;
    };
    let mut paths = Vec::new();
    for dir in std::env::split_paths(&dirs) {
        files(&dir, &mut paths);
    }
    paths.sort();
    let mut outcome = Outcome::default();
    for path in &paths {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let surveys = surveys_in(&text);
        if !surveys.is_empty() {
            outcome.files += 1;
        }
        for (k, survey) in surveys.iter().enumerate() {
            outcome.run(&format!("{} #{}", path.display(), k + 1), survey);
        }
    }
    outcome.report("folder");
    assert!(outcome.failures.is_empty(), "{} failed", outcome.failures.len());
}
