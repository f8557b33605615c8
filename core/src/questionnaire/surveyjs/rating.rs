//! The values of a SurveyJS `rating` question, as survey-core computes them
//! (packages/survey-core/src/question_rating.ts):
//!
//! - defaults (its `Serializer.addClass("rating", …)`): `rateMin` 1, `rateMax` 5, `rateStep` 1,
//!   `rateCount` 5, `rateType` "labels", `autoGenerate` true;
//! - `endLoadingFromJson`: `rateMin` and `rateCount` without `rateMax` give
//!   `rateMax = rateMin + rateStep × (rateCount − 1)`; `rateMax` and `rateCount` without `rateMin` give
//!   `rateMin = rateMax − rateStep × (rateCount − 1)`; `rateCount` alone changes nothing (1–5 stays);
//!   without an `autoGenerate` of its own, a non-empty `rateValues` turns generation off;
//! - `useRateValues`: the listed `rateValues` when there are some and generation is off, otherwise
//!   `createRateValues`: from `rateMin` while ≤ `rateMax` by `rateStep`, at most
//!   `settings.ratingMaximumRateValueCount` (20) values, each rounded to the step's decimals
//!   (`correctValue`); so `rateMax: 10` alone is 1–10;
//! - `calculateRateValues`: smileys show at most 10 values (the first ten);
//! - the property setters' clamps (`onSettingValue`) do not run while loading JSON (jsonobject.ts).

use super::choices::{item_values, ItemValue};
use super::texts::Locales;
use super::values::as_number;
use serde_json::{Map, Value};

/// `settings.ratingMaximumRateValueCount` (packages/survey-core/src/settings.ts).
const MAXIMUM_RATE_VALUE_COUNT: usize = 20;
/// Smileys show at most this many (question_rating.ts, `calculateRateValues`).
const MAXIMUM_SMILEYS: usize = 10;

fn number(q: &Map<String, Value>, key: &str) -> Option<f64> {
    q.get(key).and_then(as_number)
}

/// Rounds `value` to the decimals of `step`, as `correctValue` does.
fn correct(value: f64, step: f64) -> f64 {
    if value == 0.0 || value.round() == value {
        return value;
    }
    let mut step = step;
    let mut decimals = 0;
    while step.round() != step && decimals < 15 {
        step *= 10.0;
        decimals += 1;
    }
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// The rate values the question shows, lowest first, or why there are none.
pub(super) fn rate_values(q: &Map<String, Value>, locales: &mut Locales) -> Result<Vec<ItemValue>, String> {
    let listed = item_values(q.get("rateValues"), locales);
    let auto_generate = match q.get("autoGenerate") {
        Some(Value::Bool(b)) => *b,
        _ if q.contains_key("rateValues") => listed.is_empty(),
        _ => true,
    };
    let smileys = q.get("rateType").or(q.get("rateDisplayMode")).and_then(Value::as_str) == Some("smileys");
    let mut values = if !listed.is_empty() && !auto_generate {
        listed
    } else {
        let step = number(q, "rateStep").unwrap_or(1.0);
        if !(step.is_finite() && step > 0.0) {
            return Err(format!("rateStep {step} is not a positive number"));
        }
        let (min, max, count) = (number(q, "rateMin"), number(q, "rateMax"), number(q, "rateCount"));
        let (min, max) = match (min, max, count) {
            (Some(lo), None, Some(n)) => (lo, lo + step * (n - 1.0)),
            (None, Some(hi), Some(n)) => (hi - step * (n - 1.0), hi),
            (lo, hi, _) => (lo.unwrap_or(1.0), hi.unwrap_or(5.0)),
        };
        let mut out = Vec::new();
        let mut v = min;
        while v <= max && out.len() < MAXIMUM_RATE_VALUE_COUNT {
            let value = if v.fract() == 0.0 {
                Value::from(v as i64)
            } else {
                serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
            };
            out.push(ItemValue { value, text: None, conditional: false });
            v = correct(v + step, step);
        }
        out
    };
    if smileys {
        values.truncate(MAXIMUM_SMILEYS);
    }
    if values.len() < 2 {
        return Err(format!("{} rate value(s); a scale needs at least two", values.len()));
    }
    Ok(values)
}

/// How rate values become Manyi rating points.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Points {
    /// Whole numbers one apart: the points are the values.
    Same { min: i32, max: i32 },
    /// Equally spaced numbers another step apart (`rateStep: 10`, `rateValues: [0, 25, 50]`, …):
    /// points 1…n stand for them in order; rescaled to 0–100 they score exactly the same.
    Indexed,
    /// Not equally spaced numbers, or not numbers.
    NotAScale,
}

