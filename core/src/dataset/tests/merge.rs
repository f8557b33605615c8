//! Importing and merging into datasets against `Merged` (the device store's merge of whole
//! bundles): the same reports, and every merged response rebuilt from the columns equal to the
//! merged copy.

use super::*;
use crate::dataset::PROGRESS_EVERY;
use crate::io::merge::{MergeReport, Merged, Resolution};
use crate::questionnaire::item::ItemId;
use crate::response::answer::Answer;
use crate::response::Status;

/// Imports the files both ways: the same report per file, the same questionnaires, and the same
/// responses.
fn assert_merge(files: &[(&str, Vec<u8>)]) -> (Collection, Vec<MergeReport>) {
    let mut merged = Merged::default();
    let mut c = Collection::new(Vec::new());
    let mut reports = Vec::new();
    for (name, bytes) in files {
        let want = merged.add(Bundle::from_json(bytes, name, &[]).unwrap(), name);
        let got = c.import(bytes, name, &mut |_| {}).unwrap();
        assert_eq!(got, want, "{name}");
        reports.push(got);
    }
    assert_eq!(c.questionnaires(), &merged.questionnaires);
    assert_eq!(c.len(), merged.responses.len());
    for ds in c.datasets() {
        for row in 0..ds.len() {
            let r = ds.response(row);
            assert_eq!(Some(&r), merged.responses.get(&r.id), "row {row} of {}", ds.reference());
        }
    }
    (c, reports)
}

#[test]
fn overlapping_files_merge_to_their_union() {
    let rs = responses(SampleKind::Hall, 600, 2);
    let hall = [Builtin::Hall.questionnaire()];
    let mut second: Vec<Response> = rs[300..].to_vec();
    second.extend_from_slice(&rs[350..360]);
    let (c, _) = assert_merge(&[
        ("a.json", file(&hall, &rs[..400])),
        ("b.json", file(&hall, &second)),
        ("a.json", file(&hall, &rs[..400])),
    ]);
    assert_eq!(c.len(), 600);
}

/// An earlier state of a complete response: a draft with its first answers.
fn draft_of(r: &Response, keep: usize) -> Response {
    let mut d = r.clone();
    d.status = Status::Draft;
    d.submitted_at = None;
    let ids: Vec<ItemId> = d.answers.keys().skip(keep).cloned().collect();
    ids.iter().for_each(|id| {
        d.answers.remove(id);
    });
    d
}

#[test]
fn conflicts_resolve_as_the_reference_within_and_across_files_and_questionnaires() {
    let rs = responses(SampleKind::Hall, 40, 8);
    let complete: Vec<&Response> = rs.iter().filter(|r| r.status == Status::Complete).collect();
    let (a, b, x, y) = (complete[0], complete[1], complete[2], complete[3]);
    let mut changed = a.clone();
    let guide = if a.answers["guide"] == Answer::Rating(1) { 2 } else { 1 };
    changed.answers.insert("guide".into(), Answer::Rating(guide));
    // The same UUIDs in the Kano study, as break-offs.
    let kano_copy = |r: &Response| {
        let mut k = responses(SampleKind::Kano, 1, r.id.0.as_u128() as u64).remove(0);
        (k.id, k.status) = (r.id, Status::BreakOff);
        k
    };
    let files = [
        ("one.json", vec![a.clone(), draft_of(b, 3), draft_of(x, 2)]),
        // a differs at the same stage: the first is kept; b is further along: it replaces the draft
        // (then an equal copy); x moves to the Kano dataset; an earlier a is kept out.
        ("two.json", vec![changed, b.clone(), b.clone(), kano_copy(x), draft_of(a, 2)]),
        // x comes back to the hall, complete; its Kano break-off again is not further along.
        ("three.json", vec![draft_of(x, 1), x.clone(), kano_copy(x)]),
        // y within one file: a hall draft, the Kano break-off, complete in the hall.
        ("four.json", vec![draft_of(y, 2), kano_copy(y), y.clone()]),
    ];
    let files: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, rs)| (*n, file(&[], rs))).collect();
    let (c, reports) = assert_merge(&files);
    let resolutions: Vec<Resolution> =
        reports.iter().flat_map(|r| r.conflicts.iter().map(|c| c.resolution)).collect();
    use Resolution::*;
    assert_eq!(
        resolutions,
        [KeptFirst, Replaced, Replaced, KeptFirst, KeptFirst, Replaced, KeptFirst, Replaced, Replaced]
    );
    assert_eq!(reports[1].duplicates, 1);
    let hall = dataset(&c, Builtin::Hall);
    assert_eq!((hall.len(), dataset(&c, Builtin::Kano).len()), (4, 0));
}

