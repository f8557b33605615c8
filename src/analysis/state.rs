//! The workspace's state and every transition: the import in progress and what each file gave,
//! the analyst's settings, and the latest results computed by core. `reduce` is pure; the data
//! itself (possibly a million responses) lives in the analysis web worker, and only summaries
//! and results come in through actions.

use super::engine::Version;
use super::failure::Failure;
use super::protocol::ImportProgress;
use super::settings::{Judgement, Period, Settings, WeightChoice};
use manyi_core::io::merge::MergeReport;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::scoring::analysis::Analysis;
use manyi_core::scoring::group::GroupBy;
use manyi_core::scoring::report::IndexTable;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// Where the imported files are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keeping {
    /// The store is being opened and the files kept there re-read.
    Opening,
    /// In IndexedDB: they survive a reload.
    Durable,
    /// In memory only, because the store failed (the reason).
    MemoryOnly(String),
}

/// What one file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct FileOutcome {
    /// The file's name.
    pub name: String,
    /// Its merge report, or the error (file, line, column) that left everything unchanged.
    pub result: Result<MergeReport, crate::errors::Problem>,
}

/// An import under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files done.
    pub done: usize,
    /// Files chosen.
    pub total: usize,
    /// How far the worker has read the file under way (none yet: 0 of 0).
    pub file: ImportProgress,
}

impl Progress {
    /// An import of `total` files, none read yet.
    pub fn of(total: usize) -> Progress {
        Progress { done: 0, total, file: ImportProgress { read: 0, expected: 0 } }
    }

    /// The share of the whole import done, 0–1: the files done and the part read of the next.
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            return 1.0;
        }
        let within = match self.file.expected {
            0 => 0.0,
            expected => self.file.read as f64 / expected as f64,
        };
        ((self.done as f64 + within.min(1.0)) / self.total as f64).min(1.0)
    }
}

/// Everything computed for the current settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// The questionnaire scored.
    pub questionnaire: Questionnaire,
    /// The grouping of the dashboard.
    pub group_by: GroupBy,
    /// The full scoring pass, as core's `Analysis`: its index by the dashboard's grouping (table
    /// 0) and by the trend's period (table 1), the Kano table and the drivers.
    pub analysis: Analysis,
    /// The values each filter offers.
    pub filter_values: Vec<(GroupBy, Vec<String>)>,
    /// Responses scored, as the index counted them.
    pub scored: usize,
}

impl Results {
    /// The index by the dashboard's grouping.
    pub fn dashboard(&self) -> &IndexTable {
        &self.analysis.index.tables[0]
    }

    /// The index by the trend's period.
    pub fn trend(&self) -> &IndexTable {
        &self.analysis.index.tables[1]
    }
}

/// The workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    /// Where the data is kept.
    pub keeping: Keeping,
    /// The import under way.
    pub progress: Option<Progress>,
    /// What each file of the latest import gave.
    pub outcomes: Vec<FileOutcome>,
    /// Distinct responses held.
    pub held: usize,
    /// The questionnaire versions in the data, most responses first.
    pub versions: Vec<Version>,
    /// Bumped whenever the data changes, so the results are recomputed.
    pub data_version: u64,
    /// The analyst's choices.
    pub settings: Settings,
    /// The results of the current data and settings, or why they could not be computed.
    pub results: Option<Result<Rc<Results>, Failure>>,
    /// Results are being computed.
    pub computing: bool,
    /// The analyst pressed Clear and is asked to confirm.
    pub confirm_clear: bool,
    /// A message about an export or the store.
    pub message: Option<crate::errors::Problem>,
    /// How long the latest import took, in milliseconds (read, check, merge, keep).
    pub import_ms: Option<f64>,
    /// How long the latest computation took, in milliseconds.
    pub compute_ms: Option<f64>,
    /// The analysis worker's wasm memory at its latest reply, in bytes (the most it needed).
    pub worker_memory: Option<f64>,
}

