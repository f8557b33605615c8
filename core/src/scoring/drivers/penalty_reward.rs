//! Penalty–reward contrast analysis: quality categories (basic, performance, excitement) from ordinary ratings.

use super::regression::{Deficiency, Fit};
use super::{Band, Bands, DriversTally, Ratings};
use crate::error::{Error, Figure, Part, Result, Shortage};
use crate::scoring::scale::Scale;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// What to do with a respondent who skipped some items (a missing `overall` always drops the respondent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// Drop the respondent unless every item is answered (listwise deletion).
    #[default]
    Listwise,
    /// Keep the respondent; a missing item counts as a middle answer: both its dummies are 0.
    AsMiddle,
}

/// Options of [`penalty_reward`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PenaltyRewardOptions {
    /// The scale of the items (the bands must lie on it); default 1–5.
    pub scale: Scale,
    /// The low and high bands; default 1–2 and 5–5.
    pub bands: Bands,
    /// Significance level of the t tests; default 0.05.
    pub alpha: f64,
    /// Treatment of missing item answers; default listwise deletion.
    pub missing: Missing,
}

impl Default for PenaltyRewardOptions {
    fn default() -> Self {
        PenaltyRewardOptions {
            scale: Scale::ONE_TO_FIVE,
            bands: Bands::default(),
            alpha: 0.05,
            missing: Missing::Listwise,
        }
    }
}

/// The quality category of an item, from which of its penalty and reward are significant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualityCategory {
    /// 基本: only the penalty is significant — a bad score hurts, a good one earns nothing.
    Basic,
    /// 绩效: both are significant — satisfaction follows the score both ways.
    Performance,
    /// 激励: only the reward is significant — an excellent score delights, a bad one is forgiven.
    Excitement,
    /// 无差异: neither is significant.
    Indifferent,
}

impl QualityCategory {
    /// All categories.
    pub const ALL: [QualityCategory; 4] = [
        QualityCategory::Basic,
        QualityCategory::Performance,
        QualityCategory::Excitement,
        QualityCategory::Indifferent,
    ];

    /// The category for a significant (or not) penalty and reward.
    pub fn from_significance(penalty: bool, reward: bool) -> Self {
        match (penalty, reward) {
            (true, false) => QualityCategory::Basic,
            (true, true) => QualityCategory::Performance,
            (false, true) => QualityCategory::Excitement,
            (false, false) => QualityCategory::Indifferent,
        }
    }

    /// The name shown to analysts.
    pub fn label(self) -> Text {
        match self {
            QualityCategory::Basic => Text::new("基本", "Basic"),
            QualityCategory::Performance => Text::new("绩效", "Performance"),
            QualityCategory::Excitement => Text::new("激励", "Excitement"),
            QualityCategory::Indifferent => Text::new("无差异", "Indifferent"),
        }
    }
}

/// The penalty–reward figures of one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemPenaltyReward {
    /// The item's name.
    pub item: String,
    /// |β_low|: how much lower `overall` is when the item is answered in the low band.
    pub penalty: f64,
    /// Two-sided p-value of β_low.
    pub penalty_p: f64,
    /// β_high: how much higher `overall` is when the item is answered in the high band.
    pub reward: f64,
    /// Two-sided p-value of β_high.
    pub reward_p: f64,
    /// Impact asymmetry (reward − penalty) / (|reward| + penalty), in −1..1: near −1 basic, near +1
    /// excitement. The absolute value in the denominator only matters when β_high is negative (a reward in
    /// the wrong direction) and keeps the index within −1..1. `None` when both coefficients are 0.
    pub impact_asymmetry: Option<f64>,
    /// The category: a penalty counts as significant only if β_low < 0 and its p < α, a reward only if
    /// β_high > 0 and its p < α.
    pub category: QualityCategory,
    /// Respondents used whose answer falls in the low band.
    pub low_count: usize,
    /// Respondents used whose answer falls in the high band.
    pub high_count: usize,
}

/// The result of [`penalty_reward`]: one row per item, with the bands and number of respondents used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PenaltyReward {
    /// One entry per item, in item order.
    pub items: Vec<ItemPenaltyReward>,
    /// The bands used.
    pub bands: Bands,
    /// The significance level used.
    pub alpha: f64,
    /// The treatment of missing answers used.
    pub missing: Missing,
    /// Respondents in the regression.
    pub n: usize,
    /// R² of the regression.
    pub r_squared: f64,
}

/// Penalty–reward contrast analysis of `ratings` (see [`DriversTally::penalty_reward`], which this
/// feeds the respondents in order).
pub fn penalty_reward(ratings: &Ratings, options: &PenaltyRewardOptions) -> Result<PenaltyReward> {
    DriversTally::of(ratings, options).penalty_reward(ratings.item_names())
}

// The rules and results of penalty–reward analysis, which [`DriversTally`] applies.

/// The bands lie on the scale and α in (0, 1).
pub(super) fn check_options(options: &PenaltyRewardOptions) -> Result<()> {
    options.bands.validate(options.scale)?;
    if !(options.alpha > 0.0 && options.alpha < 1.0) {
        return Err(Error::InvalidArgument {
            what: format!("significance level {}", options.alpha),
            reason: "α must lie between 0 and 1, e.g. 0.05".into(),
        });
    }
    Ok(())
}

