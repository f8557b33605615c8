//! One computation of the workspace's results: the full scoring pass for the dashboard and the
//! quality characteristics, the trend's report and the values each filter offers — all by core,
//! through the engine.

use super::engine::ScoringEngine;
use super::settings::{Settings, FILTERS};
use super::state::Results;
use manyi_core::questionnaire::Questionnaire;

/// The results of `settings` over the engine's data for questionnaire `q`, or why there are none.
pub fn compute(
    engine: &dyn ScoringEngine,
    q: &Questionnaire,
    settings: &Settings,
) -> Result<Results, String> {
    let filter = settings.filter();
    let group_by = settings.grouping();
    let options = settings.options(q, group_by).map_err(|e| e.to_string())?;
    let analysis = engine.analyse(q, &filter, &options).map_err(|e| e.to_string())?;
    let mut trend_options = options.report.clone();
    trend_options.group_by = Some(settings.period.group_by());
    let trend = engine.report(q, &filter, &trend_options).map_err(|e| e.to_string())?;
    let reference = q.reference();
    let filter_values = FILTERS.iter().map(|by| (*by, engine.values(&reference, *by))).collect();
    let scored = analysis.report.responses.len();
    Ok(Results { questionnaire: q.clone(), group_by, analysis, trend, filter_values, scored })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::engine::MergedEngine;
    use crate::analysis::settings::{Period, WeightChoice};
    use manyi_core::questionnaire::builtin::Builtin;
    use manyi_core::response::tags::TagKey;
    use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
    use manyi_core::scoring::group::GroupBy;
    use manyi_core::scoring::report::{Report, ReportOptions};

    #[test]
    fn the_dashboard_is_the_report_the_cli_prints() {
        let bundle =
            sample_bundle(SampleKind::Hall, &SampleOptions { count: 300, seed: 11, ..Default::default() });
        let mut e = MergedEngine::default();
        e.import(&bundle.to_json(), "hall.json").unwrap();
        e.settle();
        let q = Builtin::Hall.questionnaire();
        let settings = Settings { weights: WeightChoice::Equal, period: Period::Week, ..Default::default() };
        let r = compute(&e, &q, &settings).unwrap();
        // `manyi export --by hall --weights equal` computes this report, over the merged
        // responses in start order (the order changes the last bits of a sum).
        let mut responses = bundle.responses.clone();
        responses.sort_by_key(|r| (r.started_at, r.id));
        let by_hall = ReportOptions {
            group_by: Some(GroupBy::Tag(TagKey::Hall)),
            weights: manyi_core::scoring::report::WeightSource::Equal,
            ..Default::default()
        };
        let cli = Report::compute(&q, &responses, &by_hall).unwrap();
        assert_eq!(r.analysis.report.overall, cli.overall);
        assert!(r.trend.overall.iter().all(|g| g.group.contains("-W")), "{:?}", r.trend.overall);
        let halls = &r.filter_values[0];
        assert_eq!(halls.0, GroupBy::Tag(TagKey::Hall));
        assert_eq!(halls.1.len(), cli.overall.len());
    }

    #[test]
    fn a_kano_study_gives_its_table() {
        let bundle =
            sample_bundle(SampleKind::Kano, &SampleOptions { count: 120, seed: 2, ..Default::default() });
        let mut e = MergedEngine::default();
        e.import(&bundle.to_json(), "kano.json").unwrap();
        e.settle();
        let q = Builtin::Kano.questionnaire();
        let r = compute(&e, &q, &Settings::default()).unwrap();
        assert_eq!(r.analysis.kano.len(), 10);
        assert!(r.analysis.drivers.is_err());
    }
}