/// A stage whose time is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Importing the picked (or kept) files.
    Import,
    /// Computing the results.
    Compute,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            keeping: Keeping::Opening,
            progress: None,
            outcomes: Vec::new(),
            held: 0,
            versions: Vec::new(),
            data_version: 0,
            settings: Settings::default(),
            results: None,
            computing: false,
            confirm_clear: false,
            message: None,
            import_ms: None,
            compute_ms: None,
            worker_memory: None,
        }
    }
}

/// A transition.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkAction {
    /// The store opened (or not) and its files were re-read.
    Opened { keeping: Keeping, held: usize, versions: Vec<Version> },
    /// An import of `total` files began.
    ImportStarted { total: usize },
    /// The worker has read this far into the file under way.
    FileProgress(ImportProgress),
    /// One file was read and merged (or refused).
    FileDone(FileOutcome),
    /// The import ended; the data now holds `held` responses.
    ImportFinished { held: usize, versions: Vec<Version> },
    /// Computing began.
    Computing,
    /// Results computed.
    Computed(Result<Rc<Results>, Failure>),
    /// The questionnaire version to score.
    Questionnaire(QuestionnaireRef),
    /// The grouping of the dashboard.
    GroupBy(GroupBy),
    /// The trend's period.
    Period(Period),
    /// A filter's value (`None`: all).
    Filter(GroupBy, Option<String>),
    /// Where the weights come from.
    Weights(WeightChoice),
    /// An AHP judgement of row `i` over column `j`.
    Judgement(usize, usize, Judgement),
    /// Use the AHP judgements although they are inconsistent.
    UseInconsistent,
    /// Clear pressed; asks to confirm.
    AskClear,
    /// Clear cancelled.
    CancelClear,
    /// Everything imported was removed.
    Cleared,
    /// A message to show (an export's failure).
    Message(Option<crate::errors::Problem>),
    /// How long a stage took, in milliseconds.
    Took(Stage, f64),
    /// The worker's wasm memory, in bytes.
    WorkerMemory(f64),
}

impl Workspace {
    /// The questionnaire version scored: the one chosen, if still in the data, else the one with
    /// most responses.
    pub fn chosen_version(&self) -> Option<&Version> {
        let chosen = self.settings.questionnaire.as_ref();
        self.versions.iter().find(|v| Some(&v.reference) == chosen).or_else(|| self.versions.first())
    }

    fn data_changed(&mut self, held: usize, versions: Vec<Version>) {
        self.held = held;
        self.versions = versions;
        self.data_version += 1;
    }
}

impl Reducible for Workspace {
    type Action = WorkAction;

