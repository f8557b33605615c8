//! Importing Manyi JSON bundles into datasets, one per questionnaire version: each response is
//! checked, hashed, coded and staged as it is read; the file's rows join the datasets only when
//! the whole file has read cleanly.

use super::codes::{Schema, MISSING, SIDE};
use super::columns::{Meta, Side, Stamp, NONE};
use super::hash::{content_hash, Fields};
use super::read::{locate, read, Receiver, Scratch};
use super::staging::{Outcome, Stage};
use super::Dataset;
use crate::error::{Error, Result};
use crate::io::merge::{Conflict, MergeReport};
use crate::questionnaire::builtin;
use crate::questionnaire::item::ItemId;
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::response::answer::Answer;
use crate::response::validate::{check_parts, Header};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// How often [`Collection::import`] reports progress: every this many responses, and at the end.
pub const PROGRESS_EVERY: usize = 10_000;

/// How far the reading of a file has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress<'a> {
    /// The file.
    pub source: &'a str,
    /// Responses read so far.
    pub read: usize,
    /// Responses the file seems to hold (an estimate until the end, never below `read`).
    pub expected: usize,
}

/// Everything imported: the questionnaires met in the files and a [`Dataset`] per questionnaire
/// version answered. A web worker keeps one for the session and imports file after file into it.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    pub(super) known: Vec<Questionnaire>,
    pub(super) builtins: Vec<Questionnaire>,
    pub(super) questionnaires: BTreeMap<QuestionnaireRef, Questionnaire>,
    pub(super) datasets: Vec<Dataset>,
}

impl Collection {
    /// An empty collection. Responses are checked against their questionnaire from their file,
    /// else from `known`, else the built-ins (as [`crate::io::bundle::Bundle::from_json`]); a
    /// dataset is made with the `known` copy of its questionnaire if there is one (the analyst's
    /// choice), else the copy of the files, else the built-in.
    pub fn new(known: Vec<Questionnaire>) -> Collection {
        Collection { known, builtins: builtin::all(), ..Collection::default() }
    }

    /// Reads one Manyi JSON export (`source` names it in errors and in the report) and merges
    /// its responses, calling `progress` every [`PROGRESS_EVERY`] responses and at the end. On
    /// error (file, line and column; the first problem found) nothing changes.
    pub fn import(
        &mut self,
        bytes: &[u8],
        source: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<MergeReport> {
        let expected = memchr::memmem::find_iter(bytes, b"\"questionnaire\"").count();
        self.import_with(bytes, source, expected, progress, |file| read(bytes, source, file))
    }

    /// Reads a file with `read`, which hands its responses to the [`FileImport`]; commits them
    /// if it succeeds, else leaves the collection as it was.
    pub(super) fn import_with(
        &mut self,
        bytes: &[u8],
        source: &str,
        expected: usize,
        progress: &mut dyn FnMut(Progress),
        read: impl FnOnce(&mut FileImport) -> Result<()>,
    ) -> Result<MergeReport> {
        let before = self.datasets.len();
        let mut file = FileImport {
            collection: self,
            source,
            bytes,
            questionnaires: Vec::new(),
            schemas: Vec::new(),
            stage: Stage::default(),
            report: MergeReport::default(),
            read: 0,
            expected,
            progress,
            codes: Vec::new(),
        };
        match read(&mut file) {
            Ok(()) => Ok(file.commit()),
            Err(e) => {
                self.datasets.truncate(before);
                Err(e)
            }
        }
    }

    /// The datasets, one per questionnaire version, in the order first met.
    pub fn datasets(&self) -> &[Dataset] {
        &self.datasets
    }

    /// The dataset of a questionnaire version.
    pub fn dataset(&self, r: &QuestionnaireRef) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.schema.q.id == r.id && d.schema.q.version == r.version)
    }

    /// The questionnaires of the files, the first copy of each version.
    pub fn questionnaires(&self) -> &BTreeMap<QuestionnaireRef, Questionnaire> {
        &self.questionnaires
    }

    /// Responses in all datasets.
    pub fn len(&self) -> usize {
        self.datasets.iter().map(Dataset::len).sum()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The dataset to score: that of `given` (empty if nothing answers it), else the only one with
    /// responses. Several and none given is an error that lists them.
    pub fn to_score(&mut self, given: Option<&Questionnaire>) -> Result<&mut Dataset> {
        let what = || "questionnaire".to_owned();
        let index = match given {
            Some(q) => match self.datasets.iter().position(|d| d.schema.q.reference() == q.reference()) {
                Some(i) => i,
                None => {
                    self.datasets.push(Dataset::new(Arc::new(Schema::new(q.clone()))));
                    self.datasets.len() - 1
                }
            },
            None => {
                let answered: Vec<usize> =
                    (0..self.datasets.len()).filter(|&i| !self.datasets[i].is_empty()).collect();
                match answered.as_slice() {
                    [] => {
                        return Err(Error::InvalidArgument {
                            what: what(),
                            reason: "the files hold no responses".into(),
                        })
                    }
                    [one] => *one,
                    many => {
                        let mut refs: Vec<QuestionnaireRef> =
                            many.iter().map(|&i| self.datasets[i].reference()).collect();
                        refs.sort();
                        let list: Vec<String> = refs.iter().map(ToString::to_string).collect();
                        return Err(Error::InvalidArgument {
                            what: what(),
                            reason: format!(
                                "the responses answer {} questionnaires ({}); choose one",
                                refs.len(),
                                list.join(", ")
                            ),
                        });
                    }
                }
            }
        };
        Ok(&mut self.datasets[index])
    }
}

