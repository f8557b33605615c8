//! The dataset's figures beyond the reference fixture of `core/tests/responses_reference.rs`:
//! the values of each grouping and the rows a filter passes, a filtered index equal to that of
//! the same responses alone, weights and response scores by hand, drivers without enough data,
//! and the export in parts.

use super::*;
use crate::dataset::{Filter, SheetRows, TagFilter};
use crate::io::export::Export;
use crate::io::responses::ResponsesOptions;
use crate::io::table::Cell;
use crate::questionnaire::item::ItemKind;
use crate::response::answer::Answer;
use crate::response::tags::TagKey;
use crate::response::{Channel, Status};
use crate::scoring::ahp::{AhpMethod, PairwiseMatrix};
use crate::scoring::analysis::AnalysisOptions;
use crate::scoring::drivers::{Missing, PenaltyRewardOptions};
use crate::scoring::group::{GroupBy, NO_VALUE};
use crate::scoring::report::{ReportOptions, WeightSource};
use crate::scoring::weights::{DerivedMethod, WeightMethod};
use crate::testing::at;
use chrono::NaiveDate;

const GROUPINGS: [GroupBy; 11] = [
    GroupBy::All,
    GroupBy::Tag(TagKey::Hall),
    GroupBy::Tag(TagKey::Counter),
    GroupBy::Tag(TagKey::Staff),
    GroupBy::Tag(TagKey::Device),
    GroupBy::Tag(TagKey::BusinessType),
    GroupBy::Tag(TagKey::CustomerClass),
    GroupBy::Channel,
    GroupBy::Month,
    GroupBy::Week,
    GroupBy::Questionnaire,
];

/// The key of `r`'s group, written out here from the response's fields: a tag's value or
/// `(none)`, the channel's code, the local month and ISO week of submission (else start).
fn key(by: GroupBy, r: &Response) -> String {
    let when = r.submitted_at.unwrap_or(r.started_at);
    match by {
        GroupBy::All => "all".into(),
        GroupBy::Tag(tag) => tag.get(&r.tags).unwrap_or_else(|| NO_VALUE.into()),
        GroupBy::Channel => r.channel.code().into(),
        GroupBy::Month => when.format("%Y-%m").to_string(),
        GroupBy::Week => when.format("%G-W%V").to_string(),
        GroupBy::Questionnaire => format!("{} v{}", r.questionnaire.id, r.questionnaire.version),
    }
}

#[test]
fn the_values_of_each_grouping_and_the_rows_a_filter_passes_are_the_responses() {
    let (rs, c) = hall_sample();
    let ds = dataset(&c, Builtin::Hall);
    for by in GROUPINGS {
        let mut want: Vec<String> = rs.iter().map(|r| key(by, r)).collect();
        want.sort();
        want.dedup();
        assert_eq!(ds.values(by), want, "{by:?}");
    }
    let filter = Filter {
        tags: vec![TagFilter { tag: TagKey::Hall, values: vec!["城东营业厅".into()] }],
        from: NaiveDate::from_ymd_opt(2026, 3, 1),
        ..Filter::default()
    };
    let day = |r: &Response| r.submitted_at.unwrap_or(r.started_at).naive_local().date();
    let want: Vec<&Response> = rs
        .iter()
        .filter(|r| key(GroupBy::Tag(TagKey::Hall), r) == "城东营业厅" && day(r) >= filter.from.unwrap())
        .collect();
    let got: Vec<Response> = ds.rows_passing(&filter).map(|row| ds.response(row)).collect();
    assert!(want.len() > 50 && want.iter().any(|r| r.status != Status::Complete), "{}", want.len());
    assert_eq!(got.iter().collect::<Vec<_>>(), want);
}

