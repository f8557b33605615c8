//! `manyi score [--questionnaire Q.json] --responses R.json [--by TAG]`: the full report of a
//! questionnaire's responses from Manyi's own JSON export.

use crate::output::{name, read, Output};
use manyi_core::analyses::{drivers_of_responses, kano_of_responses};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::tables::{drivers_table, kano_table, report_index_table, weights_table};
use manyi_core::io::tidy::read_matrix;
use manyi_core::questionnaire::builtin;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::Response;
use manyi_core::scoring::ahp::AhpMethod;
use manyi_core::scoring::drivers::{Missing, PenaltyRewardOptions};
use manyi_core::scoring::kano::KanoOptions;
use manyi_core::scoring::report::{Report, ReportOptions, WeightSource};
use manyi_core::scoring::weights::{DerivedMethod, WeightMethod};
use serde_json::{json, Map, Value};
use std::path::Path;

/// The options of the command.
pub struct ScoreArgs<'a> {
    /// The questionnaire file, if given.
    pub questionnaire: Option<&'a Path>,
    /// The export with the responses.
    pub responses: &'a Path,
    /// The grouping.
    pub by: Option<&'a str>,
    /// `stated` or `equal`.
    pub weights: &'a str,
    /// Score break-offs too.
    pub include_break_offs: bool,
}

/// Runs the command.
pub fn run(out: &Output, args: &ScoreArgs) -> Result<(), String> {
    let given = match args.questionnaire {
        Some(path) => Some(
            Questionnaire::from_json(&String::from_utf8_lossy(&read(path)?), &name(path))
                .map_err(|e| e.to_string())?,
        ),
        None => None,
    };
    let known: Vec<Questionnaire> = given.iter().cloned().collect();
    let bundle = Bundle::from_json(&read(args.responses)?, &name(args.responses), &known)
        .map_err(|e| e.to_string())?;
    let q = match given {
        Some(q) => q,
        None => only_questionnaire(&bundle).map_err(|e| format!("{}: {e}", name(args.responses)))?,
    };
    let weights = weight_source(args.weights, &q)?;
    let options = ReportOptions {
        weights,
        include_break_offs: args.include_break_offs,
        group_by: args.by.map(str::parse).transpose().map_err(|e| format!("--by: {e}"))?,
        ..ReportOptions::default()
    };
    let report = Report::compute(&q, &bundle.responses, &options).map_err(|e| e.to_string())?;
    let index = report_index_table(&report);
    let scored: Vec<&Response> =
        bundle.responses.iter().filter(|r| report.responses.iter().any(|s| s.id == r.id)).collect();
    let mut object = Map::new();
    object.insert("questionnaire".into(), json!(report.questionnaire));
    object.insert("group_by".into(), json!(report.group_by));
    object.insert("renormalise".into(), json!(report.renormalise));
    object.insert("weight_source".into(), json!(report.weight_source));
    object.insert("weights".into(), weights_table(&report.weights).to_json_value());
    object.insert("weight_details".into(), json!(report.weight_details));
    object.insert("index".into(), index.to_json_value());
    object.insert("responses_scored".into(), json!(report.responses.len()));
    object.insert("responses_left_out".into(), json!(report.left_out));
    object.insert("responses".into(), json!(report.responses));
    let kano = kano_of_responses(&q, &scored, &KanoOptions::default()).map_err(|e| e.to_string())?;
    if !kano.is_empty() {
        object.insert("kano".into(), kano_table(&kano).to_json_value());
    }
    if q.scoring.overall.is_some() {
        let pr = PenaltyRewardOptions { missing: Missing::AsMiddle, ..PenaltyRewardOptions::default() };
        let value = match drivers_of_responses(&q, &scored, &pr) {
            Ok(rows) => drivers_table(&rows).to_json_value(),
            Err(e) => json!({ "not_computed": e.to_string() }),
        };
        object.insert("drivers".into(), value);
    }
    out.object_or_table(&Value::Object(object), &index)
}

/// Parses `--weights`: `stated`, `equal`, `derived[:regression|correlation]` (item weights from
/// the data) or `ahp:MATRIX.csv` (dimension weights from a pairwise-comparison matrix whose
/// criteria are the dimension ids).
pub fn weight_source(text: &str, q: &Questionnaire) -> Result<WeightSource, String> {
    let (kind, arg) = text.split_once(':').map_or((text, None), |(k, a)| (k, Some(a)));
    match (kind, arg) {
        ("stated", None) => Ok(WeightSource::Stated),
        ("equal", None) => Ok(WeightSource::Equal),
        ("derived", None | Some("regression")) => {
            Ok(WeightSource::Items(WeightMethod::Derived(DerivedMethod::StandardisedRegression)))
        }
        ("derived", Some("correlation")) => {
            Ok(WeightSource::Items(WeightMethod::Derived(DerivedMethod::Correlation)))
        }
        ("ahp", Some(path)) => {
            let path = Path::new(path);
            let (names, matrix) = read_matrix(&read(path)?, &name(path)).map_err(|e| e.to_string())?;
            let ids: Vec<String> = q.dimensions.iter().map(|d| d.id.to_string()).collect();
            if names != ids {
                return Err(format!(
                    "{}: the criteria must be the dimensions of `{}` in order: {}",
                    name(path),
                    q.id,
                    ids.join(", ")
                ));
            }
            Ok(WeightSource::Dimensions(WeightMethod::Ahp { matrix, method: AhpMethod::Eigenvector }))
        }
        _ => Err(format!(
            "--weights {text}: use stated, equal, derived, derived:correlation or ahp:MATRIX.csv"
        )),
    }
}

/// The one questionnaire the responses answer, from the bundle or the built-ins.
fn only_questionnaire(bundle: &Bundle) -> Result<Questionnaire, String> {
    let mut refs: Vec<_> = bundle.responses.iter().map(|r| r.questionnaire.clone()).collect();
    refs.sort();
    refs.dedup();
    match refs.as_slice() {
        [one] => bundle
            .questionnaires
            .iter()
            .cloned()
            .chain(builtin::all())
            .find(|q| q.reference() == *one)
            .ok_or_else(|| format!("questionnaire {one} is not in the file; give it with --questionnaire")),
        [] => Err("the file has no responses".into()),
        many => Err(format!(
            "the responses answer {} questionnaires ({}); choose one with --questionnaire",
            many.len(),
            many.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        )),
    }
}