/// The dataset that a file's responses to one questionnaire go to, and whether it codes them with
/// the same copy of the questionnaire as the one they were checked against.
type Target = (usize, bool);

/// The reading of one file.
pub(super) struct FileImport<'c, 'p> {
    collection: &'c mut Collection,
    source: &'c str,
    bytes: &'c [u8],
    /// The file's questionnaires.
    questionnaires: Vec<Questionnaire>,
    /// Schemas that check responses, with the dataset they go to once known.
    schemas: Vec<(Arc<Schema>, Option<Target>)>,
    stage: Stage,
    pub(super) report: MergeReport,
    read: usize,
    expected: usize,
    progress: &'p mut dyn FnMut(Progress),
    codes: Vec<u8>,
}

impl FileImport<'_, '_> {
    fn report_progress(&mut self) {
        let p = Progress { source: self.source, read: self.read, expected: self.expected.max(self.read) };
        (self.progress)(p);
    }

    /// The dataset for the responses checked by `schemas[s]`, made if there is none.
    fn target(&mut self, s: usize) -> Target {
        if let Some(t) = self.schemas[s].1 {
            return t;
        }
        let schema = self.schemas[s].0.clone();
        let c = &mut *self.collection;
        let reference = schema.q.reference();
        let d = match c.datasets.iter().position(|d| d.schema.q.reference() == reference) {
            Some(d) => d,
            None => {
                let chosen =
                    c.known.iter().find(|q| q.reference() == reference).or(c.questionnaires.get(&reference));
                let own = match chosen {
                    Some(q) if *q != schema.q => Arc::new(Schema::new(q.clone())),
                    _ => schema.clone(),
                };
                c.datasets.push(Dataset::new(own));
                c.datasets.len() - 1
            }
        };
        let same = c.datasets[d].schema.q == schema.q;
        self.schemas[s].1 = Some((d, same));
        (d, same)
    }

    /// Adds the file's questionnaires to the collection's, and its rows to the datasets.
    fn commit(mut self) -> MergeReport {
        let c = &mut *self.collection;
        for q in std::mem::take(&mut self.questionnaires) {
            match c.questionnaires.get(&q.reference()) {
                Some(existing) if *existing != q => self.report.questionnaire_conflicts.push(q.reference()),
                Some(_) => {}
                None => {
                    c.questionnaires.insert(q.reference(), q);
                }
            }
        }
        std::mem::take(&mut self.stage).commit(&mut c.datasets);
        self.expected = self.read;
        self.report_progress();
        self.report
    }
}

impl<'de> Receiver<'de> for FileImport<'_, '_> {
    fn questionnaires(&mut self, questionnaires: Vec<Questionnaire>) {
        self.questionnaires = questionnaires;
    }

    fn schema(&mut self, id: &str, version: u32) -> Option<Arc<Schema>> {
        let matches = |q: &Questionnaire| q.id.as_str() == id && q.version == version;
        if let Some((s, _)) = self.schemas.iter().find(|(s, _)| matches(&s.q)) {
            return Some(s.clone());
        }
        let c = &*self.collection;
        let q = self.questionnaires.iter().chain(&c.known).chain(&c.builtins).find(|q| matches(q))?;
        let q = q.clone();
        Some(self.schema_of(&q))
    }

    fn response(&mut self, s: &mut Scratch<'de>) -> Result<()> {
        let id = s.id.expect("checked by the reader");
        let reference = s.questionnaire.as_ref().expect("checked by the reader");
        let position = || locate(self.bytes, self.source, &id.to_string()).with_field("responses");
        let Some(schema) = s.schema.clone() else {
            return Err(Error::Input {
                position: position(),
                reason: format!(
                    "response {id} answers {} v{}, which is neither in the file nor known here; import that questionnaire first",
                    reference.id.0, reference.version
                ),
            });
        };
        check(&schema, s).map_err(|(item, fault)| {
            let e = Error::InvalidResponse { response: id.to_string(), item, fault };
            Error::Input { position: position(), reason: e.to_string() }
        })?;
        self.stage(&schema, s);
        Ok(())
    }
}

