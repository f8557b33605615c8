//! What the analysts receive (DOMAIN.md §4): the tables of one scoring pass
//! ([`crate::scoring::analysis::Analysis`]), made by [`crate::dataset::Dataset::export`], as an
//! [`Export`] written as CSV files with a BOM or as one XLSX workbook ([`crate::io::xlsx`]). The
//! browser and `manyi export` both go through here, so their files agree cell for cell.

use super::table::{Cell, Table};
use super::tables::code;
use crate::questionnaire::Questionnaire;
use crate::scoring::composite::{Renormalisation, WeightTree};
use crate::scoring::group::GroupBy;
use crate::scoring::report::WeightSource;
use crate::scoring::weights::{DerivedMethod, WeightMethod, Weights};
use chrono::{DateTime, FixedOffset};

/// The tables of an export, each under the name of its CSV file and XLSX sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// When it was exported (passed in: the core reads no clock).
    pub exported_at: DateTime<FixedOffset>,
    /// `responses`, `index`, `kano` (if any pair was answered), `drivers` (if computable),
    /// `weights`, `dictionary`, in that order.
    pub tables: Vec<(&'static str, Table)>,
    /// What was exported and how, as `key, 说明, description, value` rows (the head of the
    /// formulas sheet).
    pub about: Table,
}

impl Export {
    /// The table of this name, if the export has it.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|(n, _)| *n == name).map(|(_, t)| t)
    }

    /// Every table as a CSV file (`responses.csv` …): UTF-8 with a BOM so that Excel and WPS
    /// show Chinese text, formulas neutralised.
    pub fn csv_files(&self) -> Vec<(String, Vec<u8>)> {
        self.tables.iter().map(|(name, t)| (format!("{name}.csv"), t.to_csv(true))).collect()
    }
}

/// Columns of the weights table.
pub const WEIGHTS_COLUMNS: [&str; 13] = [
    "dimension",
    "dimension_weight",
    "item",
    "item_weight",
    "weight",
    "source",
    "method",
    "lambda_max",
    "ci",
    "cr",
    "consistent",
    "n",
    "warnings",
];

/// The weights used, one row per scored item of `tree` (weight = dimension weight × item
/// weight), each row also naming where they came from: `source` (stated, equal, dimensions,
/// items), `method` (stated, equal, ahp, derived:…), λmax, CI, CR and consistency when AHP was
/// used, the respondents behind derived weights, and any warning (from the method's `details`).
pub fn weights_table_of(source: &WeightSource, details: Option<&Weights>, tree: &WeightTree) -> Table {
    let (source, method) = match source {
        WeightSource::Stated => ("stated", "stated".to_owned()),
        WeightSource::Equal => ("equal", "equal".to_owned()),
        WeightSource::Dimensions(m) => ("dimensions", method_name(m)),
        WeightSource::Items(m) => ("items", method_name(m)),
    };
    let ahp = details.and_then(|d| d.ahp.as_ref());
    let warnings = details.map(|d| d.warnings.join("; ")).unwrap_or_default();
    let mut t = Table::new(WEIGHTS_COLUMNS);
    for (item, product) in tree.items.iter().zip(tree.item_products()) {
        let d = &tree.dimensions[item.dimension];
        t.push(vec![
            d.id.as_str().into(),
            d.weight.into(),
            item.id.as_str().into(),
            item.weight.into(),
            product.into(),
            source.into(),
            method.as_str().into(),
            ahp.map(|a| a.lambda_max).into(),
            ahp.map(|a| a.ci).into(),
            ahp.map(|a| a.cr).into(),
            ahp.map_or(Cell::Empty, |a| a.consistent.into()),
            details.and_then(|d| d.n).map_or(Cell::Empty, Cell::from),
            if warnings.is_empty() { Cell::Empty } else { warnings.as_str().into() },
        ]);
    }
    t
}

fn method_name(m: &WeightMethod) -> String {
    match m {
        WeightMethod::Equal => "equal".into(),
        WeightMethod::Stated(_) => "stated".into(),
        WeightMethod::Ahp { .. } => "ahp".into(),
        WeightMethod::Derived(DerivedMethod::StandardisedRegression) => "derived:regression".into(),
        WeightMethod::Derived(DerivedMethod::Correlation) => "derived:correlation".into(),
    }
}

/// What the head of the formulas sheet states about a scoring pass.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AboutFacts {
    /// How the index is grouped.
    pub group_by: GroupBy,
    /// The N/A rule used.
    pub renormalise: Renormalisation,
    /// Responses in the responses sheet.
    pub shown: usize,
    /// Responses scored.
    pub scored: usize,
    /// Responses left out.
    pub left_out: usize,
    /// Kano attributes analysed.
    pub kano: usize,
    /// Driver rows, or why they were not computed.
    pub drivers: std::result::Result<usize, String>,
}

