//! The kiosk's own texts, zh-CN first, English second. `{n}` stands for a number.

use manyi_core::Lang;

crate::i18n::texts! {
    K, "A text of the kiosk and staff screens.";
    AttractTitle => "请评价本次服务", "Please rate our service";
    AttractHint => "只需轻触，约一分钟", "Just tap — about one minute";
    StartRating => "开始评价", "Start";
    StaffButton => "工作人员", "Staff";
    Unavailable => "本机暂不能开始评价", "This kiosk cannot start a survey";
    Version => "版本", "Version";
    NewestVersion => "最新版本", "Newest version";
    NotOnDevice => "本机没有这一版本的问卷，无法导出", "this questionnaire version is not on the device: not exported";
    ClosedTitle => "暂停服务", "Closed";
    ClosedBody => "现在是营业时间外，欢迎您在营业时间内评价。", "The hall is closed. Please rate our service during opening hours.";
    OpensAgain => "下次开放", "Opens again";
    IdleTitle => "您还在吗？", "Are you still there?";
    IdleBody => "{n} 秒后将结束本次评价", "This survey ends in {n} s";
    Continue => "继续评价", "Continue";
    ThanksReturn => "{n} 秒后返回首页", "Back to the start in {n} s";
    Saving => "正在保存…", "Saving…";
    SaveFailedCustomer => "很抱歉，您的评价未能保存，请告知工作人员。", "Sorry, your answers could not be saved. Please tell a member of staff.";
    Retry => "重试", "Try again";
    Cancel => "返回", "Cancel";
    StaffTitle => "工作人员设置", "Staff settings";
    LockAndReturn => "锁定并返回评价", "Lock and return to the survey";
    TagsTitle => "本机信息（用于此后的每份问卷）", "This kiosk (applied to every response from now on)";
    Hall => "营业厅", "Hall";
    Counter => "窗口", "Counter";
    StaffId => "工号", "Staff ID";
    Device => "设备名称", "Device name";
    Questionnaire => "当前问卷", "Active questionnaire";
    HoursTitle => "营业时间", "Opening hours";
    AlwaysOpen => "全天开放", "Always open";
    Opens => "开始时间", "Opens";
    Closes => "结束时间", "Closes";
    IdleTime => "无操作多久后提示（秒）", "Idle time before the countdown (s)";
    Countdown => "倒计时（秒）", "Countdown (s)";
    Partial => "未完成的问卷", "Unfinished responses";
    KeepBreakOff => "保留为中断", "Keep as break-off";
    DiscardPartial => "不保留", "Discard";
    ThanksSeconds => "感谢页停留（秒）", "Thank-you screen (s)";
    StaffLock => "工作人员界面自动锁定（秒）", "Lock the staff screens after (s)";
    Threshold => "低分：总体满意度 ≤", "Low score: overall ≤";
    SaveSettings => "保存设置", "Save settings";
    Saved => "设置已保存", "Settings saved";
    DataTitle => "数据", "Data";
    Stored => "本机问卷", "Stored";
    Complete => "完成", "Complete";
    BreakOff => "中断", "Break-off";
    Drafts => "作答中", "In progress";
    Exported => "已导出", "Exported";
    Unexported => "未导出", "Not exported";
    Queued => "低分待回访", "Low score, call-back queued";
    Flagged => "低分（未同意回访）", "Low score, flagged";
    StorageUsed => "已用存储", "Storage used";
    Persistent => "持久存储", "Persistent storage";
    Granted => "已授予", "Granted";
    NotGranted => "未授予：空间不足时浏览器可能清除数据", "Not granted: the browser may clear data when space runs low";
    AskPersist => "申请持久存储", "Ask for persistent storage";
    Unknown => "未知", "Unknown";
    ExportTitle => "导出", "Export";
    OnlyUnexported => "仅未导出的", "Not yet exported";
    AllResponses => "全部", "All";
    ExportJson => "导出 JSON", "Export JSON";
    ExportCsv => "导出 CSV", "Export CSV";
    ExportXlsx => "导出 Excel", "Export Excel";
    ExportedN => "已导出 {n} 份问卷", "{n} responses exported";
    NothingToExport => "没有可导出的问卷", "Nothing to export";
    MarkExported => "标记为已导出", "Mark as exported";
    MarkedN => "{n} 份已标记为已导出", "{n} marked as exported";
    DeleteExported => "删除已导出的问卷", "Delete exported responses";
    ConfirmDelete => "确定删除 {n} 份已导出的问卷吗？删除后无法恢复。", "Delete {n} exported responses? This cannot be undone.";
    ConfirmDeleteYes => "确认删除", "Delete";
    DeletedN => "已删除 {n} 份问卷", "{n} responses deleted";
    ChangePinTitle => "修改密码", "Change the PIN";
    CurrentPin => "当前密码", "Current PIN";
    PinChanged => "密码已修改", "PIN changed";
    LastSaveFailed => "保存失败：", "Saving failed: ";
    SettingsTitle => "设置", "Settings";
    TimingsTitle => "计时与低分", "Timings and low scores";
}

impl K {
    /// The text with `{n}` replaced by `n`.
    pub fn n(self, lang: Lang, n: impl std::fmt::Display) -> String {
        self.get(lang).replace("{n}", &n.to_string())
    }
}
