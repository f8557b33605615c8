//! The dataset against the path through `Vec<Response>`: every figure, merge report, rebuilt
//! response and error message of the reference, on the sample generator's data.

mod errors;
mod merge;
mod responses_table;
mod scores;

use super::{Collection, Dataset};
use crate::io::bundle::Bundle;
use crate::questionnaire::builtin::Builtin;
use crate::questionnaire::Questionnaire;
use crate::response::Response;
use crate::sample::{sample, SampleKind, SampleOptions};
use crate::scoring::index::GroupIndex;

/// `count` responses of `kind` drawn with `seed`.
fn responses(kind: SampleKind, count: usize, seed: u64) -> Vec<Response> {
    sample(kind, &SampleOptions { count, seed, ..SampleOptions::default() })
}

/// A bundle of these responses and questionnaires, as JSON.
fn file(questionnaires: &[Questionnaire], responses: &[Response]) -> Vec<u8> {
    Bundle::new(questionnaires.to_vec(), responses.to_vec(), None, None).to_json()
}

/// The bundle text with its questionnaires moved after its responses.
fn questionnaires_last(text: &str) -> String {
    let head = text.find("\"questionnaires\"").unwrap();
    let responses = text.find("\"responses\"").unwrap();
    let end = text.rfind(']').unwrap() + 1;
    let questionnaires = text[head..responses].trim_end().trim_end_matches(',');
    format!("{}{},\n  {questionnaires}\n}}\n", &text[..head], &text[responses..end])
}

/// The collection of one imported file.
fn imported(bytes: &[u8]) -> Collection {
    let mut c = Collection::new(Vec::new());
    c.import(bytes, "data.json", &mut |_| {}).unwrap();
    c
}

/// The hall sample the score tests share: 3,000 responses with break-offs, N/A and comments.
fn hall_sample() -> (Vec<Response>, Collection) {
    let rs = responses(SampleKind::Hall, 3000, 3);
    let c = imported(&file(&[Builtin::Hall.questionnaire()], &rs));
    (rs, c)
}

/// The dataset of a questionnaire.
fn dataset(c: &Collection, b: Builtin) -> &Dataset {
    c.dataset(&b.questionnaire().reference()).expect("imported")
}

/// Whether `a` and `b` agree to `tolerance` relative (or 1e-12 absolute near 0).
fn close(a: f64, b: f64, tolerance: f64) -> bool {
    a == b || (a - b).abs() <= tolerance * a.abs().max(b.abs()) || (a - b).abs() <= 1e-12
}

fn assert_close(a: f64, b: f64, tolerance: f64, what: &str) {
    assert!(close(a, b, tolerance), "{what}: {a} vs {b}");
}

fn assert_close_opt(a: Option<f64>, b: Option<f64>, tolerance: f64, what: &str) {
    match (a, b) {
        (Some(a), Some(b)) => assert_close(a, b, tolerance, what),
        (a, b) => assert_eq!(a, b, "{what}"),
    }
}

/// The index rows agree: the same groups, sizes and flags, every figure to 1e-9.
fn assert_groups(a: &[GroupIndex], b: &[GroupIndex], what: &str) {
    let keys = |g: &[GroupIndex]| g.iter().map(|g| (g.group.clone(), g.summary.n)).collect::<Vec<_>>();
    assert_eq!(keys(a), keys(b), "{what}");
    for (x, y) in a.iter().zip(b) {
        let (s, t) = (&x.summary, &y.summary);
        let what = format!("{what}, group {}", x.group);
        assert_eq!(s.small_sample, t.small_sample, "{what}");
        assert_close_opt(s.index, t.index, 1e-9, &format!("{what}: index"));
        assert_close_opt(s.se, t.se, 1e-9, &format!("{what}: se"));
        assert_close_opt(s.ci_low, t.ci_low, 1e-9, &format!("{what}: ci_low"));
        assert_close_opt(s.ci_high, t.ci_high, 1e-9, &format!("{what}: ci_high"));
    }
}
