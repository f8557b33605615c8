//! What the analysts receive, from a dataset: its responses rebuilt one at a time from the
//! columns, the tables of [`crate::io::export::Export`], and the responses as CSV in chunks for
//! sets too large for a workbook or for memory.

use super::codes::{MISSING, SIDE};
use super::filter::{Filter, Selection};
use super::scorer::RowScorer;
use super::Dataset;
use crate::error::Result;
use crate::io::export::{about_table, weights_table_of, AboutFacts, Export};
use crate::io::responses::{dictionary_table, ResponsesLayout, ResponsesOptions};
use crate::io::table::{Cell, Table};
use crate::io::tables::{drivers_table, index_table_of, kano_table};
use crate::response::tags::{TagValue, Tags};
use crate::response::{Response, ResponseId};
use crate::scoring::analysis::{Analysis, AnalysisOptions};
use crate::scoring::report::Index;
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;

/// How many responses the responses sheet of [`Dataset::export`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetRows {
    /// All that pass the filter (a sheet holds at most 1,048,575; the workbook says so).
    All,
    /// The first n that pass the filter: a workbook is built in memory, so a browser keeps it
    /// small and offers the full set as CSV ([`Dataset::responses_csv`]).
    First(usize),
}

impl Dataset {
    /// The index (grouped by the options' grouping), Kano table and drivers of the responses that
    /// pass `filter`.
    pub fn analyse(&self, options: &AnalysisOptions, filter: &Filter) -> Result<Analysis> {
        let include = options.report.include_break_offs;
        let index = self.index(&options.report, &[], filter)?;
        let kano = self.kano(&options.kano, include, filter)?;
        let drivers = if self.questionnaire().scoring.overall.is_none() {
            Err("the questionnaire names no overall item".to_owned())
        } else {
            self.drivers(&options.drivers, include, filter).map_err(|e| e.to_string())
        };
        Ok(Analysis { index, kano, drivers })
    }

    /// Response `row` as it was imported.
    pub fn response(&self, row: usize) -> Response {
        let m = self.rows.meta.get(row);
        let q = self.questionnaire();
        let mut answers = BTreeMap::new();
        for (i, item) in q.items.iter().enumerate() {
            match self.rows.codes[i][row] {
                MISSING | SIDE => {}
                code => {
                    answers.insert(item.id.clone(), self.schema.codings[i].decode(code).expect("a code"));
                }
            }
        }
        let mut notes = BTreeMap::new();
        if let Some(side) = self.rows.side.get(&(row as u32)) {
            answers.extend(side.answers.iter().map(|(i, a)| (q.items[*i].id.clone(), a.clone())));
            answers.extend(side.foreign.iter().cloned());
            notes = side.notes.clone();
        }
        let free = std::array::from_fn(|k| {
            let v = m.free[k];
            (v != super::columns::NONE).then(|| TagValue::new(self.tags[k].get(v)))
        });
        Response {
            id: ResponseId(uuid::Uuid::from_u128(m.id)),
            questionnaire: q.reference(),
            channel: m.channel,
            status: m.status,
            tags: Tags {
                business_type: m.business_type,
                customer_class: m.customer_class,
                ..Tags::of_free(free)
            },
            started_at: m.started.get().expect("every response has a start"),
            submitted_at: m.submitted.get(),
            answers,
            notes,
            disposition: m.disposition,
        }
    }

    /// The tables of the analysts' export of the responses that pass the analysis' filter (drafts
    /// and break-offs too: they have no composite), scored as in `analysis`: `responses`,
    /// `index`, `kano` (if any pair was answered), `drivers` (if computable), `weights`,
    /// `dictionary`; the responses sheet holds `rows` of them. When it holds fewer than pass the
    /// filter, the about table says so (`responses_limit`: how many it holds of how many, and
    /// that `responses.csv` has them all).
    pub fn export(
        &self,
        analysis: &Analysis,
        exported_at: DateTime<FixedOffset>,
        options: ResponsesOptions,
        rows: SheetRows,
    ) -> Export {
        let index = &analysis.index;
        let mut csv = self.responses_csv(&analysis.index, options, usize::MAX);
        let limit = match rows {
            SheetRows::All => usize::MAX,
            SheetRows::First(n) => n,
        };
        let responses = csv.table(limit);
        let table = &index.tables[0];
        let mut tables =
            vec![("responses", responses), ("index", index_table_of(&table.overall, &table.dimensions))];
        if !analysis.kano.is_empty() {
            tables.push(("kano", kano_table(&analysis.kano)));
        }
        if let Ok(rows) = &analysis.drivers {
            tables.push(("drivers", drivers_table(rows)));
        }
        tables.push((
            "weights",
            weights_table_of(&index.weight_source, index.weight_details.as_ref(), &index.weights),
        ));
        tables.push(("dictionary", dictionary_table(self.questionnaire())));
        let facts = AboutFacts {
            group_by: table.group_by,
            renormalise: index.renormalise,
            shown: tables[0].1.rows.len(),
            scored: index.scored,
            left_out: index.left_out,
            kano: analysis.kano.len(),
            drivers: analysis.drivers.as_ref().map(Vec::len).map_err(Clone::clone),
        };
        let mut about = about_table(self.questionnaire(), &facts, exported_at);
        let left = csv.count_rest();
        if left > 0 {
            let shown = facts.shown;
            let all = shown + left;
            about.push(vec![
                "responses_limit".into(),
                format!("答卷表只含筛选后的前 {shown} 份答卷（共 {all} 份）；全部答卷见 responses.csv").into(),
                format!(
                    "The responses sheet holds the first {shown} of the {all} responses that pass the filter; all of them are in responses.csv"
                )
                .into(),
                shown.into(),
            ]);
        }
        Export { exported_at, tables, about }
    }

