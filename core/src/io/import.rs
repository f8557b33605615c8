//! Importing the export files of many devices: each file is read and checked whole before any of
//! it is merged, so a malformed file changes nothing and its error names the file, line and
//! column; then the responses of one questionnaire are taken out in the order they were started.

use super::bundle::Bundle;
use super::merge::{MergeReport, Merged};
use crate::error::{Error, Result};
use crate::questionnaire::builtin;
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::response::Response;

/// Reads one Manyi JSON export (`source` names it in errors and in the report) and merges it into
/// `merged`. On error `merged` is unchanged.
pub fn import_bundle(
    merged: &mut Merged,
    bytes: &[u8],
    source: &str,
    known: &[Questionnaire],
) -> Result<MergeReport> {
    let bundle = Bundle::from_json(bytes, source, known)?;
    Ok(merged.add(bundle, source))
}

/// The questionnaire to score: `given` if there is one, else the only questionnaire the merged
/// responses answer, from the files or the built-ins. Several questionnaires (or versions) and
/// none given is an error that lists them.
pub fn questionnaire_to_score(merged: &Merged, given: Option<Questionnaire>) -> Result<Questionnaire> {
    if let Some(q) = given {
        return Ok(q);
    }
    let mut refs: Vec<&QuestionnaireRef> = merged.responses.values().map(|r| &r.questionnaire).collect();
    refs.sort();
    refs.dedup();
    let what = || "questionnaire".to_owned();
    match refs.as_slice() {
        [] => Err(Error::InvalidArgument { what: what(), reason: "the files hold no responses".into() }),
        [one] => merged
            .questionnaires
            .get(*one)
            .cloned()
            .or_else(|| builtin::all().into_iter().find(|q| q.reference() == **one))
            .ok_or_else(|| Error::InvalidArgument {
                what: what(),
                reason: format!("{one} is neither in the files nor built in; give it"),
            }),
        many => Err(Error::InvalidArgument {
            what: what(),
            reason: format!(
                "the responses answer {} questionnaires ({}); choose one",
                many.len(),
                many.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
            ),
        }),
    }
}

/// Takes the merged responses out (no copy), ordered by start time, then UUID.
pub fn into_responses(merged: Merged) -> Vec<Response> {
    let mut v: Vec<Response> = merged.responses.into_values().collect();
    v.sort_by_key(|r| (r.started_at, r.id));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{sample_bundle, SampleKind, SampleOptions};

    #[test]
    fn overlapping_files_merge_to_the_union_and_a_bad_file_changes_nothing() {
        let opts = SampleOptions { count: 60, seed: 5, ..SampleOptions::default() };
        let all = sample_bundle(SampleKind::Hall, &opts);
        let mut first = all.clone();
        first.responses.truncate(40);
        let mut second = all.clone();
        second.responses.drain(..25); // 25..60: 15 overlap with the first
        let mut merged = Merged::default();
        let a = import_bundle(&mut merged, &first.to_json(), "a.json", &[]).unwrap();
        let b = import_bundle(&mut merged, &second.to_json(), "b.json", &[]).unwrap();
        assert_eq!((a.added, b.added, b.duplicates), (40, 20, 15));
        assert_eq!(merged.responses.len(), 60);

        let mut bad = String::from_utf8(all.to_json()).unwrap();
        bad = bad.replacen("\"rating\":", "\"rating\":\"", 1);
        let before = merged.responses.len();
        let e = import_bundle(&mut merged, bad.as_bytes(), "bad.json", &[]).unwrap_err().to_string();
        assert!(e.starts_with("bad.json, line "), "{e}");
        assert!(e.contains("column"), "{e}");
        assert_eq!(merged.responses.len(), before);

        let q = questionnaire_to_score(&merged, None).unwrap();
        assert_eq!(q.id.as_str(), "hall");
        let rs = into_responses(merged);
        assert!(rs.windows(2).all(|w| w[0].started_at <= w[1].started_at));
    }

    #[test]
    fn two_questionnaires_need_a_choice() {
        let opts = SampleOptions { count: 5, ..SampleOptions::default() };
        let mut merged = Merged::default();
        for kind in [SampleKind::Hall, SampleKind::Kano] {
            import_bundle(&mut merged, &sample_bundle(kind, &opts).to_json(), "x.json", &[]).unwrap();
        }
        let e = questionnaire_to_score(&merged, None).unwrap_err().to_string();
        assert!(e.contains("2 questionnaires (hall v1, kano v1)"), "{e}");
    }
}
