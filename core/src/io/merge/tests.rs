use super::*;
use crate::io::bundle::Bundle;
use crate::response::answer::Answer;
use crate::testing::{hall, hall_response};

fn bundle(rs: Vec<Response>) -> Bundle {
    Bundle::new(vec![hall()], rs, None, None)
}

#[test]
fn same_file_twice_adds_nothing_and_overlaps_count_once() {
    let q = hall();
    let a = bundle(vec![hall_response(&q, 1, "east", 4, 4), hall_response(&q, 2, "east", 5, 5)]);
    let b = bundle(vec![hall_response(&q, 2, "east", 5, 5), hall_response(&q, 3, "west", 3, 3)]);
    let mut m = Merged::default();
    assert_eq!(m.add(a.clone(), "a.json").added, 2);
    let again = m.add(a, "a-copy.json");
    assert_eq!((again.added, again.duplicates), (0, 2));
    let rep = m.add(b, "b.json");
    assert_eq!((rep.added, rep.duplicates), (1, 1));
    assert_eq!(m.responses.len(), 3);
    assert_eq!(m.questionnaires.len(), 1);
}

#[test]
fn differing_copies_are_reported() {
    let q = hall();
    let first = hall_response(&q, 9, "east", 4, 4);
    let mut edited = first.clone();
    edited.answers.insert("overall".into(), Answer::Rating(1));
    let mut draft = first.clone();
    draft.status = Status::Draft;
    draft.submitted_at = None;

    let mut m = Merged::default();
    m.add(bundle(vec![draft]), "morning.json");
    let rep = m.add(bundle(vec![first.clone()]), "evening.json");
    assert_eq!(
        rep.conflicts,
        [Conflict { id: first.id, source: "evening.json".into(), resolution: Resolution::Replaced }]
    );
    let rep = m.add(bundle(vec![edited]), "other.json");
    assert_eq!(rep.conflicts[0].resolution, Resolution::KeptFirst);
    assert_eq!(m.responses[&first.id], first);
}

#[test]
fn bundle_round_trip() {
    let q = hall();
    let b = bundle(vec![hall_response(&q, 1, "东", 4, 4), hall_response(&q, 2, "西", 2, 1)]);
    let bytes = b.to_json();
    let back = Bundle::from_json(&bytes, "x.json", &[]).unwrap();
    assert_eq!(back, b);
    let empty = bundle(vec![]);
    assert_eq!(Bundle::from_json(&empty.to_json(), "e.json", &[]).unwrap(), empty);
}

#[test]
fn malformed_bundles_name_file_line_and_column() {
    let q = hall();
    let good = String::from_utf8(bundle(vec![hall_response(&q, 1, "east", 4, 4)]).to_json()).unwrap();

    let broken = good.replacen("\"format_version\": 1", "\"format_version\": 1,,", 1);
    let e = Bundle::from_json(broken.as_bytes(), "tablet-3.json", &[]).unwrap_err().to_string();
    assert!(e.starts_with("tablet-3.json, line 3, column"), "{e}");

    let off_scale = good.replacen("\"overall\":{\"rating\":4}", "\"overall\":{\"rating\":9}", 1);
    assert_ne!(off_scale, good);
    let e = Bundle::from_json(off_scale.as_bytes(), "tablet-3.json", &[]).unwrap_err().to_string();
    let line = good.lines().position(|l| l.contains("00000000-0000-0000-0000-000000000001")).unwrap() + 1;
    assert!(e.starts_with(&format!("tablet-3.json, line {line}, column")), "{e}");
    assert!(e.contains("item `overall`") && e.contains("9 is off the scale 1–5"), "{e}");

    let other = good.replacen("\"format\": \"manyi\"", "\"format\": \"surveyjs\"", 1);
    let e = Bundle::from_json(other.as_bytes(), "x.json", &[]).unwrap_err().to_string();
    assert!(e.contains("is this a Manyi export?"), "{e}");
}

#[test]
fn unknown_questionnaire_version_is_an_error() {
    let q = hall();
    let mut r = hall_response(&q, 1, "east", 4, 4);
    r.questionnaire.version = 7;
    let b = Bundle::new(vec![], vec![r], None, None);
    let e = Bundle::from_json(&b.to_json(), "x.json", &[]).unwrap_err().to_string();
    assert!(e.contains("hall v7") && e.contains("import that questionnaire first"), "{e}");
}

#[test]
fn importing_writes_only_what_is_new_or_further_along() {
    let q = hall();
    let mut other = hall();
    other.version = 2;
    let known_done = hall_response(&q, 1, "east", 4, 4);
    let mut draft = hall_response(&q, 2, "east", 5, 5);
    let done = draft.clone();
    draft.status = Status::Draft;
    draft.submitted_at = None;
    let new = hall_response(&q, 3, "west", 3, 3);
    let file = Bundle::new(
        vec![q.clone(), other.clone()],
        vec![known_done.clone(), done.clone(), new.clone()],
        None,
        None,
    );
    let import = import_into(&[q], &[known_done, draft], file, "visits.json");
    assert_eq!(import.questionnaires, [other]);
    assert_eq!(import.responses, [done, new]);
    assert_eq!((import.report.added, import.report.duplicates, import.report.conflicts.len()), (1, 1, 1));
}
