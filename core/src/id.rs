//! Identifier newtypes: item, dimension, questionnaire and tag values are never bare strings.

/// Defines a string newtype for an identifier with serde as a plain string.
macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The identifier from a string (not validated here; questionnaires validate their ids).
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

pub(crate) use string_id;

/// Whether `id` is a stable machine id: lower-case ASCII letters, digits and `_`, starting with a letter.
///
/// Item ids become column names of every export, so they must survive any spreadsheet program.
pub fn is_machine_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::is_machine_id;

    #[test]
    fn machine_ids() {
        assert!(is_machine_id("right_first_time"));
        assert!(is_machine_id("q2"));
        assert!(!is_machine_id("2q"));
        assert!(!is_machine_id("Wait"));
        assert!(!is_machine_id("wait time"));
        assert!(!is_machine_id(""));
    }
}
