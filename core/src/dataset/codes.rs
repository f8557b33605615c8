//! One-byte codes for answers, per item of a questionnaire: 0 missing, 255 N/A, 254 "kept in the
//! side table", and 1–253 for a scale point (from the scale's lowest), a yes/no, a choice (by
//! option position) or a Kano pair (1 + 5·(functional − 1) + (dysfunctional − 1)).

use super::fx::FxBuild;
use crate::questionnaire::item::{ChoiceCode, ItemKind};
use crate::questionnaire::Questionnaire;
use crate::response::answer::{Answer, KanoPairAnswer};
use crate::scoring::kano::KanoAnswer;
use std::collections::HashMap;

/// No answer.
pub(crate) const MISSING: u8 = 0;
/// The answer is in the side table.
pub(crate) const SIDE: u8 = 254;
/// 未使用/不适用.
pub(crate) const NOT_APPLICABLE: u8 = 255;
/// The highest code of a value.
const LAST: i64 = 253;

/// How an item's answers are coded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Coding {
    /// A rating or recommend item: point − lowest + 1.
    Points { lowest: i32 },
    /// Yes 1, no 2.
    YesNo,
    /// A single choice: option position + 1.
    Choice(Vec<ChoiceCode>),
    /// A Kano pair.
    Kano,
    /// Text, numbers and multiple choices: always in the side table.
    Side,
}

impl Coding {
    /// The coding of `q`'s item `index`.
    pub fn of(q: &Questionnaire, index: usize) -> Coding {
        let item = &q.items[index];
        match &item.kind {
            ItemKind::Rating { .. } | ItemKind::Recommend => match q.rating_points(item) {
                Some(points) => Coding::Points { lowest: *points.start() },
                None => Coding::Side,
            },
            ItemKind::YesNo { .. } => Coding::YesNo,
            ItemKind::SingleChoice { options } => {
                Coding::Choice(options.iter().map(|o| o.code.clone()).collect())
            }
            ItemKind::KanoPair { .. } => Coding::Kano,
            ItemKind::MultipleChoice { .. } | ItemKind::Number { .. } | ItemKind::Text { .. } => Coding::Side,
        }
    }

    /// The code of `answer`: [`SIDE`] when it has none (it then goes to the side table).
    pub fn encode(&self, answer: &Answer) -> u8 {
        let value = |k: i64| if (0..LAST).contains(&k) { (k + 1) as u8 } else { SIDE };
        match (self, answer) {
            (_, Answer::NotApplicable) => NOT_APPLICABLE,
            (Coding::Points { lowest }, Answer::Rating(x)) => value(i64::from(*x) - i64::from(*lowest)),
            (Coding::YesNo, Answer::Yes) => 1,
            (Coding::YesNo, Answer::No) => 2,
            (Coding::Choice(options), Answer::Choice(c)) => {
                options.iter().position(|o| o == c).map_or(SIDE, |p| value(p as i64))
            }
            (Coding::Kano, Answer::Kano(k)) => {
                1 + 5 * (k.functional.code() - 1) + (k.dysfunctional.code() - 1)
            }
            _ => SIDE,
        }
    }

    /// The answer of `code`; `None` for [`MISSING`] and [`SIDE`].
    pub fn decode(&self, code: u8) -> Option<Answer> {
        match (self, code) {
            (_, MISSING | SIDE) => None,
            (_, NOT_APPLICABLE) => Some(Answer::NotApplicable),
            (Coding::Points { lowest }, c) => Some(Answer::Rating(lowest + i32::from(c) - 1)),
            (Coding::YesNo, 1) => Some(Answer::Yes),
            (Coding::YesNo, _) => Some(Answer::No),
            (Coding::Choice(options), c) => options.get(usize::from(c) - 1).cloned().map(Answer::Choice),
            (Coding::Kano, c) => {
                let pair = |n: u8| KanoAnswer::ALL[usize::from(n)];
                Some(Answer::Kano(KanoPairAnswer {
                    functional: pair((c - 1) / 5),
                    dysfunctional: pair((c - 1) % 5),
                }))
            }
            (Coding::Side, _) => None,
        }
    }
}

/// A questionnaire with what reading and coding its responses needs: each item's coding, its
/// index by id, and the items in id order (the order in which responses are checked and hashed).
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    pub q: Questionnaire,
    pub codings: Vec<Coding>,
    by_id: HashMap<String, usize, FxBuild>,
    /// Item indexes in the order of their ids (byte order, as `BTreeMap<ItemId, _>`).
    pub sorted: Vec<usize>,
}

impl Schema {
    pub fn new(q: Questionnaire) -> Schema {
        let codings = (0..q.items.len()).map(|i| Coding::of(&q, i)).collect();
        let by_id = q.items.iter().enumerate().rev().map(|(i, item)| (item.id.to_string(), i)).collect();
        let mut sorted: Vec<usize> = (0..q.items.len()).collect();
        sorted.sort_by(|a, b| q.items[*a].id.cmp(&q.items[*b].id));
        Schema { q, codings, by_id, sorted }
    }

    /// The index of the item with this id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.codings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::builtin::Builtin;

    #[test]
    fn every_coded_answer_decodes_to_itself() {
        for b in Builtin::ALL {
            let s = Schema::new(b.questionnaire());
            for (i, coding) in s.codings.iter().enumerate() {
                let mut answers = vec![Answer::NotApplicable, Answer::Yes, Answer::No];
                answers.extend((-1..=11).map(Answer::Rating));
                answers.extend(s.q.items[i].kind.options().iter().map(|o| Answer::Choice(o.code.clone())));
                for f in KanoAnswer::ALL {
                    for d in KanoAnswer::ALL {
                        answers.push(Answer::Kano(KanoPairAnswer { functional: f, dysfunctional: d }));
                    }
                }
                for a in answers {
                    match coding.encode(&a) {
                        SIDE => {}
                        code => assert_eq!(coding.decode(code), Some(a), "{b:?} item {i}"),
                    }
                }
            }
        }
    }

    #[test]
    fn codes_by_hand() {
        let s = Schema::new(Builtin::Hall.questionnaire());
        let wait = s.index("wait").unwrap();
        // 1–5 scale: point 4 is 4 − 1 + 1 = 4; 0 and 6 are off the coded range of this scale's
        // start, but still kept (in the side table).
        assert_eq!(s.codings[wait].encode(&Answer::Rating(4)), 4);
        assert_eq!(s.codings[wait].encode(&Answer::Rating(0)), SIDE);
        assert_eq!(s.codings[wait].encode(&Answer::Text("x".into())), SIDE);
        let business = s.index("business").unwrap();
        // Options payment, new_connection, …: repair is the fourth.
        assert_eq!(s.codings[business].encode(&Answer::Choice(ChoiceCode::new("repair"))), 4);
        let pair = KanoPairAnswer { functional: KanoAnswer::Like, dysfunctional: KanoAnswer::Dislike };
        assert_eq!(Coding::Kano.encode(&Answer::Kano(pair)), 5); // 1 + 5·0 + 4
        assert_eq!(s.index("comment").map(|i| &s.codings[i]), Some(&Coding::Side));
        let ids: Vec<&str> = s.sorted.iter().map(|&i| s.q.items[i].id.as_str()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}
