//! The other tables of the callback screens, preformatted here so the UI only renders them: a
//! case's calls, the problem records with their age, and the outcome rates as percentages.

use super::case::Case;
use super::outcome::Outcome;
use super::problem::{Problem, ProblemLog};
use super::rates::GroupRates;
use crate::text::Text;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

/// A time as shown in the workspace: `2026-11-02 14:00:05`, in its own UTC offset.
pub fn time_text(t: DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// A duration as the call timer shows it: `0:05`, `2:35`, `1:02:03`.
pub fn duration_text(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A rate as a percentage with one decimal, or `—` when its denominator is 0.
pub fn percent_text(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

/// One call of a case's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptRow {
    /// 1, 2, … in time order.
    pub number: usize,
    /// The agent.
    pub interviewer: String,
    /// When it started, as shown.
    pub started: String,
    /// When it started (RFC 3339), for machines.
    pub started_at: String,
    /// How long it lasted, as shown.
    pub duration: String,
    /// The outcome's label.
    pub outcome: Text,
    /// The outcome's AAPOR code.
    pub code: String,
    /// The appointment made, as shown.
    pub appointment: Option<String>,
    /// Whether answers were taken.
    pub interviewed: bool,
}

/// The calls of a case, in time order.
pub fn history(case: &Case) -> Vec<AttemptRow> {
    case.attempts
        .iter()
        .enumerate()
        .map(|(i, a)| AttemptRow {
            number: i + 1,
            interviewer: a.interviewer.to_string(),
            started: time_text(a.started_at),
            started_at: a.started_at.to_rfc3339(),
            duration: duration_text(a.duration_seconds),
            outcome: a.outcome.kind().label(),
            code: a.outcome.disposition().code().to_owned(),
            appointment: match a.outcome {
                Outcome::Appointment { at } => Some(time_text(at)),
                _ => None,
            },
            interviewed: a.response.is_some(),
        })
        .collect()
}

/// One problem record as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProblemRow {
    /// Its id (to act on it).
    pub id: String,
    /// The case it was found on (ticket id or `kiosk-…`), if any.
    pub case: String,
    /// 发现时间.
    pub found: String,
    /// 发现人.
    pub found_by: String,
    /// 问题描述.
    pub what: String,
    /// 责任单位.
    pub responsible_unit: String,
    /// 严重程度.
    pub severity: Text,
    /// 整改措施.
    pub remedy: String,
    /// 整改期限.
    pub deadline: String,
    /// 整改结果.
    pub result: String,
    /// 评价人.
    pub assessed_by: String,
    /// Open (no result yet).
    pub open: bool,
    /// Age in days while open.
    pub age_days: Option<i64>,
    /// Open and past its deadline.
    pub overdue: bool,
}

fn problem_row(p: &Problem, now: DateTime<FixedOffset>) -> ProblemRow {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    ProblemRow {
        id: p.id.to_string(),
        case: p.case.as_ref().map(ToString::to_string).unwrap_or_default(),
        found: time_text(p.found_at),
        found_by: p.found_by.to_string(),
        what: p.what.clone(),
        responsible_unit: text(&p.responsible_unit),
        severity: p.severity.label(),
        remedy: text(&p.remedy),
        deadline: p.deadline.map(|d| d.to_string()).unwrap_or_default(),
        result: text(&p.result),
        assessed_by: p.assessed_by.as_ref().map(ToString::to_string).unwrap_or_default(),
        open: p.is_open(),
        age_days: p.is_open().then(|| p.age_days(now)),
        overdue: p.is_overdue(now),
    }
}

/// The open records first, oldest first, with their age at `now`; then the closed ones, latest
/// closed first.
pub fn problem_rows(log: &ProblemLog, now: DateTime<FixedOffset>) -> Vec<ProblemRow> {
    let open = log.open_problems(now).into_iter().map(|o| problem_row(o.problem, now));
    let mut closed: Vec<&Problem> = log.problems.iter().filter(|p| !p.is_open()).collect();
    closed.sort_by_key(|p| std::cmp::Reverse((p.closed_at, p.id)));
    open.chain(closed.into_iter().map(|p| problem_row(p, now))).collect()
}

/// One group's rates as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateRow {
    /// The group (`all`, an agent, a day).
    pub group: String,
    /// Closed cases counted.
    pub cases: u64,
    /// I, P, R, NC, O, U, NE.
    pub counts: [u64; 7],
    /// RR1, COOP1, REF1, CON1 as percentages.
    pub rates: [String; 4],
}