#[test]
fn a_differing_copy_of_a_questionnaire_is_reported_and_its_answers_kept() {
    let hall = Builtin::Hall.questionnaire();
    let mut other = hall.clone();
    other.title.en = "Hall satisfaction (pilot)".into();
    let mut extra = other.items.iter().find(|i| i.id.as_str() == "wait").unwrap().clone();
    extra.id = "wait_signage".into();
    extra.required = false;
    other.items.insert(3, extra);
    let rs = responses(SampleKind::Hall, 30, 5);
    let mut pilot = responses(SampleKind::Hall, 10, 6);
    pilot[0].answers.insert("wait_signage".into(), Answer::Rating(2));
    let (c, _) = assert_merge(&[
        ("hall.json", file(std::slice::from_ref(&hall), &rs)),
        ("pilot.json", file(&[other], &pilot)),
    ]);
    assert_eq!(c.datasets().len(), 1);
    assert_eq!(c.datasets()[0].questionnaire(), &hall, "the first copy is kept");
}

#[test]
fn questionnaires_after_the_responses_are_read_first() {
    let mut q = Builtin::Hall.questionnaire();
    q.version = 2;
    let mut rs = responses(SampleKind::Hall, 20, 7);
    rs.iter_mut().for_each(|r| r.questionnaire = q.reference());
    let swapped = questionnaires_last(&String::from_utf8(file(&[q.clone()], &rs)).unwrap());
    let (c, _) = assert_merge(&[("late.json", swapped.into_bytes())]);
    assert_eq!(c.datasets()[0].reference(), q.reference());
}

#[test]
fn progress_is_reported_as_responses_are_read() {
    let rs = responses(SampleKind::Kano, PROGRESS_EVERY * 2 + 5, 2);
    let bytes = file(&[], &rs);
    let mut seen = Vec::new();
    let mut c = Collection::new(Vec::new());
    c.import(&bytes, "kano.json", &mut |p| seen.push((p.read, p.expected))).unwrap();
    let n = rs.len();
    assert_eq!(seen, [(PROGRESS_EVERY, n), (2 * PROGRESS_EVERY, n), (n, n)]);
}

#[test]
fn a_file_that_fails_changes_nothing() {
    let rs = responses(SampleKind::Hall, 50, 11);
    let mut c = imported(&file(&[], &rs));
    let before: Vec<Response> = (0..50).map(|row| c.datasets()[0].response(row)).collect();
    // New responses, a new questionnaire, then a rating off the scale in the last response.
    let mut bad: Vec<Response> = responses(SampleKind::Hall, 30, 12);
    bad.extend(responses(SampleKind::Kano, 5, 12));
    bad.push(rs[0].clone());
    let last = bad.len() - 1;
    bad[last].answers.insert("wait".into(), Answer::Rating(6));
    let e = c.import(&file(&[], &bad), "bad.json", &mut |_| {}).unwrap_err().to_string();
    assert!(e.starts_with("bad.json, line ") && e.contains("6 is off the scale 1–5"), "{e}");
    assert_eq!(c.datasets().len(), 1);
    let after: Vec<Response> = (0..c.len()).map(|row| c.datasets()[0].response(row)).collect();
    assert_eq!(after, before);
}
