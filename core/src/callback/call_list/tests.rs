//! Call-list import: good, bad and duplicate rows, English and Chinese headers, UTF-8 with BOM
//! and GB18030, and re-imports that do not duplicate cases.

use super::*;
use crate::callback::queue::CallList;

/// Line numbers in the comments on the right; line 6 is blank (skipped).
const UTF8_LIST: &str =
    "\u{feff}ticket_id,customer_name,phone,ticket_type,ticket_date,hall,customer_class,due_date
GD001,张三,138-1234-5678,repair,2026-10-30,城东营业厅,residential,2026-11-05
GD002,李四,13900000002,refund,2026-10-30,,,
GD003,王五,12345,complaint,2026-10-31,,,
GD001,张三,13812345678,repair,2026-10-30,,,

GD004,赵六,0571-87654321,投诉,2026/11/1,城西营业厅,一般工商业,2026-10-30
GD005,\"钱七, 先生\",13700000005,payment,2026-11-01,,大客户,
GD006,孙八,13600000006,inquiry,2026-13-01,,,
GD007,周九,13500000007,new_connection
,吴十,13400000008,repair,2026-11-01,,,
";

fn rejected_lines(f: &CallListFile) -> Vec<(u64, Option<&str>)> {
    f.rejected.iter().map(|r| (r.line, r.field.as_deref())).collect()
}

#[test]
fn good_rows_kept_bad_rows_reported_with_their_lines() {
    let f = read_call_list(UTF8_LIST.as_bytes(), "list.csv").unwrap();
    assert_eq!(f.encoding, TextEncoding::Utf8);
    let kept: Vec<(u64, &str)> = f.tickets.iter().map(|(l, t)| (*l, t.id.as_str())).collect();
    assert_eq!(kept, [(2, "GD001"), (8, "GD005")]);
    assert_eq!(
        rejected_lines(&f),
        [
            (3, Some("ticket_type")), // refund is no ticket type
            (4, Some("phone")),       // 5 digits
            (5, Some("ticket_id")),   // GD001 again
            (7, Some("due_date")),    // due 30 Oct before the ticket of 1 Nov
            (9, Some("ticket_date")), // month 13
            (10, None),               // 4 fields of 8
            (11, Some("ticket_id")),  // blank id
        ]
    );
    assert!(f.rejected[2].reason.contains("already on line 2"), "{}", f.rejected[2]);
    let kinds: Vec<RowProblem> = f.rejected.iter().map(|r| r.problem).collect();
    assert_eq!(
        kinds,
        [
            RowProblem::TicketType,
            RowProblem::Phone,
            RowProblem::Duplicate,
            RowProblem::DueBeforeTicket,
            RowProblem::Date,
            RowProblem::FieldCount,
            RowProblem::Missing,
        ]
    );
    assert_eq!(RowProblem::Duplicate.label().zh, "工单号重复");
    assert_eq!(
        f.rejected[5].to_string(),
        "line 10: 4 fields where the header has 8; check for a comma inside an unquoted value"
    );

    let (_, gd001) = &f.tickets[0];
    assert_eq!(gd001.phone, "13812345678"); // dashes removed
    assert_eq!(
        (gd001.ticket_type, gd001.customer_class),
        (BusinessType::Repair, Some(CustomerClass::Residential))
    );
    assert_eq!(gd001.hall.as_ref().map(TagValue::as_str), Some("城东营业厅"));
    assert_eq!(gd001.due, NaiveDate::from_ymd_opt(2026, 11, 5));
    let (_, gd005) = &f.tickets[1];
    assert_eq!(gd005.customer, "钱七, 先生");
    assert_eq!((gd005.customer_class, gd005.due), (Some(CustomerClass::LargeIndustrial), None));
}

