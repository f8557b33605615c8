//! `manyi sample --questionnaire hall|kano|callback --count N --seed S [--start DATE] [--months M]`:
//! synthetic responses as a Manyi JSON bundle, from core's generator.

use crate::output::Output;
use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};

/// The options of the command.
pub struct SampleArgs<'a> {
    /// hall, kano or callback.
    pub questionnaire: &'a str,
    /// How many responses.
    pub count: usize,
    /// The seed.
    pub seed: u64,
    /// First day, YYYY-MM-DD.
    pub start: &'a str,
    /// Calendar months.
    pub months: u32,
    /// UTC offset of the devices, e.g. +08:00.
    pub utc_offset: &'a str,
}

/// Runs the command.
pub fn run(out: &Output, args: &SampleArgs) -> Result<(), String> {
    let kind: SampleKind = args.questionnaire.parse().map_err(|e| format!("--questionnaire: {e}"))?;
    let start = chrono::NaiveDate::parse_from_str(args.start, "%Y-%m-%d")
        .map_err(|_| format!("--start {}: write the date as YYYY-MM-DD, e.g. 2026-01-01", args.start))?;
    if args.months == 0 {
        return Err("--months 0: give at least one month".into());
    }
    let offset: chrono::FixedOffset = args
        .utc_offset
        .parse()
        .map_err(|_| format!("--utc-offset {}: write it as +HH:MM, e.g. +08:00", args.utc_offset))?;
    let options = SampleOptions { count: args.count, seed: args.seed, start, months: args.months, offset };
    out.bytes(&sample_bundle(kind, &options).to_json())
}
