//! A Kano study's results as the app shows and exports them: each feature's figures with its text,
//! the Better vs |Worse| chart (points numbered in questionnaire order), and the files for the
//! analysts (JSON bundle, the Kano table as CSV, the workbook).

use crate::chart::kano::kano_scatter;
use crate::chart::scatter::{Frame, Scatter};
use crate::dataset::{Dataset, Filter, SheetRows};
use crate::error::Result;
use crate::io::bundle::Bundle;
use crate::io::responses::ResponsesOptions;
use crate::io::tables::kano_table;
use crate::questionnaire::item::ItemId;
use crate::questionnaire::Questionnaire;
use crate::response::{Response, Status};
use crate::scoring::analysis::AnalysisOptions;
use crate::scoring::kano::{KanoOptions, KanoResult};
use crate::text::Text;
use chrono::{DateTime, FixedOffset};

/// One feature's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Its number on the chart (1, 2, … in questionnaire order).
    pub number: usize,
    /// The item.
    pub id: ItemId,
    /// The feature as the questionnaire names it.
    pub text: Text,
    /// Its figures.
    pub result: KanoResult,
}

/// The results of the complete responses to one version of a Kano questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct KanoStudy {
    /// How many complete responses were analysed.
    pub respondents: usize,
    /// The features anyone answered, in questionnaire order.
    pub features: Vec<Feature>,
}

impl KanoStudy {
    /// Analyses the complete responses to `q` among `responses` with the default table and rule.
    pub fn new(q: &Questionnaire, responses: &[Response]) -> Result<KanoStudy> {
        KanoStudy::with_options(q, responses, &KanoOptions::default())
    }

    /// Analyses the complete responses to `q` among `responses` with the evaluation table and
    /// class rule of `options` (e.g. the Pouliot table, as `manyi kano --table pouliot`).
    pub fn with_options(
        q: &Questionnaire,
        responses: &[Response],
        options: &KanoOptions,
    ) -> Result<KanoStudy> {
        let ds = Dataset::from_responses(q, responses);
        let results = ds.kano(options, false, &Filter::default())?;
        let respondents = ds.status_counts()[Status::Complete as usize];
        let features = results
            .into_iter()
            .enumerate()
            .map(|(k, (id, result))| {
                let text = q.item(&id).map(|i| i.text.clone()).unwrap_or_default();
                Feature { number: k + 1, id: ItemId::new(id), text, result }
            })
            .collect();
        Ok(KanoStudy { respondents, features })
    }

    /// Better (y) against |Worse| (x), split at 0.5, each point labelled with its feature number.
    pub fn chart(&self, frame: Frame) -> Scatter {
        let points: Vec<(String, KanoResult)> =
            self.features.iter().map(|f| (f.number.to_string(), f.result.clone())).collect();
        kano_scatter(&points, (0.5, 0.5), frame)
    }

    /// The Kano table (`attribute,n,A,O,M,I,R,Q,category,mixed,better,worse,…`) as CSV with a BOM.
    pub fn csv(&self) -> Vec<u8> {
        let rows: Vec<(String, KanoResult)> =
            self.features.iter().map(|f| (f.id.to_string(), f.result.clone())).collect();
        kano_table(&rows).to_csv(true)
    }
}

/// The JSON bundle of `q` and its responses among `responses` (drafts too), to import and merge.
pub fn bundle(q: &Questionnaire, responses: &[Response], at: DateTime<FixedOffset>) -> Vec<u8> {
    let mine: Vec<Response> =
        responses.iter().filter(|r| r.questionnaire == q.reference()).cloned().collect();
    Bundle::new(vec![q.clone()], mine, Some(at), None).to_json()
}

