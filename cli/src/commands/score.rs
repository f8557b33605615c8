//! `manyi score [--questionnaire Q.json] --responses R.json [--by TAG]`: the full report of a
//! questionnaire's responses from Manyi's own JSON export, or the responses.csv of an export.

use crate::output::{name, read, Output};
use manyi_core::dataset::{Collection, Dataset, Filter};
use manyi_core::io::tables::{drivers_table, index_table_of, kano_table, weights_table};
use manyi_core::io::tidy::read_matrix;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::scoring::ahp::AhpMethod;
use manyi_core::scoring::drivers::{Missing, PenaltyRewardOptions};
use manyi_core::scoring::kano::KanoOptions;
use manyi_core::scoring::report::{ReportOptions, WeightSource};
use manyi_core::scoring::weights::{DerivedMethod, WeightMethod};
use serde_json::{json, Map, Value};
use std::path::Path;

/// The options of the command.
pub struct ScoreArgs<'a> {
    /// The questionnaire file, if given.
    pub questionnaire: Option<&'a Path>,
    /// The export with the responses (JSON, or responses.csv).
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
    let mut collection = Collection::new(known);
    let source = name(args.responses);
    let report =
        collection.import_file(&read(args.responses)?, &source, &mut |_| {}).map_err(|e| e.to_string())?;
    if report.masked_phones > 0 {
        eprintln!("manyi: {source}: {}", super::export::masked(report.masked_phones));
    }
    if !report.conflicts.is_empty() || report.duplicates > 0 {
        eprintln!(
            "manyi: {source}: {} duplicates and {} conflicting copies of a response merged by UUID",
            report.duplicates,
            report.conflicts.len()
        );
    }
    let all = collection.len();
    let dataset = match &given {
        Some(q) => collection.to_score(Some(q)).map_err(|e| e.to_string())?,
        None => only_dataset(&mut collection).map_err(|e| format!("{source}: {e}"))?,
    };
    // In start order, as `export` and the analyst workspace score them: the figures then do not
    // depend on the order of the file (a pulled export lists the responses as the server gives them).
    dataset.sort_by_start();
    let q = dataset.questionnaire().clone();
    let weights = weight_source(args.weights, &q)?;
    let options = ReportOptions {
        weights,
        include_break_offs: args.include_break_offs,
        group_by: args.by.map(str::parse).transpose().map_err(|e| format!("--by: {e}"))?,
        ..ReportOptions::default()
    };
    let filter = Filter::default();
    let report = dataset.index(&options, &[], &filter).map_err(|e| e.to_string())?;
    let table = &report.tables[0];
    let index = index_table_of(&table.overall, &table.dimensions);
    let mut object = Map::new();
    object.insert("questionnaire".into(), json!(report.questionnaire));
    object.insert("group_by".into(), json!(table.group_by));
    object.insert("renormalise".into(), json!(report.renormalise));
    object.insert("weight_source".into(), json!(report.weight_source));
    object.insert("weights".into(), weights_table(&report.weights).to_json_value());
    object.insert("weight_details".into(), json!(report.weight_details));
    object.insert("index".into(), index.to_json_value());
    object.insert("responses_scored".into(), json!(report.scored));
    // Left out: drafts, break-offs unless included, and responses to other questionnaires.
    object.insert("responses_left_out".into(), json!(report.left_out + all - dataset.len()));
    object.insert("responses".into(), json!(dataset.response_scores(&report, 0)));
    let kano =
        dataset.kano(&KanoOptions::default(), args.include_break_offs, &filter).map_err(|e| e.to_string())?;
    if !kano.is_empty() {
        object.insert("kano".into(), kano_table(&kano).to_json_value());
    }
    if q.scoring.overall.is_some() {
        let pr = PenaltyRewardOptions { missing: Missing::AsMiddle, ..PenaltyRewardOptions::default() };
        let value = match dataset.drivers(&pr, args.include_break_offs, &filter) {
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

/// The dataset of the one questionnaire the responses answer.
fn only_dataset(collection: &mut Collection) -> Result<&mut Dataset, String> {
    let mut refs: Vec<_> =
        collection.datasets().iter().filter(|d| !d.is_empty()).map(Dataset::reference).collect();
    refs.sort();
    match refs.as_slice() {
        [_] => collection.to_score(None).map_err(|e| e.to_string()),
        [] => Err("the file has no responses".into()),
        many => Err(format!(
            "the responses answer {} questionnaires ({}); choose one with --questionnaire",
            many.len(),
            many.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        )),
    }
}
