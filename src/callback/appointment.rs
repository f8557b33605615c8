//! The appointment time as an agent types it at the keyboard: `2026-12-04 15:00`, the digits
//! alone (`202612041500`), `12-04 15:00` (the next such day), `15:00` (today), with `/`, `.` or
//! 年月日 too. A plain text field, not the browser's date-time widget, whose year segment takes
//! six digits (typing `202612041500` into it gave the year 61204).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone};

/// `HH:MM`, `H:MM`, `HH:MM:SS` or four digits `HHMM`.
fn time(text: &str) -> Option<NaiveTime> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveTime::from_hms_opt(text[..2].parse().ok()?, text[2..].parse().ok()?, 0);
    }
    NaiveTime::parse_from_str(text, "%H:%M").or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S")).ok()
}

/// `YYYY-M-D`, `YYYYMMDD`, or `M-D` / `MMDD` (the next such day from `today` on).
fn date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = if digits {
        match text.len() {
            8 => vec![&text[..4], &text[4..6], &text[6..]],
            4 => vec![&text[..2], &text[2..]],
            _ => return None,
        }
    } else {
        text.split('-').collect()
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        [m, d] => {
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            let this_year = NaiveDate::from_ymd_opt(today.year(), m, d)?;
            if this_year >= today {
                Some(this_year)
            } else {
                NaiveDate::from_ymd_opt(today.year() + 1, m, d)
            }
        }
        _ => None,
    }
}

/// The appointment typed, in the offset of `now`; `None` if it cannot be read as a day and a time.
pub fn appointment_time(text: &str, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let normal: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '年' | '月' | '/' | '.' => '-',
            '日' | 'T' | '\u{3000}' => ' ',
            '：' => ':',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = normal.split_whitespace().collect();
    let today = now.date_naive();
    let local = match parts.as_slice() {
        [all] if all.len() == 12 && all.bytes().all(|b| b.is_ascii_digit()) => {
            date(&all[..8], today)?.and_time(time(&all[8..])?)
        }
        [all] if all.len() == 8 && all.bytes().all(|b| b.is_ascii_digit()) => {
            date(&all[..4], today)?.and_time(time(&all[4..])?)
        }
        [t] => today.and_time(time(t)?),
        [d, t] => date(d, today)?.and_time(time(t)?),
        _ => return None,
    };
    now.offset().from_local_datetime(&local).single()
}

/// The time proposed in the field: `2026-11-03 15:00`.
pub fn shown(t: DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}
