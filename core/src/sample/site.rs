//! Where and when a synthetic response was given: a few halls of different size and mood, their
//! counters, the staff at each counter, the counter's tablet, and a time within opening hours.

use super::rng::Rng;
use crate::response::tags::{BusinessType, CustomerClass, TagValue, Tags};
use chrono::{DateTime, Duration, FixedOffset, Months, NaiveDate, NaiveTime, TimeZone};

/// A hall: its name, a short code for staff and device ids, its counters, and how much more
/// (or less) satisfied its customers are on the latent scale.
struct Hall {
    name: &'static str,
    code: &'static str,
    counters: usize,
    mood: f64,
}

const HALLS: [Hall; 6] = [
    Hall { name: "城东营业厅", code: "CD", counters: 6, mood: 0.15 },
    Hall { name: "城西营业厅", code: "CX", counters: 5, mood: -0.05 },
    Hall { name: "城南营业厅", code: "CN", counters: 4, mood: 0.0 },
    Hall { name: "城北营业厅", code: "CB", counters: 4, mood: -0.3 },
    Hall { name: "开发区营业厅", code: "KF", counters: 3, mood: 0.3 },
    Hall { name: "高新区营业厅", code: "GX", counters: 3, mood: 0.05 },
];

/// Where a response was given and the latent-scale effect of the place and the person.
pub(super) struct Place {
    /// Hall, counter, staff and device tags.
    pub tags: Tags,
    /// Hall mood plus staff effect.
    pub effect: f64,
}

/// A counter of a hall and one of the two staff members who take turns at it. Bigger halls see
/// more customers (weight = counters).
pub(super) fn place(rng: &mut Rng) -> Place {
    let weights: Vec<f64> = HALLS.iter().map(|h| h.counters as f64).collect();
    let h = rng.weighted(&weights);
    let hall = &HALLS[h];
    let counter = 1 + rng.below(hall.counters);
    let shift = rng.below(2);
    // A fixed spread of staff effects in −0.32..0.32, the same for every seed, so a staff
    // member's index is stable across samples.
    let staff_effect = ((h * 7 + counter * 3 + shift * 5) % 9) as f64 * 0.08 - 0.32;
    let tags = Tags {
        hall: Some(TagValue::new(hall.name)),
        counter: Some(TagValue::new(counter.to_string())),
        staff: Some(TagValue::new(format!("{}{:03}", hall.code, counter * 2 + shift))),
        device: Some(TagValue::new(format!("{}-K{counter}", hall.code))),
        ..Tags::default()
    };
    Place { tags, effect: hall.mood + staff_effect }
}

/// The period of a sample: `months` calendar months from `start`, at a fixed UTC offset.
#[derive(Debug, Clone, Copy)]
pub(super) struct Period {
    start: NaiveDate,
    days: i64,
    offset: FixedOffset,
}

/// When a response was started, and how many months into the period that is.
pub(super) struct When {
    pub at: DateTime<FixedOffset>,
    pub month: u32,
}

impl Period {
    pub fn new(start: NaiveDate, months: u32, offset: FixedOffset) -> Period {
        let end = start.checked_add_months(Months::new(months.max(1))).unwrap_or(start);
        Period { start, days: (end - start).num_days().max(1), offset }
    }

    /// A day of the period, uniformly, and a time between `open` and `close` (minutes after
    /// midnight), with more customers in the morning (the minimum of two uniform draws).
    pub fn draw(&self, rng: &mut Rng, open: u32, close: u32) -> When {
        let date = self.start + Duration::days(rng.below(self.days as usize) as i64);
        let span = (close - open) as usize;
        let minute = open as usize + rng.below(span).min(rng.below(span));
        let time =
            NaiveTime::from_num_seconds_from_midnight_opt(minute as u32 * 60 + rng.below(60) as u32, 0)
                .expect("within the day");
        let at = self.offset.from_local_datetime(&date.and_time(time)).single().expect("fixed offset");
        let month = (date.year_month() - self.start.year_month()) as u32;
        When { at, month }
    }
}

trait YearMonth {
    fn year_month(&self) -> i32;
}

impl YearMonth for NaiveDate {
    fn year_month(&self) -> i32 {
        use chrono::Datelike;
        self.year() * 12 + self.month0() as i32
    }
}

/// The business handled and its latent-scale effect (complaints and new connections leave
/// customers less satisfied; payments are quick).
pub(super) fn business(rng: &mut Rng) -> (BusinessType, f64) {
    use BusinessType::*;
    const TYPES: [(BusinessType, f64, f64); 7] = [
        (Payment, 0.34, 0.1),
        (NewConnection, 0.08, -0.25),
        (ChangeOfService, 0.10, 0.0),
        (Repair, 0.08, -0.1),
        (Inquiry, 0.25, 0.05),
        (Complaint, 0.05, -0.7),
        (Other, 0.10, 0.0),
    ];
    let weights = TYPES.map(|t| t.1);
    let (b, _, effect) = TYPES[rng.weighted(&weights)];
    (b, effect)
}

/// The kiosk's customer classes: residential, business, other.
pub(super) fn kiosk_class(rng: &mut Rng) -> CustomerClass {
    [CustomerClass::Residential, CustomerClass::Business, CustomerClass::Other]
        [rng.weighted(&[0.72, 0.22, 0.06])]
}

/// A mobile phone number (11 digits, 13x–19x).
pub(super) fn phone(rng: &mut Rng) -> String {
    let second = [3, 5, 7, 8, 9][rng.below(5)];
    let rest = rng.between(0, 999_999_999);
    format!("1{second}{rest:09}")
}
