use super::*;
use crate::scoring::kano::KanoAnswer::*;
use crate::scoring::scale::Scale;

fn err(r: Result<impl std::fmt::Debug>) -> String {
    r.unwrap_err().to_string()
}

#[test]
fn kano_pairs_in_first_seen_order_blank_skipped() {
    let csv =
        "attribute,functional,dysfunctional\ne_invoice,1,4\noutage_sms,2,5\ne_invoice,,3\n\ne_invoice,1,5\n";
    let p = read_kano_pairs(csv.as_bytes(), "k.csv").unwrap();
    assert_eq!(p.len(), 2);
    assert_eq!(p[0], ("e_invoice".to_owned(), vec![(Like, LiveWith), (Like, Dislike)]));
    assert_eq!(p[1], ("outage_sms".to_owned(), vec![(Expect, Dislike)]));
}

#[test]
fn kano_bad_code_names_line_and_column() {
    let csv = "attribute,functional,dysfunctional\na,1,4\na,7,4\n";
    assert_eq!(
        err(read_kano_pairs(csv.as_bytes(), "k.csv")),
        "k.csv, line 3, column 2 (`functional`): `7` is not an answer code; use 1 (like) to 5 (dislike)"
    );
    let e = err(read_kano_pairs(b"attribute,func,dysfunctional\n", "k.csv"));
    assert!(
        e.starts_with("k.csv, line 1: no column `functional`; the header has `attribute`, `func`"),
        "{e}"
    );
}

#[test]
fn ragged_rows_are_reported_with_their_line() {
    let e = err(read_kano_pairs(b"attribute,functional,dysfunctional\na,1,4\na,1\n", "k.csv"));
    assert!(e.starts_with("k.csv, line 3:") && e.contains("2 fields where the header has 3"), "{e}");
}

#[test]
fn kano_counts() {
    let csv = "attribute,A,O,M,I,R,Q\nx,30,42,18,10,0,0\ny,41,20,6,30,2,1\n";
    let c = read_kano_counts(csv.as_bytes(), "c.csv").unwrap();
    assert_eq!(c[1].1.a, 41);
    assert_eq!(c[1].1.q, 1);
    let e = err(read_kano_counts(b"attribute,A,O,M,I,R,Q\nx,1,2,3,-4,0,0\n", "c.csv"));
    assert!(e.starts_with("c.csv, line 2, column 5 (`I`)"), "{e}");
    let e = err(read_kano_counts(b"attribute,A,O,M,I,R,Q\nx,1,2,3,4,0,0\nx,1,1,1,1,1,1\n", "c.csv"));
    assert!(e.contains("line 3") && e.contains("appears twice"), "{e}");
}

#[test]
fn ratings_with_missing_values_groups_and_gbk() {
    // "厅" (hall) header and values in GBK: 城东 = B3C7 B6AB, 厅 = CCFC.
    let mut bytes = b"\xCC\xFC,a,b\n".to_vec();
    bytes.extend_from_slice(b"\xB3\xC7\xB6\xAB,5,NA\n\xB3\xC7\xB6\xAB,,3\n");
    let rows = read_ratings(
        &bytes,
        "r.csv",
        &RatingColumn::all_on(&["a".into(), "b".into()], Scale::ONE_TO_FIVE),
        Some("厅"),
    )
    .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].group.as_deref(), Some("城东"));
    assert_eq!(rows[0].values, [Some(5.0), None]);
    assert_eq!(rows[1].values, [None, Some(3.0)]);
    assert_eq!(rows[1].line, 3);
}

#[test]
fn ratings_off_scale_or_not_numbers() {
    let names = ["a".to_owned()];
    let items = RatingColumn::all_on(&names, Scale::ONE_TO_FIVE);
    let e = err(read_ratings(b"a\n6\n", "r.csv", &items, None));
    assert_eq!(e, "r.csv, line 2, column 1 (`a`): 6 is off the scale 1..5 given for the column; correct it or the scale");
    // Overall on 0–10 beside an item on 1–5.
    let ten = Scale::new(0.0, 10.0).unwrap();
    let columns = [items[0], RatingColumn { name: "overall", scale: ten }];
    let rows = read_ratings(b"a,overall\n5,9\n", "r.csv", &columns, None).unwrap();
    assert_eq!(rows[0].values, [Some(5.0), Some(9.0)]);
    let e = err(read_ratings(b"a,overall\n5,11\n", "r.csv", &columns, None));
    assert!(e.starts_with("r.csv, line 2, column 2 (`overall`): 11 is off the scale 0..10"), "{e}");
    let e = err(read_ratings(b"a\ngood\n", "r.csv", &items, None));
    assert!(e.contains("`good` is not a number"), "{e}");
}

#[test]
fn weights_file() {
    let items = ["a".to_owned(), "b".to_owned()];
    assert_eq!(read_weights(b"item,weight\nb,1\na,3\n", "w.csv", &items).unwrap(), [3.0, 1.0]);
    let e = err(read_weights(b"item,weight\na,1\n", "w.csv", &items));
    assert!(e.contains("no weight for item `b`"), "{e}");
    let e = err(read_weights(b"item,weight\na,1\nc,2\n", "w.csv", &items));
    assert!(e.starts_with("w.csv, line 3, column 1 (`item`): `c` is not one of the items"), "{e}");
    let e = err(read_weights(b"item,weight\na,-1\nb,1\n", "w.csv", &items));
    assert!(e.contains("line 2, column 2"), "{e}");
}

#[test]
fn nps_column() {
    assert_eq!(read_nps_column(b"id,rec\n1,10\n2,\n3,0\n", "n.csv", "rec").unwrap(), [10, 0]);
    let e = err(read_nps_column(b"rec\n11\n", "n.csv", "rec"));
    assert!(e.starts_with("n.csv, line 2, column 1 (`rec`)"), "{e}");
}

#[test]
fn lines_are_right_with_crlf_blank_lines_and_quoted_newlines() {
    // Line 1 header; CRLF ends; line 3 blank; line 4 holds a quoted newline, so 6 comes next.
    let text = "attribute,functional,dysfunctional\r\na,1,4\r\n\r\n\"b\r\nc\",1,4\r\nd,1,9\r\n";
    let csv = TidyCsv::parse(text.as_bytes(), "k.csv").unwrap();
    let lines: Vec<u64> = csv.records.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2, 4, 6]);
    assert!(err(read_kano_pairs(text.as_bytes(), "k.csv")).starts_with("k.csv, line 6, column 3"));
    let ragged = "attribute,functional,dysfunctional\r\na,1,4\r\n\r\na,1\r\n";
    assert!(err(read_kano_pairs(ragged.as_bytes(), "k.csv")).starts_with("k.csv, line 4:"));
}
