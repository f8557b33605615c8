//! The texts of what every area shares: the staff PIN's screens and the way between the areas.
//! zh-CN first, English second; `{n}` stands for a number.

use manyi_core::Lang;

crate::i18n::texts! {
    S, "A text of the staff PIN's screens or the areas' navigation.";
    PinTitle => "工作人员登录", "Staff sign-in";
    Pin => "密码", "PIN";
    PinWrong => "密码错误", "Wrong PIN";
    PinPaused => "错误次数过多，请 {n} 秒后再试", "Too many wrong PINs: try again in {n} s";
    Enter => "确定", "OK";
    DeleteDigit => "删除一位", "Delete a digit";
    Cancel => "返回", "Cancel";
    SetupTitle => "首次使用：设置工作人员密码", "First start: set the staff PIN";
    SetupBody => "设置、导出和删除数据都需要此密码。", "The PIN opens the settings, exports and deletion.";
    NewPin => "新密码（4–8 位数字）", "New PIN (4–8 digits)";
    RepeatPin => "再次输入新密码", "Repeat the new PIN";
    PinFormat => "密码须为 4–8 位数字", "The PIN must be 4 to 8 digits";
    PinMismatch => "两次输入的密码不一致", "The two PINs differ";
    SavePin => "保存密码", "Save PIN";
    Survey => "评价", "Survey";
    StaffSettings => "工作人员设置", "Staff settings";
    Results => "调查结果", "Results";
    Callback => "电话回访", "Callbacks";
    Editor => "问卷编辑", "Questionnaires";
    Analysis => "分析工作区", "Analysis";
    Evaluation => "第三方测评", "Third-party evaluation";
    Kano => "服务特性调查（Kano）", "Service feature study (Kano)";
    KanoResults => "Kano 结果", "Kano results";
}

impl S {
    /// The text with `{n}` replaced by `n`.
    pub fn n(self, lang: Lang, n: impl std::fmt::Display) -> String {
        self.get(lang).replace("{n}", &n.to_string())
    }
}
