//! Times and dates as the kiosk and the field app write and read them (opening hours, the next
//! opening, export file names, a visit's time), spelt out by hand: chrono's strftime would bring
//! its format parser (about 20 KB of wasm) into those areas for these few patterns. Tested
//! against chrono's own formatting and parsing.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};
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

/// `2026-11-20 10:05`, a time for people (chrono's `%Y-%m-%d %H:%M`).
pub fn minute_text(t: &DateTime<FixedOffset>) -> String {
    let (date, time) = (t.date_naive(), hhmm(t.time()));
    format!("{:04}-{:02}-{:02} {time}", date.year(), date.month(), date.day())
}

/// `2026-11-20T10:05`, as a `datetime-local` field shows a time (chrono's `%Y-%m-%dT%H:%M`).
pub fn local_field(t: &DateTime<FixedOffset>) -> String {
    minute_text(t).replacen(' ', "T", 1)
}

/// A `datetime-local` field's value (`2026-11-20T10:05`, seconds optional) in the device's
/// `offset`.
pub fn parse_local_field(text: &str, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    let (date, time) = text.trim().split_once('T')?;
    let mut parts = date.split('-');
    let mut number = |digits: std::ops::RangeInclusive<usize>| {
        let part =
            parts.next().filter(|p| digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))?;
        part.parse::<u32>().ok()
    };
    let (year, month, day) = (number(4..=4)?, number(1..=2)?, number(1..=2)?);
    if parts.next().is_some() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let time = parse_hhmm(time)?;
    offset.from_local_datetime(&date.and_time(time)).single()
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
    fn visit_times_as_chrono_writes_and_reads_them() {
        let offset = FixedOffset::east_opt(8 * 3600).unwrap();
        for text in ["2026-12-03T08:05:09+08:00", "2027-01-31T23:59:00+08:00", "2026-02-28T00:00:00+08:00"] {
            let t = DateTime::parse_from_rfc3339(text).unwrap();
            assert_eq!(minute_text(&t), t.format("%Y-%m-%d %H:%M").to_string());
            assert_eq!(local_field(&t), t.format("%Y-%m-%dT%H:%M").to_string());
        }
        let chrono = |text: &str| {
            NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M")
                .or_else(|_| NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M:%S"))
                .ok()
                .and_then(|n| offset.from_local_datetime(&n).single())
        };
        let fields = [
            "2026-11-20T10:05",
            " 2026-11-20T10:05:30 ",
            "2026-02-29T10:05",
            "2028-02-29T23:59",
            "2026-11-20T24:00",
            "2026-11-20",
            "2026-11-20T10",
            "2026-1-20T10:05",
            "2026-11-20 10:05",
            "yesterday",
            "",
            "2026-11-20T10:05:30:00",
            "2026-13-01T10:05",
            "2026-11-20-01T10:05",
        ];
        for text in fields {
            assert_eq!(parse_local_field(text, offset), chrono(text), "{text:?}");
        }
        // Unlike chrono's `%Y`, a year has four digits (as the field writes it).
        assert_eq!(parse_local_field("26-11-20T10:05", offset), None);
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
