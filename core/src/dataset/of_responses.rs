//! Responses held in memory — a kiosk's, a call desk's, a Kano study's — as a dataset: each is
//! hashed, coded and merged by UUID exactly as a response of an imported file is (without being
//! checked again: they were checked as they were answered), so that they are scored, tabled and
//! exported by the same code as a million imported ones.

use super::codes::Schema;
use super::import::Collection;
use super::scratch::Scratch;
use super::Dataset;
use crate::questionnaire::Questionnaire;
use crate::response::Response;
use std::sync::Arc;

impl Dataset {
    /// The responses to `q` among `responses` (others are left out), in their order, as a
    /// dataset coded with `q`. A UUID given twice is merged as an import merges it: an equal
    /// copy counts once, and of two differing copies the one further along (draft → break-off
    /// → complete), else the first, is kept.
    ///
    /// ```
    /// use manyi_core::dataset::{Dataset, Filter};
    /// use manyi_core::questionnaire::builtin::Builtin;
    /// use manyi_core::sample::{sample, SampleKind, SampleOptions};
    ///
    /// let q = Builtin::Hall.questionnaire();
    /// let responses = sample(SampleKind::Hall, &SampleOptions { count: 50, ..Default::default() });
    /// let ds = Dataset::from_responses(&q, &responses);
    /// assert_eq!(ds.len(), 50);
    /// let index = ds.index(&Default::default(), &[], &Filter::default())?;
    /// assert_eq!(index.scored + index.left_out, 50);
    /// # Ok::<(), manyi_core::Error>(())
    /// ```
    pub fn from_responses<'r>(
        q: &Questionnaire,
        responses: impl IntoIterator<Item = &'r Response>,
    ) -> Dataset {
        let mut c = Collection { known: vec![q.clone()], ..Collection::default() };
        let reference = q.reference();
        let staged = c.import_with(&[], "responses", 0, &mut |_| {}, |file| {
            let schema = file.schema_of(q);
            let mut s = Scratch::default();
            for r in responses.into_iter().filter(|r| r.questionnaire == reference) {
                s.fill(&schema, r);
                file.stage(&schema, &mut s);
            }
            Ok(())
        });
        debug_assert!(staged.is_ok(), "responses in memory are not read, so nothing fails");
        c.datasets.pop().unwrap_or_else(|| Dataset::new(Arc::new(Schema::new(q.clone()))))
    }
}
