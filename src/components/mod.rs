//! Question widgets and small pieces of the screens. They get data and callbacks only; none of
//! them reads the app's state or storage.

mod choice;
mod faces;
mod item;
mod kano_pair;
mod language;
mod multi_choice;
mod number;
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
pub use progress::Progress;
pub use results_tables::{IndexTable, ResponseTable};
pub use text::TextAnswer;
pub use yes_no::YesNo;
