//! The formulas sheet: how every exported figure is computed (DOMAIN.md §3), in Chinese and
//! English, so that a workbook explains itself when it is passed on.

/// `(figure, 中文, English)`, in the order of the sheets.
pub const FORMULAS: [(&str, &str, &str); 22] = [
    (
        "rescaling",
        "换算：量表 [min, max] 上的得分 x 换算为 0–100 分：(x − min) / (max − min) × 100。",
        "Rescaling: an answer x on a scale [min, max] maps to 0–100 as (x − min) / (max − min) × 100.",
    ),
    (
        "composite",
        "综合得分：权重树为维度权重 × 维度内指标权重；每位受访者的综合得分是其已作答指标（0–100 分）的加权平均。“不适用”和未答指标不计，其余权重重新归一（全局归一：维度权重 × 指标权重之积在已答指标上和为 1；或维度内归一）。触及红线项的测评答卷记 0 分。",
        "Composite: weights form a tree, dimension weight × item weight within the dimension. A respondent's composite is the weighted mean of his answered items on 0–100; N/A and missing items drop out and the weights are renormalised (global: the products sum to 1 over the answered items; or within each dimension). An evaluation visit that hits a red-line item scores 0.",
    ),
    (
        "index",
        "满意度指数：组内受访者综合得分的平均值。维度指数按同样方法在各维度内计算。",
        "Index: the mean of the group's composites. Dimension indices are computed the same way within each dimension.",
    ),
    (
        "se",
        "标准误：SE = s / √n，s 为组内综合得分的样本标准差（分母 n − 1）。",
        "Standard error: SE = s / √n, with s the sample standard deviation of the composites (divisor n − 1).",
    ),
    (
        "ci",
        "95% 置信区间：指数 ± t(0.975, n − 1) × SE（Student t 分布）；超出 0–100 的一端取 0 或 100（指数不可能在量表之外，区间仍以 95% 的概率覆盖真实指数）。",
        "95 % interval: index ± t(0.975, n − 1) × SE (Student's t); an end beyond the 0–100 scale is put at 0 or 100 (an index cannot lie outside the scale, so the interval still holds the true index 95 % of the time).",
    ),
    (
        "small_sample",
        "小样本：n < 30 的组标记为小样本，其指数仅供参考。",
        "Small sample: groups with n < 30 are flagged; read their index with care.",
    ),
    (
        "weights",
        "权重来源：等权；直接给定（归一为和 1）；层次分析法 AHP；或由数据导出（各指标与总体满意度 overall 的关联，如标准化回归系数，负值记 0 并提示）。所用权重与方法见 weights 表。",
        "Weights: equal; stated (normalised to sum 1); AHP; or derived from data (each item's association with overall, e.g. standardised regression coefficients; negatives clamped to 0 with a warning). The weights and method used are in the weights sheet.",
    ),
    (
        "ahp",
        "AHP：判断矩阵的主特征向量为权重，λmax 为最大特征值；CI = (λmax − n)/(n − 1)；CR = CI / RI，Saaty 随机一致性指标 RI：3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49。CR > 0.10 为不一致，须修改判断。",
        "AHP: weights are the principal eigenvector of the pairwise-comparison matrix, λmax its eigenvalue; CI = (λmax − n)/(n − 1); CR = CI / RI with Saaty's random index 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49. CR > 0.10 is inconsistent: revise the judgements.",
    ),
    (
        "kano_table",
        "Kano 评价表：行=正向问题（具备时）答案，列=反向问题（不具备时）答案，1 喜欢 … 5 不喜欢。(1,1)、(5,5) 为 Q；(1,5) 为 O；(1,2–4) 为 A；(2–4,5) 为 M；(2–4,2–4) 为 I；其余为 R。",
        "Kano evaluation table: rows = functional answer, columns = dysfunctional answer, 1 like … 5 dislike. (1,1) and (5,5) are Q; (1,5) O; (1,2–4) A; (2–4,5) M; (2–4,2–4) I; the rest R.",
    ),
    (
        "kano_class",
        "Kano 类别：A 魅力（激励质量）、O 一维（绩效质量）、M 必备（基本质量）、I 无差异、R 反向、Q 可疑。类别取频数最多者，并列时按 M > O > A > I（Berger 等 1993）。",
        "Kano class: A attractive (excitement), O one-dimensional (performance), M must-be (basic), I indifferent, R reverse, Q questionable. The class is the most frequent category, ties broken M > O > A > I (Berger et al. 1993).",
    ),
    (
        "better_worse",
        "Better = (A + O)/(A + O + M + I)；Worse = −(O + M)/(A + O + M + I)。",
        "Better = (A + O)/(A + O + M + I); Worse = −(O + M)/(A + O + M + I).",
    ),
    (
        "strength",
        "总强度 = (A + O + M)/N；类别强度 = (最多 − 次多)/N。",
        "Total strength = (A + O + M)/N; category strength = (first − second)/N.",
    ),
    (
        "fong",
        "Fong 检验：a ≥ b 为最多的两个频数，n 为回答数；若 |a − b| < 1.65 √((a + b)(2n − a − b)/(2n))，则类别不显著，报告混合类别（如 “A/O”）。",
        "Fong's test: with a ≥ b the two largest counts and n the answers, the class is not significant when |a − b| < 1.65 √((a + b)(2n − a − b)/(2n)); the mixed class (e.g. \"A/O\") is then reported.",
    ),
    (
        "dumouchel",
        "连续评分（DuMouchel）：正向 喜欢 4、理应如此 2、无所谓 0、能忍受 −1、不喜欢 −2；反向 −2、−1、0、2、4；报告两者的均值。",
        "Continuous scores (DuMouchel): functional like 4, expect 2, neutral 0, live-with −1, dislike −2; dysfunctional −2, −1, 0, 2, 4; the means are reported.",
    ),
    (
        "penalty_reward",
        "惩罚—奖励对比分析：每个指标设低分哑变量（默认 1–2）与高分哑变量（默认 5），将 overall 对全部哑变量做一次 OLS 回归。惩罚 = |β_低|，奖励 = β_高；未答或不适用按中间档处理（两个哑变量均为 0）。",
        "Penalty–reward contrast analysis: for each item a low-band dummy (default 1–2) and a high-band dummy (default 5); one OLS regression of overall on all dummies. Penalty = |β_low|, reward = β_high; a missing or N/A answer counts as a middle answer (both dummies 0).",
    ),
    (
        "impact_asymmetry",
        "影响不对称性 IA = (奖励 − 惩罚)/(|奖励| + 惩罚)，−1 至 1：接近 −1 为基本型，接近 +1 为激励型。",
        "Impact asymmetry IA = (reward − penalty)/(|reward| + penalty), −1 to 1: near −1 basic, near +1 excitement.",
    ),
    (
        "quality_category",
        "质量特性：仅惩罚显著（β_低 < 0，p < 0.05）为基本型；仅奖励显著为激励型；两者皆显著为绩效型；皆不显著为无差异。",
        "Quality category: only the penalty significant (β_low < 0, p < 0.05) → basic; only the reward → excitement; both → performance; neither → indifferent.",
    ),
    (
        "importance",
        "重要性：指标的标准化回归系数（overall 对各指标评分的 OLS，β × sd(x)/sd(y)）；表现：指标平均分换算为 0–100。",
        "Importance: the item's standardised regression coefficient (OLS of overall on the item ratings, β × sd(x)/sd(y)); performance: the item's mean answer rescaled to 0–100.",
    ),
    (
        "quadrant",
        "重要性—表现分析（IPA）：以数据均值为十字线分为四个象限：重点改进（重要性高、表现低）、继续保持（高、高）、次要改进（低、低）、可能过度（低、高）。",
        "Importance–performance analysis: cross-hairs at the data means give four quadrants: concentrate here (high importance, low performance), keep up the good work (high, high), low priority (low, low), possible overkill (low, high).",
    ),
    (
        "nps",
        "净推荐值（如有 0–10 推荐题）：推荐者 9–10，贬损者 0–6，NPS = 100 (P − D)/n，区间为调整 Wald 法。",
        "Net promoter score (if a 0–10 recommend item is asked): promoters 9–10, detractors 0–6, NPS = 100 (P − D)/n, interval by the adjusted-Wald method.",
    ),
    (
        "text",
        "以 = + - − @（或制表符、回车）开头的文本前加单引号 '，与 CSV 文件一致；所有文本单元格均以字符串写入，电子表格不会将其作为公式执行。",
        "Text beginning with = + - − @ (or a tab or carriage return) gets a leading apostrophe, as in the CSV files; every text cell is written as a string, so a spreadsheet never runs it as a formula.",
    ),
    (
        "timestamps",
        "时间以 ISO 8601 文本记录并带设备的 UTC 时差（如 2026-03-02T09:15:00+08:00），月份、周按设备当地时间分组。",
        "Times are ISO 8601 text with the device's UTC offset (e.g. 2026-03-02T09:15:00+08:00); months and weeks are grouped in the device's local time.",
    ),
];