    /// The responses sheet of the responses that pass the index's filter as CSV (UTF-8 with a
    /// BOM), `chunk` rows at a time: the first part has the BOM and the header. The parts
    /// together are the `responses.csv` of [`Export::csv_files`].
    pub fn responses_csv<'a>(
        &'a self,
        index: &'a Index,
        options: ResponsesOptions,
        chunk: usize,
    ) -> ResponsesCsv<'a> {
        let selection = Selection::new(self, &index.filter, index.include_break_offs);
        let scorer = RowScorer::new(self, &index.weights, index.renormalise);
        self.sheet(selection, Some(scorer), options, chunk)
    }

    /// The responses sheet of every response, with its composite and red lines as scored in
    /// `index` (or empty without one: e.g. when the questionnaire's weights cannot be used).
    pub fn responses_table(&self, index: Option<&Index>, options: ResponsesOptions) -> Table {
        let everything = Filter::default();
        let selection = match index {
            Some(index) => Selection::new(self, &index.filter, index.include_break_offs),
            None => Selection::new(self, &everything, false),
        };
        let scorer = index.map(|index| RowScorer::new(self, &index.weights, index.renormalise));
        self.sheet(selection, scorer, options, usize::MAX).table(usize::MAX)
    }

    fn sheet<'a>(
        &'a self,
        selection: Selection<'a>,
        scorer: Option<RowScorer<'a>>,
        options: ResponsesOptions,
        chunk: usize,
    ) -> ResponsesCsv<'a> {
        let noted = |id: &crate::questionnaire::item::ItemId| {
            self.rows.side.iter().any(|(row, s)| s.notes.contains_key(id) && selection.shown(*row as usize))
        };
        let layout = ResponsesLayout::new(self.questionnaire(), noted, options);
        ResponsesCsv { ds: self, layout, selection, scorer, next: 0, chunk: chunk.max(1), first: true }
    }
}

/// The responses sheet in parts; see [`Dataset::responses_csv`].
pub struct ResponsesCsv<'a> {
    ds: &'a Dataset,
    layout: ResponsesLayout<'a>,
    selection: Selection<'a>,
    scorer: Option<RowScorer<'a>>,
    next: usize,
    chunk: usize,
    first: bool,
}

impl ResponsesCsv<'_> {
    /// The next rows that pass the filter, at most `limit`, as a table.
    fn table(&mut self, limit: usize) -> Table {
        let mut t = Table { columns: self.layout.columns().to_vec(), rows: Vec::new() };
        while t.rows.len() < limit && self.next < self.ds.len() {
            let row = self.next;
            self.next += 1;
            if !self.selection.shown(row) {
                continue;
            }
            let scorer = self.scorer.as_mut().filter(|_| self.selection.scored(row));
            let score = scorer.map(|scorer| {
                let red_line = scorer.read(row);
                let red: Vec<String> = scorer.red_lines(row).iter().map(ToString::to_string).collect();
                (scorer.composite(red_line), red.join(";"))
            });
            let cells: Vec<Cell> =
                self.layout.row(&self.ds.response(row), score.as_ref().map(|(c, r)| (*c, r.as_str())));
            t.push(cells);
        }
        t
    }

    /// How many of the rows not yet read pass the filter.
    fn count_rest(&self) -> usize {
        (self.next..self.ds.len()).filter(|&row| self.selection.shown(row)).count()
    }

    /// Rows of the dataset not yet read.
    pub fn remaining(&self) -> usize {
        self.ds.len() - self.next
    }
}

impl Iterator for ResponsesCsv<'_> {
    type Item = Vec<u8>;

    fn next(&mut self) -> Option<Vec<u8>> {
        if !self.first && self.next >= self.ds.len() {
            return None;
        }
        let t = self.table(self.chunk);
        let part = t.to_csv_part(self.first, self.first);
        self.first = false;
        Some(part)
    }
}
