//! Reading a Manyi JSON bundle in one pass without building `Vec<Response>`: serde visitors over
//! serde_json read the head as [`crate::io::bundle::Bundle`] does (the same fields, defaults and
//! messages) and hand each response, read into a reusable [`Scratch`], to a [`Receiver`] that
//! checks, hashes and stages it. Strings are borrowed from the file where JSON allows.
//!
//! The responses are read as they come when the file's questionnaires come first (Manyi writes
//! them first). Otherwise the responses array is kept as raw text and read after the head.

use super::codes::Schema;
pub(crate) use super::scratch::{RefIn, Scratch, TagsIn, Text};
use crate::error::{Error, JsonExpected, Position, Result};
use crate::io::bundle::{FORMAT, FORMAT_VERSION};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::tags::TagValue;
use chrono::{DateTime, FixedOffset};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// What the reader hands its results to.
pub(crate) trait Receiver<'de> {
    /// The file's questionnaires (valid), before any of its responses.
    fn questionnaires(&mut self, questionnaires: Vec<Questionnaire>);
    /// The schema of the questionnaire that checks responses to `id` version `version`.
    fn schema(&mut self, id: &str, version: u32) -> Option<Arc<Schema>>;
    /// A response, read whole (its answers in the slots of its schema, if known).
    fn response(&mut self, r: &mut Scratch<'de>) -> Result<()>;
}

/// Reads the bundle `bytes` (a UTF-8 BOM is skipped); errors name `source`, line and column as
/// [`crate::io::bundle::Bundle::from_json`]'s do.
pub(crate) fn read<'de>(bytes: &'de [u8], source: &str, rx: &mut impl Receiver<'de>) -> Result<()> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut state = State { rx, source, bytes, scratch: Scratch::default(), failure: None, head: false };
    // Text checked as UTF-8 once is read without checking every string again (a twentieth of
    // the time); other bytes are read as they are, for serde_json's message on them.
    let deferred = match std::str::from_utf8(bytes) {
        Ok(text) => whole(&mut serde_json::Deserializer::from_str(text), &mut state),
        Err(_) => whole(&mut serde_json::Deserializer::from_slice(bytes), &mut state),
    };
    if let Some(e) = state.failure.take() {
        return Err(e);
    }
    let deferred = deferred.map_err(|e| syntax(source, bytes, 0, &e))?;
    if let Some(raw) = deferred {
        if !state.head {
            state.rx.questionnaires(Vec::new());
        }
        let base = raw.get().as_ptr() as usize - bytes.as_ptr() as usize;
        let mut de = serde_json::Deserializer::from_str(raw.get());
        let result = ResponsesSeed(&mut state).deserialize(&mut de);
        if let Some(e) = state.failure.take() {
            return Err(e);
        }
        result.map_err(|e| syntax(source, bytes, base, &e))?;
    }
    Ok(())
}

/// The bundle, and nothing after it.
fn whole<'de, T: serde_json::de::Read<'de>, R: Receiver<'de>>(
    de: &mut serde_json::Deserializer<T>,
    state: &mut State<'_, 'de, R>,
) -> serde_json::Result<Option<&'de RawValue>> {
    let deferred = BundleSeed(state).deserialize(&mut *de)?;
    de.end()?;
    Ok(deferred)
}

/// The position of the first occurrence of `needle` in the file (as `Bundle::from_json` finds
/// responses and questionnaires in errors).
pub(crate) fn locate(bytes: &[u8], source: &str, needle: &str) -> Position {
    let text = String::from_utf8_lossy(bytes);
    match text.find(needle) {
        Some(offset) => {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Position::at(line as u64, column as u64).in_file(source)
        }
        None => Position::default().in_file(source),
    }
}

