//! The Kano table from the columns: per Kano pair, how many respondents gave each of the 25
//! answer pairs, then the figures of [`crate::analyses::kano_of_responses`].

use super::codes::{Coding, MISSING, NOT_APPLICABLE, SIDE};
use super::filter::{Filter, Selection};
use super::Dataset;
use crate::error::Result;
use crate::questionnaire::item::ItemKind;
use crate::response::answer::Answer;
use crate::scoring::kano::{analyse_counts, KanoAnswer, KanoCounts, KanoOptions, KanoResult};

impl Dataset {
    /// The Kano figures of each Kano pair answered by the scored responses (complete, and
    /// break-offs if included) that pass `filter`, in questionnaire order; pairs nobody
    /// answered are left out.
    pub fn kano(
        &self,
        options: &KanoOptions,
        include_break_offs: bool,
        filter: &Filter,
    ) -> Result<Vec<(String, KanoResult)>> {
        let q = self.questionnaire();
        let pairs: Vec<usize> =
            (0..q.items.len()).filter(|&i| matches!(q.items[i].kind, ItemKind::KanoPair { .. })).collect();
        if pairs.is_empty() {
            return Ok(Vec::new());
        }
        let selection = Selection::new(self, filter, include_break_offs);
        // tallies[p][code]: code 1 + 5·(functional − 1) + (dysfunctional − 1), as coded.
        let mut tallies = vec![[0u64; 26]; pairs.len()];
        for row in (0..self.len()).filter(|&r| selection.scored(r)) {
            for (tally, &item) in tallies.iter_mut().zip(&pairs) {
                match self.rows.codes[item][row] {
                    MISSING | NOT_APPLICABLE => {}
                    SIDE => {
                        let side = self.rows.side.get(&(row as u32)).and_then(|s| s.answer(item));
                        if let Some(a @ Answer::Kano(_)) = side {
                            tally[usize::from(Coding::Kano.encode(a))] += 1;
                        }
                    }
                    code => tally[usize::from(code)] += 1,
                }
            }
        }
        let mut out = Vec::new();
        for (tally, &item) in tallies.iter().zip(&pairs) {
            let n: u64 = tally.iter().sum();
            if n == 0 {
                continue;
            }
            let answers = |code: usize| (KanoAnswer::ALL[(code - 1) / 5], KanoAnswer::ALL[(code - 1) % 5]);
            let mut counts = KanoCounts::default();
            let (mut functional, mut dysfunctional) = (0.0, 0.0);
            for (code, &times) in tally.iter().enumerate().skip(1).filter(|(_, t)| **t > 0) {
                let (f, d) = answers(code);
                counts = add(counts, options.table.classify(f, d), times);
                functional += times as f64 * f.functional_score();
                dysfunctional += times as f64 * d.dysfunctional_score();
            }
            let mut result = analyse_counts(counts, options)?;
            result.functional_mean = Some(functional / n as f64);
            result.dysfunctional_mean = Some(dysfunctional / n as f64);
            out.push((q.items[item].id.to_string(), result));
        }
        Ok(out)
    }
}

/// `counts` with `times` more in `category`.
fn add(mut counts: KanoCounts, category: crate::scoring::kano::KanoCategory, times: u64) -> KanoCounts {
    use crate::scoring::kano::KanoCategory::*;
    let slot = match category {
        A => &mut counts.a,
        O => &mut counts.o,
        M => &mut counts.m,
        I => &mut counts.i,
        R => &mut counts.r,
        Q => &mut counts.q,
    };
    *slot += times;
    counts
}
