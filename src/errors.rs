//! Core's errors in the screen's language. Every kind of [`manyi_core::Error`] (and the kinds it
//! carries, such as [`JsonFault`]) has its zh-CN and English words here, by an exhaustive match:
//! a new kind does not compile until it is said, and a test fails if one lacks either language.
//! The place (file, line, column) is said once, in the screen's language.

use manyi_core::error::{ExportFault, ExportPart, JsonExpected, JsonFault};
use manyi_core::{Error, Lang, Position};

crate::i18n::texts! {
    E, "Words of core's errors.";
    NoFile => "输入", "<input>";
    Line => "第 {n} 行", "line {n}";
    Column => "第 {n} 列", "column {n}";
    Separator => "，", ", ";
    Colon => "：", ": ";
    NotExport => "不是 Manyi 导出的文件", "not a Manyi export";
    NotQuestionnaire => "不是有效的问卷文件", "not a valid questionnaire";
    NotJson => "不是有效的 JSON 文件", "not valid JSON";
    Syntax => "此处的内容不符合 JSON 格式（文件可能被手工或其他程序改过）", "something that is not JSON stands here (the file may have been changed by hand or by another program)";
    CutShort => "文件在此处提前结束（可能只复制或保存了一部分）", "the file ends here, too early (it may have been copied or saved only in part)";
    Shape => "内容的结构与所需的不符", "its content is not of the expected shape";
    Detail => "（解析器：{d}）", " (the parser says: {d})";
    DoExport => "请选用 Manyi 导出的原文件，或在采集设备上重新导出。", "Pick the file as Manyi exported it, or export it again on the device.";
    DoQuestionnaire => "请选用问卷编辑导出的问卷文件，或修正文件的此处。", "Pick a questionnaire file exported by the editor, or correct the file at this place.";
    DoJson => "请修正文件的此处，或重新导出。", "Correct the file at this place, or export it again.";
    Questionnaire => "问卷 {q}", "questionnaire `{q}`";
    Item => "题目 {i}", "item `{i}`";
    Response => "问卷记录 {r}", "response {r}";
    Matrix => "两两比较矩阵第 {row} 行第 {column} 列", "pairwise-comparison matrix, row {row}, column {column}";
    Argument => "选项 {w} 不可用", "{w}";
    NotEnough => "数据不足，无法计算 {w}", "not enough data for {w}";
    CannotWrite => "无法写出{w}", "cannot write {w}";
    Sheet => "工作表 {s}", "sheet `{s}`";
    CreationTime => "工作簿的创建时间", "the creation time";
    Workbook => "工作簿", "the workbook";
    TooManyRows => "{rows} 行超出一个工作表的上限（最多 {most} 行）；请改为导出 CSV 文件", "{rows} rows do not fit in a sheet (at most {most}); export CSV files instead";
    Writer => "表格写入程序出错（{d}）", "{d}";
    Sync => "同步中断", "the sync stopped";
}

/// `position` in `lang`: the file, line and column (and the column's header) said once.
pub fn place(position: &Position, lang: Lang) -> String {
    let mut parts = vec![position.file.clone().unwrap_or_else(|| E::NoFile.get(lang).to_owned())];
    let n = |text: E, n: u64| text.get(lang).replace("{n}", &n.to_string());
    parts.extend(position.line.map(|l| n(E::Line, l)));
    parts.extend(position.column.map(|c| n(E::Column, c)));
    let mut said = parts.join(E::Separator.get(lang));
    if let Some(field) = &position.field {
        said.push_str(&format!(" (`{field}`)"));
    }
    said
}

fn json(expected: JsonExpected, fault: JsonFault) -> (E, E, E) {
    let (what, todo) = match expected {
        JsonExpected::Export => (E::NotExport, E::DoExport),
        JsonExpected::Questionnaire => (E::NotQuestionnaire, E::DoQuestionnaire),
        JsonExpected::Json => (E::NotJson, E::DoJson),
    };
    let why = match fault {
        JsonFault::Syntax => E::Syntax,
        JsonFault::CutShort => E::CutShort,
        JsonFault::Shape => E::Shape,
    };
    (what, why, todo)
}

