//! Why the analysis worker gave no results or no file, typed from where it happens to the page,
//! which says it in its language: core's errors by [`crate::errors::say`], the rest here. Only
//! the browser's own words (a worker that failed, a message it could not read) travel as text,
//! after words of ours that say what failed.

use manyi_core::{Error, Lang};
use serde::{Deserialize, Serialize};

/// Why a computation, a download or a request to the analysis worker failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Failure {
    /// Core's error, typed.
    Core(Error),
    /// No questionnaire version is chosen: nothing to say (the page asks for one).
    NoVersion,
    /// No responses to this questionnaire version (its reference) are held.
    NoResponses(String),
    /// A filter's value cannot be read: the grouping's name and the value.
    Filter {
        /// The grouping filtered by.
        by: String,
        /// The value.
        value: String,
    },
    /// A download before any results were computed.
    NoResults,
    /// A download of a table the export does not have.
    NoTable(String),
    /// The file could not be made (the words of the writer or the browser).
    NotMade(String),
    /// The file was made empty.
    EmptyFile(String),
    /// The worker did not start, failed or could not read or send a message (the browser's
    /// words).
    Worker(String),
    /// The worker answered with a reply to another request (its debug form).
    Unexpected(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

crate::i18n::texts! {
    F, "Why the analysis worker gave no results or no file.";
    NoVersion => "请选择问卷版本", "choose a questionnaire version";
    NoResponses => "没有问卷版本 {v} 的答卷；请导入它的数据或选择其他版本", "no responses to questionnaire version {v}; import its data or choose another version";
    Filter => "筛选条件无法识别：{by} = {value}；请清除此筛选", "the filter cannot be read: {by} = {value}; clear this filter";
    NoResults => "尚无计算结果；请等计算完成后再导出", "no results yet; export once they are computed";
    NoTable => "导出中没有表 {t}", "the export has no table {t}";
    NotMade => "文件未能生成（{d}）", "the file could not be made ({d})";
    EmptyFile => "生成的文件 {f} 是空的", "the file made, {f}, is empty";
    Worker => "分析进程出错，请刷新页面后重试（浏览器：{d}）", "the analysis worker failed; reload the page and try again (the browser says: {d})";
    Unexpected => "分析进程的答复与请求不符，请刷新页面后重试（{d}）", "the analysis worker answered another request; reload the page and try again ({d})";
}

impl Failure {
    /// The failure in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let t = |text: F, key: &str, value: &str| text.get(lang).replace(key, value);
        match self {
            Failure::Core(e) => crate::errors::say(e, lang),
            Failure::NoVersion => F::NoVersion.get(lang).to_owned(),
            Failure::NoResponses(v) => t(F::NoResponses, "{v}", v),
            Failure::Filter { by, value } => t(F::Filter, "{by}", by).replace("{value}", value),
            Failure::NoResults => F::NoResults.get(lang).to_owned(),
            Failure::NoTable(table) => t(F::NoTable, "{t}", table),
            Failure::NotMade(d) => t(F::NotMade, "{d}", d),
            Failure::EmptyFile(f) => t(F::EmptyFile, "{f}", f),
            Failure::Worker(d) => t(F::Worker, "{d}", d),
            Failure::Unexpected(d) => t(F::Unexpected, "{d}", d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which kind: exhaustive, so a new kind fails to compile here until it is in [`all`].
    fn kind(f: &Failure) -> usize {
        match f {
            Failure::Core(_) => 0,
            Failure::NoVersion => 1,
            Failure::NoResponses(_) => 2,
            Failure::Filter { .. } => 3,
            Failure::NoResults => 4,
            Failure::NoTable(_) => 5,
            Failure::NotMade(_) => 6,
            Failure::EmptyFile(_) => 7,
            Failure::Worker(_) => 8,
            Failure::Unexpected(_) => 9,
        }
    }

    fn all() -> Vec<Failure> {
        let matrix = manyi_core::scoring::ahp::PairwiseMatrix::new(Vec::new()).unwrap_err();
        vec![
            Failure::Core(matrix),
            Failure::NoVersion,
            Failure::NoResponses("hall v1".into()),
            Failure::Filter { by: "month".into(), value: "2026-13".into() },
            Failure::NoResults,
            Failure::NoTable("nothing".into()),
            Failure::NotMade("out of memory".into()),
            Failure::EmptyFile("a.xlsx".into()),
            Failure::Worker("out of memory".into()),
            Failure::Unexpected("Cleared".into()),
        ]
    }

    #[test]
    fn every_failure_is_said_in_both_languages() {
        let all = all();
        let kinds: Vec<usize> = all.iter().map(kind).collect();
        assert_eq!(kinds, (0..10).collect::<Vec<_>>());
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for f in &all {
            let (zh, en) = (f.say(Lang::Zh), f.say(Lang::En));
            assert!(chinese(&zh), "no Chinese in {zh:?}");
            assert!(!chinese(&en), "Chinese in {en:?}");
        }
        // What the analyst met: an empty AHP matrix, said in Chinese on a Chinese screen.
        assert!(all[0].say(Lang::Zh).contains("矩阵为空"), "{}", all[0].say(Lang::Zh));
    }

    #[test]
    fn a_failure_survives_the_worker_message_as_json() {
        for f in all() {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<Failure>(&json).unwrap(), f);
        }
    }
}
