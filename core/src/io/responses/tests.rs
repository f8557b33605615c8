use super::*;
use crate::dataset::{Dataset, Filter};
use crate::response::answer::Answer;
use crate::testing::{hall, hall_response};

#[test]
fn masks_phone_numbers() {
    assert_eq!(mask_phone("13812345678"), "138****5678");
    assert_eq!(mask_phone("95598"), "***98");
    assert_eq!(mask_phone(""), "");
}

#[test]
fn one_row_per_response_with_item_columns_composite_and_masked_phone() {
    let q = hall();
    let a = hall_response(&q, 1, "城东", 4, 4);
    let mut b = hall_response(&q, 2, "=cmd|' /C calc'!A0", 2, 1);
    // Re-open b to add consent and a phone number, then submit again.
    b.status = Status::Draft;
    b.submitted_at = None;
    b.answer(&q, "callback_consent", Answer::Yes).unwrap();
    b.answer(&q, "phone", Answer::Text("13812345678".into())).unwrap();
    b.answer(&q, "comment", Answer::Text("+1 排队太久".into())).unwrap();
    b.submit(&q, crate::testing::at("2026-11-02T09:05:00+08:00")).unwrap();
    let ds = Dataset::from_responses(&q, [&a, &b]);
    let index = ds.index(&Default::default(), &[], &Filter::default()).unwrap();
    let t = ds.responses_table(Some(&index), ResponsesOptions::default());
    let csv = String::from_utf8(t.to_csv(false)).unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("response_id,questionnaire_id,questionnaire_version,channel,status,hall,"));
    assert!(header.ends_with(",guide,wait,queue_fair,courtesy,speed,right_first_time,explained,kiosk_ease,kiosk_fit,environment,overall,comment,callback_consent,phone,composite,red_lines"), "{header}");
    let row_a: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(row_a[0], "00000000-0000-0000-0000-000000000001");
    assert_eq!(row_a[5], "城东");
    assert_eq!(row_a[12], "2026-11-02T09:00:00+08:00");
    // All eight rated items 4 → 75 each; kiosk items N/A.
    assert_eq!(row_a[row_a.len() - 2], "75");
    assert!(row_a.contains(&"NA"));
    let row_b = lines.next().unwrap();
    assert!(row_b.contains(",'=cmd|' /C calc'!A0,"), "hall tag neutralised: {row_b}");
    assert!(row_b.contains(",'+1 排队太久,yes,138****5678,25,"), "{row_b}");
    let full = Dataset::from_responses(&q, [&b])
        .responses_table(None, ResponsesOptions { show_phone_numbers: true });
    assert!(String::from_utf8(full.to_csv(false)).unwrap().contains(",13812345678,"));
}

#[test]
fn dictionary_lists_codes_and_labels() {
    let t = dictionary_table(&hall());
    let csv = String::from_utf8(t.to_csv(false)).unwrap();
    assert!(csv.contains("\r\nguide,5,非常满意,Very satisfied\r\n"));
    assert!(csv.contains("\r\nkiosk_ease,NA,不适用,Not applicable\r\n"));
    assert!(csv.contains("\r\nbusiness,new_connection,业扩报装,New connection\r\n"));
    assert!(csv.contains("\r\ndisposition,2.221,"));
}
