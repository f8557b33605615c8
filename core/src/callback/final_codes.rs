//! Reading cases' final codes from a CSV file (one row per case), for `manyi rates`.

use super::rates::RateClass;
use crate::error::Result;
use crate::io::tidy::TidyCsv;
use crate::scoring::group::NO_VALUE;

/// The group and class of each case of a file: `column` holds the final code (e.g. `2.221`),
/// `by` (if given) the group; without `by` every case is in the group `all`, and a blank group
/// value is `(none)`. A blank code is a case still open: it is skipped. An unknown code is an
/// error naming the file, line and column.
pub fn read_final_codes(
    bytes: &[u8],
    source: &str,
    column: &str,
    by: Option<&str>,
) -> Result<Vec<(String, RateClass)>> {
    let csv = TidyCsv::parse(bytes, source)?;
    let code_col = csv.column(column)?;
    let by_col = by.map(|b| csv.column(b)).transpose()?;
    let mut rows = Vec::with_capacity(csv.records.len());
    for (line, record) in &csv.records {
        let code = TidyCsv::field(record, code_col);
        if code.is_empty() {
            continue;
        }
        let class = RateClass::of_code(code).map_err(|reason| csv.error(*line, code_col, reason))?;
        let group = match by_col.map(|c| TidyCsv::field(record, c)) {
            None => "all".to_owned(),
            Some("") => NO_VALUE.to_owned(),
            Some(g) => g.to_owned(),
        };
        rows.push((group, class));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_classes_blank_codes_and_errors() {
        let file = "case,agent,code\nA,w1,1.1\nB,,2.221\nC,w1,\nD,w2,4.10\n";
        let rows = read_final_codes(file.as_bytes(), "f.csv", "code", Some("agent")).unwrap();
        assert_eq!(
            rows,
            [
                ("w1".to_owned(), RateClass::I),
                ("(none)".to_owned(), RateClass::NC),
                ("w2".to_owned(), RateClass::NE)
            ]
        );
        let all = read_final_codes(file.as_bytes(), "f.csv", "code", None).unwrap();
        assert!(all.iter().all(|(g, _)| g == "all"));
        let bad = "case,code\nA,1.1\nB,9.9\n";
        let e = read_final_codes(bad.as_bytes(), "f.csv", "code", None).unwrap_err().to_string();
        assert!(e.starts_with("f.csv, line 3, column 2 (`code`): `9.9` is not an AAPOR final code"), "{e}");
        assert!(read_final_codes(file.as_bytes(), "f.csv", "final", None)
            .unwrap_err()
            .to_string()
            .contains("no column `final`"));
    }
}
