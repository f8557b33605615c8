//! One full scoring pass of a questionnaire version's responses, as the analysts receive it: the
//! index ([`Index`]), the Kano table and the drivers, with their options. Computed by
//! [`crate::dataset::Dataset::analyse`]; tabled by [`crate::dataset::Dataset::export`].

use super::drivers::{DriverRow, Missing, PenaltyRewardOptions};
use super::kano::{KanoOptions, KanoResult};
use super::report::{Index, ReportOptions};
use serde::{Deserialize, Serialize};

/// Options of the scoring pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisOptions {
    /// Weights, N/A rule, break-offs, grouping and interval of the index.
    pub report: ReportOptions,
    /// The Kano evaluation table (standard or Pouliot) and class rule.
    pub kano: KanoOptions,
    /// Bands, their scale and the significance of penalty–reward analysis.
    pub drivers: PenaltyRewardOptions,
}

impl Default for AnalysisOptions {
    /// The index's defaults; penalty–reward keeps respondents who skipped an item (N/A counts
    /// as a middle answer), as `manyi score` does, because kiosk items are often N/A.
    fn default() -> Self {
        AnalysisOptions {
            report: ReportOptions::default(),
            kano: KanoOptions::default(),
            drivers: PenaltyRewardOptions { missing: Missing::AsMiddle, ..PenaltyRewardOptions::default() },
        }
    }
}

/// One full scoring pass: the index overall and per dimension by group, the Kano table of the
/// Kano pairs answered, and the drivers of `overall`, all over the same responses (complete
/// ones, and break-offs if the options include them, that pass the filter). Serialisable, so
/// that a web worker can hand it to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The index.
    pub index: Index,
    /// One row per Kano pair answered (empty when the questionnaire has none or nobody answered).
    pub kano: Vec<(String, KanoResult)>,
    /// Penalty–reward, importance, performance and quadrant per item, or why they could not be
    /// computed (no overall item, too few respondents, a band nobody used …).
    pub drivers: std::result::Result<Vec<DriverRow>, String>,
}
