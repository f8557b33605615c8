//! Every figure of the dataset against `Report::compute`, `kano_of_responses`,
//! `drivers_of_responses` and `Export::new` on the same responses.

use super::*;
use crate::analyses::{drivers_of_responses, kano_of_responses, DriverRow};
use crate::dataset::{Filter, SheetRows, TagFilter};
use crate::io::export::{Analysis, AnalysisOptions, Export};
use crate::io::responses::ResponsesOptions;
use crate::io::table::Cell;
use crate::questionnaire::item::ItemKind;
use crate::response::answer::Answer;
use crate::response::tags::TagKey;
use crate::response::{Channel, Status};
use crate::scoring::ahp::{AhpMethod, PairwiseMatrix};
use crate::scoring::composite::Renormalisation;
use crate::scoring::drivers::{Missing, PenaltyRewardOptions};
use crate::scoring::group::GroupBy;
use crate::scoring::kano::KanoOptions;
use crate::scoring::report::{Report, ReportOptions, WeightSource};
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

#[test]
fn the_values_of_each_grouping_and_the_rows_a_filter_passes_are_the_responses() {
    let (rs, c) = hall_sample();
    let ds = dataset(&c, Builtin::Hall);
    for by in GROUPINGS {
        let mut want: Vec<String> = rs.iter().map(|r| by.key(r)).collect();
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
        .filter(|r| GroupBy::Tag(TagKey::Hall).key(r) == "城东营业厅" && day(r) >= filter.from.unwrap())
        .collect();
    let got: Vec<Response> = ds.rows_passing(&filter).map(|row| ds.response(row)).collect();
    assert!(want.len() > 50 && want.iter().any(|r| r.status != Status::Complete), "{}", want.len());
    assert_eq!(got.iter().collect::<Vec<_>>(), want);
}

/// The dataset's index by every grouping against a report per grouping of the `kept` responses.
fn assert_index(ds: &Dataset, kept: &[Response], options: &ReportOptions, filter: &Filter) {
    let q = ds.questionnaire();
    let index = ds.index(options, &GROUPINGS, filter).unwrap();
    for (table, group_by) in index.tables.iter().zip(GROUPINGS) {
        let what = format!("{:?} by {}", options.weights, group_by.name());
        let report =
            Report::compute(q, kept, &ReportOptions { group_by: Some(group_by), ..options.clone() }).unwrap();
        assert_eq!(table.group_by, group_by);
        assert_groups(&table.overall, &report.overall, &what);
        assert_eq!(table.dimensions.len(), report.dimensions.len());
        for (d, e) in table.dimensions.iter().zip(&report.dimensions) {
            assert_eq!((&d.dimension, &d.title), (&e.dimension, &e.title));
            assert_groups(&d.groups, &e.groups, &format!("{what}, {}", d.dimension));
        }
        if group_by != GroupBy::Tag(TagKey::Staff) {
            continue;
        }
        assert_eq!((index.scored, index.left_out), (report.responses.len(), report.left_out), "{what}");
        assert_eq!(index.renormalise, report.renormalise);
        let weights = |t: &crate::scoring::composite::WeightTree| t.item_products();
        for (a, b) in weights(&index.weights).iter().zip(weights(&report.weights)) {
            assert_close(*a, b, 1e-9, &format!("{what}: weight"));
        }
        match (&index.weight_details, &report.weight_details) {
            (Some(a), Some(b)) => {
                assert_eq!(
                    (a.n, &a.warnings, &a.method, &a.ahp),
                    (b.n, &b.warnings, &b.method, &b.ahp),
                    "{what}"
                );
                a.values.iter().zip(&b.values).for_each(|(x, y)| assert_close(*x, *y, 1e-9, &what));
            }
            (a, b) => assert_eq!(a, b, "{what}"),
        }
        let scores = ds.response_scores(&index, 3);
        assert_eq!(scores.len(), report.responses.len());
        for (a, b) in scores.iter().zip(&report.responses) {
            assert_eq!((a.id, &a.group, &a.red_lines), (b.id, &b.group, &b.red_lines));
            assert_close_opt(a.composite, b.composite, 1e-9, &what);
            assert_eq!(a.dimensions.len(), b.dimensions.len());
            a.dimensions.iter().zip(&b.dimensions).for_each(|(x, y)| assert_close_opt(*x, *y, 1e-9, &what));
        }
    }
}

#[test]
fn the_index_by_every_grouping_and_weighting_equals_the_reports() {
    let (rs, c) = hall_sample();
    let ds = dataset(&c, Builtin::Hall);
    let w = [0.4, 0.3, 0.2, 0.1];
    let matrix =
        PairwiseMatrix::new((0..4).map(|i| (0..4).map(|j| w[i] / w[j]).collect()).collect()).unwrap();
    let sources = [
        WeightSource::Stated,
        WeightSource::Equal,
        WeightSource::Dimensions(WeightMethod::Ahp { matrix, method: AhpMethod::Eigenvector }),
        WeightSource::Items(WeightMethod::Stated((1..=10).map(f64::from).collect())),
        WeightSource::Items(WeightMethod::Derived(DerivedMethod::StandardisedRegression)),
        WeightSource::Items(WeightMethod::Derived(DerivedMethod::Correlation)),
        WeightSource::Dimensions(WeightMethod::Derived(DerivedMethod::StandardisedRegression)),
    ];
    for (k, weights) in sources.into_iter().enumerate() {
        let options = ReportOptions {
            weights,
            renormalise: (k % 2 == 1).then_some(Renormalisation::WithinDimension),
            include_break_offs: k % 3 == 2,
            ..ReportOptions::default()
        };
        assert_index(ds, &rs, &options, &Filter::default());
    }
}

#[test]
fn a_filter_selects_what_the_reference_scores_of_the_same_subset() {
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
    let kept: Vec<Response> = rs
        .iter()
        .filter(|r| r.tags.hall.as_ref().is_some_and(|h| halls.contains(&h.to_string())))
        .filter(|r| r.tags.business_type.is_none_or(|b| ["payment", "repair"].contains(&b.code())))
        .filter(|r| (filter.from.unwrap()..=filter.to.unwrap()).contains(&day(r)))
        .cloned()
        .collect();
    assert!(kept.len() > 100 && kept.len() < 1500, "{}", kept.len());
    let options = ReportOptions { include_break_offs: true, ..ReportOptions::default() };
    assert_index(ds, &kept, &options, &filter);
}

#[test]
fn kano_figures_equal_the_reference() {
    let hall = responses(SampleKind::Hall, 200, 1);
    let kano = responses(SampleKind::Kano, 2000, 4);
    let all: Vec<Response> = hall.iter().chain(&kano).cloned().collect();
    let c = imported(&file(&[], &all));
    let q = Builtin::Kano.questionnaire();
    for include_break_offs in [false, true] {
        let scored: Vec<&Response> = kano
            .iter()
            .filter(|r| r.status == Status::Complete || (include_break_offs && r.status == Status::BreakOff))
            .collect();
        let want = kano_of_responses(&q, &scored, &KanoOptions::default()).unwrap();
        let got = dataset(&c, Builtin::Kano)
            .kano(&KanoOptions::default(), include_break_offs, &Filter::default())
            .unwrap();
        assert_eq!(got.len(), want.len());
        for ((a, x), (b, y)) in got.iter().zip(&want) {
            assert_eq!((a, x.counts, x.n, x.category, x.mixed), (b, y.counts, y.n, y.category, y.mixed));
            assert_eq!((x.fong_difference, x.fong_significant), (y.fong_difference, y.fong_significant));
            let pairs = [
                (x.better, y.better),
                (x.worse, y.worse),
                (x.total_strength, y.total_strength),
                (x.category_strength, y.category_strength),
                (x.fong_critical, y.fong_critical),
            ];
            pairs.iter().for_each(|(u, v)| assert_close(*u, *v, 1e-9, a));
            assert_close_opt(x.functional_mean, y.functional_mean, 1e-9, a);
            assert_close_opt(x.dysfunctional_mean, y.dysfunctional_mean, 1e-9, a);
        }
    }
    assert!(dataset(&c, Builtin::Hall)
        .kano(&KanoOptions::default(), false, &Filter::default())
        .unwrap()
        .is_empty());
}

fn assert_drivers(got: &[DriverRow], want: &[DriverRow]) {
    assert_eq!(got.len(), want.len());
    for (a, b) in got.iter().zip(want) {
        assert_eq!((&a.item, a.category, a.quadrant), (&b.item, b.category, b.quadrant));
        for (x, y) in [
            (a.penalty, b.penalty),
            (a.reward, b.reward),
            (a.importance, b.importance),
            (a.performance, b.performance),
        ] {
            assert_close(x, y, 1e-9, &a.item);
        }
        assert_close_opt(a.impact_asymmetry, b.impact_asymmetry, 1e-9, &a.item);
        assert_close(a.penalty_p, b.penalty_p, 1e-7, &a.item);
        assert_close(a.reward_p, b.reward_p, 1e-7, &a.item);
    }
}

#[test]
fn drivers_equal_the_reference_listwise_and_as_middle() {
    let (rs, c) = hall_sample();
    let ds = dataset(&c, Builtin::Hall);
    let q = ds.questionnaire();
    for (missing, alpha, include_break_offs) in
        [(Missing::Listwise, 0.05, false), (Missing::AsMiddle, 0.05, false), (Missing::AsMiddle, 0.01, true)]
    {
        let options = PenaltyRewardOptions { missing, alpha, ..PenaltyRewardOptions::default() };
        let scored: Vec<&Response> = rs
            .iter()
            .filter(|r| r.status == Status::Complete || (include_break_offs && r.status == Status::BreakOff))
            .collect();
        let want = drivers_of_responses(q, &scored, &options).unwrap();
        let got = ds.drivers(&options, include_break_offs, &Filter::default()).unwrap();
        assert_drivers(&got, &want);
    }
}

#[test]
fn too_little_data_for_drivers_is_named_alike() {
    let q = Builtin::Hall.questionnaire();
    let few = responses(SampleKind::Hall, 12, 9);
    let uniform: Vec<Response> =
        (0..40).map(|n| crate::testing::hall_response(&q, n, "东", 1 + (n % 5) as i32, 3)).collect();
    let varied: Vec<Response> = (0..40)
        .map(|n| crate::testing::hall_response(&q, n, "东", 1 + (n % 5) as i32, 1 + (n % 4) as i32))
        .collect();
    for rs in [few, uniform, varied] {
        let c = imported(&file(&[], &rs));
        let refs: Vec<&Response> = rs.iter().filter(|r| r.status == Status::Complete).collect();
        for missing in [Missing::Listwise, Missing::AsMiddle] {
            let options = PenaltyRewardOptions { missing, ..PenaltyRewardOptions::default() };
            let want = drivers_of_responses(&q, &refs, &options).unwrap_err().to_string();
            let got = dataset(&c, Builtin::Hall).drivers(&options, false, &Filter::default()).unwrap_err();
            assert_eq!(got.to_string(), want);
        }
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
fn evaluation_visits_score_rebuild_and_export_alike() {
    let q = Builtin::Evaluation.questionnaire();
    let rs = visits(&q);
    let c = imported(&file(&[], &rs));
    let ds = dataset(&c, Builtin::Evaluation);
    for (row, r) in rs.iter().enumerate() {
        assert_eq!(ds.response(row), *r);
    }
    assert_index(ds, &rs, &ReportOptions::default(), &Filter::default());
    assert_exports(ds, &rs);
}

/// The export of the dataset equals `Export::new`'s: every table cell for cell (numbers to
/// 1e-9, p-values to 1e-7), and the responses CSV in parts byte for byte.
fn assert_exports(ds: &Dataset, rs: &[Response]) {
    let q = ds.questionnaire();
    let options = AnalysisOptions::default();
    let analysis = Analysis::compute(q, rs, &options).unwrap();
    let refs: Vec<&Response> = rs.iter().collect();
    let when = at("2026-11-22T20:30:00+08:00");
    let want = Export::new(q, &refs, &analysis, when, ResponsesOptions::default());
    let mine = ds.analyse(&options, &Filter::default()).unwrap();
    let got = ds.export(&mine, when, ResponsesOptions::default(), SheetRows::All);
    assert_eq!(got.about, want.about);
    let names =
        |e: &Export| e.tables.iter().map(|(n, t)| (*n, t.columns.clone(), t.rows.len())).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&want));
    for ((name, a), (_, b)) in got.tables.iter().zip(&want.tables) {
        for (x, y) in a.rows.iter().flatten().zip(b.rows.iter().flatten()) {
            match (x, y) {
                (Cell::Number(u), Cell::Number(v)) => assert_close(*u, *v, 1e-7, name),
                _ => assert_eq!(x, y, "{name}"),
            }
        }
    }
    let parts: Vec<u8> = ds.responses_csv(&mine, ResponsesOptions::default(), 7).flatten().collect();
    assert_eq!(String::from_utf8(parts).unwrap(), String::from_utf8(want.tables[0].1.to_csv(true)).unwrap());
    let first = ds.export(&mine, when, ResponsesOptions::default(), SheetRows::First(5));
    assert_eq!(first.tables[0].1.rows[..], want.tables[0].1.rows[..5]);
    // The about table says the sheet was cut, and where the rest is; a whole sheet says nothing.
    assert_eq!(first.about.rows.len(), want.about.rows.len() + 1);
    let limit = first.about.rows.last().unwrap();
    assert_eq!((&limit[0], &limit[3]), (&Cell::from("responses_limit"), &Cell::Integer(5)));
    let text = format!("{:?}", limit[2]);
    assert!(
        text.contains(&format!("first 5 of the {}", rs.len())) && text.contains("responses.csv"),
        "{text}"
    );
}

#[test]
fn the_export_of_the_hall_sample_equals_the_reference() {
    let rs = responses(SampleKind::Hall, 1500, 6);
    let mut c = imported(&file(&[], &rs));
    let mut sorted = rs.clone();
    sorted.sort_by_key(|r| (r.started_at, r.id));
    let ds = c.to_score(None).unwrap();
    ds.sort_by_start();
    assert_exports(ds, &sorted);
}
