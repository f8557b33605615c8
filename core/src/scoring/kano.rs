//! Kano classification of quality attributes from paired functional / dysfunctional answers.

use serde::{Deserialize, Serialize};

/// An answer to one question of a Kano pair (1 like … 5 dislike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum KanoAnswer {
    /// 1 我喜欢 I like it.
    Like = 1,
    /// 2 理应如此 I expect it.
    Expect = 2,
    /// 3 无所谓 I am neutral.
    Neutral = 3,
    /// 4 能忍受 I can live with it.
    LiveWith = 4,
    /// 5 我不喜欢 I dislike it.
    Dislike = 5,
}

impl KanoAnswer {
    /// All answers in code order.
    pub const ALL: [KanoAnswer; 5] = [
        KanoAnswer::Like,
        KanoAnswer::Expect,
        KanoAnswer::Neutral,
        KanoAnswer::LiveWith,
        KanoAnswer::Dislike,
    ];

    /// The answer code 1–5.
    pub fn code(self) -> u8 {
        self as u8
    }
}

impl TryFrom<u8> for KanoAnswer {
    type Error = String;
    fn try_from(code: u8) -> Result<Self, Self::Error> {
        match code {
            1 => Ok(KanoAnswer::Like),
            2 => Ok(KanoAnswer::Expect),
            3 => Ok(KanoAnswer::Neutral),
            4 => Ok(KanoAnswer::LiveWith),
            5 => Ok(KanoAnswer::Dislike),
            other => Err(format!("`{other}` is not a Kano answer code; use 1 (like) to 5 (dislike)")),
        }
    }
}

impl From<KanoAnswer> for u8 {
    fn from(a: KanoAnswer) -> u8 {
        a.code()
    }
}
