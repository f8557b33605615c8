//! Whether a questionnaire can be run where staff want to run it: on the hall kiosk (a customer
//! alone with a tablet, no typing required, DOMAIN.md §1), at the call desk (an agent keys the
//! answers in) or on an evaluator's visit (a checklist). Each reason is data with its words in
//! both languages, so a screen can refuse the questionnaire and say why.

use crate::questionnaire::item::{ItemId, ItemKind};
use crate::questionnaire::{Mode, Questionnaire};
use crate::text::Text;

/// The most points a rating may have on the kiosk: one large button each on a tablet.
pub const KIOSK_MAX_POINTS: i32 = 20;

/// Where a questionnaire is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Station {
    /// The hall kiosk: the customer answers alone, by taps.
    Kiosk,
    /// The call desk: an agent reads the questions and keys the answers in.
    CallDesk,
    /// An evaluator's visit: a checklist.
    Evaluation,
}

impl Station {
    /// The mode of the questionnaires this station runs.
    pub fn mode(self) -> Mode {
        match self {
            Station::Kiosk => Mode::SelfCompleted,
            Station::CallDesk => Mode::Interviewer,
            Station::Evaluation => Mode::Checklist,
        }
    }
}

/// Why a questionnaire cannot be run at a station.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// It is meant to be filled in another way (a checklist, an interview, self-completion).
    Mode {
        /// Where it was to run.
        station: Station,
        /// Its mode.
        mode: Mode,
    },
    /// A Kano pair: answered in the Kano study, not in a kiosk's short survey.
    KanoPair(ItemId),
    /// A free-text item that must be answered: a kiosk customer is never required to type.
    RequiredText(ItemId),
    /// A rating with more points than a tablet shows as buttons.
    TooManyPoints {
        /// The item.
        item: ItemId,
        /// Its points.
        points: i32,
    },
}

impl Unfit {
    /// The item at fault, if the reason is one item.
    pub fn item(&self) -> Option<&ItemId> {
        match self {
            Unfit::Mode { .. } => None,
            Unfit::KanoPair(item) | Unfit::RequiredText(item) | Unfit::TooManyPoints { item, .. } => {
                Some(item)
            }
        }
    }

    /// What is wrong and what to do, in both languages.
    pub fn text(&self) -> Text {
        match self {
            Unfit::Mode { station, mode } => mode_text(*station, *mode),
            Unfit::KanoPair(item) => Text::new(
                format!("`{item}` 是 Kano 成对题：请在 Kano 调查中作答，不放在自助评价平板上"),
                format!("`{item}` is a Kano pair: it is answered in the Kano study, not on the hall kiosk"),
            ),
            Unfit::RequiredText(item) => Text::new(
                format!("`{item}` 是必答的文字题，而营业厅的客户从不被要求打字：请在编辑器中把它改为选答"),
                format!(
                    "`{item}` is a required free-text item, and a hall customer is never required to type: make it optional in the editor"
                ),
            ),
            Unfit::TooManyPoints { item, points } => Text::new(
                format!("`{item}` 的量表有 {points} 个分值，平板上最多显示 {KIOSK_MAX_POINTS} 个"),
                format!("`{item}` has a scale of {points} points; a tablet shows at most {KIOSK_MAX_POINTS}"),
            ),
        }
    }
}

fn mode_text(station: Station, mode: Mode) -> Text {
    let what = match mode {
        Mode::Checklist => Text::new(
            "这是测评清单，由测评员走访时填写",
            "This is a checklist, filled in by an evaluator on a visit",
        ),
        Mode::Interviewer => Text::new(
            "这是由访员读题、录入答案的问卷",
            "This questionnaire is read out by an interviewer who keys the answers in",
        ),
        Mode::SelfCompleted => Text::new(
            "这是由客户自己填写的问卷",
            "This questionnaire is filled in by the customers themselves",
        ),
    };
    let where_ = match station {
        Station::Kiosk => Text::new("不能放在营业厅的自助评价平板上", "so it cannot run on the hall kiosk"),
        Station::CallDesk => Text::new("不能作为回访脚本", "so it cannot be a callback script"),
        Station::Evaluation => Text::new("不能作为测评清单", "so it cannot be an evaluation checklist"),
    };
    Text::new(format!("{}，{}", what.zh, where_.zh), format!("{}, {}", what.en, where_.en))
}

