//! What the callback screens show, computed here so the UI only renders it: queue rows with the
//! phone masked and labels in both languages, and the interview script with the ticket's facts.

use super::case::{Case, CaseKey, CaseStatus};
use super::export::Privacy;
use super::kiosk_visit::kiosk_script;
use super::queue::{CallList, CaseFilter};
use super::scheduling::SchedulingRules;
use crate::questionnaire::Questionnaire;
use crate::text::Text;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

/// One row of the queue or of a case's header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseRow {
    /// The case's key (to act on it).
    pub key: CaseKey,
    /// The key as text (`GD001`, `kiosk-…`), for the page's data attributes.
    pub title: String,
    /// The case as the agent reads it: the ticket id, or 营业厅评价 and the visit's time for a
    /// kiosk request (`营业厅评价 11-02 09:00`).
    pub label: Text,
    /// The customer's name, or 未留姓名 / "name not given" when unknown.
    pub customer: Text,
    /// The phone number, masked unless allowed.
    pub phone: String,
    /// The ticket type's label (empty when unknown).
    pub ticket_type: Text,
    /// `2026-11-02`.
    pub ticket_date: String,
    /// `2026-11-05`, or empty.
    pub due: String,
    /// The priority's label.
    pub priority: Text,
    /// Whether it is a service-recovery case (to highlight it).
    pub service_recovery: bool,
    /// Open or closed.
    pub status: CaseStatus,
    /// The status's label, or the final code's label when closed.
    pub status_label: Text,
    /// Calls made.
    pub attempts: u32,
    /// Calls left before the cap.
    pub attempts_left: u32,
    /// The last call's outcome label.
    pub last_outcome: Option<Text>,
    /// When it may be called again (RFC 3339), if later than now; or the appointment.
    pub next_call_at: Option<String>,
    /// Whether it may be called now.
    pub callable: bool,
    /// Whether it is an appointment due now or later.
    pub appointment: bool,
    /// Past its due date.
    pub overdue: bool,
}

/// The row of a case at `now`.
pub fn case_row(
    case: &Case,
    now: DateTime<FixedOffset>,
    rules: &SchedulingRules,
    privacy: Privacy,
) -> CaseRow {
    let status_label = match case.final_disposition {
        Some(d) => {
            Text::new(format!("{} {}", d.code(), d.label().zh), format!("{} {}", d.code(), d.label().en))
        }
        None => case.status().label(),
    };
    CaseRow {
        key: case.key.clone(),
        title: case.key.to_string(),
        label: case_label(case),
        customer: case
            .customer
            .as_ref()
            .map_or_else(|| Text::new("未留姓名", "Name not given"), |c| Text::new(c, c)),
        phone: privacy.phone(&case.phone),
        ticket_type: case.ticket_type.map(|t| t.label()).unwrap_or_default(),
        ticket_date: case.ticket_date.to_string(),
        due: case.due.map(|d| d.to_string()).unwrap_or_default(),
        priority: case.priority.label(),
        service_recovery: case.priority == super::case::Priority::ServiceRecovery,
        status: case.status(),
        status_label,
        attempts: case.attempts.len() as u32,
        attempts_left: case.attempts_left(rules),
        last_outcome: case.attempts.last().map(|a| a.outcome.kind().label()),
        next_call_at: case
            .next_call_at
            .filter(|t| *t > now || case.pending_appointment().is_some())
            .map(|t| t.to_rfc3339()),
        callable: case.is_callable(now),
        appointment: case.pending_appointment().is_some(),
        overdue: case.is_overdue(now),
    }
}

/// A case as the agent reads it: a ticket by its id; a kiosk request as 营业厅评价 with the
/// visit's day and time (`营业厅评价 11-02 09:00`), not its response id.
pub fn case_label(case: &Case) -> Text {
    match (&case.key, &case.kiosk) {
        (CaseKey::Kiosk(_), Some(v)) => {
            let when = v.visited_at.format("%m-%d %H:%M");
            Text::new(format!("营业厅评价 {when}"), format!("Kiosk {when}"))
        }
        (CaseKey::Kiosk(_), None) => {
            let day = case.ticket_date.format("%m-%d");
            Text::new(format!("营业厅评价 {day}"), format!("Kiosk {day}"))
        }
        (CaseKey::Ticket(t), _) => Text::new(t.as_str(), t.as_str()),
    }
}

