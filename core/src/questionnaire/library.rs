//! The questionnaires a device knows: the built-ins and those staff made or imported, each kept by
//! id and version. A version that responses were given to, and every built-in, is frozen: saving
//! changes to it makes the next version, so responses to the old one are always read with the
//! questionnaire they were given to.

use super::builtin;
use super::{Problem, Questionnaire, QuestionnaireId, QuestionnaireRef};
use crate::error::Error;
use crate::text::Text;

/// What saving an edited questionnaire does.
#[derive(Debug, Clone, PartialEq)]
pub enum SavePlan {
    /// It is the same as the stored version: nothing to write.
    Unchanged,
    /// Write it (a new questionnaire, a new version, or an unanswered version replaced).
    Write {
        /// The questionnaire as it is to be stored (its version set).
        questionnaire: Box<Questionnaire>,
        /// Whether it replaces a stored version that no response was given to.
        replaces: bool,
        /// The frozen version it was edited from, when saving made a new version of it.
        from: Option<u32>,
    },
}

/// What importing a questionnaire file does.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportPlan {
    /// This very questionnaire is already here.
    AlreadyThere(QuestionnaireRef),
    /// Store it.
    Add(Box<Questionnaire>),
}

/// Why a questionnaire cannot be saved or imported.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// What is wrong and what to do.
    pub text: Text,
    /// The rules broken, one by one (empty when the refusal is about something else).
    pub problems: Vec<Problem>,
}

impl Refusal {
    fn new(zh: impl Into<String>, en: impl Into<String>) -> Refusal {
        Refusal { text: Text::new(zh, en), problems: Vec::new() }
    }

    fn invalid(q: &Questionnaire, problems: Vec<Problem>) -> Refusal {
        Refusal {
            text: Text::new(
                format!("问卷 {} 有 {} 处问题，请先改正", q.reference(), problems.len()),
                format!(
                    "questionnaire {} has {} problem(s); correct them first",
                    q.reference(),
                    problems.len()
                ),
            ),
            problems,
        }
    }
}

/// The questionnaires known on this device.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    /// Built-ins first (in [`builtin::Builtin::ALL`] order), then the others by id and version.
    entries: Vec<(Questionnaire, bool)>,
}

impl Default for Library {
    fn default() -> Self {
        Library::new(Vec::new())
    }
}

impl Library {
    /// The built-ins and `stored`. A stored questionnaire with the id and version of a built-in is
    /// left out: the built-in, as shipped, is what its responses were given to.
    pub fn new(stored: Vec<Questionnaire>) -> Library {
        let mut entries: Vec<(Questionnaire, bool)> = builtin::all().into_iter().map(|q| (q, true)).collect();
        let mut others: Vec<Questionnaire> = stored
            .into_iter()
            .filter(|q| !entries.iter().any(|(b, _)| b.reference() == q.reference()))
            .collect();
        others.sort_by_key(Questionnaire::reference);
        others.dedup_by_key(|q| q.reference());
        entries.extend(others.into_iter().map(|q| (q, false)));
        Library { entries }
    }

    /// Every questionnaire, every version.
    pub fn all(&self) -> impl Iterator<Item = &Questionnaire> {
        self.entries.iter().map(|(q, _)| q)
    }

    /// The questionnaire a response was given to.
    pub fn get(&self, r: &QuestionnaireRef) -> Option<&Questionnaire> {
        self.all().find(|q| q.id == r.id && q.version == r.version)
    }

    /// Whether `r` is a built-in (never changed in place).
    pub fn is_builtin(&self, r: &QuestionnaireRef) -> bool {
        self.entries.iter().any(|(q, builtin)| *builtin && q.reference() == *r)
    }

    /// Every version of questionnaire `id`, oldest first.
    pub fn versions(&self, id: &str) -> Vec<&Questionnaire> {
        let mut v: Vec<&Questionnaire> = self.all().filter(|q| q.id.as_str() == id).collect();
        v.sort_by_key(|q| q.version);
        v
    }

    /// The newest version of questionnaire `id`.
    pub fn latest(&self, id: &str) -> Option<&Questionnaire> {
        self.versions(id).pop()
    }

    /// The newest version of each questionnaire: built-ins first, then the others by id.
    pub fn latest_versions(&self) -> Vec<&Questionnaire> {
        let mut ids: Vec<&QuestionnaireId> = Vec::new();
        for q in self.all() {
            if !ids.contains(&&q.id) {
                ids.push(&q.id);
            }
        }
        ids.into_iter().filter_map(|id| self.latest(id.as_str())).collect()
    }