/// The rows of a rates table.
pub fn rate_rows(groups: &[GroupRates]) -> Vec<RateRow> {
    groups
        .iter()
        .map(|g| {
            let (c, r) = (g.rates.counts, g.rates);
            RateRow {
                group: g.group.clone(),
                cases: c.cases,
                counts: [c.i, c.p, c.r, c.nc, c.o, c.u, c.ne],
                rates: [r.rr1, r.coop1, r.ref1, r.con1].map(percent_text),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::attempt::Attempt;
    use crate::callback::queue::CallList;
    use crate::callback::rates::{rates_by_group, RateClass};
    use crate::callback::scheduling::SchedulingRules;
    use crate::testing::at;

    #[test]
    fn texts_of_times_durations_and_rates() {
        assert_eq!(time_text(at("2026-11-02T14:00:05+08:00")), "2026-11-02 14:00:05");
        assert_eq!(
            (duration_text(5), duration_text(155), duration_text(3723)),
            ("0:05".into(), "2:35".into(), "1:02:03".into())
        );
        // 2/3 = 66.666…% → 66.7%.
        assert_eq!((percent_text(Some(2.0 / 3.0)), percent_text(None)), ("66.7%".into(), "—".into()));
    }

    #[test]
    fn history_and_rates_rows() {
        let mut list = CallList::default();
        list.import(
            "ticket_id,customer_name,phone,ticket_type,ticket_date\nGD1,张三,13812345678,repair,2026-10-30\n"
                .as_bytes(),
            "l.csv",
        )
        .unwrap();
        let key = list.cases[0].key.clone();
        let rules = SchedulingRules::default();
        let appointment = Outcome::Appointment { at: at("2026-11-03T15:00:00+08:00") };
        list.record(&key, Attempt::new("A07", at("2026-11-02T10:00:00+08:00"), 65, appointment), &rules)
            .unwrap();
        let rows = history(&list.cases[0]);
        assert_eq!(rows[0].started, "2026-11-02 10:00:00");
        assert_eq!((rows[0].duration.as_str(), rows[0].code.as_str()), ("1:05", "2.21"));
        assert_eq!(rows[0].appointment.as_deref(), Some("2026-11-03 15:00:00"));
        assert_eq!(rows[0].outcome.zh, "预约回访");
        // 2 complete, 1 refusal, 1 no answer (U): RR1 2/4, COOP1 2/3, REF1 1/4, CON1 3/4.
        let groups = rates_by_group([
            ("all", RateClass::I),
            ("all", RateClass::I),
            ("all", RateClass::R),
            ("all", RateClass::U),
        ]);
        let r = &rate_rows(&groups)[0];
        assert_eq!((r.cases, r.counts), (4, [2, 0, 1, 0, 0, 1, 0]));
        assert_eq!(r.rates, ["50.0%", "66.7%", "25.0%", "75.0%"].map(String::from));
    }

    #[test]
    fn open_problems_first_with_their_age() {
        use crate::callback::problem::{ProblemId, Severity};
        use crate::response::tags::TagValue;
        let problem = |n: u128, found: &str| Problem {
            id: ProblemId(uuid::Uuid::from_u128(n)),
            response: None,
            case: None,
            found_at: at(found),
            found_by: TagValue::new("A07"),
            what: "总体满意度 1 分".into(),
            responsible_unit: None,
            severity: Severity::Serious,
            remedy: None,
            deadline: None,
            result: None,
            assessed_by: None,
            closed_at: None,
        };
        let mut log = ProblemLog::default();
        log.problems.push(problem(1, "2026-11-01T10:00:00+08:00"));
        log.problems.push(problem(2, "2026-10-30T23:30:00+08:00"));
        log.problems.push(problem(3, "2026-10-29T09:00:00+08:00"));
        log.problems[2].close("已上门道歉", "B01", at("2026-11-02T09:00:00+08:00")).unwrap();
        let now = at("2026-11-03T08:00:00+08:00");
        let rows = problem_rows(&log, now);
        let seen: Vec<(char, bool, Option<i64>)> =
            rows.iter().map(|r| (r.id.chars().last().unwrap(), r.open, r.age_days)).collect();
        // Found 30 Oct and 1 Nov, seen on 3 Nov: 4 and 2 calendar days; the closed one has no age.
        assert_eq!(seen, [('2', true, Some(4)), ('1', true, Some(2)), ('3', false, None)]);
        assert_eq!((rows[2].result.as_str(), rows[2].assessed_by.as_str()), ("已上门道歉", "B01"));
    }
}