    fn reduce(self: Rc<Self>, action: WorkAction) -> Rc<Self> {
        let mut w = (*self).clone();
        match action {
            WorkAction::Opened { keeping, held, versions } => {
                w.keeping = keeping;
                w.progress = None;
                w.data_changed(held, versions);
            }
            WorkAction::ImportStarted { total } => {
                w.progress = Some(Progress::of(total));
                w.outcomes.clear();
            }
            WorkAction::FileProgress(file) => {
                if let Some(p) = &mut w.progress {
                    p.file = file;
                }
            }
            WorkAction::FileDone(outcome) => {
                if let Some(p) = &mut w.progress {
                    p.done = (p.done + 1).min(p.total);
                    p.file = ImportProgress { read: 0, expected: 0 };
                }
                w.outcomes.push(outcome);
            }
            WorkAction::ImportFinished { held, versions } => {
                w.progress = None;
                w.data_changed(held, versions);
            }
            WorkAction::Computing => w.computing = true,
            WorkAction::Computed(results) => {
                w.computing = false;
                w.results = Some(results);
            }
            WorkAction::Questionnaire(q) => {
                // Filters belong to a questionnaire's data; weights to the questionnaire: the
                // ones chosen for this one are kept, the other's (if chosen before) come back.
                let before = w.chosen_version().map(|v| v.reference.to_string());
                let weighting = w.settings.kept.remove(&q.to_string()).unwrap_or_default();
                let left = std::mem::replace(&mut w.settings.weighting, weighting);
                if let Some(before) = before.filter(|b| *b != q.to_string()) {
                    w.settings.kept.insert(before, left);
                }
                w.settings.questionnaire = Some(q);
                w.settings.filters.clear();
            }
            WorkAction::GroupBy(by) => w.settings.group_by = Some(by),
            WorkAction::Period(p) => w.settings.period = p,
            WorkAction::Filter(by, value) => {
                let key = by.name().to_owned();
                match value {
                    Some(v) => w.settings.filters.insert(key, (by, v)),
                    None => w.settings.filters.remove(&key),
                };
            }
            WorkAction::Weights(choice) => w.settings.weighting.choice = choice,
            WorkAction::Judgement(i, j, value) => {
                w.settings.weighting.judgements.0.insert((i, j), value);
                // New judgements are asked about again if they are inconsistent.
                w.settings.weighting.use_inconsistent = false;
            }
            WorkAction::UseInconsistent => w.settings.weighting.use_inconsistent = true,
            WorkAction::AskClear => w.confirm_clear = true,
            WorkAction::CancelClear => w.confirm_clear = false,
            WorkAction::Cleared => {
                w.confirm_clear = false;
                w.outcomes.clear();
                w.results = None;
                w.settings = Settings::default();
                w.data_changed(0, Vec::new());
            }
            WorkAction::Message(m) => w.message = m,
            WorkAction::Took(Stage::Import, ms) => w.import_ms = Some(ms),
            WorkAction::Took(Stage::Compute, ms) => w.compute_ms = Some(ms),
            WorkAction::WorkerMemory(bytes) => w.worker_memory = Some(bytes),
        }
        Rc::new(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::dataset::TagFilter;
    use manyi_core::response::tags::TagKey;

    fn apply(w: Workspace, actions: Vec<WorkAction>) -> Rc<Workspace> {
        actions.into_iter().fold(Rc::new(w), |w, a| w.reduce(a))
    }

    #[test]
    fn an_import_counts_its_files_and_bumps_the_data_version() {
        let ok =
            FileOutcome { name: "a.json".into(), result: Ok(MergeReport { added: 3, ..Default::default() }) };
        let bad = FileOutcome {
            name: "b.json".into(),
            result: Err(String::from("b.json, line 2, column 5: …").into()),
        };
        let read = |read, expected| WorkAction::FileProgress(ImportProgress { read, expected });
        let w = apply(
            Workspace::default(),
            vec![WorkAction::ImportStarted { total: 2 }, read(10_000, 40_000), read(20_000, 40_000)],
        );
        let p = w.progress.unwrap();
        assert_eq!((p.done, p.file.read, p.file.expected), (0, 20_000, 40_000));
        // Half of the first of two files: a quarter of the import.
        assert_eq!(p.fraction(), 0.25);
        let w = w.reduce(WorkAction::FileDone(ok));
        assert_eq!(w.progress, Some(Progress { done: 1, ..Progress::of(2) }));
        assert_eq!(w.progress.unwrap().fraction(), 0.5);
        let w = apply(
            (*w).clone(),
            vec![WorkAction::FileDone(bad), WorkAction::ImportFinished { held: 3, versions: Vec::new() }],
        );
        assert_eq!((w.progress, w.held, w.data_version, w.outcomes.len()), (None, 3, 1, 2));
    }

    #[test]
    fn filters_are_set_and_cleared_and_a_new_questionnaire_drops_them() {
        let hall = GroupBy::Tag(TagKey::Hall);
        let w = apply(
            Workspace::default(),
            vec![
                WorkAction::Filter(hall, Some("城东".into())),
                WorkAction::Filter(GroupBy::Month, Some("2026-11".into())),
                WorkAction::Filter(GroupBy::Month, None),
                WorkAction::Judgement(0, 1, 3),
            ],
        );
        let filter = w.settings.filter().unwrap();
        assert_eq!(filter.tags, [TagFilter { tag: TagKey::Hall, values: vec!["城东".into()] }]);
        assert_eq!((filter.from, filter.to), (None, None));
        assert_eq!(w.settings.weighting.judgements.get(0, 1), 3);
        let q: QuestionnaireRef =
            manyi_core::questionnaire::builtin::Builtin::Kano.questionnaire().reference();
        let w = w.reduce(WorkAction::Questionnaire(q));
        assert!(w.settings.filters.is_empty() && w.settings.weighting.judgements.0.is_empty());
    }
}