/// n ≤ k + 1 respondents for k dummies.
pub(super) fn too_few(n: usize, k: usize) -> Error {
    let shortage = Shortage::TooFewForDummies { n, dummies: k };
    Error::InsufficientData { figure: Figure::PenaltyReward, part: Part::Whole, shortage }
}

/// Every respondent gave overall `y`.
pub(super) fn nothing_to_explain(n: usize, y: f64) -> Error {
    let shortage = Shortage::NothingToExplain { n, overall: y };
    Error::InsufficientData { figure: Figure::PenaltyReward, part: Part::Whole, shortage }
}

/// The part of dummy `c` (low, high of item 0, then of item 1, …).
fn band_of(names: &[String], bands: &Bands, c: usize) -> Part {
    let high = !c.is_multiple_of(2);
    let band: Band = if high { bands.high } else { bands.low };
    Part::Band { item: names[c / 2].clone(), high, from: band.low, to: band.high }
}

/// Dummy `c`, set for `count` of the `n` respondents, varies.
pub(super) fn check_dummy(names: &[String], bands: &Bands, c: usize, count: usize, n: usize) -> Result<()> {
    if count == 0 || count == n {
        return Err(Error::InsufficientData {
            figure: Figure::PenaltyReward,
            part: band_of(names, bands, c),
            shortage: Shortage::BandConstant { n, all: count == n },
        });
    }
    Ok(())
}

/// Why the dummy regression cannot be fitted.
pub(super) fn fit_error(names: &[String], bands: &Bands, d: Deficiency) -> Error {
    match d {
        Deficiency::Collinear(c) => Error::InsufficientData {
            figure: Figure::PenaltyReward,
            part: band_of(names, bands, c),
            shortage: Shortage::BandCollinear,
        },
        Deficiency::TooFew { n, coefficients } => Error::InsufficientData {
            figure: Figure::PenaltyReward,
            part: Part::Whole,
            shortage: Shortage::TooFew { n, coefficients },
        },
    }
}

