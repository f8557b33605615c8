//! The desk page's own texts (its workspaces keep theirs in their folders), zh-CN first, English
//! second. `{n}` stands for a number.

use manyi_core::Lang;

crate::i18n::texts! {
    D, "A text of the desk's results page.";
    ExportXlsx => "导出 Excel", "Export Excel";
    ResultsVersion => "问卷版本", "Questionnaire version";
    ExportedN => "已导出 {n} 份问卷（Excel）", "{n} responses exported (Excel)";
    NothingToExport => "没有可导出的问卷", "Nothing to export";
}

impl D {
    /// The text with `{n}` replaced by `n`.
    pub fn n(self, lang: Lang, n: impl std::fmt::Display) -> String {
        self.get(lang).replace("{n}", &n.to_string())
    }
}
