//! One module per subcommand; each reads its files, calls core and writes the result.

pub mod ahp;
pub mod couch_setup;
pub mod drivers;
pub mod export;
pub mod index;
pub mod kano;
pub mod nps;
pub mod pull;
pub mod push;
pub mod questionnaire;
pub mod rates;
pub mod sample;
pub mod score;

use manyi_core::scoring::drivers::Band;
use manyi_core::scoring::scale::Scale;

/// Parses `MIN..MAX` into its two numbers.
fn range(text: &str, option: &str) -> Result<(f64, f64), String> {
    let bad = || format!("--{option} `{text}`: write the range as MIN..MAX, e.g. 1..5");
    let (a, b) = text.split_once("..").ok_or_else(bad)?;
    Ok((a.trim().parse().map_err(|_| bad())?, b.trim().parse().map_err(|_| bad())?))
}

/// Parses a scale option such as `--scale 1..5`.
pub fn scale(text: &str, option: &str) -> Result<Scale, String> {
    let (min, max) = range(text, option)?;
    Scale::new(min, max).map_err(|e| format!("--{option} {text}: {e}"))
}

/// Parses a band option such as `--low 1..2`.
pub fn band(text: &str, option: &str) -> Result<Band, String> {
    let (low, high) = range(text, option)?;
    Ok(Band { low, high })
}
