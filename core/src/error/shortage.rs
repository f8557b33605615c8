//! Why a figure could not be computed for want of data, as data: which figure, which part of it
//! (an item, a band of an item, a Kano attribute) and what is short, with the numbers, so the
//! app says it (and what to do) in either language.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A figure that could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figure {
    /// Importance–performance analysis.
    ImportancePerformance,
    /// Weights derived from data.
    DerivedWeights,
    /// Standardised regression coefficients (on overall).
    StandardisedCoefficients,
    /// Correlations with overall.
    Correlations,
    /// An item's performance (its mean).
    Performance,
    /// Penalty–reward analysis.
    PenaltyReward,
    /// Kano classification.
    Kano,
    /// Net promoter score.
    NetPromoterScore,
    /// AHP's principal eigenvector.
    AhpEigenvector,
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Figure::ImportancePerformance => "importance–performance analysis",
            Figure::DerivedWeights => "weights derived from data",
            Figure::StandardisedCoefficients => "standardised regression coefficients",
            Figure::Correlations => "correlations with overall",
            Figure::Performance => "performance",
            Figure::PenaltyReward => "penalty–reward analysis",
            Figure::Kano => "Kano classification",
            Figure::NetPromoterScore => "net promoter score",
            Figure::AhpEigenvector => "AHP principal eigenvector",
        })
    }
}

/// Which part of the figure is short of data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    /// The figure as a whole.
    Whole,
    /// One item.
    Item(String),
    /// One band of an item (penalty–reward's dummies): `high` for the high band, else the low,
    /// answers `from`–`to`.
    Band {
        /// The item.
        item: String,
        /// The high band (else the low).
        high: bool,
        /// The lowest answer in the band.
        from: f64,
        /// The highest answer in the band.
        to: f64,
    },
    /// One Kano attribute.
    Attribute(String),
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::Whole => Ok(()),
            Part::Item(item) => write!(f, ", item `{item}`"),
            Part::Band { item, high, from, to } => {
                let band = if *high { "high" } else { "low" };
                write!(f, ", item `{item}`, {band} band {from}–{to}")
            }
            Part::Attribute(attribute) => write!(f, " of attribute `{attribute}`"),
        }
    }
}

/// What is short.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Shortage {
    /// No (importance, performance) pair to place.
    NoPoints,
    /// No item has a positive association with overall among `n` complete respondents: state
    /// the weights instead.
    NoPositive {
        /// Complete respondents.
        n: usize,
    },
    /// Overall does not vary among the `n` respondents who answered it and every item.
    OverallConstant {
        /// Respondents.
        n: usize,
    },
    /// Every one of the `n` complete respondents gave the item `value`: leave it out.
    ItemConstant {
        /// Respondents.
        n: usize,
        /// The one answer.
        value: f64,
    },
    /// `n` respondents for `coefficients` coefficients (with the intercept): at least
    /// `coefficients` + 1 are needed.
    TooFew {
        /// Respondents.
        n: usize,
        /// Coefficients, the intercept included.
        coefficients: usize,
    },
    /// `n` respondents for `dummies` band dummies and an intercept: at least `dummies` + 2.
    TooFewForDummies {
        /// Respondents.
        n: usize,
        /// Dummies.
        dummies: usize,
    },
    /// The item's answers are a linear combination of the other items': leave it out.
    Collinear,
    /// Nobody answered the item.
    NobodyAnswered,
    /// Every one of the `n` respondents gave overall `overall`: nothing to explain.
    NothingToExplain {
        /// Respondents.
        n: usize,
        /// The one overall answer.
        overall: f64,
    },
    /// None (or, if `all`, all) of the `n` respondents answered in the band: widen it or leave
    /// the item out.
    BandConstant {
        /// Respondents.
        n: usize,
        /// All of them (else none).
        all: bool,
    },
    /// The band's dummy is a combination of the intercept and the other dummies: change the
    /// bands or leave the item out.
    BandCollinear,
    /// The Kano attribute has no answer pair.
    NoAnswers,
    /// No 0–10 score.
    NoScores,
    /// The power iteration did not converge in `steps`: use the geometric mean.
    NotConverged {
        /// Steps taken.
        steps: usize,
    },
}

impl fmt::Display for Shortage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shortage::NoPoints => {
                f.write_str("there are no attributes to place; give at least one (importance, performance) pair")
            }
            Shortage::NoPositive { n } => write!(
                f,
                "no item has a positive association with overall among the {n} complete respondents; state \
                 the weights instead"
            ),
            Shortage::OverallConstant { n } => write!(
                f,
                "overall does not vary among the {n} respondents who answered it and every item; more \
                 complete responses are needed"
            ),
            Shortage::ItemConstant { n, value } => write!(
                f,
                "every one of the {n} complete respondents gave {value}; an item that does not vary says \
                 nothing about overall; leave it out"
            ),
            Shortage::TooFew { n, coefficients } => write!(
                f,
                "{n} respondents for {coefficients} coefficients (with the intercept); at least {} are needed",
                coefficients + 1
            ),
            Shortage::TooFewForDummies { n, dummies } => write!(
                f,
                "{n} respondents for {dummies} dummies and an intercept; at least {} are needed",
                dummies + 2
            ),
            Shortage::Collinear => {
                f.write_str("the item's answers are a linear combination of the other items'; leave it out")
            }
            Shortage::NobodyAnswered => f.write_str("nobody answered the item"),
            Shortage::NothingToExplain { n, overall } => {
                write!(f, "every one of the {n} respondents gave overall {overall}; nothing to explain")
            }
            Shortage::BandConstant { n, all } => write!(
                f,
                "{} of the {n} respondents used answered in this band, so its effect cannot be estimated; \
                 widen the band or leave the item out",
                if *all { "all" } else { "none" }
            ),
            Shortage::BandCollinear => f.write_str(
                "the dummy is a combination of the intercept and the other dummies (e.g. every answer falls \
                 in the low or the high band); change the bands or leave the item out",
            ),
            Shortage::NoAnswers => {
                f.write_str("the attribute has no answers; at least one answer pair is needed")
            }
            Shortage::NoScores => f.write_str("there are no scores; at least one 0–10 answer is needed"),
            Shortage::NotConverged { steps } => {
                write!(f, "power iteration did not converge in {steps} steps; use the geometric mean")
            }
        }
    }
}
