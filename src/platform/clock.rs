//! The wall clock, with the device's own UTC offset (responses keep local time with its offset).

use chrono::{DateTime, FixedOffset, Utc};

/// Now, in the browser's time zone at this instant.
pub fn now() -> DateTime<FixedOffset> {
    let date = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC: −480 at +08:00.
    let offset_seconds = -(date.get_timezone_offset() as i32) * 60;
    let offset = FixedOffset::east_opt(offset_seconds).unwrap_or_else(|| FixedOffset::east_opt(0).unwrap());
    let utc = DateTime::<Utc>::from_timestamp_millis(date.get_time() as i64).unwrap_or_default();
    utc.with_timezone(&offset)
}

/// Now, in milliseconds since the epoch (for stopwatches).
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}
