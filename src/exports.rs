//! The device's stored responses as files, built by core: a JSON bundle (complete enough to
//! import back and merge), the responses as CSV (UTF-8 with BOM), and the analysts' Excel
//! workbook. One function per format, so that a page links only the formats it offers (the
//! staff screen all three, the desk's results the workbook).

use chrono::{DateTime, FixedOffset};
use manyi_core::dataset::{Dataset, Filter, SheetRows};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::tags::TagValue;
use manyi_core::response::Response;
use manyi_core::scoring::analysis::AnalysisOptions;

/// A file ready to download.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// Its name.
    pub name: String,
    /// Its MIME type.
    pub mime: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A name for the files of `device` exported `at`: `manyi-城东-01-20261123-1005.json`.
pub fn file_name(device: Option<&TagValue>, at: DateTime<FixedOffset>, extension: &str) -> String {
    let device: String = device
        .map(|d| d.as_str().chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' }).collect())
        .unwrap_or_else(|| "kiosk".to_owned());
    format!("manyi-{device}-{}.{extension}", crate::view::clock_text::stamp(&at))
}

fn owned(responses: &[&Response]) -> Vec<Response> {
    responses.iter().map(|r| (*r).clone()).collect()
}

/// Manyi's JSON bundle of `responses` to `q`, made by `device` at `at`.
pub fn json(
    q: &Questionnaire,
    responses: &[&Response],
    device: Option<&TagValue>,
    at: DateTime<FixedOffset>,
) -> File {
    let bundle = Bundle::new(vec![q.clone()], owned(responses), Some(at), device.cloned());
    File { name: file_name(device, at, "json"), mime: "application/json", bytes: bundle.to_json() }
}

/// The responses table as CSV: the answers, and each response's composite when they can be
/// scored (the report's default weights).
pub fn csv(
    q: &Questionnaire,
    responses: &[&Response],
    device: Option<&TagValue>,
    at: DateTime<FixedOffset>,
) -> File {
    let ds = Dataset::from_responses(q, responses.iter().copied());
    let index = ds.index(&Default::default(), &[], &Filter::default()).ok();
    let bytes = ds.responses_table(index.as_ref(), ResponsesOptions::default()).to_csv(true);
    File { name: file_name(device, at, "csv"), mime: "text/csv", bytes }
}

/// The Excel workbook with every table (responses, index, Kano, drivers, weights, dictionary).
pub fn xlsx(
    q: &Questionnaire,
    responses: &[&Response],
    device: Option<&TagValue>,
    at: DateTime<FixedOffset>,
) -> Result<File, String> {
    let ds = Dataset::from_responses(q, responses.iter().copied());
    let analysis = ds.analyse(&AnalysisOptions::default(), &Filter::default()).map_err(|e| e.to_string())?;
    let export = ds.export(&analysis, at, ResponsesOptions::default(), SheetRows::All);
    let bytes = export.to_xlsx().map_err(|e| e.to_string())?;
    let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(File { name: file_name(device, at, "xlsx"), mime, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::questionnaire::builtin::Builtin;
    use manyi_core::response::answer::Answer;
    use manyi_core::response::Channel;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn complete(q: &Questionnaire, n: u128) -> Response {
        let mut r = Response::start(
            uuid::Uuid::from_u128(n),
            q,
            Channel::Hall,
            Default::default(),
            at("2026-11-23T09:00:00+08:00"),
        );
        r.answer(q, "business", Answer::Choice("payment".into())).unwrap();
        r.answer(q, "customer_class", Answer::Choice("residential".into())).unwrap();
        for item in q.items.iter().filter(|i| q.rating_scale(i).is_some()) {
            r.answer(q, item.id.as_str(), Answer::Rating(4)).unwrap();
        }
        r.answer(q, "comment", Answer::Text("=1+1 很好".into())).unwrap();
        r.submit(q, at("2026-11-23T09:01:00+08:00")).unwrap();
        r
    }

    #[test]
    fn json_imports_back_and_csv_opens_in_excel() {
        let q = Builtin::Hall.questionnaire();
        let rs = [complete(&q, 1), complete(&q, 2)];
        let refs: Vec<&Response> = rs.iter().collect();
        let device = TagValue::new("城东 01");
        let when = at("2026-11-23T10:05:00+08:00");
        let json = json(&q, &refs, Some(&device), when);
        assert_eq!(json.name, "manyi-城东_01-20261123-1005.json");
        let back = Bundle::from_json(&json.bytes, &json.name, &[]).unwrap();
        assert_eq!(back.responses, rs.to_vec());
        let csv = csv(&q, &refs, None, when);
        assert!(csv.bytes.starts_with(b"\xEF\xBB\xBFresponse_id,"), "UTF-8 with BOM");
        let text = String::from_utf8(csv.bytes).unwrap();
        assert_eq!(text.lines().count(), 3);
        assert!(text.contains("'=1+1 很好"), "a formula is neutralised");
        // Every rating 4 on 1–5: each item scores (4 − 1) / (5 − 1) × 100 = 75, so the weighted
        // composite is 75 whatever the weights.
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        let at_composite = header.iter().position(|c| *c == "composite").expect("a composite column");
        let first: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
        assert_eq!(first[at_composite], "75");
        let xlsx = xlsx(&q, &refs, None, when).unwrap();
        assert!(xlsx.bytes.starts_with(b"PK"), "a zip");
        assert_eq!(xlsx.name, "manyi-kiosk-20261123-1005.xlsx");
    }
}
