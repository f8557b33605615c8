//! Import and export, and the settings of the desk: the call-list file picked and what it gave
//! (kept, already listed, bad rows with their lines), the export buttons, the staff setting for
//! phone numbers and the calling rules in force.

use super::effects::{self, ExportKind};
use super::queue::PanelProps;
use super::state::{Desk, DeskAction, ImportReport, Settings};
use super::texts::T;
use chrono::Weekday;
use manyi_core::callback::export::Privacy;
use manyi_core::callback::files::TABLES;
use manyi_core::callback::SchedulingRules;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::session::fitness::{is_fit, Station};
use manyi_core::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

fn report(r: &ImportReport, lang: Lang) -> Html {
    let rejected = (!r.rejected.is_empty()).then(|| {
        html! {
            <table class="cb-rejected">
                <caption>{ format!("{} ({})", T::Rejected.get(lang), r.rejected.len()) }</caption>
                <thead><tr>
                    <th scope="col" class="number">{ T::Line.get(lang) }</th>
                    <th scope="col">{ T::Column.get(lang) }</th>
                    <th scope="col">{ T::Problem.get(lang) }</th>
                    <th scope="col">{ T::Reason.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for r.rejected.iter().map(|row| html! {
                        <tr data-line={row.line.to_string()}>
                            <td class="number">{ row.line }</td>
                            <td>{ row.field.clone().unwrap_or_default() }</td>
                            <td class="cb-row-problem">{ row.problem.label().get(lang).to_owned() }</td>
                            <td class="cb-row-reason">{ super::row_fault::row_fault(&row.fault, lang) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    });
    html! {
        <div class="cb-import-report" role="status">
            <dl class="cb-facts">
                <dt>{ T::File.get(lang) }</dt><dd class="cb-import-file">{ &r.file }</dd>
                <dt>{ T::Encoding.get(lang) }</dt><dd class="cb-import-encoding">{ r.encoding }</dd>
                <dt>{ T::Added.get(lang) }</dt><dd class="cb-import-added">{ r.added }</dd>
                <dt>{ T::AlreadyListed.get(lang) }</dt><dd class="cb-import-listed">{ r.already_listed }</dd>
                <dt>{ T::Rejected.get(lang) }</dt><dd class="cb-import-rejected">{ r.rejected.len() }</dd>
            </dl>
            { for rejected }
        </div>
    }
}

/// The calling rules as sentences.
pub fn rules_lines(rules: &SchedulingRules, lang: Lang) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let day = |d: &Weekday| {
        let names = if zh {
            ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        } else {
            ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        };
        names[d.num_days_from_monday() as usize]
    };
    let h = &rules.calling_hours;
    let days = h.days.iter().map(day).collect::<Vec<_>>().join(if zh { "、" } else { ", " });
    let windows = h
        .windows
        .iter()
        .map(|w| format!("{}–{}", w.start.format("%H:%M"), w.end.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(if zh { "、" } else { ", " });
    let d = &rules.delays;
    if zh {
        vec![
            format!("回访时段：{days} {windows}"),
            format!(
                "重拨间隔：无人接听 {} 分钟，占线 {} 分钟，语音信箱 {} 分钟，线路故障 {} 分钟；超出时段顺延到下一个回访时段",
                d.no_answer_minutes, d.busy_minutes, d.answering_machine_minutes, d.technical_problem_minutes
            ),
            format!("每个任务最多拨打 {} 次，之后按最有价值的结果结案", rules.max_attempts),
        ]
    } else {
        vec![
            format!("Calling hours: {days} {windows}"),
            format!(
                "Retry after: no answer {} min, busy {} min, answering machine {} min, technical problem {} min; moved into the next calling window",
                d.no_answer_minutes, d.busy_minutes, d.answering_machine_minutes, d.technical_problem_minutes
            ),
            format!("At most {} calls per case, then it closes with its most telling outcome", rules.max_attempts),
        ]
    }
}

/// The interview script the next list's cases get: every version of an interviewer-read
/// questionnaire on the device (core's fitness for the call desk), the built-in one first.
fn script_select(desk: &UseReducerHandle<Desk>, lang: Lang) -> Html {
    let scripts: Vec<&Questionnaire> = desk.library.all().filter(|q| is_fit(q, Station::CallDesk)).collect();
    let chosen = desk.import_script.clone();
    let onchange = {
        let (d, refs) = (desk.dispatcher(), scripts.iter().map(|q| q.reference()).collect::<Vec<_>>());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let script = refs.iter().find(|r| r.to_string() == value).cloned();
            // The built-in callback interview is the default: stored as none.
            let script = script.filter(|r| !(r.id.as_str() == "callback" && r.version == 1));
            d.dispatch(DeskAction::ImportScript(script))
        })
    };
    let options = scripts.iter().map(|q| {
        let r = q.reference();
        let selected = chosen.as_ref().map_or(r.id.as_str() == "callback" && r.version == 1, |c| *c == r);
        html! { <option value={r.to_string()} {selected}>{ format!("{} · {r}", q.title.get(lang)) }</option> }
    });
    html! {
        <p class="field">
            <label for="cb-import-script">{ T::ImportScript.get(lang) }</label>
            <select id="cb-import-script" {onchange}>{ for options }</select>
        </p>
    }
}

/// The import / export tab.
#[function_component(FilesPanel)]
pub fn files_panel(props: &PanelProps) -> Html {
    let (desk, lang) = (&props.desk, props.lang);
    let d = desk.dispatcher();
    let on_file = {
        let (d, store, list, script) =
            (d.clone(), props.store.clone(), desk.list.clone(), desk.import_script.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                spawn_local(effects::import(store.clone(), list.clone(), file, script.clone(), d.clone()));
            }
            // The same file may be picked again (a re-import).
            input.set_value("");
        })
    };
    let privacy = Privacy { show_phone_numbers: desk.settings.show_phone_numbers };
    let export = |kind: ExportKind, label: String| {
        let (d, store, list, problems, library) =
            (d.clone(), props.store.clone(), desk.list.clone(), desk.problems.clone(), desk.library.clone());
        let onclick = Callback::from(move |_| {
            spawn_local(effects::export(
                store.clone(),
                list.clone(),
                problems.clone(),
                library.clone(),
                privacy,
                kind,
                d.clone(),
            ))
        });
        html! { <button type="button" class="secondary" {onclick}>{ label }</button> }
    };
    let csv = TABLES.iter().map(|t| export(ExportKind::Csv(t), format!("{t}.csv")));
    let on_phones = {
        let (d, settings) = (d.clone(), desk.settings.clone());
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            d.dispatch(DeskAction::Settings(Settings { show_phone_numbers: checked, ..settings.clone() }))
        })
    };
    html! {
        <div class="cb-files">
            <section aria-labelledby="cb-import-title">
                <h2 id="cb-import-title">{ T::Import.get(lang) }</h2>
                <p class="note">{ T::ImportHint.get(lang) }</p>
                { script_select(desk, lang) }
                <label class="cb-file">
                    <span>{ T::ImportFile.get(lang) }</span>
                    <input id="cb-import" type="file" accept=".csv,text/csv" onchange={on_file} />
                </label>
                { for desk.import.as_ref().map(|r| report(r, lang)) }
            </section>
            <section aria-labelledby="cb-export-title">
                <h2 id="cb-export-title">{ T::Export.get(lang) }</h2>
                <p class="note">{ T::ExportHint.get(lang) }</p>
                <div class="cb-export">
                    { export(ExportKind::Xlsx, T::ExportXlsx.get(lang).to_owned()) }
                    { export(ExportKind::Json, T::ExportJson.get(lang).to_owned()) }
                </div>
                <div class="cb-export" role="group" aria-label={T::ExportCsv.get(lang)}>
                    <span>{ T::ExportCsv.get(lang) }</span>{ for csv }
                </div>
            </section>
            <section aria-labelledby="cb-settings-title">
                <h2 id="cb-settings-title">{ T::Settings.get(lang) }</h2>
                <label class="cb-check">
                    <input id="cb-show-phones" type="checkbox" checked={desk.settings.show_phone_numbers} onchange={on_phones} />
                    <span>{ T::ShowPhones.get(lang) }</span>
                </label>
                <h3>{ T::Rules.get(lang) }</h3>
                <ul class="cb-rules">{ for rules_lines(&desk.rules, lang).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rules_in_words() {
        let zh = rules_lines(&SchedulingRules::default(), Lang::Zh);
        assert_eq!(zh[0], "回访时段：周一、周二、周三、周四、周五、周六 09:00–12:00、14:00–20:00");
        assert!(zh[1].starts_with("重拨间隔：无人接听 120 分钟，占线 15 分钟"), "{}", zh[1]);
        assert_eq!(
            rules_lines(&SchedulingRules::default(), Lang::En)[2],
            "At most 5 calls per case, then it closes with its most telling outcome"
        );
    }
}