// A filter reads the rows the same responses would be alone, in the same order: every figure
// equal to the last bit, weights derived from the data included.
#[test]
fn a_filtered_index_is_the_index_of_the_same_responses_alone() {
    let (rs, c) = hall_sample();
    let ds = dataset(&c, Builtin::Hall);
    let halls = ["城东营业厅".to_owned(), "城北营业厅".to_owned()];
    let filter = Filter {
        channels: vec![Channel::Hall],
        statuses: vec![Status::Complete, Status::BreakOff],
        tags: vec![
            TagFilter { tag: TagKey::Hall, values: halls.to_vec() },
            TagFilter {
                tag: TagKey::BusinessType,
                values: vec!["payment".into(), "repair".into(), "(none)".into()],
            },
        ],
        from: NaiveDate::from_ymd_opt(2026, 2, 1),
        to: NaiveDate::from_ymd_opt(2026, 4, 30),
    };
    let day = |r: &Response| r.submitted_at.unwrap_or(r.started_at).naive_local().date();
    let kept: Vec<&Response> = rs
        .iter()
        .filter(|r| r.channel == Channel::Hall && r.status != Status::Draft)
        .filter(|r| r.tags.hall.as_ref().is_some_and(|h| halls.contains(&h.to_string())))
        .filter(|r| r.tags.business_type.is_none_or(|b| ["payment", "repair"].contains(&b.code())))
        .filter(|r| (filter.from.unwrap()..=filter.to.unwrap()).contains(&day(r)))
        .collect();
    assert!(kept.len() > 100 && kept.len() < 1500, "{}", kept.len());
    let alone = Dataset::from_responses(ds.questionnaire(), kept.iter().copied());
    for weights in
        [WeightSource::Stated, WeightSource::Items(WeightMethod::Derived(DerivedMethod::Correlation))]
    {
        let options = ReportOptions { weights, include_break_offs: true, ..ReportOptions::default() };
        let mut got = ds.index(&options, &GROUPINGS, &filter).unwrap();
        let want = alone.index(&options, &GROUPINGS, &Filter::default()).unwrap();
        got.filter = Filter::default();
        assert_eq!(got, want);
    }
}

fn response(q: &Questionnaire, n: u128, hall: &str, rating: i32, status: Status) -> Response {
    let when = at("2026-11-02T09:00:00+08:00");
    let mut r = Response::start(uuid::Uuid::from_u128(n), q, Channel::Hall, Default::default(), when);
    TagKey::Hall.set(&mut r.tags, hall).unwrap();
    for id in
        ["guide", "wait", "queue_fair", "courtesy", "speed", "right_first_time", "explained", "environment"]
    {
        r.answer(q, id, Answer::Rating(rating)).unwrap();
    }
    r.status = status;
    if status != Status::Draft {
        r.submitted_at = Some(when);
    }
    r
}

#[test]
fn the_index_by_hall_leaves_out_drafts_and_break_offs_and_scores_each_response() {
    let q = Builtin::Hall.questionnaire();
    let rs = vec![
        response(&q, 1, "east", 5, Status::Complete), // 100
        response(&q, 2, "east", 3, Status::Complete), // 50
        response(&q, 3, "west", 4, Status::Complete), // 75
        response(&q, 4, "west", 1, Status::BreakOff), // 0
        response(&q, 5, "west", 1, Status::Draft),
    ];
    let ds = Dataset::from_responses(&q, &rs);
    let by_hall = ReportOptions { group_by: Some(GroupBy::Tag(TagKey::Hall)), ..Default::default() };
    let index = ds.index(&by_hall, &[], &Filter::default()).unwrap();
    assert_eq!((index.scored, index.left_out), (3, 2));
    let table = &index.tables[0];
    let rows: Vec<(&str, usize, Option<f64>)> =
        table.overall.iter().map(|g| (g.group.as_str(), g.summary.n, g.summary.index)).collect();
    assert_eq!(rows, [("east", 2, Some(75.0)), ("west", 1, Some(75.0))]);
    // Self-service has no answers: no rows at all.
    assert!(table.dimensions[2].groups.is_empty());
    let scores: Vec<(u128, &str, Option<f64>)> = ds
        .response_scores(&index, 0)
        .iter()
        .map(|s| (s.id.0.as_u128(), if s.group == "east" { "east" } else { "west" }, s.composite))
        .collect();
    assert_eq!(scores, [(1, "east", Some(100.0)), (2, "east", Some(50.0)), (3, "west", Some(75.0))]);
    let with = ReportOptions { include_break_offs: true, ..by_hall };
    let index = ds.index(&with, &[], &Filter::default()).unwrap();
    assert_eq!(index.tables[0].overall[1].summary.n, 2);
    assert_eq!(index.tables[0].overall[1].summary.index, Some(37.5)); // (75 + 0) / 2
}

