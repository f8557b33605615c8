//! The content hash of a response: two copies of a response are equal (as `Response`'s `==`,
//! which merging uses to tell a duplicate from a conflict) exactly when their hashes are, up to a
//! 64-bit collision.
//!
//! The hash covers every field, answers and notes in item-id order, and timestamps as instants
//! (chrono's `==` ignores the offset: 09:00+08:00 and 01:00Z are the same time). It is the
//! multiply–rotate hash of [`super::fx`] with a final mix: no keys, no OS randomness, the same in
//! every run. Each step is a bijection of the state for a given input word, so copies that differ
//! in one word of what is hashed (a rating, a choice, a status: the usual conflict) always hash
//! apart; other differences go unnoticed only by a chance collision of about 2⁻⁶⁴ per conflicting
//! pair. (SipHash made imports a tenth slower.)

use super::fx::Fx;
use crate::questionnaire::item::ItemId;
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::disposition::Disposition;
use crate::response::tags::{BusinessType, CustomerClass, FREE_TAGS};
use crate::response::validate::AnswerSet;
use crate::response::{Channel, Status};
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;
use std::hash::Hash;

/// The fields of a response other than its answers and notes, borrowed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'a> {
    pub id: u128,
    pub questionnaire: (&'a str, u32),
    pub channel: Channel,
    pub status: Status,
    /// The free tags, in the order of [`crate::response::tags::TagKey::FREE`].
    pub tags: [Option<&'a str>; FREE_TAGS],
    pub business_type: Option<BusinessType>,
    pub customer_class: Option<CustomerClass>,
    pub started_at: DateTime<FixedOffset>,
    pub submitted_at: Option<DateTime<FixedOffset>>,
    pub disposition: Option<Disposition>,
}

fn instant(h: &mut Fx, t: Option<&DateTime<FixedOffset>>) {
    t.map(|t| (t.timestamp(), t.timestamp_subsec_nanos())).hash(h);
}

fn answer(h: &mut Fx, a: &Answer) {
    std::mem::discriminant(a).hash(h);
    match a {
        Answer::Rating(x) => x.hash(h),
        Answer::NotApplicable | Answer::Yes | Answer::No => {}
        Answer::Choice(c) => c.as_str().hash(h),
        Answer::Choices(cs) => {
            cs.len().hash(h);
            cs.iter().for_each(|c| c.as_str().hash(h));
        }
        // 0.0 == −0.0 for `==`, so both hash alike; answers are finite (checked).
        Answer::Number(x) => (if *x == 0.0 { 0.0f64 } else { *x }).to_bits().hash(h),
        Answer::Text(t) => t.hash(h),
        Answer::Kano(k) => (k.functional.code(), k.dysfunctional.code()).hash(h),
    }
}

/// The hash of a response to `q` with these fields, answers and notes.
pub(crate) fn content_hash(
    q: &Questionnaire,
    f: &Fields,
    answers: &impl AnswerSet,
    notes: &BTreeMap<ItemId, String>,
) -> u64 {
    let mut h = Fx::default();
    f.id.hash(&mut h);
    f.questionnaire.hash(&mut h);
    (f.channel, f.status, f.tags, f.business_type, f.customer_class, f.disposition).hash(&mut h);
    instant(&mut h, Some(&f.started_at));
    instant(&mut h, f.submitted_at.as_ref());
    let _ = answers.try_each(q, |id, _, a| {
        id.hash(&mut h);
        answer(&mut h, a);
        Ok::<(), ()>(())
    });
    // A separator, so answers and notes cannot run into each other.
    0xFFu8.hash(&mut h);
    for (id, note) in notes {
        (id.as_str(), note).hash(&mut h);
    }
    h.finish_mixed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::builtin::Builtin;
    use crate::sample::{sample, SampleKind, SampleOptions};

    fn hash_of(q: &Questionnaire, r: &crate::response::Response) -> u64 {
        let f = Fields {
            id: r.id.0.as_u128(),
            questionnaire: (r.questionnaire.id.as_str(), r.questionnaire.version),
            channel: r.channel,
            status: r.status,
            tags: r.tags.free(),
            business_type: r.tags.business_type,
            customer_class: r.tags.customer_class,
            started_at: r.started_at,
            submitted_at: r.submitted_at,
            disposition: r.disposition,
        };
        content_hash(q, &f, &r.answers, &r.notes)
    }

    #[test]
    fn equal_responses_hash_alike_and_any_change_shows() {
        let q = Builtin::Hall.questionnaire();
        let rs = sample(SampleKind::Hall, &SampleOptions { count: 50, ..SampleOptions::default() });
        let r = &rs[0];
        assert_eq!(hash_of(&q, r), hash_of(&q, &r.clone()));
        // The same instant in another offset is the same response (as `==` says).
        let mut utc = r.clone();
        utc.started_at = r.started_at.with_timezone(&FixedOffset::east_opt(0).unwrap());
        assert_eq!(utc, *r);
        assert_eq!(hash_of(&q, &utc), hash_of(&q, r));
        let mut changed = r.clone();
        changed.answers.insert(ItemId::new("wait"), Answer::Rating(1));
        changed.answers.insert(ItemId::new("guide"), Answer::Rating(2));
        assert_ne!(changed, *r);
        assert_ne!(hash_of(&q, &changed), hash_of(&q, r));
        let mut noted = r.clone();
        noted.notes.insert(ItemId::new("wait"), "long".into());
        assert_ne!(hash_of(&q, &noted), hash_of(&q, r));
        let distinct: std::collections::HashSet<u64> = rs.iter().map(|r| hash_of(&q, r)).collect();
        assert_eq!(distinct.len(), rs.len());
    }
}