/// Whether the values form a scale, and which.
pub(super) fn points(values: &[ItemValue]) -> Points {
    let Some(nums) = values
        .iter()
        .map(|v| as_number(&v.value).filter(|_| !matches!(v.value, Value::Bool(_))))
        .collect::<Option<Vec<f64>>>()
    else {
        return Points::NotAScale;
    };
    let step = nums[1] - nums[0];
    let even =
        step > 0.0 && nums.windows(2).all(|w| ((w[1] - w[0]) - step).abs() <= 1e-9 * step.abs().max(1.0));
    if !even {
        return Points::NotAScale;
    }
    let whole = nums.iter().all(|x| x.fract() == 0.0 && x.abs() < 1e9);
    if whole && step == 1.0 {
        Points::Same { min: nums[0] as i32, max: nums[nums.len() - 1] as i32 }
    } else {
        Points::Indexed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn values(q: Value) -> Result<Vec<Value>, String> {
        let q = q.as_object().unwrap().clone();
        rate_values(&q, &mut Locales::default()).map(|vs| vs.into_iter().map(|v| v.value).collect())
    }

    #[test]
    fn survey_core_defaults() {
        // Worked from question_rating.ts (see the module's comment), not from this code.
        assert_eq!(values(json!({})).unwrap(), [json!(1), json!(2), json!(3), json!(4), json!(5)]);
        assert_eq!(values(json!({"rateMax": 10})).unwrap().len(), 10, "rateMax 10 alone is 1–10");
        assert_eq!(values(json!({"rateMax": 10})).unwrap()[0], json!(1));
        assert_eq!(values(json!({"rateMin": 0, "rateMax": 10})).unwrap().len(), 11);
        // The survey-core test "rate params loading from json": rateCount 6 with rateMin 2 is 2–7,
        // with rateMax 7 it is 2–7 too.
        assert_eq!(values(json!({"rateCount": 6, "rateMin": 2})).unwrap().last(), Some(&json!(7)));
        assert_eq!(values(json!({"rateCount": 6, "rateMax": 7})).unwrap()[0], json!(2));
        // rateCount alone changes nothing; with both ends it is recomputed from them.
        assert_eq!(values(json!({"rateCount": 10})).unwrap().len(), 5);
        assert_eq!(values(json!({"rateCount": 1, "rateMin": 2, "rateMax": 7})).unwrap().len(), 6);
        // Listed values win over generation unless autoGenerate says otherwise.
        assert_eq!(values(json!({"rateValues": [1, 2, 3], "rateMax": 7})).unwrap().len(), 3);
        assert_eq!(
            values(json!({"rateValues": [1, 2, 3], "rateMin": 2, "rateMax": 7, "autoGenerate": true}))
                .unwrap()
                .len(),
            6
        );
        // A step of 0.5 from 1 to 3: 1, 1.5, 2, 2.5, 3.
        assert_eq!(
            values(json!({"rateMin": 1, "rateMax": 3, "rateStep": 0.5})).unwrap(),
            [json!(1), json!(1.5), json!(2), json!(2.5), json!(3)]
        );
        // At most 20 values; smileys at most 10.
        assert_eq!(values(json!({"rateMin": 0, "rateMax": 100})).unwrap().len(), 20);
        assert_eq!(values(json!({"rateMin": 0, "rateMax": 10, "rateType": "smileys"})).unwrap().len(), 10);
    }

    #[test]
    fn which_values_are_a_scale() {
        let scale = |q: Value| points(&rate_values(q.as_object().unwrap(), &mut Locales::default()).unwrap());
        assert_eq!(scale(json!({"rateMin": 0, "rateMax": 10})), Points::Same { min: 0, max: 10 });
        assert_eq!(scale(json!({"rateMin": 0, "rateMax": 100, "rateStep": 10})), Points::Indexed);
        assert_eq!(
            scale(json!({"rateValues": ["1|Poor", "2|Fair", "3|Good"]})),
            Points::Same { min: 1, max: 3 }
        );
        assert_eq!(scale(json!({"rateValues": [3, 6, 10]})), Points::NotAScale);
        assert_eq!(scale(json!({"rateValues": ["low", "high"]})), Points::NotAScale);
    }
}
