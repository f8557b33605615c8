//! Manyi's JSON export: complete enough to import back and merge. A bundle holds questionnaires
//! and responses; each response is keyed by its UUID.

use crate::error::{Error, JsonExpected, Position, Result};
use crate::questionnaire::builtin;
use crate::questionnaire::Questionnaire;
use crate::response::tags::TagValue;
use crate::response::Response;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The `format` field of every bundle.
pub const FORMAT: &str = "manyi";
/// The bundle format version this core writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A JSON export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// Always `"manyi"`.
    pub format: String,
    /// The bundle format version (1).
    pub format_version: u32,
    /// When it was exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<DateTime<FixedOffset>>,
    /// The device that exported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<TagValue>,
    /// The questionnaires the responses answer.
    #[serde(default)]
    pub questionnaires: Vec<Questionnaire>,
    /// The responses.
    #[serde(default)]
    pub responses: Vec<Response>,
}

impl Bundle {
    /// A bundle of these questionnaires and responses.
    pub fn new(
        questionnaires: Vec<Questionnaire>,
        responses: Vec<Response>,
        exported_at: Option<DateTime<FixedOffset>>,
        device: Option<TagValue>,
    ) -> Self {
        Bundle {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            exported_at,
            device,
            questionnaires,
            responses,
        }
    }

    /// The bundle as JSON bytes (one response per line, so that large files stay diffable).
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(&BundleHead::from(self)).expect("serialisable");
        // Replace the closing brace of the head with the responses array, one per line.
        out.truncate(out.len() - 2);
        out.extend_from_slice(b",\n  \"responses\": [");
        for (i, r) in self.responses.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
            serde_json::to_writer(&mut out, r).expect("serialisable");
        }
        out.extend_from_slice(if self.responses.is_empty() { b"]\n}\n" } else { b"\n  ]\n}\n" });
        out
    }

    /// Reads a bundle and checks it: the format, every questionnaire, and every response against
    /// its questionnaire (from the bundle, `known`, or the built-ins). Errors name the file, line
    /// and column; nothing is half-read.
    pub fn from_json(bytes: &[u8], source: &str, known: &[Questionnaire]) -> Result<Bundle> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let at = |line: usize, column: usize| Position::at(line as u64, column as u64).in_file(source);
        let b: Bundle =
            serde_json::from_slice(bytes).map_err(|e| Error::json_at(source, JsonExpected::Export, &e))?;
        if b.format != FORMAT {
            return Err(Error::Input {
                position: Position::default().in_file(source),
                reason: format!("`format` is `{}`, not `{FORMAT}`; is this a Manyi export?", b.format),
            });
        }
        if b.format_version != FORMAT_VERSION {
            return Err(Error::Input {
                position: Position::default().in_file(source),
                reason: format!(
                    "format version {} is not supported (this Manyi reads version {FORMAT_VERSION}); update Manyi",
                    b.format_version
                ),
            });
        }
        let text = String::from_utf8_lossy(bytes);
        let locate = |needle: &str| -> Position {
            match text.find(needle) {
                Some(offset) => {
                    let before = &text[..offset];
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    at(line, column)
                }
                None => Position::default().in_file(source),
            }
        };
        for q in &b.questionnaires {
            q.validate().map_err(|e| Error::Input {
                position: locate(&format!("\"id\":\"{}\"", q.id)).with_field("questionnaires"),
                reason: e.to_string(),
            })?;
        }
        let builtins = builtin::all();
        for r in &b.responses {
            let q = b
                .questionnaires
                .iter()
                .chain(known)
                .chain(&builtins)
                .find(|q| q.reference() == r.questionnaire)
                .ok_or_else(|| Error::Input {
                    position: locate(&r.id.to_string()).with_field("responses"),
                    reason: format!(
                        "response {} answers {}, which is neither in the file nor known here; import that questionnaire first",
                        r.id, r.questionnaire
                    ),
                })?;
            r.validate(q).map_err(|e| Error::Input {
                position: locate(&r.id.to_string()).with_field("responses"),
                reason: e.to_string(),
            })?;
        }
        Ok(b)
    }
}

/// Everything but the responses, to write the head of a bundle.
#[derive(Serialize)]
struct BundleHead<'a> {
    format: &'a str,
    format_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<DateTime<FixedOffset>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    device: Option<&'a TagValue>,
    questionnaires: &'a [Questionnaire],
}

impl<'a> From<&'a Bundle> for BundleHead<'a> {
    fn from(b: &'a Bundle) -> Self {
        BundleHead {
            format: &b.format,
            format_version: b.format_version,
            exported_at: b.exported_at,
            device: b.device.as_ref(),
            questionnaires: &b.questionnaires,
        }
    }
}
