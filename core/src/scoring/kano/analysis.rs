//! The figures of one attribute's Kano study: class, Better/Worse, strengths, Fong's test and
//! the DuMouchel means.

use serde::{Deserialize, Serialize};

use super::{ClassRule, EvaluationTable, KanoAnswer, KanoCategory, KanoCounts, KanoTally};
use crate::error::{Figure, Part, Shortage};
use crate::{Error, Result};

/// The z value of Fong's test (one-sided 5 %), as in DOMAIN.md §3.
pub const FONG_Z: f64 = 1.65;

/// How pairs are classified and how the class is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct KanoOptions {
    /// The evaluation table (default: standard).
    pub table: EvaluationTable,
    /// The class rule (default: mode).
    pub rule: ClassRule,
}

/// Every figure of one attribute (DOMAIN.md §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KanoResult {
    /// Counts of A, O, M, I, R, Q.
    pub counts: KanoCounts,
    /// Number of answers, Q and R included.
    pub n: u64,
    /// The class chosen by the rule.
    pub category: KanoCategory,
    /// When Fong's test finds the two largest of M, O, A, I, R not significantly apart: those
    /// two, larger first (equal counts ranked M, O, A, I, R); otherwise `None`.
    pub mixed: Option<(KanoCategory, KanoCategory)>,
    /// Better (satisfaction coefficient) = (A + O)/(A + O + M + I), 0 to 1.
    /// When A + O + M + I = 0 (every answer R or Q) it is reported as 0.
    pub better: f64,
    /// Worse (dissatisfaction coefficient) = −(O + M)/(A + O + M + I), −1 to 0.
    /// When A + O + M + I = 0 it is reported as 0 (never −0).
    pub worse: f64,
    /// Total strength = (A + O + M)/N.
    pub total_strength: f64,
    /// Category strength = (first − second)/N, first and second the two largest of
    /// M, O, A, I, R (Q left out), N all answers.
    pub category_strength: f64,
    /// Fong's a − b, a ≥ b the two largest of M, O, A, I, R.
    pub fong_difference: u64,
    /// Fong's critical value 1.65 √((a + b)(2n − a − b)/(2n)), n all answers.
    pub fong_critical: f64,
    /// Whether a − b reaches the critical value (not significant when a − b < critical).
    pub fong_significant: bool,
    /// Mean DuMouchel functional score over all pairs; `None` when analysed from counts.
    pub functional_mean: Option<f64>,
    /// Mean DuMouchel dysfunctional score over all pairs; `None` when analysed from counts.
    pub dysfunctional_mean: Option<f64>,
}

impl KanoResult {
    /// The class as analysts write it: the mixed pair such as `"A/I"` when Fong's test does
    /// not separate the two largest categories, otherwise the single letter such as `"O"`.
    pub fn label(&self) -> String {
        match self.mixed {
            Some((first, second)) => format!("{first}/{second}"),
            None => self.category.to_string(),
        }
    }
}

/// Analyses one attribute from its respondents' (functional, dysfunctional) answer pairs, added
/// to a [`KanoTally`]. Besides everything [`analyse_counts`] gives, it reports the DuMouchel means
/// over all pairs (Q and R pairs included).
///
/// # Errors
/// [`Error::InsufficientData`] when there are no pairs; [`Error::InvalidArgument`] for a
/// `moai` threshold outside 0–1.
pub fn analyse_pairs(pairs: &[(KanoAnswer, KanoAnswer)], options: &KanoOptions) -> Result<KanoResult> {
    let mut tally = KanoTally::default();
    pairs.iter().for_each(|&(f, d)| tally.add(f, d));
    tally.finish(options)
}

/// Analyses one attribute from its category counts (the DuMouchel means are `None`).
///
/// ```
/// use manyi_core::scoring::kano::{analyse_counts, KanoCategory, KanoCounts, KanoOptions};
/// let counts = KanoCounts { a: 30, o: 42, m: 18, i: 10, r: 0, q: 0 };
/// let r = analyse_counts(counts, &KanoOptions::default()).unwrap();
/// assert_eq!(r.category, KanoCategory::O);
/// assert!((r.better - 0.72).abs() < 1e-12 && (r.worse + 0.60).abs() < 1e-12);
/// assert!(r.fong_significant);
/// ```
///
/// # Errors
/// [`Error::InsufficientData`] when all counts are 0; [`Error::InvalidArgument`] for a
/// `moai` threshold outside 0–1.
pub fn analyse_counts(counts: KanoCounts, options: &KanoOptions) -> Result<KanoResult> {
    options.rule.validate()?;
    let n = counts.n();
    if n == 0 {
        return Err(Error::InsufficientData {
            figure: Figure::Kano,
            part: Part::Whole,
            shortage: Shortage::NoAnswers,
        });
    }
    let nf = n as f64;
    let aomi = (counts.a + counts.o + counts.m + counts.i) as f64;
    let (better, worse) = if aomi == 0.0 {
        (0.0, 0.0)
    } else {
        let om = counts.o + counts.m;
        let worse = if om == 0 { 0.0 } else { -(om as f64) / aomi };
        ((counts.a + counts.o) as f64 / aomi, worse)
    };

    let (first, second) = counts.top_two();
    let (a, b) = (counts.get(first), counts.get(second));
    let fong_difference = a - b;
    let fong_critical = FONG_Z * (((a + b) * (2 * n - a - b)) as f64 / (2.0 * nf)).sqrt();
    // Finite: n > 0 and a + b ≤ n, so the root is of a number ≥ 0.
    let fong_significant = fong_difference as f64 >= fong_critical;

    Ok(KanoResult {
        counts,
        n,
        category: options.rule.apply(&counts),
        mixed: if fong_significant { None } else { Some((first, second)) },
        better,
        worse,
        total_strength: (counts.a + counts.o + counts.m) as f64 / nf,
        category_strength: counts.category_strength(),
        fong_difference,
        fong_critical,
        fong_significant,
        functional_mean: None,
        dysfunctional_mean: None,
    })
}
