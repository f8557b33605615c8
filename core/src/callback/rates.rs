//! Outcome rates of the AAPOR Standard Definitions: response (RR1), cooperation (COOP1), refusal
//! (REF1) and contact (CON1), from cases' final codes — per list, per agent and per day.
//!
//! Formulas, with U = UH + UO (every 3.x code):
//! - RR1 = I / ((I + P) + (R + NC + O) + U)
//! - COOP1 = I / ((I + P) + R + O)
//! - REF1 = R / ((I + P) + (R + NC + O) + U)
//! - CON1 = ((I + P) + R + O) / ((I + P) + R + O + NC + U)
//!
//! Checked against AAPOR, *Standard Definitions: Final Dispositions of Case Codes and Outcome
//! Rates for Surveys* (2016, "Calculating rates from response distributions"), as restated in
//! rOpenSci's `outcomerate` package (R/outcomerate.R, which cites it) and in AAPOR's own note
//! "Updates in Response Rate Calculator 4.1" (COOP1 = I / ((I + P) + R + O)). Not-eligible cases
//! (4.x) are counted but enter no rate. A rate whose denominator is 0 is `None` (an empty CSV
//! cell, JSON `null`), never 0 or NaN.

use super::case::{Case, CaseKey};
use super::queue::CallList;
use crate::code::coded_enum;
use crate::response::disposition::Disposition;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

coded_enum! {
    /// The AAPOR class of a final code.
    RateClass {
        /// 1.1 complete interview.
        I = "I", "完成", "Complete interview";
        /// 1.2 partial interview.
        P = "P", "部分完成", "Partial interview";
        /// 2.1x refusal and break-off.
        R = "R", "拒访与中断", "Refusal and break-off";
        /// 2.2x non-contact.
        NC = "NC", "未接触", "Non-contact";
        /// 2.3x other eligible non-interview.
        O = "O", "其他", "Other";
        /// 3.x unknown eligibility.
        U = "U", "资格未知", "Unknown eligibility";
        /// 4.x not eligible.
        NE = "NE", "不合格", "Not eligible";
    }
}

impl RateClass {
    /// The class of an AAPOR code, by its place in the hierarchy: `1.1…` I, `1.2…` P, `2.1…` R,
    /// `2.2…` NC, `2.3…` O, `3.…` U, `4.…` NE (so sub-codes such as `2.221` or `3.13` are read
    /// too). Anything else — `2.0`, `1.3`, `5.1`, text — is refused with a message.
    pub fn of_code(code: &str) -> Result<RateClass, String> {
        let code = code.trim();
        let bad = || {
            format!(
                "`{code}` is not an AAPOR final code; use 1.1 (complete), 1.2 (partial), 2.1x (refusal, \
                 break-off), 2.2x (non-contact), 2.3x (other), 3.x (unknown eligibility) or 4.x (not eligible)"
            )
        };
        let (major, minor) = code.split_once('.').ok_or_else(bad)?;
        if minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        match (major, minor.as_bytes()[0]) {
            ("1", b'1') => Ok(RateClass::I),
            ("1", b'2') => Ok(RateClass::P),
            ("2", b'1') => Ok(RateClass::R),
            ("2", b'2') => Ok(RateClass::NC),
            ("2", b'3') => Ok(RateClass::O),
            ("3", _) => Ok(RateClass::U),
            ("4", _) => Ok(RateClass::NE),
            _ => Err(bad()),
        }
    }
}

impl Disposition {
    /// The AAPOR class of this code.
    pub fn rate_class(self) -> RateClass {
        RateClass::of_code(self.code()).expect("every Disposition code is an AAPOR code (tested)")
    }
}

/// Cases counted per class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateCounts {
    /// Every case counted, not-eligible ones included.
    pub cases: u64,
    /// Complete.
    pub i: u64,
    /// Partial.
    pub p: u64,
    /// Refusal and break-off.
    pub r: u64,
    /// Non-contact.
    pub nc: u64,
    /// Other.
    pub o: u64,
    /// Unknown eligibility.
    pub u: u64,
    /// Not eligible.
    pub ne: u64,
}

