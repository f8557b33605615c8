//! A day of two hall tablets, driven through core end to end with no UI: customers answer,
//! each tablet exports its JSON, the analyst imports both (one file twice) into a collection,
//! which merges them, scores by hall and writes the CSV. The CSV is compared with a golden file reviewed by hand.

use chrono::{DateTime, FixedOffset};
use manyi_core::dataset::{Collection, Filter};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::io::tables::index_table_of;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::answer::Answer;
use manyi_core::response::tags::{TagKey, Tags};
use manyi_core::response::{Channel, Response};
use manyi_core::scoring::group::GroupBy;
use manyi_core::scoring::report::ReportOptions;
use uuid::Uuid;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// One customer at a tablet: taps through the survey in order.
fn customer(q: &Questionnaire, id: u128, hall: &str, time: &str, taps: &[(&str, Answer)]) -> Response {
    let mut tags = Tags::default();
    TagKey::Hall.set(&mut tags, hall).unwrap();
    TagKey::Device.set(&mut tags, &format!("tablet-{hall}")).unwrap();
    let mut r = Response::start(Uuid::from_u128(id), q, Channel::Hall, tags, at(time));
    for (item, answer) in taps {
        r.answer(q, item, answer.clone()).unwrap();
    }
    r.submit(q, at(time) + chrono::Duration::seconds(45)).unwrap();
    r
}

fn taps(business: &str, x: i32, kiosk: Option<i32>, overall: i32) -> Vec<(&'static str, Answer)> {
    let mut t: Vec<(&str, Answer)> = vec![
        ("business", Answer::Choice(business.into())),
        ("customer_class", Answer::Choice("residential".into())),
    ];
    for id in
        ["guide", "wait", "queue_fair", "courtesy", "speed", "right_first_time", "explained", "environment"]
    {
        t.push((id, Answer::Rating(x)));
    }
    let k = kiosk.map_or(Answer::NotApplicable, Answer::Rating);
    t.push(("kiosk_ease", k.clone()));
    t.push(("kiosk_fit", k));
    t.push(("overall", Answer::Rating(overall)));
    t
}

#[test]
fn two_tablets_merged_scored_and_exported() {
    let q = Builtin::Hall.questionnaire();
    let east = Bundle::new(
        vec![q.clone()],
        vec![
            customer(&q, 1, "east", "2026-11-02T09:00:00+08:00", &taps("payment", 5, None, 5)),
            customer(&q, 2, "east", "2026-11-02T09:10:00+08:00", &taps("repair", 3, Some(1), 2)),
        ],
        Some(at("2026-11-02T18:00:00+08:00")),
        None,
    );
    let mut west_answers = taps("inquiry", 4, Some(4), 4);
    west_answers.push(("comment", Answer::Text("=1+1 很好".into())));
    west_answers.push(("callback_consent", Answer::Yes));
    west_answers.push(("phone", Answer::Text("13912345678".into())));
    let west = Bundle::new(
        vec![q.clone()],
        vec![customer(&q, 3, "west", "2026-11-02T10:00:00+08:00", &west_answers)],
        None,
        None,
    );

    // The analyst reads the files (east twice) and merges them.
    let mut collection = Collection::new(Vec::new());
    for (name, bytes) in
        [("east.json", east.to_json()), ("west.json", west.to_json()), ("east-again.json", east.to_json())]
    {
        collection.import(&bytes, name, &mut |_| {}).unwrap();
    }
    assert_eq!(collection.len(), 3);

    let ds = collection.to_score(None).unwrap();
    ds.sort_by_start();
    let options = ReportOptions { group_by: Some(GroupBy::Tag(TagKey::Hall)), ..Default::default() };
    let index = ds.index(&options, &[], &Filter::default()).unwrap();
    // east: customer 1 all 5 → 100 (self-service N/A); customer 2 rated 3 (50) with the kiosk 1 (0):
    // every item answered, so the equal tree gives 3/4·50 + 1/4·0 = 37.5. Mean 68.75.
    // west: rated 4 (75) everywhere → 75.
    let table = &index.tables[0];
    let rows: Vec<(String, usize, Option<f64>)> =
        table.overall.iter().map(|g| (g.group.clone(), g.summary.n, g.summary.index)).collect();
    assert_eq!(rows, [("east".to_owned(), 2, Some(68.75)), ("west".to_owned(), 1, Some(75.0))]);

    let csv = ds.responses_table(Some(&index), ResponsesOptions::default()).to_csv(true);
    let golden = include_bytes!("golden/hall_responses.csv");
    if csv != golden {
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/target-hall_responses.csv"), &csv).ok();
        panic!("the responses CSV differs from tests/golden/hall_responses.csv (new output written beside Cargo.toml as target-hall_responses.csv; review it by hand before replacing the golden file)");
    }
    let index = String::from_utf8(index_table_of(&table.overall, &table.dimensions).to_csv(false)).unwrap();
    assert!(
        index.starts_with(
            "dimension,group,n,index,se,ci_low,ci_high,small_sample\r\noverall,east,2,68.75,31.25,"
        ),
        "{index}"
    );
}
