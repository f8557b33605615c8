//! Reading a call list exported by the ticket system: CSV in UTF-8 (with or without BOM) or
//! GB18030/GBK, English or Chinese headers. Good rows become tickets; bad rows are reported with
//! their line and reason and do not stop the import.

use super::case::{Ticket, TicketId};
use crate::code::coded_enum;
use crate::error::{Error, Position, Result};
use crate::io::text::{decode, TextEncoding};
use crate::io::tidy::LineCounter;
use crate::response::phone::PhoneNumber;
use crate::response::tags::{BusinessType, CustomerClass, TagValue};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub mod fault;
pub use fault::RowFault;

/// The columns of a call list and the headers accepted for each: the English id first, then the
/// Chinese headers of a State Grid ticket export. Headers are trimmed and compared ignoring ASCII
/// case; other columns are ignored. The first five are required.
pub const CALL_LIST_HEADERS: [(&str, &[&str]); 8] = [
    ("ticket_id", &["ticket_id", "工单号", "工单编号"]),
    ("customer_name", &["customer_name", "客户名称", "户名"]),
    ("phone", &["phone", "联系电话", "联系方式", "手机号码"]),
    ("ticket_type", &["ticket_type", "工单类型", "业务类型"]),
    ("ticket_date", &["ticket_date", "受理日期", "受理时间"]),
    ("hall", &["hall", "营业厅", "受理营业厅"]),
    ("customer_class", &["customer_class", "客户类别", "客户分类"]),
    ("due_date", &["due_date", "回访期限", "回访截止日期"]),
];
const REQUIRED: usize = 5;

coded_enum! {
    /// What kind of fault kept a row out, for a short label in either language (the reason
    /// says the details).
    RowProblem {
        /// The row is not valid CSV.
        Unreadable = "unreadable", "无法读取", "Not readable";
        /// More or fewer fields than the header.
        FieldCount = "field_count", "列数不符", "Wrong number of fields";
        /// A required value is blank.
        Missing = "missing", "缺少必填项", "Missing value";
        /// Not a phone number.
        Phone = "phone", "电话号码无效", "Not a phone number";
        /// Not one of the ticket types.
        TicketType = "ticket_type", "工单类型无效", "Unknown ticket type";
        /// Not one of the customer classes.
        CustomerClass = "customer_class", "客户类别无效", "Unknown customer class";
        /// Not a date.
        Date = "date", "日期无效", "Not a date";
        /// The due date is before the ticket date.
        DueBeforeTicket = "due_before_ticket", "回访期限早于受理日期", "Due before the ticket date";
        /// The ticket id is on an earlier line of the file.
        Duplicate = "duplicate", "工单号重复", "Duplicate ticket";
    }
}

/// A row that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectedRow {
    /// 1-based line in the file.
    pub line: u64,
    /// The kind of fault.
    pub problem: RowProblem,
    /// The header of the column at fault, if one is.
    pub field: Option<String>,
    /// What is wrong and what to do, in English.
    pub reason: String,
    /// What is wrong, as data: the app says it in either language.
    pub fault: RowFault,
}

impl RejectedRow {
    /// The row at `line` kept out for `fault`, in the column headed `field`.
    pub fn new(line: u64, field: Option<String>, fault: RowFault) -> RejectedRow {
        RejectedRow { line, problem: fault.problem(), field, reason: fault.to_string(), fault }
    }
}

