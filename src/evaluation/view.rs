//! What the evaluation and Kano screens show, worked out from core's figures without markup, so it
//! is tested natively: scores as text, the visit time field, the summary's section rows, the
//! comparison table and the Kano table.

use super::texts::T;
use crate::view::clock_text;
use chrono::{DateTime, FixedOffset};
use manyi_core::evaluation::checklist::{Checklist, SectionKind};
use manyi_core::evaluation::compare::Comparison;
use manyi_core::evaluation::kano_study::KanoStudy;
use manyi_core::text::fixed;
use manyi_core::Lang;

/// "—": no figure.
pub const NONE: &str = "—";

/// A 0–100 score to one decimal, or "—".
pub fn score_text(x: Option<f64>) -> String {
    x.map_or_else(|| NONE.to_owned(), |x| fixed(x, 1))
}

/// A score unrounded, for the page's `data-value` (tests read it), or empty.
pub fn score_value(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// A time as a `datetime-local` field shows it: `2026-11-20T10:00`.
pub fn time_field(t: DateTime<FixedOffset>) -> String {
    clock_text::local_field(&t)
}

/// A `datetime-local` field's value in the device's `offset`.
pub fn parse_time_field(text: &str, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    clock_text::parse_local_field(text, offset)
}

/// A time for people: `2026-11-20 10:00`.
pub fn time_text(t: &DateTime<FixedOffset>) -> String {
    clock_text::minute_text(t)
}

/// One section of the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionRow {
    /// Its page.
    pub index: usize,
    /// Its title.
    pub title: String,
    /// Its share of the visit score ("15%"), empty for red lines and other items.
    pub weight: String,
    /// Its score.
    pub score: Option<f64>,
    /// Items answered (N/A included) of those shown.
    pub answered: usize,
    /// Items shown.
    pub shown: usize,
}

/// The sections of the checklist with their weights, scores and progress.
pub fn section_rows(c: &Checklist, lang: Lang) -> Vec<SectionRow> {
    let q = &c.questionnaire;
    let total_weight: f64 = q.dimensions.iter().map(|d| d.weight).sum();
    let score = c.score();
    c.sections
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let (weight, section_score) = match &s.kind {
                SectionKind::Dimension(id) => {
                    let w = q.dimension(id.as_str()).map_or(0.0, |d| d.weight);
                    let share = if total_weight > 0.0 { w / total_weight * 100.0 } else { 0.0 };
                    let sc = score
                        .as_ref()
                        .and_then(|v| v.sections.iter().find(|(d, _)| d == id).and_then(|x| x.1));
                    (format!("{}%", format_share(share)), sc)
                }
                _ => (String::new(), None),
            };
            let (mut answered, mut shown) = (0, 0);
            if let Some(r) = &c.draft {
                for id in &s.items {
                    if q.item(id.as_str()).is_some_and(|i| r.is_shown(q, i)) {
                        shown += 1;
                        answered += usize::from(r.answer_of(id).is_some());
                    }
                }
            }
            SectionRow {
                index,
                title: s.title.get(lang).to_owned(),
                weight,
                score: section_score,
                answered,
                shown,
            }
        })
        .collect()
}

fn format_share(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round())
    } else {
        format!("{x:.1}")
    }
}

/// An answer cell of the comparison (`yes`, `no`, `NA`, a number, empty) for people.
pub fn answer_cell(cell: &str, lang: Lang) -> String {
    match cell {
        "yes" => T::Yes.get(lang).to_owned(),
        "no" => T::No.get(lang).to_owned(),
        "NA" => T::NotApplicable.get(lang).to_owned(),
        "" => NONE.to_owned(),
        other => other.to_owned(),
    }
}

/// One visit's column of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitHeader {
    /// The evaluator.
    pub evaluator: String,
    /// When.
    pub when: String,
    /// The visit score.
    pub total: Option<f64>,
    /// Whether a red line was hit.
    pub red_line: bool,
}

/// One section of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionCompare {
    /// The section.
    pub title: String,
    /// Its score in each visit.
    pub scores: Vec<Option<f64>>,
    /// Highest minus lowest.
    pub spread: f64,
}

/// An item the visits answered differently.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemCompare {
    /// The item's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Each visit's answer.
    pub answers: Vec<String>,
    /// Each visit's note.
    pub notes: Vec<String>,
}

/// The comparison as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    /// The visits.
    pub visits: Vec<VisitHeader>,
    /// The sections.
    pub sections: Vec<SectionCompare>,
    /// The items where they differ.
    pub items: Vec<ItemCompare>,
}

impl CompareView {
    /// The view of core's comparison.
    pub fn new(c: &Comparison, lang: Lang) -> CompareView {
        let visits = c
            .visits
            .iter()
            .map(|v| VisitHeader {
                evaluator: v.evaluator.clone().unwrap_or_else(|| NONE.to_owned()),
                when: DateTime::parse_from_rfc3339(&v.started_at)
                    .map_or(v.started_at.clone(), |t| time_text(&t)),
                total: v.score.total,
                red_line: !v.score.red_lines.is_empty(),
            })
            .collect();
        let sections = c
            .sections
            .iter()
            .map(|s| SectionCompare {
                title: s.title.get(lang).to_owned(),
                scores: s.scores.clone(),
                spread: s.spread,
            })
            .collect();
        let items = c
            .disagreements
            .iter()
            .map(|d| ItemCompare {
                id: d.item.to_string(),
                text: d.text.get(lang).to_owned(),
                answers: d.answers.iter().map(|a| answer_cell(a, lang)).collect(),
                notes: d.notes.clone(),
            })
            .collect();
        CompareView { visits, sections, items }
    }
}

/// One feature's row of the Kano table.
#[derive(Debug, Clone, PartialEq)]
pub struct KanoRow {
    /// Its number on the chart.
    pub number: usize,
    /// The feature.
    pub feature: String,
    /// Answers.
    pub n: u64,
    /// Counts of A, O, M, I, R, Q.
    pub counts: [u64; 6],
    /// The class as analysts write it ("O", or "A/I" when Fong's test does not separate them).
    pub class: String,
    /// The class's name.
    pub class_name: String,
    /// Better, three decimals.
    pub better: String,
    /// Worse, three decimals.
    pub worse: String,
}

/// The rows of the Kano table.
pub fn kano_rows(study: &KanoStudy, lang: Lang) -> Vec<KanoRow> {
    study
        .features
        .iter()
        .map(|f| {
            let (r, c) = (&f.result, &f.result.counts);
            KanoRow {
                number: f.number,
                feature: f.text.get(lang).to_owned(),
                n: r.n,
                counts: [c.a, c.o, c.m, c.i, c.r, c.q],
                class: r.label(),
                class_name: r.category.name().get(lang).to_owned(),
                better: fixed(r.better, 3),
                worse: fixed(r.worse, 3),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