/// A serde_json error of text read from byte `base` of the file, at its place in the file.
fn syntax(source: &str, bytes: &[u8], base: usize, e: &serde_json::Error) -> Error {
    let (mut line, mut column) = (e.line(), e.column());
    if base > 0 && line > 0 {
        // serde_json counts the column in bytes after the line's start.
        let text = &bytes[base..];
        let line_start = text.split(|b| *b == b'\n').take(line - 1).map(|l| l.len() + 1).sum::<usize>();
        let at = base + line_start + column;
        let start = bytes[..at].iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        line = 1 + bytes[..start].iter().filter(|b| **b == b'\n').count();
        column = at - start;
    }
    // The place is the position's, said once.
    Error::json(source, JsonExpected::Export, e, line, column)
}

struct State<'s, 'de, R> {
    rx: &'s mut R,
    source: &'s str,
    bytes: &'de [u8],
    scratch: Scratch<'de>,
    /// An error that is not serde's (a rule broken), to report instead of the abort it caused.
    failure: Option<Error>,
    /// Whether the questionnaires were read.
    head: bool,
}

impl<R> State<'_, '_, R> {
    fn fail<E: de::Error>(&mut self, e: Error) -> E {
        self.failure = Some(e);
        E::custom("stopped")
    }
}

macro_rules! fields {
    ($enum:ident, $names:ident: $($variant:ident = $name:literal),+) => {
        const $names: &[&str] = &[$($name),+];
        #[derive(Clone, Copy, PartialEq)]
        enum $enum { $($variant),+ }
        impl<'de> Deserialize<'de> for $enum {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $enum;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("field identifier")
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<$enum, E> {
                        match v {
                            $($name => Ok($enum::$variant),)+
                            other => Err(E::unknown_field(other, $names)),
                        }
                    }
                }
                d.deserialize_identifier(V)
            }
        }
        impl $enum {
            fn name(self) -> &'static str {
                $names[self as usize]
            }
        }
    };
}

fields!(BundleField, BUNDLE_FIELDS: Format = "format", FormatVersion = "format_version",
    ExportedAt = "exported_at", Device = "device", Questionnaires = "questionnaires", Responses = "responses");

fields!(ResponseField, RESPONSE_FIELDS: Id = "id", Questionnaire = "questionnaire", Channel = "channel",
    Status = "status", Tags = "tags", StartedAt = "started_at", SubmittedAt = "submitted_at",
    Answers = "answers", Notes = "notes", Disposition = "disposition");

/// The bundle object; its value is the responses array if it had to be read later.
struct BundleSeed<'a, 's, 'de, R>(&'a mut State<'s, 'de, R>);

impl<'de, R: Receiver<'de>> DeserializeSeed<'de> for BundleSeed<'_, '_, 'de, R> {
    type Value = Option<&'de RawValue>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_struct("Bundle", BUNDLE_FIELDS, self)
    }
}

impl<'de, R: Receiver<'de>> Visitor<'de> for BundleSeed<'_, '_, 'de, R> {
    type Value = Option<&'de RawValue>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Bundle")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        let state = self.0;
        let mut seen = [false; 6];
        let mut deferred = None;
        while let Some(field) = map.next_key::<BundleField>()? {
            if std::mem::replace(&mut seen[field as usize], true) {
                return Err(de::Error::duplicate_field(field.name()));
            }
            let file = || Position::default().in_file(state.source);
            match field {
                BundleField::Format => {
                    let format: String = map.next_value()?;
                    if format != FORMAT {
                        let reason =
                            format!("`format` is `{format}`, not `{FORMAT}`; is this a Manyi export?");
                        return Err(state.fail(Error::Input { position: file(), reason }));
                    }
                }
                BundleField::FormatVersion => {
                    let version: u32 = map.next_value()?;
                    if version != FORMAT_VERSION {
                        let reason = format!(
                            "format version {version} is not supported (this Manyi reads version {FORMAT_VERSION}); update Manyi"
                        );
                        return Err(state.fail(Error::Input { position: file(), reason }));
                    }
                }
                BundleField::ExportedAt => {
                    map.next_value::<Option<DateTime<FixedOffset>>>()?;
                }
                BundleField::Device => {
                    map.next_value::<Option<TagValue>>()?;
                }
                BundleField::Questionnaires => {
                    let questionnaires: Vec<Questionnaire> = map.next_value()?;
                    for q in &questionnaires {
                        if let Err(e) = q.validate() {
                            let needle = format!("\"id\":\"{}\"", q.id);
                            let position =
                                locate(state.bytes, state.source, &needle).with_field("questionnaires");
                            return Err(state.fail(Error::Input { position, reason: e.to_string() }));
                        }
                    }
                    state.rx.questionnaires(questionnaires);
                    state.head = true;
                }
                BundleField::Responses if state.head => map.next_value_seed(ResponsesSeed(&mut *state))?,
                BundleField::Responses => deferred = Some(map.next_value::<&'de RawValue>()?),
            }
        }
        for field in [BundleField::Format, BundleField::FormatVersion] {
            if !seen[field as usize] {
                return Err(de::Error::missing_field(field.name()));
            }
        }
        Ok(deferred)
    }
}

