//! A pairwise-comparison matrix's fault in the screen's language: what is wrong and what to
//! enter instead.

use manyi_core::error::MatrixFault;
use manyi_core::Lang;

crate::i18n::texts! {
    M, "Words of a pairwise-comparison matrix's faults.";
    Empty => "矩阵为空；请至少比较一个准则（1×1 矩阵 [1]）", "the matrix is empty; compare at least one criterion (a 1×1 matrix [1])";
    TooMany => "矩阵有 {n} 个准则，一次最多比较 {most} 个（随机一致性指标只列到 {most}）；请把准则分层分组", "the matrix has {n} criteria; at most {most} can be compared at once (the random index is tabulated up to {most}); group the criteria into a hierarchy";
    NotSquare => "此行有 {entries} 项，但矩阵有 {rows} 行；矩阵必须是方阵", "the row has {entries} entries but there are {rows} rows; the matrix must be square";
    NotPositive => "{v} 不是正数；请填行准则比列准则重要几倍，如 3 或 1/3", "{v} is not a positive number; enter how many times more important, e.g. 3 or 1/3";
    Diagonal => "对角线上是 {v}；准则与自身比较应为 1", "{v} is on the diagonal; a criterion compared with itself is 1";
    NotReciprocal => "{v} 不是 {m} 的倒数；请填 1/{m}（分数请照写，如 1/3，不要写 0.333）", "{v} is not the reciprocal of {m}; enter 1/{m} (type fractions such as 1/3 exactly, not 0.333)";
}

/// `fault` in `lang`.
pub fn say(fault: &MatrixFault, lang: Lang) -> String {
    let n = |x: f64| x.to_string();
    match fault {
        MatrixFault::Empty => M::Empty.get(lang).to_owned(),
        MatrixFault::TooMany { criteria, most } => {
            M::TooMany.get(lang).replace("{n}", &criteria.to_string()).replace("{most}", &most.to_string())
        }
        MatrixFault::NotSquare { entries, rows } => M::NotSquare
            .get(lang)
            .replace("{entries}", &entries.to_string())
            .replace("{rows}", &rows.to_string()),
        MatrixFault::NotPositive { value } => M::NotPositive.get(lang).replace("{v}", &n(*value)),
        MatrixFault::Diagonal { value } => M::Diagonal.get(lang).replace("{v}", &n(*value)),
        MatrixFault::NotReciprocal { value, mirror } => {
            M::NotReciprocal.get(lang).replace("{v}", &n(*value)).replace("{m}", &n(*mirror))
        }
    }
}
