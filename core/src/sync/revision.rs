//! Revisions derived from content: a record's revision hash is a hash of its canonical JSON, so
//! the same record always has the same revision on every device, and a record that changes keeps
//! the list of its earlier hashes (its history) to push as CouchDB's `_revisions`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// The signature part of a revision: the first 128 bits of the SHA-256 of a record's canonical
/// JSON, as 32 lower-case hex digits (the length of the MD5 signatures CouchDB makes itself).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RevHash(String);

impl RevHash {
    /// The hash of `kind` (a namespace such as `manyi/response/1`) and the canonical form of `value`.
    pub fn of(kind: &str, value: &Value) -> RevHash {
        let mut bytes = Vec::with_capacity(512);
        bytes.extend_from_slice(kind.as_bytes());
        bytes.push(b'\n');
        write_canonical(value, &mut bytes);
        let digest = Sha256::digest(&bytes);
        RevHash(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
    }

    /// The hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RevHash {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Ok(RevHash(s))
        } else {
            Err(format!("`{s}` is not a revision hash"))
        }
    }
}

impl From<RevHash> for String {
    fn from(h: RevHash) -> String {
        h.0
    }
}

impl fmt::Display for RevHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A CouchDB revision, `N-hash`: the generation N (1 for a record's first content, one more for
/// each change) and the hash of the content at that generation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Revision {
    /// The generation, ≥ 1.
    pub generation: u64,
    /// The content's hash.
    pub hash: RevHash,
}

impl fmt::Display for Revision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.generation, self.hash)
    }
}

impl FromStr for Revision {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a revision (N-hash)");
        let (n, hash) = s.split_once('-').ok_or_else(bad)?;
        let generation: u64 = n.parse().map_err(|_| bad())?;
        if generation == 0 {
            return Err(bad());
        }
        Ok(Revision { generation, hash: RevHash::try_from(hash.to_owned()).map_err(|_| bad())? })
    }
}

impl TryFrom<String> for Revision {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Revision> for String {
    fn from(r: Revision) -> String {
        r.to_string()
    }
}

/// The hashes a record has had on this device, oldest first: what makes a change of a mutable
/// record (a callback case that gains a call, a problem record that gets its result) a new
/// revision of the same document rather than a conflict.
///
/// The device keeps it beside the record and calls [`RevisionHistory::note`] each time it saves
/// the record; the push sends it as `_revisions`, so CouchDB sees the new revision descend from
/// the one it already holds. Immutable records (closed responses, questionnaire versions) have a
/// history of one hash. Two devices that start from the same content (the same ticket imported
/// on two desks) share the first hash, so neither's changes conflict with the untouched copy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RevisionHistory(Vec<RevHash>);

impl RevisionHistory {
    /// An empty history (a record not saved yet).
    pub fn new() -> Self {
        RevisionHistory(Vec::new())
    }

    /// A history of one hash (an immutable record).
    pub fn single(hash: RevHash) -> Self {
        RevisionHistory(vec![hash])
    }

    /// Records the content's hash after a save; returns whether it was a change (the same
    /// content saved again leaves the history as it is).
    pub fn note(&mut self, hash: RevHash) -> bool {
        if self.0.last() == Some(&hash) {
            return false;
        }
        self.0.push(hash);
        true
    }

    /// The current revision: the generation is the number of hashes; `None` when empty.
    pub fn current(&self) -> Option<Revision> {
        self.0.last().map(|h| Revision { generation: self.0.len() as u64, hash: h.clone() })
    }

    /// Whether `rev` is this history's revision or one of its ancestors.
    pub fn contains(&self, rev: &Revision) -> bool {
        let g = rev.generation as usize;
        g >= 1 && g <= self.0.len() && self.0[g - 1] == rev.hash
    }

    /// The hashes, oldest first.
    pub fn hashes(&self) -> &[RevHash] {
        &self.0
    }

    /// CouchDB's `_revisions` object: `{"start": N, "ids": [newest, …, oldest]}`.
    pub fn to_revisions(&self) -> Value {
        let ids: Vec<&str> = self.0.iter().rev().map(RevHash::as_str).collect();
        serde_json::json!({ "start": self.0.len(), "ids": ids })
    }
}

/// Writes `value` as JSON with object keys sorted by their UTF-8 bytes and no white space, the
/// canonical form that revision hashes are taken of (numbers and strings as serde_json writes
/// them). Two values equal as JSON values give the same bytes whatever order their keys came in.
pub fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_unstable();
            out.push(b'{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                serde_json::to_writer(&mut *out, key).expect("a string serialises");
                out.push(b':');
                write_canonical(&map[key], out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        other => serde_json::to_writer(&mut *out, other).expect("a scalar serialises"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_canonical_form_sorts_keys_at_every_depth() {
        let mut out = Vec::new();
        write_canonical(&json!({"b": [{"z": 1, "a": "x"}], "a": null, "é": 1.5}), &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), r#"{"a":null,"b":[{"a":"x","z":1}],"é":1.5}"#);
    }

    #[test]
    fn the_hash_is_the_head_of_the_sha256_of_kind_newline_canonical_json() {
        // Computed outside Rust: printf 'k\n{"a":1}' | sha256sum | cut -c1-32
        let expected = "4cdbc37b3c3f891d14ff7a20b1608748";
        assert_eq!(RevHash::of("k", &json!({"a": 1})).as_str(), expected);
        assert_eq!(expected.len(), 32);
        assert_ne!(RevHash::of("k2", &json!({"a": 1})), RevHash::of("k", &json!({"a": 1})));
    }

    #[test]
    fn revisions_parse_and_print() {
        let r: Revision = "3-abc123".parse().unwrap();
        assert_eq!((r.generation, r.hash.as_str()), (3, "abc123"));
        assert_eq!(r.to_string(), "3-abc123");
        for bad in ["abc", "0-abc", "x-abc", "1-", "1-a/b"] {
            assert!(bad.parse::<Revision>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_history_grows_only_on_change_and_knows_its_ancestors() {
        let h = |s: &str| RevHash::try_from(s.to_owned()).unwrap();
        let mut history = RevisionHistory::new();
        assert_eq!(history.current(), None);
        assert!(history.note(h("aa")));
        assert!(!history.note(h("aa")));
        assert!(history.note(h("bb")));
        assert_eq!(history.current().unwrap().to_string(), "2-bb");
        assert!(history.contains(&"1-aa".parse().unwrap()));
        assert!(!history.contains(&"1-bb".parse().unwrap()));
        assert!(!history.contains(&"3-cc".parse().unwrap()));
        assert_eq!(history.to_revisions(), json!({"start": 2, "ids": ["bb", "aa"]}));
    }
}
