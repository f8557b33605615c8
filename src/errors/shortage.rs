//! "Not enough data" in the screen's language: the figure, the part of it and what is short,
//! with what to do.

use manyi_core::error::{Figure, Part, Shortage};
use manyi_core::Lang;

crate::i18n::texts! {
    N, "Words of a figure that could not be computed for want of data.";
    ImportancePerformance => "重要性–表现分析", "importance–performance analysis";
    DerivedWeights => "由数据推导的权重", "weights derived from data";
    StandardisedCoefficients => "标准化回归系数", "standardised regression coefficients";
    Correlations => "与总体满意度的相关系数", "correlations with overall";
    Performance => "表现", "performance";
    PenaltyReward => "奖惩分析", "penalty–reward analysis";
    Kano => "Kano 分类", "Kano classification";
    NetPromoterScore => "净推荐值", "net promoter score";
    AhpEigenvector => "AHP 主特征向量", "AHP principal eigenvector";
    Item => "，题目 {i}", ", item `{i}`";
    LowBand => "，题目 {i} 的低分段 {from}–{to}", ", item `{i}`, low band {from}–{to}";
    HighBand => "，题目 {i} 的高分段 {from}–{to}", ", item `{i}`, high band {from}–{to}";
    Attribute => "（属性 {a}）", " of attribute `{a}`";
    NoPoints => "没有可放置的属性；至少需要一对（重要性，表现）", "there are no attributes to place; give at least one (importance, performance) pair";
    NoPositive => "在 {n} 位完整作答者中，没有题目与总体满意度正相关；请改用指定权重", "no item has a positive association with overall among the {n} complete respondents; state the weights instead";
    OverallConstant => "在 {n} 位回答了总体满意度和全部题目的作答者中，总体满意度没有变化；需要更多完整答卷", "overall does not vary among the {n} respondents who answered it and every item; more complete responses are needed";
    ItemConstant => "{n} 位完整作答者都给了 {v}；没有变化的题目无法说明总体满意度，请去掉此题", "every one of the {n} complete respondents gave {v}; an item that does not vary says nothing about overall; leave it out";
    TooFew => "{n} 位作答者对应 {c} 个系数（含截距）；至少需要 {need} 位", "{n} respondents for {c} coefficients (with the intercept); at least {need} are needed";
    TooFewForDummies => "{n} 位作答者对应 {d} 个分段虚拟变量和截距；至少需要 {need} 位", "{n} respondents for {d} dummies and an intercept; at least {need} are needed";
    Collinear => "此题的答案是其他题目答案的线性组合；请去掉此题", "the item's answers are a linear combination of the other items'; leave it out";
    NobodyAnswered => "没有人回答此题", "nobody answered the item";
    NothingToExplain => "{n} 位作答者的总体满意度都是 {v}；没有可解释的变化", "every one of the {n} respondents gave overall {v}; nothing to explain";
    BandNone => "{n} 位作答者中没有人落在此分段，无法估计其影响；请放宽分段或去掉此题", "none of the {n} respondents used answered in this band, so its effect cannot be estimated; widen the band or leave the item out";
    BandAll => "{n} 位作答者全部落在此分段，无法估计其影响；请放宽分段或去掉此题", "all of the {n} respondents used answered in this band, so its effect cannot be estimated; widen the band or leave the item out";
    BandCollinear => "此分段的虚拟变量是截距与其他分段的组合（例如每个答案都落在低分段或高分段）；请调整分段或去掉此题", "the dummy is a combination of the intercept and the other dummies (e.g. every answer falls in the low or the high band); change the bands or leave the item out";
    NoAnswers => "此属性没有答案；至少需要一对答案", "the attribute has no answers; at least one answer pair is needed";
    NoScores => "没有评分；至少需要一个 0–10 分的答案", "there are no scores; at least one 0–10 answer is needed";
    NotConverged => "幂迭代在 {s} 步内未收敛；请改用几何平均法", "power iteration did not converge in {s} steps; use the geometric mean";
}

/// `figure` in `lang`.
pub fn figure(figure: Figure, lang: Lang) -> &'static str {
    match figure {
        Figure::ImportancePerformance => N::ImportancePerformance,
        Figure::DerivedWeights => N::DerivedWeights,
        Figure::StandardisedCoefficients => N::StandardisedCoefficients,
        Figure::Correlations => N::Correlations,
        Figure::Performance => N::Performance,
        Figure::PenaltyReward => N::PenaltyReward,
        Figure::Kano => N::Kano,
        Figure::NetPromoterScore => N::NetPromoterScore,
        Figure::AhpEigenvector => N::AhpEigenvector,
    }
    .get(lang)
}

/// `part` in `lang` (nothing for the whole figure).
pub fn part(part: &Part, lang: Lang) -> String {
    match part {
        Part::Whole => String::new(),
        Part::Item(i) => N::Item.get(lang).replace("{i}", i),
        Part::Band { item, high, from, to } => (if *high { N::HighBand } else { N::LowBand })
            .get(lang)
            .replace("{i}", item)
            .replace("{from}", &from.to_string())
            .replace("{to}", &to.to_string()),
        Part::Attribute(a) => N::Attribute.get(lang).replace("{a}", a),
    }
}

/// `shortage` in `lang`.
pub fn shortage(shortage: &Shortage, lang: Lang) -> String {
    let n = |text: N, n: usize| text.get(lang).replace("{n}", &n.to_string());
    match shortage {
        Shortage::NoPoints => N::NoPoints.get(lang).to_owned(),
        Shortage::NoPositive { n: k } => n(N::NoPositive, *k),
        Shortage::OverallConstant { n: k } => n(N::OverallConstant, *k),
        Shortage::ItemConstant { n: k, value } => n(N::ItemConstant, *k).replace("{v}", &value.to_string()),
        Shortage::TooFew { n: k, coefficients } => n(N::TooFew, *k)
            .replace("{c}", &coefficients.to_string())
            .replace("{need}", &(coefficients + 1).to_string()),
        Shortage::TooFewForDummies { n: k, dummies } => n(N::TooFewForDummies, *k)
            .replace("{d}", &dummies.to_string())
            .replace("{need}", &(dummies + 2).to_string()),
        Shortage::Collinear => N::Collinear.get(lang).to_owned(),
        Shortage::NobodyAnswered => N::NobodyAnswered.get(lang).to_owned(),
        Shortage::NothingToExplain { n: k, overall } => {
            n(N::NothingToExplain, *k).replace("{v}", &overall.to_string())
        }
        Shortage::BandConstant { n: k, all } => n(if *all { N::BandAll } else { N::BandNone }, *k),
        Shortage::BandCollinear => N::BandCollinear.get(lang).to_owned(),
        Shortage::NoAnswers => N::NoAnswers.get(lang).to_owned(),
        Shortage::NoScores => N::NoScores.get(lang).to_owned(),
        Shortage::NotConverged { steps } => N::NotConverged.get(lang).replace("{s}", &steps.to_string()),
    }
}
