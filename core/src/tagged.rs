//! Reading an internally tagged enum (`{"type": "rating", "scale": "satisfaction"}`) through a
//! struct of every variant's fields and the tag, instead of serde's `#[serde(tag = …)]`: that
//! attribute reads each object into serde's buffer of untagged content first, and the buffer's
//! code (its deserializer for every type read through it) was about a seventh of the wasm of the
//! pages that read questionnaires and settings (the kiosk, the field app). The JSON is the same:
//! the enums still serialise with `#[serde(tag = …)]`, and reading stays as strict (a field the
//! variant does not have, or a missing one, is an error naming it).

/// Whether each field of an object is set: its JSON name and whether it was there.
pub(crate) type Present<'a> = [(&'a str, bool)];

/// Fails on the first field of `present` that is set but is not one of `allowed`, the fields of
/// the variant `tag`.
pub(crate) fn only(tag: &str, present: &Present, allowed: &[&str]) -> Result<(), String> {
    match present.iter().find(|(name, set)| *set && !allowed.contains(name)) {
        Some((name, _)) if allowed.is_empty() => {
            Err(format!("unknown field `{name}`: `{tag}` has no fields"))
        }
        Some((name, _)) => {
            let expected: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
            Err(format!("unknown field `{name}` of `{tag}`, expected {}", expected.join(" or ")))
        }
        None => Ok(()),
    }
}

/// The value of a field the variant must have.
pub(crate) fn required<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

/// Implements `Deserialize` for `$enum` by reading `$fields` (a struct with
/// `#[serde(deny_unknown_fields)]`) and converting it with `TryFrom`.
macro_rules! deserialize_through {
    ($enum:ty, $fields:ty) => {
        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let fields = <$fields as serde::Deserialize>::deserialize(d)?;
                <$enum>::try_from(fields).map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use deserialize_through;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_that_does_not_belong_or_is_missing() {
        let present = [("scale", true), ("options", false), ("red_line", true)];
        assert_eq!(
            only("rating", &present, &["scale", "not_applicable"]).unwrap_err(),
            "unknown field `red_line` of `rating`, expected `scale` or `not_applicable`"
        );
        assert_eq!(
            only("recommend", &present, &[]).unwrap_err(),
            "unknown field `scale`: `recommend` has no fields"
        );
        assert_eq!(only("yes_no", &[("red_line", true)], &["not_applicable", "red_line"]), Ok(()));
        assert_eq!(required::<u8>(None, "scale").unwrap_err(), "missing field `scale`");
        assert_eq!(required(Some(3), "scale"), Ok(3));
    }
}
