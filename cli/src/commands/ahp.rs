//! `manyi ahp FILE [--method eigen|geomean]`.

use crate::args::AhpMethodArg;
use crate::output::{name, read, Output};
use manyi_core::io::table::Table;
use manyi_core::io::tidy::read_matrix;
use manyi_core::scoring::ahp::AhpMethod;
use serde_json::{json, Map, Value};
use std::path::Path;

/// Runs the command.
pub fn run(out: &Output, file: &Path, method: AhpMethodArg) -> Result<(), String> {
    let (names, matrix) = read_matrix(&read(file)?, &name(file)).map_err(|e| e.to_string())?;
    let method = match method {
        AhpMethodArg::Eigen => AhpMethod::Eigenvector,
        AhpMethodArg::Geomean => AhpMethod::GeometricMean,
    };
    let r = matrix.analyse(method).map_err(|e| format!("{}: {e}", name(file)))?;
    let mut table = Table::new(["criterion", "weight"]);
    let mut weights = Map::new();
    for (n, w) in names.iter().zip(&r.weights) {
        table.push(vec![n.as_str().into(), (*w).into()]);
        weights.insert(n.clone(), json!(w));
    }
    let value = json!({
        "weights": Value::Object(weights),
        "lambda_max": r.lambda_max,
        "ci": r.ci,
        "cr": r.cr,
        "consistent": r.consistent,
    });
    out.object_or_table(&value, &table)
}
