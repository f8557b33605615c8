//! Authoring: staff make and change questionnaires of every kind (items, scales and labels in
//! both languages, dimensions and weights, show-if conditions, checklist sections, red lines,
//! time curves), see what core finds wrong as they go, save them by core's version rule and
//! move them between devices as JSON files.

mod condition;
mod editor_page;
mod fields;
mod header_editor;
mod import_notes;
mod item_editor;
pub mod library;
mod list;
mod state;
pub mod texts;

pub use editor_page::EditorPage;
