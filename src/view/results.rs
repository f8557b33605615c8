//! The results screen as text: the index table and the table of stored responses, all figures
//! taken from core's `Index` of the stored responses, only formatted here.

use crate::i18n::Ui;
use manyi_core::dataset::{Dataset, Filter};
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::answer::Answer;
use manyi_core::response::{Response, ResponseId};
use manyi_core::scoring::index::IndexSummary;
use manyi_core::scoring::report::ReportOptions;
use manyi_core::{Lang, Result};
use std::collections::HashMap;

/// One row of the index table (overall or a dimension).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexRow {
    /// 总体 / Overall, or the dimension's title.
    pub label: String,
    /// Respondents with a score.
    pub n: usize,
    /// The index, one decimal, or "—".
    pub index: String,
    /// The 95 % interval as "[low, high]", or "—".
    pub interval: String,
    /// Fewer respondents than the small-sample threshold.
    pub small_sample: bool,
}

/// One stored response.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseRow {
    /// Its UUID.
    pub id: String,
    /// Draft, complete or break-off.
    pub status: String,
    /// When it was submitted (or closed, for a break-off), in its own offset; "—" for a draft.
    pub when: String,
    /// The business handled.
    pub business: String,
    /// The customer class.
    pub customer_class: String,
    /// The answer to the overall item.
    pub overall: String,
    /// Its composite, one decimal, or "—" when it is not scored.
    pub composite: String,
}

/// The whole results screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsView {
    /// Overall first, then each dimension.
    pub index: Vec<IndexRow>,
    /// Newest first.
    pub responses: Vec<ResponseRow>,
    /// Stored responses that are not scored (drafts, break-offs, other questionnaires).
    pub left_out: usize,
}

const NONE: &str = "—";

fn one_decimal(x: Option<f64>) -> String {
    x.map_or_else(|| NONE.to_owned(), |x| format!("{x:.1}"))
}

fn index_row(label: String, summary: Option<&IndexSummary>) -> IndexRow {
    let Some(s) = summary else {
        return IndexRow { label, n: 0, index: NONE.into(), interval: NONE.into(), small_sample: true };
    };
    let interval = match (s.ci_low, s.ci_high) {
        (Some(low), Some(high)) => format!("[{low:.1}, {high:.1}]"),
        _ => NONE.to_owned(),
    };
    IndexRow { label, n: s.n, index: one_decimal(s.index), interval, small_sample: s.small_sample }
}

fn overall_answer(q: &Questionnaire, r: &Response, lang: Lang) -> String {
    let Some(item) = q.scoring.overall.as_ref().and_then(|id| q.item(id.as_str())) else {
        return NONE.to_owned();
    };
    match r.answer_of(&item.id) {
        Some(Answer::Rating(x)) => match q.rating_scale(item).as_ref().and_then(|s| s.label(*x)) {
            Some(label) => format!("{x} {}", label.get(lang)),
            None => x.to_string(),
        },
        Some(Answer::NotApplicable) => Ui::NotApplicable.get(lang).to_owned(),
        Some(other) => other.cell(),
        None => NONE.to_owned(),
    }
}

impl ResultsView {
    /// The results of `responses` to `q`, scored by core with the default options.
    pub fn new(q: &Questionnaire, responses: &[Response], lang: Lang) -> Result<ResultsView> {
        let ds = Dataset::from_responses(q, responses);
        let scored = ds.index(&ReportOptions::default(), &[], &Filter::default())?;
        let table = &scored.tables[0];
        let composites: HashMap<ResponseId, Option<f64>> =
            ds.response_scores(&scored, 0).into_iter().map(|s| (s.id, s.composite)).collect();
        let mut index =
            vec![index_row(Ui::Overall.get(lang).to_owned(), table.overall.first().map(|g| &g.summary))];
        index.extend(
            table
                .dimensions
                .iter()
                .map(|d| index_row(d.title.get(lang).to_owned(), d.groups.first().map(|g| &g.summary))),
        );
        let mut sorted: Vec<&Response> = responses.iter().collect();
        sorted.sort_by_key(|r| std::cmp::Reverse(r.submitted_at.unwrap_or(r.started_at)));
        let rows = sorted
            .into_iter()
            .map(|r| ResponseRow {
                id: r.id.to_string(),
                status: r.status.label().get(lang).to_owned(),
                when: r.submitted_at.map_or(NONE.into(), |t| t.format("%Y-%m-%d %H:%M").to_string()),
                business: r.tags.business_type.map_or(NONE.into(), |b| b.label().get(lang).to_owned()),
                customer_class: r.tags.customer_class.map_or(NONE.into(), |c| c.label().get(lang).to_owned()),
                overall: overall_answer(q, r, lang),
                composite: one_decimal(composites.get(&r.id).copied().flatten()),
            })
            .collect();
        // Left out: drafts, break-offs and the responses to other questionnaires.
        Ok(ResultsView { index, responses: rows, left_out: responses.len() - scored.scored })
    }
}

#[cfg(test)]
mod tests;
