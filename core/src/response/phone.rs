//! The call-back phone number (DOMAIN.md §5): a mainland mobile (11 digits, `1[3-9]…`) or a
//! landline with its area code (`0` + 2–3 digits, then 7–8 digits, an optional extension).
//! Anything else is refused with a [`PhoneProblem`] that says what is wrong, so the screen can say
//! it in the person's language before the response is stored.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest extension taken (分机号).
pub const MAX_EXTENSION: usize = 6;

/// A phone number that keeps the rule, in its stored form: `13812345678`, `0571-87654321`,
/// `010-12345678-8001` (with an extension).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PhoneNumber {
    /// A mainland mobile: 11 digits.
    Mobile(String),
    /// A landline.
    Landline {
        /// The area code with its leading 0: `010`, `021`, `0571`.
        area: String,
        /// The local number, 7 or 8 digits.
        number: String,
        /// The extension, if any.
        extension: Option<String>,
    },
}

/// Why a text is not a call-back phone number: what is wrong, with what was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum PhoneProblem {
    /// Nothing was typed.
    Empty,
    /// A character that is neither a digit nor a separator (space, `-`, brackets).
    Character {
        /// The character.
        found: char,
    },
    /// A mobile number (it begins with 1) without 11 digits.
    MobileLength {
        /// The digits typed.
        digits: usize,
    },
    /// A number beginning with 1 whose second digit is not 3–9: no mainland mobile is like that.
    MobilePrefix,
    /// A landline (it begins with 0) whose local number, after the area code, is not 7 or 8 digits.
    LandlineLength {
        /// The digits after the area code.
        digits: usize,
    },
    /// 7 or 8 digits without an area code: a landline needs it.
    AreaCodeMissing,
    /// Neither a mobile nor a landline: it begins with neither 1 nor 0.
    Unknown,
    /// An extension on a mobile number, or one longer than [`MAX_EXTENSION`] digits.
    Extension,
}

impl fmt::Display for PhoneProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhoneProblem::Empty => write!(f, "no phone number was given"),
            PhoneProblem::Character { found } => {
                write!(f, "`{found}` is not a digit; write only digits, e.g. 13812345678 or 0571-87654321")
            }
            PhoneProblem::MobileLength { digits } => {
                write!(f, "a mobile number has 11 digits, not {digits}")
            }
            PhoneProblem::MobilePrefix => write!(f, "a mobile number begins with 13 to 19"),
            PhoneProblem::LandlineLength { digits } => write!(
                f,
                "a landline has 7 or 8 digits after its area code, not {digits}; e.g. 0571-87654321"
            ),
            PhoneProblem::AreaCodeMissing => {
                write!(f, "a landline needs its area code first, e.g. 0571-87654321")
            }
            PhoneProblem::Unknown => write!(
                f,
                "not a phone number: a mobile begins with 1 (11 digits), a landline with its area code 0…"
            ),
            PhoneProblem::Extension => write!(
                f,
                "an extension follows a landline only, at most {MAX_EXTENSION} digits (0571-87654321-8001)"
            ),
        }
    }
}

impl std::error::Error for PhoneProblem {}

/// Full-width digits and punctuation (as a Chinese input method types them) in ASCII.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '－' | '—' | '–' => '-',
        '（' => '(',
        '）' => ')',
        '＋' => '+',
        '＃' => '#',
        '\u{3000}' => ' ',
        other => other,
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '(' | ')' | '.')
}

/// The text split at its extension marker (`转`, `分机`, `ext`, `x`, `#`), if it has one.
fn split_extension(text: &str) -> (&str, Option<&str>) {
    for marker in ["分机", "转", "ext.", "ext", "EXT", "x", "X", "#"] {
        if let Some((main, ext)) = text.split_once(marker) {
            return (main, Some(ext));
        }
    }
    (text, None)
}

/// The length of the area code (with its 0) of a landline's digits: the mainland's two-digit
/// codes are 10 and 20–29 (`010` Beijing, `021` Shanghai …); every other code has three.
fn area_length(digits: &str) -> usize {
    let b = digits.as_bytes();
    match (b.get(1), b.get(2)) {
        (Some(b'1'), Some(b'0')) | (Some(b'2'), _) => 3,
        _ => 4,
    }
}