/// The queue as shown: the cases passing `filter`, in queue order at `now`.
pub fn queue_rows(
    list: &CallList,
    now: DateTime<FixedOffset>,
    filter: &CaseFilter,
    rules: &SchedulingRules,
    privacy: Privacy,
) -> Vec<CaseRow> {
    list.cases_in_order(now, filter).into_iter().map(|c| case_row(c, now, rules, privacy)).collect()
}

/// The questionnaire's script with the case's facts put in: `{customer}`, `{ticket_type}`,
/// `{ticket_date}`, `{ticket}` and `{agent}`, each language with its own labels. An unknown
/// customer is 客户 / "customer"; an unknown ticket type 业务 / "service". A kiosk request has
/// its own script ([`kiosk_script`]): the customer gave no account number to verify, and is
/// called about the visit.
pub fn script(q: &Questionnaire, case: &Case, agent: &str) -> Vec<Text> {
    if let (CaseKey::Kiosk(_), Some(visit)) = (&case.key, &case.kiosk) {
        return kiosk_script(case, visit, agent);
    }
    let customer = case.customer.clone();
    let fill = |line: &str, zh: bool| {
        let pick = |t: Text| if zh { t.zh } else { t.en };
        let name = customer.clone().unwrap_or_else(|| pick(Text::new("客户", "customer")));
        let kind = pick(case.ticket_type.map_or_else(|| Text::new("业务", "service"), |t| t.label()));
        line.replace("{customer}", &name)
            .replace("{ticket_type}", &kind)
            .replace("{ticket_date}", &case.ticket_date.to_string())
            .replace("{ticket}", &case.key.to_string())
            .replace("{agent}", agent)
    };
    q.script.iter().map(|t| Text::new(fill(&t.zh, true), fill(&t.en, false))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::attempt::Attempt;
    use crate::callback::outcome::Outcome;
    use crate::questionnaire::builtin::Builtin;
    use crate::testing::at;

    fn list() -> CallList {
        let mut l = CallList::default();
        let csv = "工单号,客户名称,联系电话,工单类型,受理日期,回访期限\nGD9,李四,13812345678,故障报修,2026-10-30,2026-11-01\n";
        l.import(csv.as_bytes(), "l.csv").unwrap();
        l
    }

    #[test]
    fn script_has_the_ticket_facts_in_each_language() {
        let l = list();
        let lines = script(&Builtin::Callback.questionnaire(), &l.cases[0], "A07");
        assert_eq!(lines[0].zh, "您好！我是供电公司客户服务中心回访员，工号A07。");
        assert!(lines[1].zh.contains("请问您是李四吗"));
        assert_eq!(lines[2].zh, "您于2026-10-30办理了故障报修业务（工单号GD9），占用您几分钟时间做个回访。");
        assert!(
            lines[2].en.starts_with("On 2026-10-30 you had a Repair report service (ticket GD9)"),
            "{}",
            lines[2].en
        );
    }

    #[test]
    fn row_masks_the_phone_and_shows_the_retry() {
        let mut l = list();
        let rules = SchedulingRules::default();
        let now = at("2026-11-02T10:00:00+08:00");
        let row = case_row(&l.cases[0], now, &rules, Privacy::default());
        assert_eq!(
            (row.phone.as_str(), row.callable, row.overdue, row.attempts_left),
            ("138****5678", true, true, 5)
        );
        let shown = case_row(&l.cases[0], now, &rules, Privacy { show_phone_numbers: true });
        assert_eq!(shown.phone, "13812345678");
        let key = l.cases[0].key.clone();
        l.record(&key, Attempt::new("A07", now, 30, Outcome::Busy), &rules).unwrap();
        // 10:00:30 + 15 min busy delay = 10:15:30.
        let row = case_row(&l.cases[0], now, &rules, Privacy::default());
        assert_eq!(row.next_call_at.as_deref(), Some("2026-11-02T10:15:30+08:00"));
        assert_eq!((row.callable, row.attempts, row.last_outcome.unwrap().zh.as_str()), (false, 1, "占线"));
        assert_eq!(row.status_label.en, "Open");
    }
}