/// The responses array, each element read as it comes.
struct ResponsesSeed<'a, 's, 'de, R>(&'a mut State<'s, 'de, R>);

impl<'de, R: Receiver<'de>> DeserializeSeed<'de> for ResponsesSeed<'_, '_, 'de, R> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, R: Receiver<'de>> Visitor<'de> for ResponsesSeed<'_, '_, 'de, R> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while seq.next_element_seed(ResponseSeed(&mut *self.0))?.is_some() {}
        Ok(())
    }
}

/// One response, into the scratch record, then to the receiver.
struct ResponseSeed<'a, 's, 'de, R>(&'a mut State<'s, 'de, R>);

impl<'de, R: Receiver<'de>> DeserializeSeed<'de> for ResponseSeed<'_, '_, 'de, R> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_struct("Response", RESPONSE_FIELDS, self)
    }
}

impl<'de, R: Receiver<'de>> Visitor<'de> for ResponseSeed<'_, '_, 'de, R> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Response")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let state = self.0;
        let s = &mut state.scratch;
        s.reset();
        let mut seen = [false; 10];
        while let Some(field) = map.next_key::<ResponseField>()? {
            if std::mem::replace(&mut seen[field as usize], true) {
                return Err(de::Error::duplicate_field(field.name()));
            }
            match field {
                ResponseField::Id => s.id = Some(map.next_value()?),
                ResponseField::Questionnaire => {
                    let r: RefIn<'de> = map.next_value()?;
                    s.schema = state.rx.schema(&r.id.0, r.version);
                    if let Some(schema) = &s.schema {
                        s.slots.resize(schema.len(), None);
                    }
                    s.questionnaire = Some(r);
                }
                ResponseField::Channel => s.channel = Some(map.next_value()?),
                ResponseField::Status => s.status = Some(map.next_value()?),
                ResponseField::Tags => s.tags = map.next_value()?,
                ResponseField::StartedAt => s.started_at = Some(map.next_value()?),
                ResponseField::SubmittedAt => s.submitted_at = map.next_value()?,
                ResponseField::Answers => map.next_value_seed(AnswersSeed(&mut *s))?,
                ResponseField::Notes => s.notes = map.next_value()?,
                ResponseField::Disposition => s.disposition = map.next_value()?,
            }
        }
        use ResponseField::*;
        for field in [Id, Questionnaire, Channel, Status, StartedAt] {
            if !seen[field as usize] {
                return Err(de::Error::missing_field(field.name()));
            }
        }
        for (id, answer) in std::mem::take(&mut s.pending) {
            s.put(Cow::Owned(id.to_string()), answer);
        }
        s.foreign.sort_by(|a, b| a.0.cmp(&b.0));
        match state.rx.response(&mut state.scratch) {
            Ok(()) => Ok(()),
            Err(e) => Err(state.fail(e)),
        }
    }
}

/// The answers object: each answer into its slot (or aside, until the questionnaire is known).
struct AnswersSeed<'a, 'de>(&'a mut Scratch<'de>);

impl<'de> DeserializeSeed<'de> for AnswersSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for AnswersSeed<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        while let Some(Text(id)) = map.next_key::<Text<'de>>()? {
            let answer: Answer = map.next_value()?;
            self.0.put(id, answer);
        }
        Ok(())
    }
}
