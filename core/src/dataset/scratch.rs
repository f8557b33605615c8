//! One response as the readers see it: a reusable [`Scratch`] record that a JSON export's or a
//! responses table's reader fills (strings borrowed from the file where they can be) and that
//! responses held in memory are copied into, before each is checked, hashed, coded and staged.

use super::codes::Schema;
use crate::questionnaire::item::{Item, ItemId};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::disposition::Disposition;
#[cfg(doc)]
use crate::response::tags::Tags;
use crate::response::tags::{BusinessType, CustomerClass, TagKey, FREE_TAGS, TAG_COUNT};
use crate::response::validate::AnswerSet;
use crate::response::{Channel, Response, ResponseId, Status};
use chrono::{DateTime, FixedOffset};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;
/// A string from the file: borrowed when it has no escapes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Text<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

/// [`Tags`] with borrowed values: read from JSON with the same fields, defaults and messages.
#[derive(Debug, Default)]
pub(crate) struct TagsIn<'a> {
    /// The free tags, in the order of [`TagKey::FREE`].
    pub free: [Option<Text<'a>>; FREE_TAGS],
    pub business_type: Option<BusinessType>,
    pub customer_class: Option<CustomerClass>,
}

impl TagsIn<'_> {
    /// The free tags' values, in the order of [`TagKey::FREE`].
    pub fn free(&self) -> [Option<&str>; FREE_TAGS] {
        std::array::from_fn(|k| self.free[k].as_ref().map(|t| &*t.0))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for TagsIn<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TagsIn<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("struct Tags")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<TagsIn<'de>, A::Error> {
                let mut tags = TagsIn::default();
                let mut seen = [false; TAG_COUNT];
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    let Ok(k) = key.0.parse::<TagKey>() else {
                        return Err(de::Error::unknown_field(&key.0, &TagKey::CODES));
                    };
                    if std::mem::replace(&mut seen[k as usize], true) {
                        return Err(de::Error::duplicate_field(k.code()));
                    }
                    match (k.free_index(), k) {
                        (Some(i), _) => tags.free[i] = map.next_value()?,
                        (None, TagKey::BusinessType) => tags.business_type = map.next_value()?,
                        (None, _) => tags.customer_class = map.next_value()?,
                    }
                }
                Ok(tags)
            }
        }
        d.deserialize_struct("Tags", &TagKey::CODES, V)
    }
}

/// [`crate::questionnaire::QuestionnaireRef`] with a borrowed id.
#[derive(Debug, Deserialize)]
#[serde(rename = "QuestionnaireRef")]
pub(crate) struct RefIn<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    pub version: u32,
}

/// One response as read; reused from response to response.
#[derive(Debug, Default)]
pub(crate) struct Scratch<'de> {
    pub id: Option<ResponseId>,
    pub questionnaire: Option<RefIn<'de>>,
    pub channel: Option<Channel>,
    pub status: Option<Status>,
    pub tags: TagsIn<'de>,
    pub started_at: Option<DateTime<FixedOffset>>,
    pub submitted_at: Option<DateTime<FixedOffset>>,
    pub notes: BTreeMap<ItemId, String>,
    pub disposition: Option<Disposition>,
    /// The schema of the questionnaire that checks the response, once known.
    pub schema: Option<Arc<Schema>>,
    /// Answers by item index of `schema`.
    pub slots: Vec<Option<Answer>>,
    /// Answers to ids that `schema` does not have, sorted by id once the response is read.
    pub foreign: Vec<(String, Answer)>,
    /// Answers read before the questionnaire was.
    pub pending: BTreeMap<ItemId, Answer>,
}

impl<'r> Scratch<'r> {
    /// Clears the record, keeping its buffers.
    pub(super) fn reset(&mut self) {
        let mut slots = std::mem::take(&mut self.slots);
        let mut foreign = std::mem::take(&mut self.foreign);
        slots.clear();
        foreign.clear();
        *self = Scratch { slots, foreign, ..Scratch::default() };
    }

    /// Puts an answer in its slot, among the foreign answers, or aside until the schema is known.
    pub(super) fn put(&mut self, id: Cow<str>, answer: Answer) {
        match self.schema.as_ref().map(|s| s.index(&id)) {
            Some(Some(i)) => self.slots[i] = Some(answer),
            Some(None) => match self.foreign.iter_mut().find(|(k, _)| *k == id) {
                Some(slot) => slot.1 = answer,
                None => self.foreign.push((id.into_owned(), answer)),
            },
            None => {
                self.pending.insert(ItemId::new(id), answer);
            }
        }
    }
}

impl<'r> Scratch<'r> {
    /// The record of `r`, a response in memory answering `schema`'s questionnaire, as the
    /// reader of a file would have filled it (strings borrowed from `r`).
    pub(super) fn fill(&mut self, schema: &Arc<Schema>, r: &'r Response) {
        self.reset();
        let text = |t: &'r str| Text(Cow::Borrowed(t));
        self.id = Some(r.id);
        self.questionnaire =
            Some(RefIn { id: text(r.questionnaire.id.as_str()), version: r.questionnaire.version });
        self.channel = Some(r.channel);
        self.status = Some(r.status);
        self.tags = TagsIn {
            free: r.tags.free().map(|t| t.map(text)),
            business_type: r.tags.business_type,
            customer_class: r.tags.customer_class,
        };
        self.started_at = Some(r.started_at);
        self.submitted_at = r.submitted_at;
        self.notes = r.notes.clone();
        self.disposition = r.disposition;
        self.schema = Some(schema.clone());
        self.slots.resize(schema.len(), None);
        for (id, answer) in &r.answers {
            self.put(Cow::Borrowed(id.as_str()), answer.clone());
        }
        // `answers` is ordered by id, so the foreign answers are too.
    }
}

impl AnswerSet for Scratch<'_> {
    fn answer(&self, id: &str) -> Option<&Answer> {
        let schema = self.schema.as_ref()?;
        match schema.index(id) {
            Some(i) => self.slots[i].as_ref(),
            None => self.foreign.iter().find(|(k, _)| k == id).map(|(_, a)| a),
        }
    }

    fn try_each<'s, E>(
        &'s self,
        q: &Questionnaire,
        mut f: impl FnMut(&str, Option<&Item>, &'s Answer) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let Some(schema) = self.schema.as_ref() else { return Ok(()) };
        let known = schema
            .sorted
            .iter()
            .filter_map(|&i| Some((q.items[i].id.as_str(), Some(&q.items[i]), self.slots[i].as_ref()?)));
        if self.foreign.is_empty() {
            return known.into_iter().try_for_each(|(id, item, a)| f(id, item, a));
        }
        let mut all: Vec<(&str, Option<&Item>, &Answer)> = known.collect();
        all.extend(self.foreign.iter().map(|(k, a)| (k.as_str(), None, a)));
        all.sort_by(|a, b| a.0.cmp(b.0));
        all.into_iter().try_for_each(|(id, item, a)| f(id, item, a))
    }
}