#[test]
fn ahp_weights_on_the_dimensions() {
    let q = Builtin::Hall.questionnaire();
    // A consistent matrix a_ij = w_i / w_j for w = (0.4, 0.3, 0.2, 0.1): its principal
    // eigenvector is w itself and λmax = n, so CR = 0.
    let w = [0.4, 0.3, 0.2, 0.1];
    let rows = (0..4).map(|i| (0..4).map(|j| w[i] / w[j]).collect()).collect();
    let matrix = PairwiseMatrix::new(rows).unwrap();
    let opts = ReportOptions {
        weights: WeightSource::Dimensions(WeightMethod::Ahp { matrix, method: AhpMethod::Eigenvector }),
        ..Default::default()
    };
    let mut r = response(&q, 1, "east", 5, Status::Draft); // guidance, counter, environment 100
    r.answer(&q, "guide", Answer::Rating(1)).unwrap(); // guidance now (0 + 100 + 100)/3
    r.answer(&q, "kiosk_ease", Answer::Rating(1)).unwrap(); // self-service 0
    r.answer(&q, "kiosk_fit", Answer::Rating(1)).unwrap();
    r.status = Status::Complete;
    r.submitted_at = Some(r.started_at);
    let index = Dataset::from_responses(&q, [&r]).index(&opts, &[], &Filter::default()).unwrap();
    let dims: Vec<f64> = index.weights.dimensions.iter().map(|d| d.weight).collect();
    for (a, b) in dims.iter().zip(w) {
        assert!((a - b).abs() < 1e-9, "{dims:?}");
    }
    let details = index.weight_details.unwrap();
    assert!(details.ahp.unwrap().cr.abs() < 1e-9);
    // Global renormalisation, everything answered: 0.4·(200/3) + 0.3·100 + 0.2·0 + 0.1·100.
    let expect = 0.4 * 200.0 / 3.0 + 30.0 + 10.0;
    assert!((index.tables[0].overall[0].summary.index.unwrap() - expect).abs() < 1e-9);
}

