//! What the analyst chose: the questionnaire version, the grouping, the trend period, the
//! filters and where the weights come from (with the AHP judgements). Turned into core's options
//! here, so the page only shows choices and core computes every figure.

use super::failure::Failure;
pub use super::weighting::{
    judgement_text, judgement_value, Judgement, Judgements, KeptWeightings, WeightChoice, Weighting, SAATY,
};
use chrono::{Datelike, NaiveDate, Weekday};
use manyi_core::dataset::{Filter, TagFilter};
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::tags::{BusinessType, CustomerClass, TagKey};
use manyi_core::response::Channel;
use manyi_core::scoring::ahp::AhpMethod;
use manyi_core::scoring::analysis::AnalysisOptions;
use manyi_core::scoring::group::GroupBy;
use manyi_core::scoring::report::WeightSource;
use manyi_core::scoring::weights::{DerivedMethod, WeightMethod};
use manyi_core::{Lang, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The groupings offered for the index tables and the filters.
pub const GROUPINGS: [GroupBy; 8] = [
    GroupBy::All,
    GroupBy::Tag(TagKey::Hall),
    GroupBy::Tag(TagKey::Counter),
    GroupBy::Tag(TagKey::Staff),
    GroupBy::Tag(TagKey::BusinessType),
    GroupBy::Tag(TagKey::CustomerClass),
    GroupBy::Channel,
    GroupBy::Month,
];

/// The filters offered: every grouping but "all".
pub const FILTERS: &[GroupBy] = match GROUPINGS.split_first() {
    Some((_, rest)) => rest,
    None => &[],
};

/// The name of a grouping on screen.
pub fn grouping_label(by: GroupBy, lang: Lang) -> String {
    let (zh, en) = match by {
        GroupBy::All => ("全部", "All"),
        GroupBy::Tag(tag) => return tag.label().get(lang).to_owned(),
        GroupBy::Channel => ("渠道", "Channel"),
        GroupBy::Month => ("月份", "Month"),
        GroupBy::Week => ("周", "Week"),
        GroupBy::Questionnaire => ("问卷版本", "Questionnaire version"),
    };
    if lang == Lang::Zh { zh } else { en }.to_owned()
}

/// A group key on screen: coded values (business type, customer class, channel) by their label;
/// responses without the value (core's `(none)`) as 未填写 / "not given".
pub fn group_label(by: GroupBy, key: &str, lang: Lang) -> String {
    if key == manyi_core::scoring::group::NO_VALUE {
        return super::texts::T::NotGiven.get(lang).to_owned();
    }
    let label = match by {
        GroupBy::Tag(TagKey::BusinessType) => key.parse::<BusinessType>().ok().map(|b| b.label()),
        GroupBy::Tag(TagKey::CustomerClass) => key.parse::<CustomerClass>().ok().map(|c| c.label()),
        GroupBy::Channel => key.parse::<Channel>().ok().map(|c| c.label()),
        GroupBy::All => return if lang == Lang::Zh { "全部".into() } else { "All".into() },
        _ => None,
    };
    label.map_or_else(|| key.to_owned(), |t| t.get(lang).to_owned())
}

/// The index is shown by this period in the trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Period {
    /// ISO week.
    Week,
    /// Calendar month.
    #[default]
    Month,
}

impl Period {
    /// The grouping of the period.
    pub fn group_by(self) -> GroupBy {
        match self {
            Period::Week => GroupBy::Week,
            Period::Month => GroupBy::Month,
        }
    }
}

/// The first and last day of a month written `2026-11`.
fn month_days(key: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (year, month) = key.split_once('-')?;
    let first = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some((first, next.pred_opt()?))
}

/// The Monday and Sunday of an ISO week written `2026-W45`.
fn week_days(key: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (year, week) = key.split_once("-W")?;
    let (year, week) = (year.parse().ok()?, week.parse().ok()?);
    let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
    let sunday = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?;
    debug_assert_eq!(monday.iso_week().week(), week);
    Some((monday, sunday))
}

/// Everything the analyst chose.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// The questionnaire version scored; `None` takes the one with most responses.
    pub questionnaire: Option<QuestionnaireRef>,
    /// The grouping of the index tables.
    pub group_by: Option<GroupBy>,
    /// The trend's period.
    pub period: Period,
    /// Filters: a value per grouping.
    pub filters: BTreeMap<String, (GroupBy, String)>,
    /// Where the weights of the questionnaire scored come from (with its AHP judgements).
    pub weighting: Weighting,
    /// The weights chosen for the other questionnaire versions, kept while another is scored
    /// (the page's, not sent to the worker).
    #[serde(skip)]
    pub kept: KeptWeightings,
}

impl Settings {
    /// The grouping of the index tables (default: by hall).
    pub fn grouping(&self) -> GroupBy {
        self.group_by.unwrap_or(GroupBy::Tag(TagKey::Hall))
    }

