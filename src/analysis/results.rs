//! One computation of the workspace's results, all by core over a questionnaire version's
//! dataset: the index by the dashboard's grouping and by the trend's period in one pass over the
//! columns, the Kano table, penalty–reward with importance–performance, and the values each
//! filter offers. The page gets core's `Analysis` (figures only, no per-response scores) in
//! [`Results`]; the worker keeps the same `Analysis` for the exports.

use super::engine::Engine;
use super::failure::Failure;
use super::settings::{Settings, FILTERS};
use super::state::Results;
use manyi_core::questionnaire::QuestionnaireRef;
use manyi_core::scoring::analysis::Analysis;

/// The results of `settings` over the responses to `version`, and the analysis they come from,
/// or why there are none.
pub fn compute(
    engine: &Engine,
    version: &QuestionnaireRef,
    settings: &Settings,
) -> Result<(Results, Analysis), Failure> {
    let ds = engine.dataset(version).ok_or_else(|| Failure::NoResponses(version.to_string()))?;
    let q = ds.questionnaire();
    let filter = settings.filter()?;
    let group_by = settings.grouping();
    let options = settings.options(q, group_by)?;
    let include = options.report.include_break_offs;
    // The dashboard's grouping first: exports read the first table.
    let groupings = [group_by, settings.period.group_by()];
    let mut index = ds.index(&options.report, &groupings, &filter)?;
    // Left out, as `manyi export` counts them: drafts, break-offs unless included, and the
    // responses to other questionnaires.
    index.left_out += engine.len() - ds.len();
    let kano = ds.kano(&options.kano, include, &filter)?;
    let drivers = if q.scoring.overall.is_none() {
        Err("the questionnaire names no overall item".to_owned())
    } else {
        ds.drivers(&options.drivers, include, &filter).map_err(|e| e.to_string())
    };
    let analysis = Analysis { index, kano, drivers };
    let results = Results {
        questionnaire: q.clone(),
        group_by,
        scored: analysis.index.scored,
        analysis: analysis.clone(),
        filter_values: FILTERS.iter().map(|by| (*by, ds.values(*by))).collect(),
    };
    Ok((results, analysis))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::settings::{Period, WeightChoice};
    use manyi_core::dataset::{Collection, Dataset, Filter};
    use manyi_core::questionnaire::builtin::Builtin;
    use manyi_core::response::tags::TagKey;
    use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
    use manyi_core::scoring::analysis::AnalysisOptions;
    use manyi_core::scoring::group::GroupBy;
    use manyi_core::scoring::report::{ReportOptions, WeightSource};

    fn engine(files: &[Vec<u8>]) -> Engine {
        let mut e = Engine::default();
        for (n, file) in files.iter().enumerate() {
            e.import(file, &format!("{n}.json"), &mut |_| {}).unwrap();
        }
        e.settle();
        e
    }

    #[test]
    fn the_dashboard_is_the_index_manyi_score_prints() {
        let bundle =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 300, seed: 11, ..Default::default() });
        let file = bundle.to_json();
        let e = engine(std::slice::from_ref(&file));
        let q = Builtin::Hall.questionnaire();
        let weighting =
            crate::analysis::settings::Weighting { choice: WeightChoice::Equal, ..Default::default() };
        let settings = Settings { weighting, period: Period::Week, ..Default::default() };
        let (r, analysis) = compute(&e, &q.reference(), &settings).unwrap();
        // `manyi score --responses F --by hall --weights equal` reads the file into a collection
        // and prints this index, over the rows in the file's order.
        let mut cli = Collection::new(Vec::new());
        cli.import(&file, "hall.json", &mut |_| {}).unwrap();
        let ds = cli.to_score(None).unwrap();
        let by_hall = ReportOptions {
            group_by: Some(GroupBy::Tag(TagKey::Hall)),
            weights: WeightSource::Equal,
            ..Default::default()
        };
        let printed = ds.index(&by_hall, &[], &Filter::default()).unwrap();
        let shown = r.dashboard();
        assert_eq!((r.scored, analysis.index.scored), (printed.scored, printed.scored));
        assert!(r.scored > 250, "{}", r.scored);
        assert_eq!(shown.overall.len(), printed.tables[0].overall.len());
        for (a, b) in shown.overall.iter().zip(&printed.tables[0].overall) {
            // The same values summed in another order (the worker's rows are in start order).
            let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * y.abs().max(1.0),
                (x, y) => x == y,
            };
            assert_eq!(
                (&a.group, a.summary.n, a.summary.small_sample),
                (&b.group, b.summary.n, b.summary.small_sample)
            );
            let (s, t) = (&a.summary, &b.summary);
            assert!(
                close(s.index, t.index) && close(s.se, t.se) && close(s.ci_low, t.ci_low),
                "{a:?} vs {b:?}"
            );
        }
        // `manyi export` sorts the rows by start first, as the worker does: then every figure
        // is the same to the last bit.
        ds.sort_by_start();
        let exported = ds.index(&by_hall, &[], &Filter::default()).unwrap();
        assert_eq!(shown.overall, exported.tables[0].overall);
        assert_eq!(shown.dimensions, exported.tables[0].dimensions);
        assert!(r.trend().overall.iter().all(|g| g.group.contains("-W")), "{:?}", r.trend().overall);
        let halls = &r.filter_values[0];
        assert_eq!(halls.0, GroupBy::Tag(TagKey::Hall));
        assert_eq!(halls.1.len(), exported.tables[0].overall.len());
    }

    #[test]
    fn a_filter_scores_its_subset_and_other_versions_are_left_out() {
        let hall =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 400, seed: 4, ..Default::default() });
        let kano =
            sample_bundle(SampleKind::Kano, &SampleOptions { count: 30, seed: 40, ..Default::default() });
        let e = engine(&[hall.to_json(), kano.to_json()]);
        assert_eq!(e.len(), 430);
        let q = Builtin::Hall.questionnaire().reference();
        let (all, _) = compute(&e, &q, &Settings::default()).unwrap();
        let hall_name = all.filter_values[0].1[0].clone();
        let mut settings = Settings::default();
        let by = GroupBy::Tag(TagKey::Hall);
        settings.filters.insert(by.name().to_owned(), (by, hall_name.clone()));
        let (one, analysis) = compute(&e, &q, &settings).unwrap();
        assert_eq!(one.dashboard().overall.len(), 1);
        assert_eq!(one.dashboard().overall[0].group, hall_name);
        let n = all.dashboard().overall.iter().find(|g| g.group == hall_name).unwrap().summary.n;
        assert_eq!(one.dashboard().overall[0].summary.n, n);
        assert_eq!(one.scored, analysis.index.scored);
        // The 30 Kano responses count as left out, as `manyi export` counts them.
        let drafts =
            hall.responses.iter().filter(|r| r.status != manyi_core::response::Status::Complete).count();
        assert_eq!(all.analysis.index.left_out, drafts + 30);
        assert_eq!(all.scored, 400 - drafts);
        // The filter offers every value, whatever is filtered.
        assert_eq!(one.filter_values, all.filter_values);
    }

    #[test]
    fn a_kano_study_gives_its_table() {
        let bundle =
            sample_bundle(SampleKind::Kano, &SampleOptions { count: 120, seed: 2, ..Default::default() });
        let e = engine(&[bundle.to_json()]);
        let q = Builtin::Kano.questionnaire();
        let (r, _) = compute(&e, &q.reference(), &Settings::default()).unwrap();
        assert_eq!(r.analysis.kano.len(), 10);
        assert!(r.analysis.drivers.is_err());
        // The default table and rule, over the complete responses: as core scores them.
        let options = AnalysisOptions::default();
        let own =
            Dataset::from_responses(&q, &bundle.responses).kano(&options.kano, false, &Filter::default());
        assert_eq!(r.analysis.kano, own.unwrap());
        assert!(compute(&e, &Builtin::Hall.questionnaire().reference(), &Settings::default()).is_err());
    }
}
