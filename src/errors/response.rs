//! A response's broken rule in the screen's language, with what was found.

use manyi_core::error::ResponseFault;
use manyi_core::Lang;

crate::i18n::texts! {
    R, "Words of a response's broken rules.";
    NoSuchItem => "问卷中没有这道题", "no such item in the questionnaire";
    NotShown => "按前面的回答，这道题不显示", "the item is not shown for the earlier answers";
    ScaleUndefined => "这道题的量表没有定义", "the item's scale is not defined";
    OffScale => "{v} 超出量表 {from}–{to}", "{v} is off the scale {from}–{to}";
    NotAnOption => "{c} 不是这道题的选项", "`{c}` is not one of the options";
    ChosenTwice => "选项 {c} 选了两次", "`{c}` is chosen twice";
    NotFinite => "数字无效（不是有限数）", "the number is not finite";
    OutsideRange => "{v} 超出范围 {min}–{max}", "{v} is outside {min}–{max}";
    TooLong => "文字有 {n} 个字，最多保留 {limit} 个", "the text has {n} characters; at most {limit} are kept";
    NoNotApplicable => "{k} 类题目没有“不适用”", "a {k} item does not offer N/A";
    WrongAnswer => "{k} 类题目不能接受这个答案（{a}）", "a {k} item cannot take this answer ({a})";
    Tag => "标签值无效（{d}）", "{d}";
    Closed => "这份问卷记录已结束，不能再修改", "the response is already closed; it cannot change";
    OtherQuestionnaire => "它回答的是 {a}，不是 {e}", "it answers {a}, not {e}";
    DraftSubmitted => "草稿不应有提交时间", "a draft has no submission time";
    NoSubmissionTime => "已结束的问卷记录需要提交时间", "a closed response needs its submission time";
    SubmittedBeforeStarted => "提交时间早于开始时间", "it was submitted before it was started";
    AnsweredHidden => "已作答，但按显示条件这道题应隐藏", "answered, but hidden by its show-if condition";
    NoteOnUnknownItem => "备注所属的题目不在问卷中", "a note on an item the questionnaire does not have";
    Required => "必答题未作答", "required, but not answered";
}

/// `fault` in `lang`.
pub fn say(fault: &ResponseFault, lang: Lang) -> String {
    let t = |text: R| text.get(lang).to_owned();
    let bound = |b: &Option<f64>| b.map_or("…".to_owned(), |m| m.to_string());
    match fault {
        ResponseFault::NoSuchItem => t(R::NoSuchItem),
        ResponseFault::NotShown => t(R::NotShown),
        ResponseFault::Phone(problem) => crate::components::phone_problem(*problem, lang),
        ResponseFault::ScaleUndefined => t(R::ScaleUndefined),
        ResponseFault::OffScale { value, from, to } => t(R::OffScale)
            .replace("{v}", &value.to_string())
            .replace("{from}", &from.to_string())
            .replace("{to}", &to.to_string()),
        ResponseFault::NotAnOption { code } => t(R::NotAnOption).replace("{c}", code),
        ResponseFault::ChosenTwice { code } => t(R::ChosenTwice).replace("{c}", code),
        ResponseFault::NotFinite => t(R::NotFinite),
        ResponseFault::OutsideRange { value, min, max } => t(R::OutsideRange)
            .replace("{v}", &value.to_string())
            .replace("{min}", &bound(min))
            .replace("{max}", &bound(max)),
        ResponseFault::TooLong { chars, limit } => {
            t(R::TooLong).replace("{n}", &chars.to_string()).replace("{limit}", &limit.to_string())
        }
        ResponseFault::NoNotApplicable { kind } => t(R::NoNotApplicable).replace("{k}", kind),
        ResponseFault::WrongAnswer { kind, answer } => {
            t(R::WrongAnswer).replace("{k}", kind).replace("{a}", answer)
        }
        ResponseFault::Tag(words) => t(R::Tag).replace("{d}", words),
        ResponseFault::Closed => t(R::Closed),
        ResponseFault::OtherQuestionnaire { answers, expected } => {
            t(R::OtherQuestionnaire).replace("{a}", answers).replace("{e}", expected)
        }
        ResponseFault::DraftSubmitted => t(R::DraftSubmitted),
        ResponseFault::NoSubmissionTime => t(R::NoSubmissionTime),
        ResponseFault::SubmittedBeforeStarted => t(R::SubmittedBeforeStarted),
        ResponseFault::AnsweredHidden => t(R::AnsweredHidden),
        ResponseFault::NoteOnUnknownItem => t(R::NoteOnUnknownItem),
        ResponseFault::Required => t(R::Required),
    }
}