/// Every reason `q` cannot run at `station` (empty: it can).
pub fn unfit(q: &Questionnaire, station: Station) -> Vec<Unfit> {
    let mut found = Vec::new();
    if q.mode != station.mode() {
        found.push(Unfit::Mode { station, mode: q.mode });
    }
    if station != Station::Kiosk {
        return found;
    }
    for item in &q.items {
        match &item.kind {
            ItemKind::KanoPair { .. } => found.push(Unfit::KanoPair(item.id.clone())),
            ItemKind::Text { .. } if item.required => found.push(Unfit::RequiredText(item.id.clone())),
            ItemKind::Rating { .. } => {
                let points = q.rating_points(item).map_or(0, |p| p.end() - p.start() + 1);
                if points > KIOSK_MAX_POINTS {
                    found.push(Unfit::TooManyPoints { item: item.id.clone(), points });
                }
            }
            _ => {}
        }
    }
    found
}

/// Whether `q` can run at `station`.
pub fn is_fit(q: &Questionnaire, station: Station) -> bool {
    unfit(q, station).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::builtin::Builtin;
    use crate::questionnaire::item::{Item, RatingScale, ScaleId};

    fn item<'q>(q: &'q mut Questionnaire, id: &str) -> &'q mut Item {
        q.items.iter_mut().find(|i| i.id.as_str() == id).unwrap()
    }

    #[test]
    fn each_builtin_runs_where_it_belongs() {
        let hall = Builtin::Hall.questionnaire();
        assert!(is_fit(&hall, Station::Kiosk));
        assert!(!is_fit(&hall, Station::CallDesk));
        assert!(is_fit(&Builtin::Callback.questionnaire(), Station::CallDesk));
        assert!(is_fit(&Builtin::Evaluation.questionnaire(), Station::Evaluation));
        let checklist = unfit(&Builtin::Evaluation.questionnaire(), Station::Kiosk);
        assert_eq!(checklist, [Unfit::Mode { station: Station::Kiosk, mode: Mode::Checklist }]);
        assert!(checklist[0].text().zh.contains("测评清单"), "{:?}", checklist[0].text());
        assert!(checklist[0].text().en.contains("cannot run on the hall kiosk"));
        let interview = unfit(&Builtin::Callback.questionnaire(), Station::Kiosk);
        assert_eq!(interview, [Unfit::Mode { station: Station::Kiosk, mode: Mode::Interviewer }]);
    }

    #[test]
    fn the_kano_study_is_self_completed_yet_refused_on_the_kiosk() {
        let kano = Builtin::Kano.questionnaire();
        let found = unfit(&kano, Station::Kiosk);
        // Ten pairs, each named, and nothing about the mode.
        assert_eq!(found.len(), 10);
        assert!(found.iter().all(|u| matches!(u, Unfit::KanoPair(_))));
        assert_eq!(found[0].item(), Some(&kano.items[0].id));
    }

    #[test]
    fn required_text_and_oversized_scales_are_refused_on_the_kiosk_only() {
        let mut q = Builtin::Hall.questionnaire();
        item(&mut q, "comment").required = true;
        q.scales.insert(ScaleId::new("wide"), RatingScale { min: 0, max: 20, labels: Vec::new() });
        item(&mut q, "wait").kind = ItemKind::Rating { scale: ScaleId::new("wide"), not_applicable: false };
        // 0–20 is 21 points, one more than a tablet shows.
        assert_eq!(
            unfit(&q, Station::Kiosk),
            [
                Unfit::TooManyPoints { item: ItemId::new("wait"), points: 21 },
                Unfit::RequiredText(ItemId::new("comment")),
            ]
        );
        q.scales.insert(ScaleId::new("wide"), RatingScale { min: 1, max: 20, labels: Vec::new() });
        assert_eq!(unfit(&q, Station::Kiosk), [Unfit::RequiredText(ItemId::new("comment"))]);
        // An interviewer may well be required to note a text.
        q.mode = Mode::Interviewer;
        assert!(is_fit(&q, Station::CallDesk));
    }
}