/// Item `j`'s figures from the fit of all dummies; `counts` are its low and high band counts.
pub(super) fn item_result(
    name: &str,
    fit: &Fit,
    j: usize,
    alpha: f64,
    counts: (usize, usize),
) -> ItemPenaltyReward {
    let (b_low, b_high) = (fit.slopes[2 * j], fit.slopes[2 * j + 1]);
    let (p_low, p_high) = (fit.p_values[2 * j], fit.p_values[2 * j + 1]);
    let denominator = b_high.abs() + b_low.abs();
    ItemPenaltyReward {
        item: name.to_owned(),
        penalty: b_low.abs(),
        penalty_p: p_low,
        reward: b_high,
        reward_p: p_high,
        impact_asymmetry: (denominator > 0.0).then(|| (b_high - b_low.abs()) / denominator),
        category: QualityCategory::from_significance(
            b_low < 0.0 && p_low < alpha,
            b_high > 0.0 && p_high < alpha,
        ),
        low_count: counts.0,
        high_count: counts.1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Item names, overall, items.
    type Data = (Vec<String>, Vec<Option<f64>>, Vec<Vec<Option<f64>>>);

    // One item, so the dummy regression reduces to group means (middle answers 3–4 are the reference):
    //   low 1–2:  overall 2, 3, 1, 2 → mean 2;   middle: 3, 4, 3, 4 → mean 3.5;   high 5: 4, 5, 4, 5 → 4.5.
    // β_low = 2 − 3.5 = −1.5 (penalty 1.5), β_high = 4.5 − 3.5 = 1.0, IA = (1 − 1.5)/(1 + 1.5) = −0.2.
    // RSS = (0 + 1 + 1 + 0) + 4 × 0.25 + 4 × 0.25 = 4, n = 12, df = 9, σ² = 4/9;
    // se = √(σ² (1/4 + 1/4)) = 0.471405 for both; t_low = −3.181981, t_high = 2.121320.
    // t tables, 9 df: 2.821 (p = 0.02) < 3.182 < 3.250 (p = 0.01); 1.833 (p = 0.10) < 2.121 < 2.262 (p = 0.05).
    fn one_item() -> Data {
        let x = [1.0, 2.0, 1.0, 2.0, 3.0, 4.0, 3.0, 4.0, 5.0, 5.0, 5.0, 5.0];
        let y = [2.0, 3.0, 1.0, 2.0, 3.0, 4.0, 3.0, 4.0, 4.0, 5.0, 4.0, 5.0];
        let mut overall: Vec<Option<f64>> = y.iter().map(|v| Some(*v)).collect();
        let mut item: Vec<Option<f64>> = x.iter().map(|v| Some(*v)).collect();
        // A respondent who skipped the item (overall 3.5, the middle mean) and one who skipped overall.
        overall.extend([Some(3.5), None]);
        item.extend([None, Some(1.0)]);
        (vec!["wait".to_owned()], overall, vec![item])
    }

    fn run(options: &PenaltyRewardOptions) -> Result<PenaltyReward> {
        let (names, overall, items) = one_item();
        penalty_reward(&Ratings::new(&names, &overall, &items)?, options)
    }

    #[test]
    fn group_means_by_hand() {
        let r = run(&PenaltyRewardOptions::default()).unwrap();
        assert_eq!(r.n, 12);
        let item = &r.items[0];
        assert!((item.penalty - 1.5).abs() < 1e-12 && (item.reward - 1.0).abs() < 1e-12);
        assert!((item.impact_asymmetry.unwrap() + 0.2).abs() < 1e-12);
        assert!(item.penalty_p > 0.01 && item.penalty_p < 0.02, "{}", item.penalty_p);
        assert!(item.reward_p > 0.05 && item.reward_p < 0.10, "{}", item.reward_p);
        assert_eq!((item.low_count, item.high_count), (4, 4));
        assert_eq!(item.category, QualityCategory::Basic);
        // At α = 0.10 the reward is significant too.
        let r = run(&PenaltyRewardOptions { alpha: 0.10, ..Default::default() }).unwrap();
        assert_eq!(r.items[0].category, QualityCategory::Performance);
        // At α = 0.01 neither is.
        let r = run(&PenaltyRewardOptions { alpha: 0.01, ..Default::default() }).unwrap();
        assert_eq!(r.items[0].category, QualityCategory::Indifferent);
    }

    // As middle: the respondent who skipped the item joins the reference group with overall 3.5, so the means
    // and coefficients stay, RSS stays 4, but n = 13, df = 10, σ² = 0.4 and se = √(0.4 (1/4 + 1/5)) = 0.424264.
    // t_high = 1 / 0.424264 = 2.357023; 10 df: 2.228 (p = 0.05) < 2.357 < 2.764 (p = 0.02).
    #[test]
    fn missing_as_middle_keeps_the_respondent() {
        let r = run(&PenaltyRewardOptions { missing: Missing::AsMiddle, ..Default::default() }).unwrap();
        assert_eq!(r.n, 13);
        let item = &r.items[0];
        assert!((item.penalty - 1.5).abs() < 1e-12 && (item.reward - 1.0).abs() < 1e-12);
        assert!(item.reward_p > 0.02 && item.reward_p < 0.05, "{}", item.reward_p);
        assert_eq!(item.category, QualityCategory::Performance);
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(QualityCategory::Basic.label(), Text::new("基本", "Basic"));
        assert_eq!(QualityCategory::Indifferent.label().zh, "无差异");
        assert_eq!(serde_json::to_string(&QualityCategory::Excitement).unwrap(), "\"excitement\"");
        assert_eq!(QualityCategory::from_significance(false, true), QualityCategory::Excitement);
    }

    fn insufficient(x: &[f64], y: &[f64]) -> String {
        let names = vec!["wait".to_owned()];
        let overall: Vec<Option<f64>> = y.iter().map(|v| Some(*v)).collect();
        let items = vec![x.iter().map(|v| Some(*v)).collect::<Vec<_>>()];
        match penalty_reward(&Ratings::new(&names, &overall, &items).unwrap(), &Default::default()) {
            Err(e @ Error::InsufficientData { .. }) => e.to_string(),
            other => panic!("expected InsufficientData, got {other:?}"),
        }
    }

    #[test]
    fn rank_deficient_designs_name_the_item_and_band() {
        // Nobody answered 5: the high dummy never varies.
        let e = insufficient(&[1.0, 2.0, 3.0, 4.0, 3.0, 1.0], &[1.0, 2.0, 3.0, 4.0, 3.0, 2.0]);
        assert!(e.contains("item `wait`, high band 5–5") && e.contains("none of the 6"), "{e}");
        // Only 1, 2 and 5 were answered: low + high = 1, the intercept.
        let e = insufficient(&[1.0, 2.0, 5.0, 5.0, 1.0, 5.0], &[1.0, 2.0, 4.0, 5.0, 2.0, 4.0]);
        assert!(e.contains("item `wait`, high band") && e.contains("combination"), "{e}");
        // Three respondents for two dummies and an intercept.
        let e = insufficient(&[1.0, 3.0, 5.0], &[1.0, 3.0, 5.0]);
        assert!(e.contains("3 respondents for 2 dummies") && e.contains("at least 4"), "{e}");
        // Overall never varies.
        let e = insufficient(&[1.0, 3.0, 5.0, 2.0, 4.0], &[4.0; 5]);
        assert!(e.contains("nothing to explain"), "{e}");
    }

    #[test]
    fn rejects_bad_options() {
        let bad_alpha = PenaltyRewardOptions { alpha: 1.5, ..Default::default() };
        assert!(matches!(run(&bad_alpha), Err(Error::InvalidArgument { .. })));
        let off_scale = PenaltyRewardOptions { scale: Scale::new(1.0, 4.0).unwrap(), ..Default::default() };
        assert!(matches!(run(&off_scale), Err(Error::InvalidArgument { .. })));
    }
}
