//! The staff's exports of the kiosk's responses, built by core: a JSON bundle (complete enough to
//! import back and merge), the responses as CSV (UTF-8 with BOM), or the analysts' Excel workbook.

use chrono::{DateTime, FixedOffset};
use manyi_core::dataset::{Dataset, Filter, SheetRows};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::tags::TagValue;
use manyi_core::response::Response;
use manyi_core::scoring::analysis::AnalysisOptions;

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Manyi's JSON bundle.
    Json,
    /// The responses table as CSV.
    Csv,
    /// The Excel workbook with every table.
    Xlsx,
}

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
pub fn file_name(device: Option<&TagValue>, at: DateTime<FixedOffset>, format: Format) -> String {
    let device: String = device
        .map(|d| d.as_str().chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' }).collect())
        .unwrap_or_else(|| "kiosk".to_owned());
    let ext = match format {
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Xlsx => "xlsx",
    };
    format!("manyi-{device}-{}.{ext}", at.format("%Y%m%d-%H%M"))
}

/// The export of `responses` to `q` in `format`, made by `device` at `at`.
pub fn build(
    format: Format,
    q: &Questionnaire,
    responses: &[&Response],
    device: Option<&TagValue>,
    at: DateTime<FixedOffset>,
) -> Result<File, String> {
    let name = file_name(device, at, format);
    let dataset = || Dataset::from_responses(q, responses.iter().copied());
    let (mime, bytes) = match format {
        Format::Json => {
            let owned: Vec<Response> = responses.iter().map(|r| (*r).clone()).collect();
            let bundle = Bundle::new(vec![q.clone()], owned, Some(at), device.cloned());
            ("application/json", bundle.to_json())
        }
        Format::Csv => {
            // Composites when the responses can be scored; the answers in any case.
            let ds = dataset();
            let index = ds.index(&Default::default(), &[], &Filter::default()).ok();
            ("text/csv", ds.responses_table(index.as_ref(), ResponsesOptions::default()).to_csv(true))
        }
        Format::Xlsx => {
            let ds = dataset();
            let analysis =
                ds.analyse(&AnalysisOptions::default(), &Filter::default()).map_err(|e| e.to_string())?;
            let export = ds.export(&analysis, at, ResponsesOptions::default(), SheetRows::All);
            let bytes = export.to_xlsx().map_err(|e| e.to_string())?;
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes)
        }
    };
    Ok(File { name, mime, bytes })
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
        let json = build(Format::Json, &q, &refs, Some(&device), when).unwrap();
        assert_eq!(json.name, "manyi-城东_01-20261123-1005.json");
        let back = Bundle::from_json(&json.bytes, &json.name, &[]).unwrap();
        assert_eq!(back.responses, rs.to_vec());
        let csv = build(Format::Csv, &q, &refs, None, when).unwrap();
        assert!(csv.bytes.starts_with(b"\xEF\xBB\xBFresponse_id,"), "UTF-8 with BOM");
        let text = String::from_utf8(csv.bytes).unwrap();
        assert_eq!(text.lines().count(), 3);
        assert!(text.contains("'=1+1 很好"), "a formula is neutralised");
        let xlsx = build(Format::Xlsx, &q, &refs, None, when).unwrap();
        assert!(xlsx.bytes.starts_with(b"PK"), "a zip");
        assert_eq!(xlsx.name, "manyi-kiosk-20261123-1005.xlsx");
    }
}