#[test]
fn derived_item_weights_clamp_negative_items_with_a_warning() {
    let q = Builtin::Callback.questionnaire();
    let when = at("2026-11-02T09:00:00+08:00");
    // timeliness and attitude rise with overall; informed falls with it.
    let data =
        [(1, 1, 5, 1), (2, 2, 4, 2), (3, 3, 3, 3), (4, 4, 2, 4), (5, 5, 1, 5), (4, 5, 2, 5), (2, 1, 4, 2)];
    let rs: Vec<Response> = data
        .iter()
        .enumerate()
        .map(|(n, (t, a, i, o))| {
            let mut r = Response::start(
                uuid::Uuid::from_u128(n as u128),
                &q,
                Channel::Callback,
                Default::default(),
                when,
            );
            r.answer(&q, "resolved", Answer::Yes).unwrap();
            for (id, x) in [("timeliness", t), ("attitude", a), ("informed", i), ("overall", o)] {
                r.answer(&q, id, Answer::Rating(*x)).unwrap();
            }
            r.submit(&q, when).unwrap();
            r
        })
        .collect();
    let opts = ReportOptions {
        weights: WeightSource::Items(WeightMethod::Derived(DerivedMethod::Correlation)),
        ..Default::default()
    };
    let index = Dataset::from_responses(&q, &rs).index(&opts, &[], &Filter::default()).unwrap();
    let products = index.weights.item_products();
    assert_eq!(products[2], 0.0, "informed is clamped");
    assert!((products.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    let details = index.weight_details.unwrap();
    assert_eq!(details.n, Some(7));
    assert!(details.warnings[0].contains("item `informed`"), "{:?}", details.warnings);
}

// The hall questionnaire has 10 rating items of a dimension on 1–5 (20 band dummies):
// - 12 sampled responses: too few for listwise deletion and as-middle alike;
// - every answer N/A on self-service and overall always 3: listwise nobody is complete, as
//   middle nothing varies to be explained;
// - overall varying: as middle the first dummy nobody used is the low band of `kiosk_ease`.
#[test]
fn drivers_without_enough_data_say_why() {
    let q = Builtin::Hall.questionnaire();
    let few = responses(SampleKind::Hall, 12, 9);
    let uniform: Vec<Response> =
        (0..40).map(|n| crate::testing::hall_response(&q, n, "东", 1 + (n % 5) as i32, 3)).collect();
    let varied: Vec<Response> = (0..40)
        .map(|n| crate::testing::hall_response(&q, n, "东", 1 + (n % 5) as i32, 1 + (n % 4) as i32))
        .collect();
    let complete = few.iter().filter(|r| r.status == Status::Complete).count();
    let expect = [
        (
            &few,
            Missing::AsMiddle,
            format!("{complete} respondents for 20 dummies and an intercept; at least 22"),
        ),
        (&uniform, Missing::Listwise, "0 respondents for 20 dummies".to_owned()),
        (
            &uniform,
            Missing::AsMiddle,
            "every one of the 40 respondents gave overall 3; nothing to explain".to_owned(),
        ),
        (
            &varied,
            Missing::AsMiddle,
            "item `kiosk_ease`, low band 1–2: none of the 40 respondents".to_owned(),
        ),
    ];
    for (rs, missing, message) in expect {
        let options = PenaltyRewardOptions { missing, ..PenaltyRewardOptions::default() };
        let e = Dataset::from_responses(&q, rs).drivers(&options, false, &Filter::default()).unwrap_err();
        assert!(e.to_string().contains(&message), "{missing:?}: {e}");
    }
}

/// Evaluation visits: yes/no items with N/A, stopwatch minutes on a curve, red lines, notes,
/// and renormalisation within sections.
pub(super) fn visits(q: &Questionnaire) -> Vec<Response> {
    (0..90u32)
        .map(|n| {
            let mut r = Response::start(
                uuid::Uuid::from_u128(1000 + u128::from(n)),
                q,
                Channel::Evaluation,
                Default::default(),
                at("2026-05-04T10:00:00+08:00"),
            );
            for (k, item) in q.items.iter().enumerate() {
                let pick = (n as usize * 7 + k * 3) % 11;
                let answer = match &item.kind {
                    ItemKind::Number { .. } => Answer::Number(f64::from(n % 50) + 0.5),
                    ItemKind::YesNo { red_line: true, .. }
                        if item.id.as_str() == "quarrel" && n % 13 == 0 =>
                    {
                        Answer::Yes
                    }
                    ItemKind::YesNo { red_line: true, .. } => Answer::No,
                    _ if item.kind.offers_not_applicable() && pick == 0 => Answer::NotApplicable,
                    _ if pick < 3 => Answer::No,
                    _ => Answer::Yes,
                };
                r.answer(q, item.id.as_str(), answer).unwrap();
            }
            if n % 4 == 0 {
                r.notes.insert("clean".into(), format!("=visit {n}: floor wet"));
            }
            r.submit(q, at("2026-05-04T10:20:00+08:00")).unwrap();
            r
        })
        .collect()
}

#[test]
fn evaluation_visits_are_rebuilt_whole_and_exported_in_parts() {
    let q = Builtin::Evaluation.questionnaire();
    let rs = visits(&q);
    let c = imported(&file(&[], &rs));
    let ds = dataset(&c, Builtin::Evaluation);
    for (row, r) in rs.iter().enumerate() {
        assert_eq!(ds.response(row), *r);
    }
    // The visits hitting a red line score 0 and name it.
    let index = ds.index(&ReportOptions::default(), &[], &Filter::default()).unwrap();
    for s in ds.response_scores(&index, 0) {
        let red = (s.id.0.as_u128() - 1000) % 13 == 0;
        assert_eq!(s.red_lines.len(), usize::from(red), "{}", s.id);
        assert!(!red || s.composite == Some(0.0));
    }
    assert_export_in_parts(ds, rs.len());
}

/// The export's responses sheet written in parts is the whole sheet; a sheet of the first five
/// rows holds those rows, and its about table says where the rest are.
fn assert_export_in_parts(ds: &Dataset, shown: usize) {
    let analysis = ds.analyse(&AnalysisOptions::default(), &Filter::default()).unwrap();
    let when = at("2026-11-22T20:30:00+08:00");
    let all = ds.export(&analysis, when, ResponsesOptions::default(), SheetRows::All);
    let names = |e: &Export| e.tables.iter().map(|(n, _)| *n).collect::<Vec<_>>();
    assert_eq!(names(&all)[..2], ["responses", "index"]);
    assert_eq!(all.tables[0].1.rows.len(), shown);
    let parts: Vec<u8> =
        ds.responses_csv(&analysis.index, ResponsesOptions::default(), 7).flatten().collect();
    assert_eq!(String::from_utf8(parts).unwrap(), String::from_utf8(all.tables[0].1.to_csv(true)).unwrap());
    assert_eq!(ds.responses_table(Some(&analysis.index), ResponsesOptions::default()), all.tables[0].1);
    let first = ds.export(&analysis, when, ResponsesOptions::default(), SheetRows::First(5));
    assert_eq!(first.tables[0].1.rows[..], all.tables[0].1.rows[..5]);
    assert_eq!(first.tables[1..], all.tables[1..]);
    // The about table says the sheet was cut, and where the rest is; a whole sheet says nothing.
    assert_eq!(first.about.rows.len(), all.about.rows.len() + 1);
    let limit = first.about.rows.last().unwrap();
    assert_eq!((&limit[0], &limit[3]), (&Cell::from("responses_limit"), &Cell::Integer(5)));
    let text = format!("{:?}", limit[2]);
    assert!(text.contains(&format!("first 5 of the {shown}")) && text.contains("responses.csv"), "{text}");
}

#[test]
fn the_export_of_the_hall_sample_comes_in_parts() {
    let rs = responses(SampleKind::Hall, 1500, 6);
    let mut c = imported(&file(&[], &rs));
    let ds = c.to_score(None).unwrap();
    ds.sort_by_start();
    assert_export_in_parts(ds, rs.len());
}
