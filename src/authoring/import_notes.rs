//! What a SurveyJS import skipped, renamed or changed, listed above the converted draft: each with
//! its JSON path, its SurveyJS type or property, what happened and why, in the interface language.

use super::texts::A;
use manyi_core::questionnaire::surveyjs::Note;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`ImportNotes`].
#[derive(Properties, PartialEq, Clone)]
pub struct ImportNotesProps {
    /// The notes of the conversion.
    pub notes: Vec<Note>,
    /// The interface language.
    pub lang: Lang,
}

/// The list of notes (or a line saying there are none).
#[function_component(ImportNotes)]
pub fn import_notes(p: &ImportNotesProps) -> Html {
    let lang = p.lang;
    if p.notes.is_empty() {
        return html! { <section class="import-notes" role="status"><p>{ A::ImportedAll.get(lang) }</p></section> };
    }
    let rows = p.notes.iter().map(|n| {
        html! {
            <tr data-action={format!("{:?}", n.action).to_lowercase()}>
                <td><code>{ if n.path.is_empty() { "—" } else { n.path.as_str() } }</code></td>
                <td><code>{ &n.what }</code></td>
                <td>{ n.action.label().get(lang) }</td>
                <td>{ n.text.get(lang) }</td>
            </tr>
        }
    });
    html! {
        <details class="import-notes editor-part" open=true>
            <summary>{ format!("{} ({})", A::ImportedNotes.get(lang), p.notes.len()) }</summary>
            <table>
                <thead><tr>
                    <th scope="col">{ A::Where.get(lang) }</th>
                    <th scope="col">{ A::What.get(lang) }</th>
                    <th scope="col">{ A::Action.get(lang) }</th>
                    <th scope="col">{ A::Why.get(lang) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </details>
    }
}
