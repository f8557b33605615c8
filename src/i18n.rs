//! The app's own texts (the questionnaire brings its own): zh-CN first, English second.

use manyi_core::Lang;

/// A text of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    Start,
    Back,
    Next,
    Submit,
    NotApplicable,
    Yes,
    No,
    ThanksTitle,
    ThanksBody,
    BackToStart,
    PleaseAnswer,
    Progress,
    OtherLanguage,
    Loading,
    ResultsTitle,
    Overall,
    Indicator,
    Respondents,
    Index,
    Interval,
    SmallSample,
    SmallSampleNote,
    StoredResponses,
    NoResponses,
    Status,
    When,
    Business,
    CustomerClass,
    OverallRating,
    Composite,
    LeftOut,
    ToSurvey,
    StorageUnavailable,
    SaveFailed,
    StorageFull,
    Dismiss,
    Navigation,
    CallbackNav,
    EditorNav,
    AnalysisNav,
}

impl Ui {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.both();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn both(self) -> (&'static str, &'static str) {
        match self {
            Ui::Start => ("开始", "Start"),
            Ui::Back => ("上一题", "Back"),
            Ui::Next => ("下一题", "Next"),
            Ui::Submit => ("提交", "Submit"),
            Ui::NotApplicable => ("未使用/不适用", "Not used / not applicable"),
            Ui::Yes => ("是", "Yes"),
            Ui::No => ("否", "No"),
            Ui::ThanksTitle => ("感谢您的评价！", "Thank you!"),
            Ui::ThanksBody => ("您的意见将帮助我们改进服务。", "Your answers help us improve our service."),
            Ui::BackToStart => ("返回首页", "Back to start"),
            Ui::PleaseAnswer => ("请回答这一题", "Please answer this question"),
            Ui::Progress => ("进度", "Progress"),
            Ui::OtherLanguage => ("English", "中文"),
            Ui::Loading => ("正在加载…", "Loading…"),
            Ui::ResultsTitle => ("调查结果", "Results"),
            Ui::Overall => ("总体", "Overall"),
            Ui::Indicator => ("指标", "Indicator"),
            Ui::Respondents => ("样本量", "n"),
            Ui::Index => ("满意度指数", "Index"),
            Ui::Interval => ("95% 置信区间", "95% CI"),
            Ui::SmallSample => ("样本少", "Small sample"),
            Ui::SmallSampleNote => {
                ("样本量少于 30，结果仅供参考。", "Fewer than 30 respondents: read with care.")
            }
            Ui::StoredResponses => ("已保存的问卷", "Stored responses"),
            Ui::NoResponses => ("还没有问卷。", "No responses yet."),
            Ui::Status => ("状态", "Status"),
            Ui::When => ("提交时间", "Submitted"),
            Ui::Business => ("业务类型", "Business"),
            Ui::CustomerClass => ("客户类别", "Customer class"),
            Ui::OverallRating => ("总体评价", "Overall rating"),
            Ui::Composite => ("综合得分", "Composite"),
            Ui::LeftOut => ("未计分（草稿或中断）", "Not scored (drafts or break-offs)"),
            Ui::ToSurvey => ("返回问卷", "Back to the survey"),
            Ui::StorageUnavailable => (
                "无法打开本机存储，问卷不会被保存。",
                "The device's storage could not be opened; responses will not be kept.",
            ),
            Ui::SaveFailed => (
                "问卷未能保存，请告知工作人员。",
                "A response could not be saved. Please tell a member of staff.",
            ),
            Ui::StorageFull => (
                "本机存储空间已满，问卷未能保存。请工作人员导出问卷，再删除已导出的问卷。",
                "The device's storage is full: a response could not be saved. Staff: export the responses, then delete the exported ones.",
            ),
            Ui::Dismiss => ("关闭", "Dismiss"),
            Ui::Navigation => ("工作区", "Workspaces"),
            Ui::CallbackNav => ("电话回访", "Callbacks"),
            Ui::EditorNav => ("问卷编辑", "Questionnaires"),
            Ui::AnalysisNav => ("分析工作区", "Analysis"),
        }
    }
}

/// Declares an area's texts as an enum `T` of zh-CN / English pairs, with `get(lang)` and `text()`.
macro_rules! texts {
    ($doc:literal; $($name:ident => $zh:literal, $en:literal;)+) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum T { $($name,)+ }

        impl T {
            /// Both languages.
            pub fn both(self) -> (&'static str, &'static str) {
                match self { $(T::$name => ($zh, $en),)+ }
            }

            /// The text in `lang`.
            pub fn get(self, lang: manyi_core::Lang) -> &'static str {
                let (zh, en) = self.both();
                match lang {
                    manyi_core::Lang::Zh => zh,
                    manyi_core::Lang::En => en,
                }
            }

            /// The text in both languages.
            pub fn text(self) -> manyi_core::Text {
                let (zh, en) = self.both();
                manyi_core::Text::new(zh, en)
            }
        }
    };
}
pub(crate) use texts;