    /// The version after the newest of `id` (1 for a new id).
    pub fn next_version(&self, id: &str) -> u32 {
        self.latest(id).map_or(1, |q| q.version + 1)
    }

    /// An id not yet used, from `base`: `base`, else `base_2`, `base_3` …
    pub fn unused_id(&self, base: &str) -> QuestionnaireId {
        let taken = |id: &str| self.all().any(|q| q.id.as_str() == id);
        if !taken(base) {
            return QuestionnaireId::new(base);
        }
        let n = (2..).find(|n| !taken(&format!("{base}_{n}"))).expect("some suffix is free");
        QuestionnaireId::new(format!("{base}_{n}"))
    }

    /// What saving `edited` does. `answered` tells whether any response was given to a version.
    /// The stored version of the same id and version is replaced only when it is neither a
    /// built-in nor answered; otherwise the edit becomes the next version. A questionnaire that
    /// breaks a rule is refused with every problem listed.
    pub fn plan_save(
        &self,
        mut edited: Questionnaire,
        answered: &dyn Fn(&QuestionnaireRef) -> bool,
    ) -> Result<SavePlan, Refusal> {
        let problems = edited.explain();
        if !problems.is_empty() {
            return Err(Refusal::invalid(&edited, problems));
        }
        let reference = edited.reference();
        let Some(stored) = self.get(&reference) else {
            return Ok(SavePlan::Write { questionnaire: Box::new(edited), replaces: false, from: None });
        };
        if *stored == edited {
            return Ok(SavePlan::Unchanged);
        }
        if self.is_builtin(&reference) || answered(&reference) {
            edited.version = self.next_version(edited.id.as_str());
            return Ok(SavePlan::Write {
                questionnaire: Box::new(edited),
                replaces: false,
                from: Some(reference.version),
            });
        }
        Ok(SavePlan::Write { questionnaire: Box::new(edited), replaces: true, from: None })
    }

    /// What importing the questionnaire file `json` (named `source` in messages) does: a file
    /// that is not a questionnaire or breaks a rule is refused, saying where and what; a
    /// questionnaire whose id and version are here with other content is refused too, since
    /// responses name only the id and version and could then be read with the wrong one.
    pub fn plan_import(&self, json: &str, source: &str) -> Result<ImportPlan, Refusal> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let q: Questionnaire = serde_json::from_str(json).map_err(|e| {
            let (line, column, e) = (e.line(), e.column(), crate::error::json_reason(&e));
            Refusal::new(
                format!("{source} 不是有效的问卷文件（第 {line} 行第 {column} 列）：{e}"),
                format!("{source} is not a questionnaire file (line {line}, column {column}): {e}"),
            )
        })?;
        let problems = q.explain();
        if !problems.is_empty() {
            return Err(Refusal::invalid(&q, problems));
        }
        let reference = q.reference();
        match self.get(&reference) {
            Some(here) if *here == q => Ok(ImportPlan::AlreadyThere(reference)),
            Some(_) => Err(Refusal::new(
                format!(
                    "本机已有 {reference}，内容不同。答卷只记录问卷编号和版本，两份不同的问卷不能同号：请在文件中把 version 改为 {} 后再导入",
                    self.next_version(reference.id.as_str())
                ),
                format!(
                    "this device already has {reference} with other content. Responses name only the id and version, so two different questionnaires cannot share them: set `version` to {} in the file and import it again",
                    self.next_version(reference.id.as_str())
                ),
            )),
            None => Ok(ImportPlan::Add(Box::new(q))),
        }
    }

    /// Adds or replaces a stored questionnaire (after the store wrote it). Built-ins never change.
    pub fn insert(&mut self, q: Questionnaire) {
        let reference = q.reference();
        if self.is_builtin(&reference) {
            return;
        }
        match self.entries.iter_mut().find(|(e, _)| e.reference() == reference) {
            Some((e, _)) => *e = q,
            None => {
                let at = self
                    .entries
                    .iter()
                    .position(|(e, builtin)| !*builtin && e.reference() > reference)
                    .unwrap_or(self.entries.len());
                self.entries.insert(at, (q, false));
            }
        }
    }

    /// The questionnaire of `r`, or an error saying it is not on this device.
    pub fn resolve(&self, r: &QuestionnaireRef) -> Result<&Questionnaire, Error> {
        self.get(r).ok_or_else(|| Error::InvalidArgument {
            what: format!("questionnaire {r}"),
            reason: "it is not on this device; import it first".into(),
        })
    }
}

#[cfg(test)]
mod tests;