/// The analysts' workbook of `q`'s responses among `responses`: responses, index, the Kano table
/// by the evaluation table and class rule of `kano`, …
pub fn workbook(
    q: &Questionnaire,
    responses: &[Response],
    at: DateTime<FixedOffset>,
    kano: &KanoOptions,
) -> Result<Vec<u8>> {
    let ds = Dataset::from_responses(q, responses);
    let options = AnalysisOptions { kano: *kano, ..AnalysisOptions::default() };
    let analysis = ds.analyse(&options, &Filter::default())?;
    ds.export(&analysis, at, ResponsesOptions::default(), SheetRows::All).to_xlsx()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::builtin::Builtin;
    use crate::response::answer::{Answer, KanoPairAnswer};
    use crate::response::Channel;
    use crate::scoring::kano::EvaluationTable;
    use crate::scoring::kano::KanoAnswer::{self, *};
    use crate::testing::at;

    fn respondent(q: &Questionnaire, n: u128, first: (KanoAnswer, KanoAnswer)) -> Response {
        let mut r = Response::start(
            uuid::Uuid::from_u128(n),
            q,
            Channel::Hall,
            Default::default(),
            at("2026-11-20T10:00:00+08:00"),
        );
        for item in &q.items {
            let (functional, dysfunctional) =
                if item.id.as_str() == "online_application" { first } else { (Neutral, Neutral) };
            r.answer(q, item.id.as_str(), Answer::Kano(KanoPairAnswer { functional, dysfunctional }))
                .unwrap();
        }
        r.submit(q, at("2026-11-20T10:05:00+08:00")).unwrap();
        r
    }

    #[test]
    fn three_respondents_by_hand() {
        let q = Builtin::Kano.questionnaire();
        // online_application: like/neutral → A, like/dislike → O, expect/dislike → M.
        let mut rs = vec![
            respondent(&q, 1, (Like, Neutral)),
            respondent(&q, 2, (Like, Dislike)),
            respondent(&q, 3, (Expect, Dislike)),
        ];
        let mut draft = respondent(&q, 4, (Dislike, Like));
        draft.status = Status::Draft;
        draft.submitted_at = None;
        rs.push(draft);
        let study = KanoStudy::new(&q, &rs).unwrap();
        assert_eq!((study.respondents, study.features.len()), (3, 10));
        let f = &study.features[0];
        assert_eq!((f.number, f.text.zh.as_str()), (1, "网上申请用电、无需到厅"));
        // Better (A + O)/(A + O + M + I) = 2/3, Worse −(O + M)/3 = −2/3.
        assert!((f.result.better - 2.0 / 3.0).abs() < 1e-15 && (f.result.worse + 2.0 / 3.0).abs() < 1e-15);
        let chart = study.chart(Frame::default());
        let p = &chart.points[0];
        // px = 64 + (2/3)·552 = 432, py = 24 + (1 − 2/3)·400 = 157.33…
        assert!((p.px - 432.0).abs() < 1e-9 && (p.py - (24.0 + 400.0 / 3.0)).abs() < 1e-9);
        assert_eq!(p.label, "1");
        // Every other feature: neutral/neutral three times, I: Better 0, |Worse| 0.
        assert_eq!((chart.points[1].px, chart.points[1].py), (64.0, 424.0));
        let csv = String::from_utf8(study.csv()).unwrap();
        assert!(csv.starts_with("\u{feff}attribute,n,A,O,M,I,R,Q,category,mixed,better"), "{csv}");
        assert!(csv.lines().nth(1).unwrap().starts_with("online_application,3,1,1,1,0,0,0,M,M/O,"));
        let json = bundle(&q, &rs, at("2026-11-20T12:00:00+08:00"));
        let back = Bundle::from_json(&json, "kano.json", &[]).unwrap();
        assert_eq!(back.responses.len(), 4, "drafts travel too, to be merged");
        let xlsx = workbook(&q, &rs, at("2026-11-20T12:00:00+08:00"), &KanoOptions::default()).unwrap();
        assert_eq!(&xlsx[..2], b"PK");
    }

    #[test]
    fn the_pouliot_table_counts_expect_expect_and_live_with_live_with_as_questionable() {
        let q = Builtin::Kano.questionnaire();
        let rs = vec![
            respondent(&q, 1, (Expect, Expect)),
            respondent(&q, 2, (LiveWith, LiveWith)),
            respondent(&q, 3, (Like, Dislike)),
        ];
        // Standard: (2, 2) and (4, 4) are I, (1, 5) is O: Better 1/3, Worse −1/3.
        let standard = KanoStudy::new(&q, &rs).unwrap().features[0].result.clone();
        assert_eq!((standard.counts.o, standard.counts.i, standard.counts.q), (1, 2, 0));
        assert!((standard.better - 1.0 / 3.0).abs() < 1e-15 && (standard.worse + 1.0 / 3.0).abs() < 1e-15);
        // Pouliot: both are Q, out of Better's and Worse's denominator: O = 1 of 1, 1 and −1.
        let options = KanoOptions { table: EvaluationTable::Pouliot, ..KanoOptions::default() };
        let pouliot = KanoStudy::with_options(&q, &rs, &options).unwrap().features[0].result.clone();
        assert_eq!((pouliot.counts.o, pouliot.counts.i, pouliot.counts.q, pouliot.n), (1, 0, 2, 3));
        assert!((pouliot.better - 1.0).abs() < 1e-15 && (pouliot.worse + 1.0).abs() < 1e-15);
    }
}