    /// The filters as core's dataset [`Filter`]: a tag's value (hall, counter, staff as written,
    /// business type and customer class by code, `(none)` for responses without the tag), a
    /// channel, or a month or ISO week as the days it spans (in the device's local time, as the
    /// groupings read them). A value that is none of these is an error.
    pub fn filter(&self) -> std::result::Result<Filter, Failure> {
        let mut filter = Filter::default();
        for (by, value) in self.filters.values() {
            let wrong = || Failure::Filter { by: by.name().to_owned(), value: value.clone() };
            let (from, to) = match by {
                GroupBy::Tag(tag) => {
                    filter.tags.push(TagFilter { tag: *tag, values: vec![value.clone()] });
                    continue;
                }
                GroupBy::Channel => {
                    filter.channels.push(value.parse().map_err(|_| wrong())?);
                    continue;
                }
                GroupBy::Month => month_days(value).ok_or_else(wrong)?,
                GroupBy::Week => week_days(value).ok_or_else(wrong)?,
                GroupBy::All | GroupBy::Questionnaire => continue,
            };
            // Two periods: the days both span.
            filter.from = Some(filter.from.map_or(from, |f| f.max(from)));
            filter.to = Some(filter.to.map_or(to, |t| t.min(to)));
        }
        Ok(filter)
    }

    /// Core's options of the scoring pass for questionnaire `q`, grouped by `by`.
    pub fn options(&self, q: &Questionnaire, by: GroupBy) -> Result<AnalysisOptions> {
        let mut options = AnalysisOptions::default();
        options.report.group_by = Some(by);
        options.report.weights = match self.weighting.plan(q).used {
            WeightChoice::Stated => WeightSource::Stated,
            WeightChoice::Equal => WeightSource::Equal,
            WeightChoice::Derived => {
                WeightSource::Items(WeightMethod::Derived(DerivedMethod::StandardisedRegression))
            }
            WeightChoice::Ahp => WeightSource::Dimensions(WeightMethod::Ahp {
                matrix: self.weighting.judgements.matrix(q.dimensions.len())?,
                method: AhpMethod::Eigenvector,
            }),
        };
        Ok(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::questionnaire::builtin::Builtin;

    #[test]
    fn the_public_ahp_check_from_judgements() {
        // DOMAIN.md §3: [[1,2,4],[1/2,1,3],[1/4,1/3,1]] gives 0.558425, 0.319618, 0.121957,
        // λmax 3.018295, CR 0.015771.
        let j = Judgements([((0, 1), 2), ((0, 2), 4), ((1, 2), 3)].into_iter().collect());
        let r = j.analyse(3).unwrap();
        for (w, e) in r.weights.iter().zip([0.558425, 0.319618, 0.121957]) {
            assert!((w - e).abs() < 5e-7, "{:?}", r.weights);
        }
        assert!((r.lambda_max - 3.018295).abs() < 5e-7 && (r.cr - 0.015771).abs() < 5e-7);
        assert!(r.consistent);
    }

    #[test]
    fn reciprocal_judgements_and_an_inconsistent_matrix() {
        assert_eq!(
            (judgement_value(-3), judgement_text(-3), judgement_text(1)),
            (1.0 / 3.0, "1/3".into(), "1".into())
        );
        // a > b (9), b > c (9), but c > a (9): far from consistent.
        let j = Judgements([((0, 1), 9), ((1, 2), 9), ((0, 2), -9)].into_iter().collect());
        let r = j.analyse(3).unwrap();
        assert!(!r.consistent && r.cr > 0.10, "{}", r.cr);
    }

    #[test]
    fn filters_become_cores_dataset_filter() {
        let mut s = Settings::default();
        let mut set = |by: GroupBy, value: &str| {
            s.filters.insert(by.name().to_owned(), (by, value.to_owned()));
        };
        set(GroupBy::Tag(TagKey::Hall), "城东");
        set(GroupBy::Tag(TagKey::BusinessType), "repair");
        set(GroupBy::Channel, "hall");
        // February 2028 has 29 days.
        set(GroupBy::Month, "2028-02");
        let f = s.filter().unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!((f.from, f.to), (day(2028, 2, 1), day(2028, 2, 29)));
        assert_eq!(f.channels, [Channel::Hall]);
        assert_eq!(
            f.tags,
            [
                TagFilter { tag: TagKey::BusinessType, values: vec!["repair".into()] },
                TagFilter { tag: TagKey::Hall, values: vec!["城东".into()] },
            ]
        );
        // ISO week 1 of 2026 runs from Monday 29 December 2025 to Sunday 4 January 2026.
        assert_eq!(week_days("2026-W01"), Some((day(2025, 12, 29).unwrap(), day(2026, 1, 4).unwrap())));
        assert_eq!(month_days("2026-12"), Some((day(2026, 12, 1).unwrap(), day(2026, 12, 31).unwrap())));
        s.filters.clear();
        s.filters.insert("channel".into(), (GroupBy::Channel, "carrier-pigeon".into()));
        assert_eq!(s.filter(), Err(Failure::Filter { by: "channel".into(), value: "carrier-pigeon".into() }));
    }

    #[test]
    fn options_carry_the_chosen_weights_and_grouping() {
        let q = Builtin::Hall.questionnaire();
        let weighting = Weighting { choice: WeightChoice::Ahp, ..Default::default() };
        let s = Settings { weighting, ..Default::default() };
        let o = s.options(&q, s.grouping()).unwrap();
        assert_eq!(o.report.group_by, Some(GroupBy::Tag(TagKey::Hall)));
        match o.report.weights {
            WeightSource::Dimensions(WeightMethod::Ahp { matrix, .. }) => assert_eq!(matrix.size(), 4),
            other => panic!("{other:?}"),
        }
        assert_eq!(group_label(GroupBy::Tag(TagKey::BusinessType), "repair", Lang::Zh), "故障报修");
        assert_eq!(group_label(GroupBy::Tag(TagKey::Hall), "城东", Lang::En), "城东");
        assert_eq!(group_label(GroupBy::Tag(TagKey::Counter), "(none)", Lang::Zh), "未填写");
    }
}