/// `key, 说明, description, value` rows saying what was exported and how.
pub(crate) fn about_table(q: &Questionnaire, a: &AboutFacts, at: DateTime<FixedOffset>) -> Table {
    let mut t = Table::new(["key", "说明", "description", "value"]);
    let mut row = |key: &str, zh: &str, en: &str, value: Cell| {
        t.push(vec![key.into(), zh.into(), en.into(), value]);
    };
    row("exported_at", "导出时间", "Exported at (ISO 8601 with UTC offset)", at.to_rfc3339().into());
    row("questionnaire", "问卷", "Questionnaire (id, version)", q.reference().to_string().into());
    row("title", "问卷标题", "Title", format!("{} / {}", q.title.zh, q.title.en).into());
    row("group_by", "分组", "Index grouped by", a.group_by.name().into());
    row("renormalise", "缺项权重处理", "N/A and missing items", code(&a.renormalise).into());
    row("responses", "答卷数", "Responses in the responses sheet", a.shown.into());
    row("scored", "计分答卷数", "Responses scored", a.scored.into());
    row(
        "left_out",
        "未计分",
        "Left out (drafts, break-offs unless included, other questionnaires)",
        a.left_out.into(),
    );
    let kano = if a.kano == 0 { "none answered".to_owned() } else { format!("{} attributes", a.kano) };
    row("kano", "Kano分析", "Kano analysis", kano.into());
    let drivers = match &a.drivers {
        Ok(rows) => format!("{rows} items"),
        Err(why) => format!("not computed: {why}"),
    };
    row("drivers", "驱动因素分析", "Penalty-reward and importance-performance", drivers.into());
    row(
        "text",
        "文本",
        "In the CSV files, text beginning with = + - − @ (or a tab or carriage return) gets a leading apostrophe; in the workbook every text cell is a string, never a formula, and holds the text exactly",
        Cell::Empty,
    );
    row(
        "timestamps",
        "时间",
        "In the CSV and JSON files, started_at and submitted_at are ISO 8601 text with the device's UTC offset (2026-03-02T09:15:00+08:00); in the workbook they are Excel date-times in the device's local time, each followed by its offset in <column>_utc_offset (+08:00)",
        Cell::Empty,
    );
    row("manyi", "版本", "Manyi core version", env!("CARGO_PKG_VERSION").into());
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Dataset, Filter};
    use crate::questionnaire::builtin::Builtin;
    use crate::sample::{sample, SampleKind, SampleOptions};
    use crate::scoring::ahp::{AhpMethod, PairwiseMatrix};
    use crate::scoring::report::ReportOptions;

    #[test]
    fn weights_table_names_the_ahp_method_and_its_consistency() {
        let q = Builtin::Hall.questionnaire();
        let rs = sample(SampleKind::Hall, &SampleOptions { count: 200, ..SampleOptions::default() });
        // A consistent matrix a_ij = w_i / w_j: its eigenvector is w, λmax = n = 4, CI = CR = 0.
        let w = [0.4, 0.3, 0.2, 0.1];
        let matrix =
            PairwiseMatrix::new((0..4).map(|i| (0..4).map(|j| w[i] / w[j]).collect()).collect()).unwrap();
        let options = ReportOptions {
            weights: WeightSource::Dimensions(WeightMethod::Ahp { matrix, method: AhpMethod::Eigenvector }),
            ..ReportOptions::default()
        };
        let index = Dataset::from_responses(&q, &rs).index(&options, &[], &Filter::default()).unwrap();
        let t = weights_table_of(&index.weight_source, index.weight_details.as_ref(), &index.weights);
        assert_eq!(t.columns, WEIGHTS_COLUMNS);
        let guide = &t.rows[0];
        assert_eq!((&guide[0], &guide[2]), (&Cell::from("guidance"), &Cell::from("guide")));
        let num = |c: &Cell| match c {
            Cell::Number(x) => *x,
            other => panic!("{other:?}"),
        };
        assert!((num(&guide[1]) - 0.4).abs() < 1e-9);
        assert!((num(&guide[4]) - 0.4 / 3.0).abs() < 1e-9, "0.4 shared by three guidance items");
        assert_eq!((&guide[5], &guide[6]), (&Cell::from("dimensions"), &Cell::from("ahp")));
        assert!((num(&guide[7]) - 4.0).abs() < 1e-9 && num(&guide[9]).abs() < 1e-9);
        assert_eq!(guide[10], Cell::Bool(true));
        // The environment row: one item carrying its dimension's 0.1.
        let env = t.rows.iter().find(|r| r[2] == Cell::from("environment")).unwrap();
        assert!((num(&env[4]) - 0.1).abs() < 1e-9);
    }
}