#[test]
fn gb18030_file_with_chinese_headers() {
    let bytes = include_bytes!("../../../tests/fixtures/callback/call_list_gb18030.csv");
    let f = read_call_list(bytes, "gbk.csv").unwrap();
    assert_eq!(f.encoding, TextEncoding::Gb18030);
    let kept: Vec<(u64, &str, &str)> =
        f.tickets.iter().map(|(l, t)| (*l, t.id.as_str(), t.customer.as_str())).collect();
    assert_eq!(kept, [(2, "GD101", "欧阳娜"), (3, "GD102", "林涛")]);
    let (_, t) = &f.tickets[0];
    assert_eq!(
        (t.ticket_type, t.customer_class),
        (BusinessType::NewConnection, Some(CustomerClass::Important))
    );
    assert_eq!(t.ticket_date, NaiveDate::from_ymd_opt(2026, 10, 28).unwrap()); // 2026年10月28日
    assert_eq!(f.tickets[1].1.ticket_date, NaiveDate::from_ymd_opt(2026, 10, 29).unwrap()); // time dropped
    assert_eq!(rejected_lines(&f), [(4, Some("工单类型")), (5, Some("工单号"))]);
    assert!(f.rejected[0].reason.starts_with("`电费退费` is not a ticket type"), "{}", f.rejected[0]);
}

#[test]
fn reimport_and_overlapping_import_do_not_duplicate() {
    let mut list = CallList::default();
    let first = list.import(UTF8_LIST.as_bytes(), "list.csv").unwrap();
    assert_eq!((first.added.len(), first.already_listed.len(), first.rejected.len()), (2, 0, 7));
    let again = list.import(UTF8_LIST.as_bytes(), "list.csv").unwrap();
    assert_eq!((again.added.len(), again.already_listed.len()), (0, 2));
    let overlap = "ticket_id,customer_name,phone,ticket_type,ticket_date\nGD005,钱七,13700000005,payment,2026-11-01\nGD008,郑十一,13300000009,咨询,2026-11-02\n";
    let s = list.import(overlap.as_bytes(), "more.csv").unwrap();
    assert_eq!(s.added, [TicketId::new("GD008")]);
    assert_eq!(s.already_listed, [TicketId::new("GD005")]);
    let ids: Vec<String> = list.cases.iter().map(|c| c.key.to_string()).collect();
    assert_eq!(ids, ["GD001", "GD005", "GD008"]);
}

#[test]
fn missing_or_doubled_header_is_fatal_and_names_the_file() {
    let e =
        read_call_list("工单号,客户名称,联系电话,受理日期\nA,b,13812345678,2026-11-01\n".as_bytes(), "x.csv")
            .unwrap_err()
            .to_string();
    assert!(
        e.starts_with(
            "x.csv, line 1, column 1: no `ticket_type` column; name it one of `ticket_type`, `工单类型`"
        ),
        "{e}"
    );
    let e =
        read_call_list("ticket_id,工单号,customer_name,phone,ticket_type,ticket_date\n".as_bytes(), "x.csv")
            .unwrap_err();
    assert!(e.to_string().contains("both give `ticket_id`"), "{e}");
}

#[test]
fn value_parsers() {
    assert_eq!(date("20261102"), Ok(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()));
    assert_eq!(date("2026.11.02"), Ok(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()));
    assert_eq!(date("2026-11-02T08:00:00+08:00"), Ok(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()));
    assert!(date("02/11/2026").is_err());
    // The call-back rule of DOMAIN.md §5, the kiosk's too: a mobile's +86 is dropped, a landline
    // keeps its area code; a mobile without 11 digits or a local number without its area code is
    // no number to call.
    assert_eq!(phone("+86 138 1234 5678"), Ok("13812345678".to_owned()));
    assert_eq!(phone("0571 8765 4321"), Ok("0571-87654321".to_owned()));
    assert!(phone("138123456789012345").is_err()); // 18 digits
    assert!(phone("1381234").is_err());
    assert!(phone("87654321").is_err());
    assert_eq!(ticket_type("Complaint"), Ok(BusinessType::Complaint));
    assert_eq!(ticket_type("缴费"), Ok(BusinessType::Payment));
    assert_eq!(customer_class("企业"), Ok(CustomerClass::Business));
    assert!(customer_class("vip").unwrap_err().to_string().contains("residential 居民"));
}
