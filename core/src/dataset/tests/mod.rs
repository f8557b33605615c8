//! The dataset on the sample generator's data: merge reports, rebuilt responses, error messages,
//! filters, and figures worked out by hand (the figures against the independent references are in
//! `core/tests/*_reference.rs`).

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