impl std::fmt::Display for RejectedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(field) = &self.field {
            write!(f, " (`{field}`)")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What a call-list file held: its good rows as tickets (with their lines) and its bad rows.
#[derive(Debug, Clone, PartialEq)]
pub struct CallListFile {
    /// The tickets of the good rows, with their 1-based lines, in file order.
    pub tickets: Vec<(u64, Ticket)>,
    /// The bad rows, in file order.
    pub rejected: Vec<RejectedRow>,
    /// The encoding the file was read in.
    pub encoding: TextEncoding,
}

/// Reads a call list. Fatal only when the file has no header or lacks a required column (the
/// error names the file and lists the headers accepted); every other problem rejects one row:
/// a wrong number of fields, a missing value, an unknown ticket type or customer class, a bad
/// phone number or date, a due date before the ticket date, or a ticket id already met on an
/// earlier line of the file (the first row is kept).
///
/// Values: ticket types by code (`repair`), Chinese name (`故障报修`) or English label; customer
/// classes likewise, also `一般工商业` (small and medium), `大工业` (large industrial) and
/// `企业`/`商户` (business); dates as `2026-11-02`, `2026/11/2`, `2026.11.02`, `20261102` or
/// `2026年11月2日`, a time after the date ignored; phone numbers by the call-back rule: a mainland
/// mobile or a landline with its area code ([`PhoneNumber`]), stored as `13812345678` or
/// `0571-87654321`.
pub fn read_call_list(bytes: &[u8], source: &str) -> Result<CallListFile> {
    let (text, encoding) = decode(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let fatal = |reason: String| Error::Input { position: Position::at(1, 1).in_file(source), reason };
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| fatal(format!("not readable as CSV: {e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let columns = map_headers(&headers).map_err(fatal)?;
    let mut out = CallListFile { tickets: Vec::new(), rejected: Vec::new(), encoding };
    let mut first_line: HashMap<TicketId, u64> = HashMap::new();
    let mut lines = LineCounter::new(&text);
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                out.rejected.push(RejectedRow::new(
                    line,
                    None,
                    RowFault::Unreadable { detail: e.to_string() },
                ));
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.len() != headers.len() {
            let fault = RowFault::FieldCount { found: record.len(), header: headers.len() };
            out.rejected.push(RejectedRow::new(line, None, fault));
            continue;
        }
        let field = |i: usize| columns[i].map_or("", |c| record.get(c).unwrap_or("").trim());
        let header = |i: usize| columns[i].map(|c| headers[c].clone());
        match ticket(&field).map_err(|(i, fault)| RejectedRow::new(line, header(i), fault)) {
            Ok(t) => match first_line.get(&t.id) {
                Some(first) => out.rejected.push(RejectedRow::new(
                    line,
                    header(0),
                    RowFault::Duplicate { ticket: t.id.to_string(), first: *first },
                )),
                None => {
                    first_line.insert(t.id.clone(), line);
                    out.tickets.push((line, t));
                }
            },
            Err(rejected) => out.rejected.push(rejected),
        }
    }
    Ok(out)
}

/// The column index of each field of [`CALL_LIST_HEADERS`].
fn map_headers(headers: &[String]) -> std::result::Result<Vec<Option<usize>>, String> {
    let mut columns = Vec::with_capacity(CALL_LIST_HEADERS.len());
    for (i, (id, names)) in CALL_LIST_HEADERS.iter().enumerate() {
        let found: Vec<usize> = (0..headers.len())
            .filter(|&c| names.iter().any(|n| headers[c].eq_ignore_ascii_case(n)))
            .collect();
        match found.as_slice() {
            [] if i < REQUIRED => {
                return Err(format!(
                    "no `{id}` column; name it one of {} (the header has {})",
                    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "),
                    headers.iter().map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ")
                ))
            }
            [] => columns.push(None),
            [c] => columns.push(Some(*c)),
            [a, b, ..] => {
                return Err(format!(
                    "columns `{}` and `{}` both give `{id}`; keep one",
                    headers[*a], headers[*b]
                ))
            }
        }
    }
    Ok(columns)
}

type Bad = (usize, RowFault);

fn ticket<'a>(field: &dyn Fn(usize) -> &'a str) -> std::result::Result<Ticket, Bad> {
    let required = |i: usize| {
        let v = field(i);
        if v.is_empty() {
            Err((i, RowFault::Missing { column: CALL_LIST_HEADERS[i].0.to_owned() }))
        } else {
            Ok(v)
        }
    };
    let id = TicketId::new(required(0)?);
    let customer = required(1)?.to_owned();
    let phone = phone(required(2)?).map_err(|r| (2, r))?;
    let ticket_type = ticket_type(required(3)?).map_err(|r| (3, r))?;
    let ticket_date = date(required(4)?).map_err(|r| (4, r))?;
    let hall = Some(field(5)).filter(|h| !h.is_empty()).map(TagValue::new);
    let customer_class = match field(6) {
        "" => None,
        c => Some(customer_class(c).map_err(|r| (6, r))?),
    };
    let due = match field(7) {
        "" => None,
        d => Some(date(d).map_err(|r| (7, r))?),
    };
    if let Some(d) = due.filter(|d| *d < ticket_date) {
        return Err((7, RowFault::DueBeforeTicket { due: d, ticket: ticket_date }));
    }
    Ok(Ticket { id, customer, phone, ticket_type, ticket_date, hall, customer_class, due })
}

/// A phone number by the call-back rule ([`PhoneNumber`], DOMAIN.md §5), in its stored form
/// (`13812345678`, `0571-87654321`).
pub fn phone(text: &str) -> std::result::Result<String, RowFault> {
    PhoneNumber::parse(text)
        .map(|number| number.to_string())
        .map_err(|problem| RowFault::Phone { text: text.to_owned(), problem })
}

/// A ticket type by code, Chinese name or English label.
pub fn ticket_type(text: &str) -> std::result::Result<BusinessType, RowFault> {
    BusinessType::ALL
        .iter()
        .copied()
        .find(|b| {
            let l = b.label();
            text.eq_ignore_ascii_case(b.code()) || text == l.zh || text.eq_ignore_ascii_case(&l.en)
        })
        .ok_or_else(|| RowFault::TicketType { text: text.to_owned() })
}

/// A customer class by code, Chinese name, English label or a usual Chinese alias.
pub fn customer_class(text: &str) -> std::result::Result<CustomerClass, RowFault> {
    let alias = match text {
        "一般工商业" | "中小企业" => Some(CustomerClass::SmallMedium),
        "大工业" | "大客户/大工业" => Some(CustomerClass::LargeIndustrial),
        "企业" | "商户" => Some(CustomerClass::Business),
        _ => None,
    };
    alias
        .or_else(|| {
            CustomerClass::ALL.iter().copied().find(|c| {
                let l = c.label();
                text.eq_ignore_ascii_case(c.code()) || text == l.zh || text.eq_ignore_ascii_case(&l.en)
            })
        })
        .ok_or_else(|| RowFault::CustomerClass { text: text.to_owned() })
}

/// A date as the ticket systems and Excel write it; a time after it is ignored.
pub fn date(text: &str) -> std::result::Result<NaiveDate, RowFault> {
    let day = text.split([' ', 'T']).next().unwrap_or("");
    let normal: String = day.replace(['年', '月', '/', '.'], "-").replace('日', "");
    NaiveDate::parse_from_str(&normal, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&normal, "%Y%m%d"))
        .map_err(|_| RowFault::Date { text: text.to_owned() })
}

#[cfg(test)]
mod tests;
