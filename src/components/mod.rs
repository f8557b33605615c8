//! Question widgets and small pieces of the screens. They get data and callbacks only; none of
//! them reads the app's state or storage.

mod choice;
mod faces;
mod item;
mod kano_pair;
mod language;
mod multi_choice;
mod number;
mod phone;
mod progress;
mod results_tables;
mod text;
mod yes_no;

pub use choice::{SingleChoice, SingleChoiceProps};
pub use faces::{RatingFaces, RatingFacesProps};
pub use item::{ItemView, ItemViewProps};
pub use kano_pair::{KanoPairProps, KanoPairView};
pub use language::LanguageSwitch;
pub use multi_choice::{MultipleChoice, MultipleChoiceProps};
pub use number::{NumberAnswer, NumberAnswerProps};
pub use phone::{phone_problem, PhoneAnswer, PhoneAnswerProps};
pub use progress::Progress;
pub use results_tables::{IndexTable, ResponseTable};
pub use text::TextAnswer;
pub use yes_no::YesNo;

/// Whether the kiosk has a widget for an item of this kind (the others come with later work).
pub fn kiosk_can_show(kind: &manyi_core::questionnaire::item::ItemKind) -> bool {
    use manyi_core::questionnaire::item::ItemKind;
    matches!(
        kind,
        ItemKind::Rating { .. }
            | ItemKind::Recommend
            | ItemKind::SingleChoice { .. }
            | ItemKind::YesNo { .. }
            | ItemKind::Text { .. }
    )
}
