//! The export buttons: the workbook of `manyi export` (XLSX), each table as CSV with a BOM, the
//! results as JSON, and the merged responses as a re-importable Manyi JSON bundle. The weights
//! used travel in each (the `weights` table; the `formulas` sheet and `about` say how).

use super::protocol::Download;
use super::state::Results;
use super::texts::T;
use manyi_core::Lang;
use yew::prelude::*;

/// The export section; `on_download` makes and offers the file.
pub fn export(r: &Results, on_download: &Callback<Download>, lang: Lang) -> Html {
    let button = |what: Download, label: String, id: &str| {
        let cb = on_download.clone();
        html! {
            <button type="button" id={id.to_owned()} onclick={move |_| cb.emit(what.clone())}>{ label }</button>
        }
    };
    // The tables this export holds, in the order of the workbook's sheets.
    let mut tables = vec!["responses", "index"];
    if !r.analysis.kano.is_empty() {
        tables.push("kano");
    }
    if r.analysis.drivers.is_ok() {
        tables.push("drivers");
    }
    tables.extend(["weights", "dictionary"]);
    html! {
        <section class="an-export" aria-labelledby="an-export-title">
            <h2 id="an-export-title">{ T::ExportTitle.get(lang) }</h2>
            <p class="note">{ T::ExportNote.get(lang) }</p>
            <p class="an-export-buttons">
                { button(Download::Xlsx, T::Xlsx.get(lang).to_owned(), "an-export-xlsx") }
                { button(Download::Json, T::Json.get(lang).to_owned(), "an-export-json") }
                { button(Download::Bundle, T::Bundle.get(lang).to_owned(), "an-export-bundle") }
            </p>
            <p class="an-export-buttons">
                { for tables.iter().map(|t| button(
                    Download::Csv((*t).to_owned()),
                    format!("{} {t}.csv", T::Csv.get(lang)),
                    &format!("an-export-csv-{t}"),
                )) }
            </p>
        </section>
    }
}