/// The first rule a response read into `s` breaks, as [`crate::response::Response::validate`]
/// words it: the item at fault (if any) and why.
pub(super) fn check(
    schema: &Schema,
    s: &Scratch,
) -> std::result::Result<(), (Option<String>, crate::error::ResponseFault)> {
    let header = Header {
        status: s.status.expect("checked by the reader"),
        started_at: s.started_at.expect("checked by the reader"),
        submitted_at: s.submitted_at,
    };
    check_parts(&schema.q, &header, s, s.notes.keys().map(ItemId::as_str))
}

impl FileImport<'_, '_> {
    /// The schema that checks responses to `q` (the first copy of its version met in the file).
    pub(super) fn schema_of(&mut self, q: &Questionnaire) -> Arc<Schema> {
        let r = q.reference();
        if let Some((s, _)) = self.schemas.iter().find(|(s, _)| s.q.id == r.id && s.q.version == r.version) {
            return s.clone();
        }
        let schema = Arc::new(Schema::new(q.clone()));
        self.schemas.push((schema.clone(), None));
        schema
    }

    /// Hashes, codes and stages a response read into `s` and checked against `schema` (its
    /// answers are moved out of `s`), and reports progress.
    pub(super) fn stage(&mut self, schema: &Arc<Schema>, s: &mut Scratch) {
        let id = s.id.expect("checked by the reader");
        let reference = s.questionnaire.as_ref().expect("checked by the reader");
        let (status, started_at) = (s.status.expect("checked"), s.started_at.expect("checked"));
        let fields = Fields {
            id: id.0.as_u128(),
            questionnaire: (&reference.id.0, reference.version),
            channel: s.channel.expect("checked"),
            status,
            tags: s.tags.free(),
            business_type: s.tags.business_type,
            customer_class: s.tags.customer_class,
            started_at,
            submitted_at: s.submitted_at,
            disposition: s.disposition,
        };
        let hash = content_hash(&schema.q, &fields, &*s, &s.notes);
        let s_index = self.schemas.iter().position(|(x, _)| Arc::ptr_eq(x, schema)).expect("made here");
        let (d, same) = self.target(s_index);
        let ds = &mut self.collection.datasets[d];
        let codes = &mut self.codes;
        codes.clear();
        codes.resize(ds.schema.len(), MISSING);
        let mut side = Side { notes: std::mem::take(&mut s.notes), ..Side::default() };
        let mut code = |j: usize, a: Answer, side: &mut Side| {
            codes[j] = ds.schema.codings[j].encode(&a);
            if codes[j] == SIDE {
                side.answers.push((j, a));
            }
        };
        for (i, slot) in s.slots.iter_mut().enumerate() {
            let Some(a) = slot.take() else { continue };
            let j = if same { Some(i) } else { ds.schema.index(schema.q.items[i].id.as_str()) };
            match j {
                Some(j) => code(j, a, &mut side),
                None => side.foreign.push((schema.q.items[i].id.clone(), a)),
            }
        }
        for (k, a) in s.foreign.drain(..) {
            match ds.schema.index(&k) {
                Some(j) => code(j, a, &mut side),
                None => side.foreign.push((ItemId::new(k), a)),
            }
        }
        side.answers.sort_by_key(|(j, _)| *j);
        let intern = |t: Option<&str>, dict: &mut super::Dictionary| t.map_or(NONE, |v| dict.intern(v));
        let free = std::array::from_fn(|k| intern(fields.tags[k], &mut ds.tags[k]));
        let (month, week) = ds.periods.of(s.submitted_at.as_ref().unwrap_or(&started_at));
        let meta = Meta {
            id: fields.id,
            hash,
            status,
            channel: fields.channel,
            free,
            business_type: fields.business_type,
            customer_class: fields.customer_class,
            disposition: fields.disposition,
            started: Stamp::of(Some(&started_at)),
            submitted: Stamp::of(s.submitted_at.as_ref()),
            month,
            week,
        };
        match self.stage.place(&self.collection.datasets, d, meta, &self.codes, side) {
            Outcome::Added => self.report.added += 1,
            Outcome::Duplicate => self.report.duplicates += 1,
            Outcome::Conflict(resolution) => {
                self.report.conflicts.push(Conflict { id, source: self.source.to_owned(), resolution })
            }
        }
        self.read += 1;
        if self.read.is_multiple_of(PROGRESS_EVERY) {
            self.report_progress();
        }
    }
}
