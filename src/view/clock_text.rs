//! Times and dates as the kiosk writes and reads them (opening hours, the next opening, export
//! file names), spelt out by hand: chrono's strftime would bring its format parser into the
//! kiosk's wasm for these four patterns. Tested against chrono's own formatting.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, NaiveTime, Timelike};
use manyi_core::Lang;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `08:30` (chrono's `%H:%M`).
pub fn hhmm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A time of day typed as `8:30`, `08:30` or `08:30:15`.
pub fn parse_hhmm(text: &str) -> Option<NaiveTime> {
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())?
    };
    let parts: Vec<&str> = text.trim().split(':').collect();
    let (hour, minute, second) = match parts[..] {
        [h, m] => (number(h, 1..=2)?, number(m, 2..=2)?, 0),
        [h, m, s] => (number(h, 1..=2)?, number(m, 2..=2)?, number(s, 2..=2)?),
        _ => return None,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// `20261123-1005`, for file names (chrono's `%Y%m%d-%H%M`).
pub fn stamp(t: &DateTime<FixedOffset>) -> String {
    format!("{:04}{:02}{:02}-{:02}{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute())
}

/// When the hall opens again, after its label: `：12月04日 08:30` or `: Thu 04 Dec, 08:30`.
pub fn next_opening(t: NaiveDateTime, lang: Lang) -> String {
    let time = hhmm(t.time());
    match lang {
        Lang::Zh => format!("：{:02}月{:02}日 {time}", t.month(), t.day()),
        Lang::En => {
            let weekday = WEEKDAYS[t.weekday().num_days_from_monday() as usize];
            format!(": {weekday} {:02} {}, {time}", t.day(), MONTHS[t.month0() as usize])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_as_chronos_formats() {
        let t = DateTime::parse_from_rfc3339("2026-12-03T08:05:09+08:00").unwrap();
        assert_eq!(stamp(&t), t.format("%Y%m%d-%H%M").to_string());
        assert_eq!(hhmm(t.time()), t.format("%H:%M").to_string());
        for day in 0..14 {
            let n = t.naive_local() + chrono::Duration::days(day) + chrono::Duration::hours(day * 3);
            assert_eq!(next_opening(n, Lang::Zh), n.format("：%m月%d日 %H:%M").to_string());
            assert_eq!(next_opening(n, Lang::En), n.format(": %a %d %b, %H:%M").to_string());
        }
    }

    #[test]
    fn times_of_day_as_typed() {
        let t = |h, m, s| NaiveTime::from_hms_opt(h, m, s);
        assert_eq!(parse_hhmm("08:30"), t(8, 30, 0));
        assert_eq!(parse_hhmm(" 8:30 "), t(8, 30, 0));
        assert_eq!(parse_hhmm("17:30:15"), t(17, 30, 15));
        for bad in ["", "8", "8:3", "24:00", "08:60", "08:30:", "08:30:15:00", "ab:cd", "-1:30", "008:30"] {
            assert_eq!(parse_hhmm(bad), None, "{bad:?}");
        }
    }
}
