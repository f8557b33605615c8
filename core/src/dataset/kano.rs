//! The Kano table from the columns: each Kano pair's answers of the scored rows added to a
//! [`KanoTally`], in one pass.

use super::codes::{Coding, MISSING, NOT_APPLICABLE, SIDE};
use super::filter::{Filter, Selection};
use super::Dataset;
use crate::error::Result;
use crate::questionnaire::item::ItemKind;
use crate::response::answer::Answer;
use crate::scoring::kano::{KanoAnswer, KanoOptions, KanoResult, KanoTally};

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
        let selection = Selection::new(self, filter, include_break_offs);
        let mut tallies = vec![KanoTally::default(); pairs.len()];
        // A pair's code is 1 + 5·(functional − 1) + (dysfunctional − 1).
        let answers = |code: u8| {
            let c = usize::from(code - 1);
            (KanoAnswer::ALL[c / 5], KanoAnswer::ALL[c % 5])
        };
        for row in (0..self.len()).filter(|&r| !pairs.is_empty() && selection.scored(r)) {
            for (tally, &item) in tallies.iter_mut().zip(&pairs) {
                let code = match self.rows.codes[item][row] {
                    MISSING | NOT_APPLICABLE => continue,
                    SIDE => match self.rows.side.get(&(row as u32)).and_then(|s| s.answer(item)) {
                        Some(a @ Answer::Kano(_)) => Coding::Kano.encode(a),
                        _ => continue,
                    },
                    code => code,
                };
                let (f, d) = answers(code);
                tally.add(f, d);
            }
        }
        let mut out = Vec::new();
        for (tally, &item) in tallies.iter().zip(&pairs).filter(|(t, _)| t.n() > 0) {
            out.push((q.items[item].id.to_string(), tally.finish(options)?));
        }
        Ok(out)
    }
}
