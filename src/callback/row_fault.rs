//! Why a row of a call list was kept out, in the desk's language (core's [`RowFault`]).

use crate::components::phone_problem;
use manyi_core::callback::call_list::fault::{customer_classes, ticket_types};
use manyi_core::callback::call_list::RowFault;
use manyi_core::Lang;

crate::i18n::texts! {
    R, "Why a row of a call list was kept out.";
    Unreadable => "不是可读的 CSV 行（{d}）", "not readable as CSV ({d})";
    FieldCount => "本行有 {found} 列，表头有 {header} 列：请检查未加引号的值中是否有逗号", "{found} fields where the header has {header}: check for a comma inside an unquoted value";
    Missing => "缺少 {c}：每行都必须填写", "no {c}: every row needs one";
    Phone => "“{t}”不能用于回访：{why}", "`{t}` is not a phone number to call back: {why}";
    TicketType => "“{t}”不是工单类型，请用：{choices}", "`{t}` is not a ticket type; use one of {choices}";
    CustomerClass => "“{t}”不是客户类别，请用：{choices}", "`{t}` is not a customer class; use one of {choices}";
    Date => "“{t}”不是日期，请写作 2026-11-02", "`{t}` is not a date; write it as 2026-11-02";
    DueBeforeTicket => "回访期限 {due} 早于受理日期 {ticket}", "the due date {due} is before the ticket date {ticket}";
    Duplicate => "工单 {t} 已在第 {first} 行，保留第一行", "ticket `{t}` is already on line {first}; the first row is kept";
}

/// `fault` in `lang`.
pub fn row_fault(fault: &RowFault, lang: Lang) -> String {
    match fault {
        RowFault::Unreadable { detail } => R::Unreadable.get(lang).replace("{d}", detail),
        RowFault::FieldCount { found, header } => R::FieldCount
            .get(lang)
            .replace("{found}", &found.to_string())
            .replace("{header}", &header.to_string()),
        RowFault::Missing { column } => R::Missing.get(lang).replace("{c}", column),
        RowFault::Phone { text, problem } => {
            R::Phone.get(lang).replace("{t}", text).replace("{why}", &phone_problem(*problem, lang))
        }
        RowFault::TicketType { text } => {
            R::TicketType.get(lang).replace("{t}", text).replace("{choices}", &ticket_types())
        }
        RowFault::CustomerClass { text } => {
            R::CustomerClass.get(lang).replace("{t}", text).replace("{choices}", &customer_classes())
        }
        RowFault::Date { text } => R::Date.get(lang).replace("{t}", text),
        RowFault::DueBeforeTicket { due, ticket } => R::DueBeforeTicket
            .get(lang)
            .replace("{due}", &due.to_string())
            .replace("{ticket}", &ticket.to_string()),
        RowFault::Duplicate { ticket, first } => {
            R::Duplicate.get(lang).replace("{t}", ticket).replace("{first}", &first.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::callback::call_list::read_call_list;

    #[test]
    fn a_wrong_phone_number_in_a_call_list_is_said_in_chinese() {
        // Line 2: `12345` has five digits and no area code — not a number to call back.
        let csv = "ticket_id,customer_name,phone,ticket_type,ticket_date\nT1,张三,12345,repair,2026-11-02\n";
        let file = read_call_list(csv.as_bytes(), "list.csv").unwrap();
        let row = &file.rejected[0];
        // A number beginning with 1 is read as a mobile: 11 digits, not 5.
        assert_eq!(row_fault(&row.fault, Lang::Zh), "“12345”不能用于回访：手机号码是 11 位，现在是 5 位");
        assert_eq!(
            row_fault(&row.fault, Lang::En),
            "`12345` is not a phone number to call back: A mobile number has 11 digits, not 5"
        );
    }

    #[test]
    fn every_fault_is_said_in_both_languages() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let problem = manyi_core::response::phone::PhoneProblem::MobilePrefix;
        let all = [
            RowFault::Unreadable { detail: "x".into() },
            RowFault::FieldCount { found: 3, header: 5 },
            RowFault::Missing { column: "phone".into() },
            RowFault::Phone { text: "12345".into(), problem },
            RowFault::TicketType { text: "x".into() },
            RowFault::CustomerClass { text: "x".into() },
            RowFault::Date { text: "x".into() },
            RowFault::DueBeforeTicket { due: d, ticket: d },
            RowFault::Duplicate { ticket: "T1".into(), first: 2 },
        ];
        let cjk = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for f in &all {
            let (zh, en) = (row_fault(f, Lang::Zh), row_fault(f, Lang::En));
            assert!(cjk(&zh) && zh != en, "{zh}");
            // The English text names no Chinese, but the ticket types' and classes' own names.
            assert!(!cjk(&en) || en.contains("use one of"), "{en}");
        }
    }
}