/// `e` in `lang`: what, where and what to do. Reasons that core still gives as English words
/// (rules of a questionnaire, of a response, of an option) come after a place said in `lang`.
pub fn say(e: &Error, lang: Lang) -> String {
    let colon = E::Colon.get(lang);
    let item = |i: &Option<String>| match i {
        Some(i) => format!("{}{}", E::Separator.get(lang), E::Item.get(lang).replace("{i}", i)),
        None => String::new(),
    };
    match e {
        Error::Json { position, expected, fault, detail } => {
            let (what, why, todo) = json(*expected, *fault);
            let detail = E::Detail.get(lang).replace("{d}", detail);
            let (what, why, todo) = (what.get(lang), why.get(lang), todo.get(lang));
            let end = if lang == Lang::En { ". " } else { "。" };
            format!("{}{colon}{what}{colon}{why}{detail}{end}{todo}", place(position, lang))
        }
        Error::Input { position, reason } => format!("{}{colon}{reason}", place(position, lang)),
        Error::InvalidQuestionnaire { questionnaire, item: i, reason } => {
            let q = E::Questionnaire.get(lang).replace("{q}", questionnaire);
            format!("{q}{}{colon}{}", item(i), reason.get(lang))
        }
        Error::InvalidResponse { response, item: i, fault } => {
            let r = E::Response.get(lang).replace("{r}", response);
            format!("{r}{}{colon}{}", item(i), response::say(fault, lang))
        }
        Error::InvalidMatrix { row, column, fault } => {
            let at = E::Matrix.get(lang).replace("{row}", &row.to_string());
            format!("{}{colon}{}", at.replace("{column}", &column.to_string()), matrix::say(fault, lang))
        }
        Error::InvalidArgument { what, reason } => {
            format!("{}{colon}{reason}", E::Argument.get(lang).replace("{w}", what))
        }
        Error::InsufficientData { figure, part, shortage: short } => {
            let what = format!("{}{}", shortage::figure(*figure, lang), shortage::part(part, lang));
            format!(
                "{}{colon}{}",
                E::NotEnough.get(lang).replace("{w}", &what),
                shortage::shortage(short, lang)
            )
        }
        Error::Export { part, fault } => {
            let part = match part {
                ExportPart::Sheet(s) => E::Sheet.get(lang).replace("{s}", s),
                ExportPart::CreationTime => E::CreationTime.get(lang).to_owned(),
                ExportPart::Workbook => E::Workbook.get(lang).to_owned(),
            };
            let fault = match fault {
                ExportFault::TooManyRows { rows, most } => E::TooManyRows
                    .get(lang)
                    .replace("{rows}", &rows.to_string())
                    .replace("{most}", &most.to_string()),
                ExportFault::Writer(d) => E::Writer.get(lang).replace("{d}", d),
            };
            format!("{}{colon}{fault}", E::CannotWrite.get(lang).replace("{w}", &part))
        }
        Error::Sync(e) => {
            let problem = crate::sync::settings::Problem::of(e);
            format!("{}{colon}{}", E::Sync.get(lang), crate::sync::texts::SyncText::of(&problem).get(lang))
        }
    }
}

/// `e` in `lang` beside the item it is about: a response's broken rule without the response and
/// item (the place shows them), any other error in full.
pub fn briefly(e: &Error, lang: Lang) -> String {
    match e {
        Error::InvalidResponse { fault, .. } => response::say(fault, lang),
        other => say(other, lang),
    }
}

/// An error to show: core's, said in the screen's language when it is shown, or the browser's
/// own words (a file that could not be read, a worker that did not answer).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Core's error.
    Core(Error),
    /// Why the analysis worker gave no answer, typed.
    Work(crate::analysis::failure::Failure),
    /// The browser's words.
    Browser(String),
}

impl Problem {
    /// The problem in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        match self {
            Problem::Core(e) => say(e, lang),
            Problem::Work(f) => f.say(lang),
            Problem::Browser(words) => words.clone(),
        }
    }
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        Problem::Core(e)
    }
}

impl From<crate::analysis::failure::Failure> for Problem {
    fn from(f: crate::analysis::failure::Failure) -> Self {
        match f {
            crate::analysis::failure::Failure::Core(e) => Problem::Core(e),
            other => Problem::Work(other),
        }
    }
}

impl From<String> for Problem {
    fn from(words: String) -> Self {
        Problem::Browser(words)
    }
}

mod matrix;
mod response;
mod shortage;

#[cfg(test)]
mod tests;
