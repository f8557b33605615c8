//! The four questionnaires of DOMAIN.md §2, shipped with the core so everything works out of the box.

use super::Questionnaire;

/// A built-in questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Builtin {
    /// 营业厅服务满意度: the hall kiosk survey (§2.1).
    Hall,
    /// 服务回访: the callback interview (§2.2).
    Callback,
    /// 营业厅第三方测评: the evaluation checklist (§2.3).
    Evaluation,
    /// 服务特性调查: the Kano study (§2.4).
    Kano,
}

impl Builtin {
    /// Every built-in questionnaire.
    pub const ALL: [Builtin; 4] = [Builtin::Hall, Builtin::Callback, Builtin::Evaluation, Builtin::Kano];

    /// Its questionnaire's id (`hall`, `callback`, `evaluation`, `kano`), known without parsing it.
    pub fn id(self) -> &'static str {
        match self {
            Builtin::Hall => "hall",
            Builtin::Callback => "callback",
            Builtin::Evaluation => "evaluation",
            Builtin::Kano => "kano",
        }
    }

    /// The built-in questionnaire with this id, if any.
    pub fn with_id(id: &str) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|b| b.id() == id)
    }

    /// Its JSON text.
    #[inline]
    pub fn json(self) -> &'static str {
        match self {
            Builtin::Hall => include_str!("hall.json"),
            Builtin::Callback => include_str!("callback.json"),
            Builtin::Evaluation => include_str!("evaluation.json"),
            Builtin::Kano => include_str!("kano.json"),
        }
    }

    /// The questionnaire. (Inlined: a caller that names one built-in links only its JSON.)
    #[inline]
    pub fn questionnaire(self) -> Questionnaire {
        let name = format!("built-in {self:?}");
        Questionnaire::from_json(self.json(), &name).expect("built-in questionnaires are valid (tested)")
    }
}

/// Every built-in questionnaire, parsed.
pub fn all() -> Vec<Questionnaire> {
    Builtin::ALL.iter().map(|b| b.questionnaire()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::item::ItemKind;

    #[test]
    fn each_builtin_is_found_by_the_id_its_json_gives() {
        for b in Builtin::ALL {
            assert_eq!(b.questionnaire().id.as_str(), b.id());
            assert_eq!(Builtin::with_id(b.id()), Some(b));
        }
        assert_eq!(Builtin::with_id("nowhere"), None);
    }

    #[test]
    fn every_builtin_is_valid_and_round_trips() {
        for b in Builtin::ALL {
            let q = b.questionnaire();
            let again = Questionnaire::from_json(&q.to_json(), "round trip").unwrap();
            assert_eq!(q, again, "{b:?}");
        }
    }

    #[test]
    fn hall_has_the_items_of_the_brief() {
        let q = Builtin::Hall.questionnaire();
        let scored: Vec<&str> =
            q.items.iter().filter(|i| i.dimension.is_some()).map(|i| i.id.as_str()).collect();
        assert_eq!(
            scored,
            [
                "guide",
                "wait",
                "queue_fair",
                "courtesy",
                "speed",
                "right_first_time",
                "explained",
                "kiosk_ease",
                "kiosk_fit",
                "environment"
            ]
        );
        assert!(q.item("kiosk_ease").unwrap().kind.offers_not_applicable());
        assert!(!q.item("guide").unwrap().kind.offers_not_applicable());
        assert_eq!(q.scoring.overall.as_ref().map(|i| i.as_str()), Some("overall"));
    }

    #[test]
    fn evaluation_sections_and_red_lines() {
        let q = Builtin::Evaluation.questionnaire();
        let weights: Vec<f64> = q.dimensions.iter().map(|d| d.weight).collect();
        assert_eq!(weights, [15.0, 15.0, 30.0, 25.0, 15.0]);
        let red: Vec<&str> = q
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::YesNo { red_line: true, .. }))
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(red, ["quarrel", "unapproved_fees", "three_designations"]);
    }

    #[test]
    fn kano_has_ten_pairs() {
        let q = Builtin::Kano.questionnaire();
        assert_eq!(q.items.iter().filter(|i| matches!(i.kind, ItemKind::KanoPair { .. })).count(), 10);
    }
}
