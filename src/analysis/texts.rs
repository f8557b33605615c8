//! The analyst workspace's own texts: zh-CN first, English second.

use manyi_core::{Lang, Text};

macro_rules! texts {
    ($($name:ident => $zh:literal, $en:literal;)+) => {
        /// A text of the analyst workspace.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum T { $($name,)+ }

        impl T {
            /// Both languages.
            pub fn both(self) -> (&'static str, &'static str) {
                match self { $(T::$name => ($zh, $en),)+ }
            }
        }
    };
}

texts! {
    Title => "分析工作区", "Analyst workspace";
    ImportTitle => "导入与合并", "Import and merge";
    PickFiles => "选择各设备的导出文件（Manyi JSON，可多选）", "Choose the devices' export files (Manyi JSON, several at once)";
    Importing => "正在导入", "Importing";
    Computing => "正在计算…", "Computing…";
    Loading => "正在读取已导入的数据…", "Reading the imported data…";
    File => "文件", "File";
    Added => "新增", "Added";
    Duplicates => "重复", "Duplicates";
    Conflicts => "冲突", "Conflicts";
    Result => "结果", "Result";
    Held => "已合并答卷", "Responses merged";
    Durable => "导入的文件保存在本设备（IndexedDB），重新打开后仍在；只有「清除」会删除。", "Imported files are kept on this device (IndexedDB) and are still here after a reload; only Clear removes them.";
    MemoryOnly => "无法使用本设备存储：导入的数据只在内存中，关闭或刷新页面即丢失。", "The device's storage is unavailable: the imported data is held in memory only and is lost when the page is closed or reloaded.";
    Clear => "清除导入的数据", "Clear the imported data";
    ConfirmClear => "确认清除（不可恢复）", "Confirm: clear (cannot be undone)";
    Cancel => "取消", "Cancel";
    Empty => "尚未导入数据。请选择各设备导出的 JSON 文件。", "No data yet. Choose the JSON files exported by the devices.";
    Replaced => "已用较完整的副本替换", "replaced by the copy further along";
    KeptFirst => "与先读入的副本不同，保留先读入的", "differs from the copy read first, which is kept";
    QuestionnaireConflict => "问卷版本与先读入的不同，保留先读入的", "questionnaire version differs from the copy read first, which is kept";
    Settings => "分析设置", "Settings";
    Questionnaire => "问卷版本", "Questionnaire version";
    ResponsesCount => "份答卷", "responses";
    GroupBy => "分组", "Group by";
    Period => "趋势周期", "Trend by";
    Week => "按周", "Week";
    Month => "按月", "Month";
    Filters => "筛选", "Filters";
    AllValues => "全部", "All";
    Weights => "权重来源", "Weights";
    Dashboard => "满意度指数", "Satisfaction index";
    Group => "分组", "Group";
    N => "样本量 n", "n";
    Index => "指数", "Index";
    Interval => "95% 置信区间", "95 % interval";
    SmallSample => "小样本", "Small sample";
    SmallNote => "n < 30 的组标记为小样本，解读需谨慎。指数为 0–100 加权得分的均值。", "Groups with n < 30 are flagged as small samples. The index is the mean of the weighted 0–100 composites.";
    Overall => "总体", "Overall";
    Scored => "计分答卷", "Responses scored";
    LeftOut => "未计分（草稿、中断、其他问卷）", "Not scored (drafts, break-offs, other questionnaires)";
    Trend => "趋势", "Trend";
    Period_ => "期间", "Period";
    AhpTitle => "层次分析法：维度两两比较", "AHP: pairwise comparison of the dimensions";
    AhpHelp => "每格表示行维度相对列维度的重要程度（Saaty 1–9 标度，1/3 表示列维度更重要）。", "Each cell says how much more important the row dimension is than the column one (Saaty's 1–9 scale; 1/3 means the column one matters more).";
    Consistent => "一致性可以接受（CR < 0.10）", "Consistency acceptable (CR < 0.10)";
    Inconsistent => "不一致：CR ≥ 0.10，请调整判断", "Inconsistent: CR ≥ 0.10, revise the judgements";
    WeightsUsed => "使用的权重", "Weights used";
    Dimension => "维度", "Dimension";
    Item => "题目", "Item";
    Weight => "权重", "Weight";
    Warnings => "提示", "Warnings";
    Quality => "质量特性", "Quality characteristics";
    KanoTitle => "Kano 分类", "Kano classification";
    NoKano => "所选问卷没有 Kano 配对题的回答。", "The chosen questionnaire has no answered Kano pairs.";
    Attribute => "属性", "Attribute";
    Category => "类别", "Category";
    Significant => "显著", "Significant";
    DriversTitle => "惩罚—奖励分析（由评分推导）", "Penalty–reward analysis (from ratings)";
    Bands => "低分段 1–2，高分段 5；一次对「总体满意度」的回归；显著性 0.05。", "Low band 1–2, high band 5; one regression on overall satisfaction; significance 0.05.";
    Penalty => "惩罚", "Penalty";
    Reward => "奖励", "Reward";
    PValue => "p 值", "p";
    Asymmetry => "影响不对称 IA", "Impact asymmetry";
    Importance => "重要性", "Importance";
    Performance => "表现", "Performance";
    Quadrant => "象限", "Quadrant";
    NotComputed => "未计算", "Not computed";
    IpaTitle => "重要性—表现分析", "Importance–performance analysis";
    ExportTitle => "导出", "Export";
    ExportNote => "导出的文件包含所选问卷、筛选与权重（权重表写明来源与方法）。", "Exports hold the chosen questionnaire, filters and weights (the weights table names their source and method).";
    Xlsx => "下载 Excel（XLSX）", "Download Excel (XLSX)";
    Csv => "CSV", "CSV";
    Json => "下载分析结果（JSON）", "Download the results (JSON)";
    Bundle => "下载合并后的答卷（Manyi JSON）", "Download the merged responses (Manyi JSON)";
    ExportFailed => "导出失败", "Export failed";
    Failed => "无法计算", "Cannot compute";
    Dismiss => "关闭", "Dismiss";
    Nav => "导航", "Navigation";
    ImportTook => "导入用时", "Import took";
    ComputeTook => "计算用时", "Computing took";
}

impl T {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.both();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The text in both languages.
    pub fn text(self) -> Text {
        let (zh, en) = self.both();
        Text::new(zh, en)
    }
}