impl PhoneNumber {
    /// Reads a typed number: spaces, dashes, dots and brackets may separate the digits; full-width
    /// digits count; a `+86` or `0086` before a mobile is dropped; an extension follows `转`,
    /// `分机`, `ext`, `x`, `#` or a dash after the 7–8 local digits.
    pub fn parse(text: &str) -> Result<PhoneNumber, PhoneProblem> {
        let text: String = text.trim().chars().map(half_width).collect();
        if text.is_empty() {
            return Err(PhoneProblem::Empty);
        }
        let (main, extension) = split_extension(&text);
        let mut digits = String::new();
        for c in main.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if digits.is_empty() => digits.push(c),
                c if is_separator(c) => {}
                found => return Err(PhoneProblem::Character { found }),
            }
        }
        let extension = match extension.map(|e| e.trim_matches(|c: char| is_separator(c) || c == '.')) {
            Some(e) if e.is_empty() || e.len() > MAX_EXTENSION => return Err(PhoneProblem::Extension),
            Some(e) => match e.chars().find(|c| !c.is_ascii_digit()) {
                Some(found) => return Err(PhoneProblem::Character { found }),
                None => Some(e.to_owned()),
            },
            None => None,
        };
        let national = digits
            .strip_prefix("+86")
            .or_else(|| digits.strip_prefix("0086"))
            .filter(|rest| rest.starts_with('1'))
            .unwrap_or(&digits);
        if national.starts_with('+') {
            return Err(PhoneProblem::Character { found: '+' });
        }
        match national.as_bytes().first() {
            Some(b'1') => {
                if national.len() != 11 {
                    return Err(PhoneProblem::MobileLength { digits: national.len() });
                }
                if !matches!(national.as_bytes()[1], b'3'..=b'9') {
                    return Err(PhoneProblem::MobilePrefix);
                }
                if extension.is_some() {
                    return Err(PhoneProblem::Extension);
                }
                Ok(PhoneNumber::Mobile(national.to_owned()))
            }
            Some(b'0') => {
                let area = area_length(national);
                let local = national.get(area..).unwrap_or("");
                match (local.len(), extension) {
                    (7 | 8, extension) => Ok(PhoneNumber::Landline {
                        area: national[..area].to_owned(),
                        number: local.to_owned(),
                        extension,
                    }),
                    // 0571-87654321-8001 typed with dashes only: the last group is the extension.
                    (n, None) if n > 8 && main.contains('-') => {
                        let (head, ext) = main.rsplit_once('-').expect("contains a dash");
                        match PhoneNumber::parse(head)? {
                            PhoneNumber::Landline { area, number, extension: None } => {
                                let ext = ext.trim();
                                if ext.is_empty() || ext.len() > MAX_EXTENSION {
                                    return Err(PhoneProblem::Extension);
                                }
                                Ok(PhoneNumber::Landline { area, number, extension: Some(ext.to_owned()) })
                            }
                            _ => Err(PhoneProblem::LandlineLength { digits: n }),
                        }
                    }
                    (n, _) => Err(PhoneProblem::LandlineLength { digits: n }),
                }
            }
            Some(_) if (7..=8).contains(&national.len()) => Err(PhoneProblem::AreaCodeMissing),
            _ => Err(PhoneProblem::Unknown),
        }
    }
}

impl fmt::Display for PhoneNumber {
    /// The stored form: `13812345678`, `0571-87654321`, `0571-87654321-8001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhoneNumber::Mobile(digits) => write!(f, "{digits}"),
            PhoneNumber::Landline { area, number, extension } => {
                write!(f, "{area}-{number}")?;
                match extension {
                    Some(e) => write!(f, "-{e}"),
                    None => Ok(()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(text: &str) -> String {
        PhoneNumber::parse(text).unwrap_or_else(|p| panic!("{text}: {p}")).to_string()
    }

    #[test]
    fn mobiles_are_eleven_digits_from_13_to_19() {
        assert_eq!(stored("13812345678"), "13812345678");
        assert_eq!(stored(" 138 1234 5678 "), "13812345678");
        assert_eq!(stored("138-1234-5678"), "13812345678");
        assert_eq!(stored("+86 199 0000 1111"), "19900001111");
        assert_eq!(stored("0086 13812345678"), "13812345678");
        // Full-width digits, as a Chinese input method types them.
        assert_eq!(stored("１３８１２３４５６７８"), "13812345678");
        assert_eq!(PhoneNumber::parse("1381234"), Err(PhoneProblem::MobileLength { digits: 7 }));
        assert_eq!(PhoneNumber::parse("138123456789"), Err(PhoneProblem::MobileLength { digits: 12 }));
        assert_eq!(PhoneNumber::parse("12012345678"), Err(PhoneProblem::MobilePrefix));
        assert_eq!(PhoneNumber::parse("13812345678转1"), Err(PhoneProblem::Extension));
    }

    #[test]
    fn landlines_have_their_area_code() {
        // Two-digit area codes (010, 02x): 010 + 8 digits; three-digit ones: 0571 + 8 digits.
        assert_eq!(stored("010-12345678"), "010-12345678");
        assert_eq!(stored("01012345678"), "010-12345678");
        assert_eq!(stored("(021) 8765 4321"), "021-87654321");
        assert_eq!(stored("057187654321"), "0571-87654321");
        assert_eq!(stored("0571-8765432"), "0571-8765432");
        assert_eq!(stored("0571-87654321转8001"), "0571-87654321-8001");
        assert_eq!(stored("0571-87654321 ext 8001"), "0571-87654321-8001");
        assert_eq!(stored("0571-87654321-8001"), "0571-87654321-8001");
        assert_eq!(PhoneNumber::parse("0571-876543"), Err(PhoneProblem::LandlineLength { digits: 6 }));
        assert_eq!(PhoneNumber::parse("87654321"), Err(PhoneProblem::AreaCodeMissing));
        assert_eq!(PhoneNumber::parse("0571-87654321转1234567"), Err(PhoneProblem::Extension));
    }

    #[test]
    fn anything_else_is_refused_with_what_is_wrong() {
        assert_eq!(PhoneNumber::parse(""), Err(PhoneProblem::Empty));
        assert_eq!(PhoneNumber::parse("  "), Err(PhoneProblem::Empty));
        assert_eq!(PhoneNumber::parse("138abc"), Err(PhoneProblem::Character { found: 'a' }));
        assert_eq!(PhoneNumber::parse("12345"), Err(PhoneProblem::MobileLength { digits: 5 }));
        assert_eq!(PhoneNumber::parse("95598"), Err(PhoneProblem::Unknown));
        assert_eq!(PhoneNumber::parse("+1 650 253 0000"), Err(PhoneProblem::Character { found: '+' }));
    }
}
