//! The five answers to one question of a Kano pair, and their continuous (DuMouchel) scores.

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

    /// What the respondent sees: 我喜欢 I like it … 我不喜欢 I dislike it.
    pub fn label(self) -> crate::Text {
        let (zh, en) = match self {
            KanoAnswer::Like => ("我喜欢", "I like it"),
            KanoAnswer::Expect => ("理应如此", "I expect it"),
            KanoAnswer::Neutral => ("无所谓", "I am neutral"),
            KanoAnswer::LiveWith => ("能忍受", "I can live with it"),
            KanoAnswer::Dislike => ("我不喜欢", "I dislike it"),
        };
        crate::Text::new(zh, en)
    }

    /// DuMouchel's continuous score of this answer to the functional question
    /// ("if the service had it"): like 4, expect 2, neutral 0, live-with −1, dislike −2.
    pub fn functional_score(self) -> f64 {
        match self {
            KanoAnswer::Like => 4.0,
            KanoAnswer::Expect => 2.0,
            KanoAnswer::Neutral => 0.0,
            KanoAnswer::LiveWith => -1.0,
            KanoAnswer::Dislike => -2.0,
        }
    }

    /// DuMouchel's continuous score of this answer to the dysfunctional question
    /// ("if it did not"): like −2, expect −1, neutral 0, live-with 2, dislike 4.
    pub fn dysfunctional_score(self) -> f64 {
        match self {
            KanoAnswer::Like => -2.0,
            KanoAnswer::Expect => -1.0,
            KanoAnswer::Neutral => 0.0,
            KanoAnswer::LiveWith => 2.0,
            KanoAnswer::Dislike => 4.0,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde() {
        for a in KanoAnswer::ALL {
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, a.code().to_string());
            assert_eq!(serde_json::from_str::<KanoAnswer>(&json).unwrap(), a);
        }
        assert!(serde_json::from_str::<KanoAnswer>("6").is_err());
    }

    #[test]
    fn dumouchel_scores_are_mirror_images() {
        // The dysfunctional scale is the functional one read backwards (DOMAIN.md §3).
        let f: Vec<f64> = KanoAnswer::ALL.iter().map(|a| a.functional_score()).collect();
        let mut d: Vec<f64> = KanoAnswer::ALL.iter().map(|a| a.dysfunctional_score()).collect();
        d.reverse();
        assert_eq!(f, vec![4.0, 2.0, 0.0, -1.0, -2.0]);
        assert_eq!(d, f);
    }
}
