//! Net promoter score with the adjusted-Wald interval.

use serde::Serialize;

use super::stats::z_quantile;
use crate::error::{Figure, Part, Shortage};
use crate::{Error, Result};

/// The confidence level used when the analyst does not choose one.
pub const DEFAULT_CONFIDENCE: f64 = 0.95;

/// The net promoter score of a group, on the −100 … 100 scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpsResult {
    /// Number of scores.
    pub n: u64,
    /// Scores of 9 or 10.
    pub promoters: u64,
    /// Scores of 7 or 8.
    pub passives: u64,
    /// Scores of 0 to 6.
    pub detractors: u64,
    /// NPS = 100 (promoters − detractors)/n.
    pub nps: f64,
    /// Lower end of the adjusted-Wald interval, clipped to −100.
    pub ci_low: f64,
    /// Upper end of the adjusted-Wald interval, clipped to 100.
    pub ci_high: f64,
    /// The confidence level of the interval, e.g. 0.95.
    pub confidence: f64,
}

/// The NPS of `scores` (each 0–10) with its adjusted-Wald interval at `confidence` (e.g. 0.95).
///
/// The interval follows Rocks (2016), "Interval estimation for the 'net promoter score'",
/// *The American Statistician* 70(4) (arXiv:1601.07235), as implemented in his R package
/// `NPS` (`nps_test(..., test = "adjusted.wald")`, pseudo-observations 0.75, 1.5, 0.75):
/// add ¾ to the detractors, 1½ to the passives and ¾ to the promoters (n + 3 in all); with
/// the adjusted shares p̃ and d̃, the interval is (p̃ − d̃) ± z √((p̃ + d̃ − (p̃ − d̃)²)/(n + 3)),
/// z the two-sided normal quantile. As in Rocks' method it is centred on the adjusted score,
/// not on the reported `nps`. Both ends are ×100 and clipped to −100 … 100.
///
/// ```
/// use manyi_core::scoring::nps::nps;
/// let r = nps(&[10, 9, 8, 3], 0.95).unwrap();
/// assert_eq!((r.promoters, r.passives, r.detractors), (2, 1, 1));
/// assert_eq!(r.nps, 25.0);
/// assert!(r.ci_low < 25.0 && r.ci_high > 25.0);
/// ```
///
/// # Errors
/// [`Error::InsufficientData`] for no scores; [`Error::InvalidArgument`] for a score above 10
/// or a confidence level not strictly between 0 and 1.
pub fn nps(scores: &[u8], confidence: f64) -> Result<NpsResult> {
    if !(confidence > 0.0 && confidence < 1.0) {
        return Err(Error::InvalidArgument {
            what: "NPS confidence level".into(),
            reason: format!("{confidence} is not between 0 and 1; use e.g. 0.95"),
        });
    }
    if let Some((index, score)) = scores.iter().enumerate().find(|(_, &s)| s > 10) {
        return Err(Error::InvalidArgument {
            what: "NPS score".into(),
            reason: format!(
                "score {score} at position {} is outside 0–10; recommend scores run from 0 to 10",
                index + 1
            ),
        });
    }
    if scores.is_empty() {
        return Err(Error::InsufficientData {
            figure: Figure::NetPromoterScore,
            part: Part::Whole,
            shortage: Shortage::NoScores,
        });
    }
    let promoters = scores.iter().filter(|&&s| s >= 9).count() as u64;
    let detractors = scores.iter().filter(|&&s| s <= 6).count() as u64;
    let n = scores.len() as u64;
    let passives = n - promoters - detractors;

    let n_adj = n as f64 + 3.0;
    let p = (promoters as f64 + 0.75) / n_adj;
    let d = (detractors as f64 + 0.75) / n_adj;
    let centre = p - d;
    let se = ((p + d - centre * centre) / n_adj).sqrt();
    let z = z_quantile(1.0 - (1.0 - confidence) / 2.0);

    Ok(NpsResult {
        n,
        promoters,
        passives,
        detractors,
        nps: 100.0 * (promoters as f64 - detractors as f64) / n as f64,
        ci_low: (100.0 * (centre - z * se)).max(-100.0),
        ci_high: (100.0 * (centre + z * se)).min(100.0),
        confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand_small_sample() {
        // 10, 9, 8, 3: P 2, passive 1, D 1; NPS = 100 (2 − 1)/4 = 25.
        // Adjusted: n 7, p̃ = 2.75/7, d̃ = 1.75/7, centre 1/7 = 0.142857;
        // variance (4.5/7 − 1/49)/7 = (0.642857 − 0.020408)/7 = 0.0889213, se 0.298197;
        // ± 1.959964 · 0.298197 = ± 0.584455 → −44.1598 … 72.7312.
        let r = nps(&[10, 9, 8, 3], 0.95).unwrap();
        assert_eq!((r.n, r.promoters, r.passives, r.detractors), (4, 2, 1, 1));
        assert_eq!(r.nps, 25.0);
        assert!((r.ci_low + 44.1598).abs() < 1e-3, "{}", r.ci_low);
        assert!((r.ci_high - 72.7312).abs() < 1e-3, "{}", r.ci_high);
        assert_eq!(r.confidence, 0.95);
    }

    #[test]
    fn category_boundaries() {
        let r = nps(&[0, 6, 7, 8, 9, 10], 0.95).unwrap();
        assert_eq!((r.promoters, r.passives, r.detractors), (2, 2, 2));
        assert_eq!(r.nps, 0.0);
    }

    #[test]
    fn interval_is_clipped_to_the_scale() {
        // One promoter: n 4, p̃ 1.75/4, d̃ 0.75/4, centre 0.25; variance (0.625 − 0.0625)/4
        // = 0.140625, se 0.375; upper 0.25 + 1.96 · 0.375 = 0.985 (inside); lower −0.485.
        let r = nps(&[10], 0.95).unwrap();
        assert_eq!(r.nps, 100.0);
        assert!((r.ci_high - 100.0 * (0.25 + 1.959964 * 0.375)).abs() < 1e-3);
        // At 99.99 % the same data reach past 100 and are clipped.
        let r = nps(&[10], 0.9999).unwrap();
        assert_eq!(r.ci_high, 100.0);
        let r = nps(&[0], 0.9999).unwrap();
        assert_eq!(r.ci_low, -100.0);
    }

    #[test]
    fn bad_input_is_rejected() {
        assert!(matches!(nps(&[], 0.95), Err(Error::InsufficientData { .. })));
        let e = nps(&[3, 11], 0.95).unwrap_err();
        assert!(matches!(e, Error::InvalidArgument { .. }));
        assert!(e.to_string().contains("11"), "{e}");
        for c in [0.0, 1.0, 95.0, f64::NAN] {
            assert!(matches!(nps(&[5], c), Err(Error::InvalidArgument { .. })), "{c}");
        }
    }
}
