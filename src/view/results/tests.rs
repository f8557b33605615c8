//! The results view of three stored hall responses, figures by hand.

use super::*;
use chrono::DateTime;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::response::Channel;

fn response(q: &Questionnaire, n: u128, rating: i32, submitted: Option<&str>) -> Response {
    let at = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+08:00").unwrap();
    let mut r = Response::start(uuid::Uuid::from_u128(n), q, Channel::Hall, Default::default(), at);
    r.answer(q, "business", Answer::Choice("repair".into())).unwrap();
    r.answer(q, "customer_class", Answer::Choice("residential".into())).unwrap();
    for item in q.items.iter().filter(|i| q.rating_scale(i).is_some()) {
        let answer = if item.id.as_str().starts_with("kiosk") {
            Answer::NotApplicable
        } else {
            Answer::Rating(rating)
        };
        r.answer(q, item.id.as_str(), answer).unwrap();
    }
    if let Some(s) = submitted {
        r.submit(q, DateTime::parse_from_rfc3339(s).unwrap()).unwrap();
    }
    r
}

#[test]
fn index_and_rows_by_hand() {
    let q = Builtin::Hall.questionnaire();
    let rs = vec![
        response(&q, 1, 4, Some("2026-11-22T09:05:00+08:00")), // every scored item 4 → 75
        response(&q, 2, 5, Some("2026-11-22T10:30:00+08:00")), // every scored item 5 → 100
        response(&q, 3, 1, None),                              // a draft: listed, not scored
    ];
    let v = ResultsView::new(&q, &rs, Lang::Zh).unwrap();
    // Mean (75 + 100)/2 = 87.5; s = √((12.5² + 12.5²)/1) = 17.6777, SE = s/√2 = 12.5;
    // t(0.975, 1) = 12.7062 → half-width 158.83 → [−71.3, 246.3], kept on the scale: [0, 100].
    assert_eq!(
        v.index[0],
        IndexRow {
            label: "总体".into(),
            n: 2,
            index: "87.5".into(),
            interval: "[0.0, 100.0]".into(),
            small_sample: true
        }
    );
    let labels: Vec<&str> = v.index.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["总体", "引导与等候", "业务办理", "自助服务", "环境设施"]);
    // Self-service was N/A for everybody: no respondent, no index.
    assert_eq!((v.index[3].n, v.index[3].index.as_str(), v.index[3].interval.as_str()), (0, "—", "—"));
    assert_eq!(v.left_out, 1);
    let rows: Vec<(&str, &str, &str, &str)> = v
        .responses
        .iter()
        .map(|r| (r.status.as_str(), r.when.as_str(), r.overall.as_str(), r.composite.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("完成", "2026-11-22 10:30", "5 非常满意", "100.0"),
            ("完成", "2026-11-22 09:05", "4 满意", "75.0"),
            ("草稿", "—", "1 非常不满意", "—"),
        ]
    );
    assert_eq!(
        (v.responses[0].business.as_str(), v.responses[0].customer_class.as_str()),
        ("故障报修", "居民")
    );
}

#[test]
fn english_labels_and_no_responses() {
    let q = Builtin::Hall.questionnaire();
    let v = ResultsView::new(&q, &[], Lang::En).unwrap();
    assert_eq!(v.index[0].label, "Overall");
    assert_eq!((v.index[0].n, v.index[0].index.as_str()), (0, "—"));
    assert!(v.responses.is_empty());
}
