//! The app's own texts (the questionnaire brings its own): zh-CN first, English second.

/// Declares an area's texts as an enum (`T` unless named first) of zh-CN / English pairs, with `get(lang)` and `text()`.
macro_rules! texts {
    ($doc:literal; $($rest:tt)+) => {
        $crate::i18n::texts! { T, $doc; $($rest)+ }
    };
    ($enum:ident, $doc:literal; $($name:ident => $zh:literal, $en:literal;)+) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum $enum { $($name,)+ }

        #[allow(dead_code)]
        impl $enum {
            /// Both languages.
            pub fn both(self) -> (&'static str, &'static str) {
                match self { $($enum::$name => ($zh, $en),)+ }
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

crate::i18n::texts! {
    Ui, "A text of the interface.";
    Start => "开始", "Start";
    Back => "上一题", "Back";
    Next => "下一题", "Next";
    Submit => "提交", "Submit";
    NotApplicable => "未使用/不适用", "Not used / not applicable";
    Yes => "是", "Yes";
    No => "否", "No";
    ThanksTitle => "感谢您的评价！", "Thank you!";
    ThanksBody => "您的意见将帮助我们改进服务。", "Your answers help us improve our service.";
    BackToStart => "返回首页", "Back to start";
    PleaseAnswer => "请回答这一题", "Please answer this question";
    Progress => "进度", "Progress";
    OtherLanguage => "English", "中文";
    Loading => "正在加载…", "Loading…";
    ResultsTitle => "调查结果", "Results";
    Overall => "总体", "Overall";
    Indicator => "指标", "Indicator";
    Respondents => "样本量", "n";
    Index => "满意度指数", "Index";
    Interval => "95% 置信区间", "95% CI";
    SmallSample => "样本少", "Small sample";
    SmallSampleNote => "样本量少于 30，结果仅供参考。", "Fewer than 30 respondents: read with care.";
    StoredResponses => "已保存的问卷", "Stored responses";
    NoResponses => "还没有问卷。", "No responses yet.";
    Status => "状态", "Status";
    When => "提交时间", "Submitted";
    Business => "业务类型", "Business";
    CustomerClass => "客户类别", "Customer class";
    OverallRating => "总体评价", "Overall rating";
    Composite => "综合得分", "Composite";
    LeftOut => "未计分（草稿或中断）", "Not scored (drafts or break-offs)";
    ToSurvey => "返回问卷", "Back to the survey";
    StorageUnavailable => "无法打开本机存储，问卷不会被保存。", "The device's storage could not be opened; responses will not be kept.";
    SaveFailed => "问卷未能保存，请告知工作人员。", "A response could not be saved. Please tell a member of staff.";
    StorageFull => "本机存储空间已满，问卷未能保存。请工作人员导出问卷，再删除已导出的问卷。", "The device's storage is full: a response could not be saved. Staff: export the responses, then delete the exported ones.";
    Dismiss => "关闭", "Dismiss";
    Navigation => "工作区", "Workspaces";
    CallbackNav => "电话回访", "Callbacks";
    EditorNav => "问卷编辑", "Questionnaires";
    AnalysisNav => "分析工作区", "Analysis";
}