/// The counts and the four rates; a rate is `None` when its denominator is 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OutcomeRates {
    /// The counts.
    pub counts: RateCounts,
    /// Response rate 1.
    pub rr1: Option<f64>,
    /// Cooperation rate 1.
    pub coop1: Option<f64>,
    /// Refusal rate 1.
    pub ref1: Option<f64>,
    /// Contact rate 1.
    pub con1: Option<f64>,
}

fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

impl RateCounts {
    /// Counts one more case of `class`.
    pub fn add(&mut self, class: RateClass) {
        self.cases += 1;
        *match class {
            RateClass::I => &mut self.i,
            RateClass::P => &mut self.p,
            RateClass::R => &mut self.r,
            RateClass::NC => &mut self.nc,
            RateClass::O => &mut self.o,
            RateClass::U => &mut self.u,
            RateClass::NE => &mut self.ne,
        } += 1;
    }

    /// RR1, COOP1, REF1 and CON1 of these counts.
    pub fn rates(self) -> OutcomeRates {
        let RateCounts { i, p, r, nc, o, u, .. } = self;
        let all_eligible_or_unknown = (i + p) + (r + nc + o) + u;
        OutcomeRates {
            counts: self,
            rr1: ratio(i, all_eligible_or_unknown),
            coop1: ratio(i, (i + p) + r + o),
            ref1: ratio(r, all_eligible_or_unknown),
            con1: ratio((i + p) + r + o, (i + p) + r + o + nc + u),
        }
    }
}

/// The rates of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRates {
    /// The group's name (`all` for the whole list).
    pub group: String,
    /// Its rates.
    pub rates: OutcomeRates,
}

/// The rates of each group of `(group, class)` pairs, groups sorted by name.
pub fn rates_by_group<G: Into<String>>(rows: impl IntoIterator<Item = (G, RateClass)>) -> Vec<GroupRates> {
    let mut groups: BTreeMap<String, RateCounts> = BTreeMap::new();
    for (g, class) in rows {
        groups.entry(g.into()).or_default().add(class);
    }
    groups.into_iter().map(|(group, counts)| GroupRates { group, rates: counts.rates() }).collect()
}

/// How the cases of a list are grouped for rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatesBy {
    /// By list: all cases, then the kiosk's requests and each imported file apart.
    List,
    /// By the agent who made the closing call.
    Agent,
    /// By the day of the closing call (`2026-11-02`, in the offset it was recorded in).
    Day,
}

/// The group of the kiosk's call-back requests in the rates per list.
pub const KIOSK_LIST: &str = "kiosk";
/// The group of imported cases whose file is not known (imported before lists were named).
pub const IMPORTED_LIST: &str = "imported";
/// The group of every case, first in the rates per list.
pub const ALL: &str = "all";

/// The list a case belongs to: the kiosk's requests, or the file it was imported from.
fn list_of(c: &Case) -> String {
    match (&c.key, &c.list) {
        (CaseKey::Kiosk(_), _) => KIOSK_LIST.to_owned(),
        (CaseKey::Ticket(_), Some(file)) => file.clone(),
        (CaseKey::Ticket(_), None) => IMPORTED_LIST.to_owned(),
    }
}

impl CallList {
    /// The rates of the closed cases (open cases have no final code yet and are left out). Per
    /// list: every case ([`ALL`]) first, then the kiosk's requests ([`KIOSK_LIST`]) and each
    /// imported file by name, apart.
    pub fn rates(&self, by: RatesBy) -> Vec<GroupRates> {
        let closed = || self.cases.iter().filter_map(|c| Some((c, c.final_disposition?.rate_class())));
        let group = |c: &Case| -> String {
            let last = c.attempts.last();
            match by {
                RatesBy::List => list_of(c),
                RatesBy::Agent => last.map_or_else(String::new, |a| a.interviewer.to_string()),
                RatesBy::Day => last.map_or_else(String::new, |a| a.started_at.date_naive().to_string()),
            }
        };
        let groups = rates_by_group(closed().map(|(c, class)| (group(c), class)));
        match by {
            RatesBy::List if !groups.is_empty() => {
                rates_by_group(closed().map(|(_, class)| (ALL, class))).into_iter().chain(groups).collect()
            }
            _ => groups,
        }
    }
}

#[cfg(test)]
mod tests;
