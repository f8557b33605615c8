//! What a kiosk customer told the hall before asking to be called back: when and where, the items
//! rated low and the comment. Kept with the service-recovery case, so the agent reads it before
//! the call, and the call's script ([`kiosk_script`]) is one for a kiosk call-back: no account
//! number to verify, the visit named, what was rated low read back.

use super::case::Case;
use crate::kiosk::low_score::LowScoreRule;
use crate::questionnaire::item::{ItemId, ItemKind, TextFormat};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::tags::TagValue;
use crate::response::Response;
use crate::text::Text;
use chrono::{DateTime, FixedOffset, Timelike};
use serde::{Deserialize, Serialize};

/// An item the customer rated at or below the low-score threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LowRating {
    /// The item.
    pub item: ItemId,
    /// Its text, when the questionnaire was known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// The rating given.
    pub rating: i32,
}

impl LowRating {
    /// `取号后的等候时间可以接受 1 分` / `The waiting time … was acceptable: 1`.
    pub fn shown(&self) -> Text {
        let text = self.text.clone().unwrap_or_else(|| Text::new(self.item.as_str(), self.item.as_str()));
        Text::new(format!("{} {} 分", text.zh, self.rating), format!("{}: {}", text.en, self.rating))
    }
}

/// The kiosk visit behind a service-recovery case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskVisit {
    /// When the customer began the survey, in the kiosk's offset.
    pub visited_at: DateTime<FixedOffset>,
    /// The counter (窗口) the kiosk was set to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<TagValue>,
    /// The staff ID (工号) the kiosk was set to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<TagValue>,
    /// The items rated at or below the threshold, in the questionnaire's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub low: Vec<LowRating>,
    /// What the customer wrote, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl KioskVisit {
    /// The visit of `response` under the low-score `rule`: its items other than the overall one
    /// rated low, and its free-text answers; with `q` (the questionnaire it answers), the items'
    /// texts too. An item on a scale of its own is low where its answer lies as far down its
    /// scale as the rule's threshold on the overall item's (1–5 at ≤ 2: a quarter of the way up,
    /// so ≤ 2.5 on 0–10); without `q`, at or below the threshold itself.
    pub fn of(response: &Response, rule: &LowScoreRule, q: Option<&Questionnaire>) -> KioskVisit {
        let span = f64::from((rule.max - rule.min).max(1));
        let cut = f64::from(rule.threshold - rule.min) / span;
        let rated_low =
            |id: &ItemId, points: Option<std::ops::RangeInclusive<i32>>| match response.answer_of(id) {
                Some(Answer::Rating(x)) if *id != rule.overall => {
                    let low = match points {
                        Some(p) => {
                            f64::from(x - p.start()) / f64::from((p.end() - p.start()).max(1)) <= cut + 1e-9
                        }
                        None => *x <= rule.threshold,
                    };
                    low.then_some(*x)
                }
                _ => None,
            };
        let (low, comment) = match q {
            Some(q) => {
                let low = q
                    .items
                    .iter()
                    .filter_map(|i| {
                        let rating = rated_low(&i.id, q.rating_points(i))?;
                        Some(LowRating { item: i.id.clone(), text: Some(i.text.clone()), rating })
                    })
                    .collect();
                let texts: Vec<&str> = q
                    .items
                    .iter()
                    .filter(|i| matches!(i.kind, ItemKind::Text { format: TextFormat::Free, .. }))
                    .filter_map(|i| match response.answer_of(&i.id) {
                        Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim()),
                        _ => None,
                    })
                    .collect();
                (low, (!texts.is_empty()).then(|| texts.join("\n")))
            }
            None => {
                let low = response
                    .answers
                    .keys()
                    .filter_map(|id| {
                        Some(LowRating { item: id.clone(), text: None, rating: rated_low(id, None)? })
                    })
                    .collect();
                let comment = match response.answer_of(&ItemId::new("comment")) {
                    Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_owned()),
                    _ => None,
                };
                (low, comment)
            }
        };
        KioskVisit {
            visited_at: response.started_at,
            counter: response.tags.counter.clone(),
            staff: response.tags.staff.clone(),
            low,
            comment,
        }
    }

    /// The visit's time as the screens show it: `2026-11-02 09:00`.
    pub fn when(&self) -> String {
        self.visited_at.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// The script of a kiosk call-back: greet, say why the agent calls (the visit, the score, the
/// request), read back what was rated low and the comment, ask for a few minutes.
pub fn kiosk_script(case: &Case, visit: &KioskVisit, agent: &str) -> Vec<Text> {
    let t = visit.visited_at;
    let (month, day, hour, minute) = (t.format("%-m"), t.format("%-d"), t.hour(), t.minute());
    let hall = case.hall.as_ref().map(|h| h.to_string());
    let business = case.ticket_type.map(|b| b.label());
    let at_zh = hall.as_ref().map_or(String::new(), |h| format!("在{h}"));
    let at_en = hall.as_ref().map_or(String::new(), |h| format!(" at {h}"));
    let did_zh = business.as_ref().map_or(String::new(), |b| format!("办理{}业务后，", b.zh));
    let did_en = business.as_ref().map_or(String::new(), |b| format!(" ({})", b.en.to_lowercase()));
    let score = case.kiosk_overall.map(|x| x.to_string()).unwrap_or_else(|| "—".to_owned());
    let mut lines = vec![
        Text::new(
            format!("您好！我是供电公司客户服务中心回访员，工号{agent}。"),
            format!("Hello, this is the customer service centre of the power supply company; my agent ID is {agent}."),
        ),
        Text::new(
            format!(
                "您{month}月{day}日{hour:02}:{minute:02}{at_zh}{did_zh}在服务评价器上给了我们{score}分（满分5分），并留下这个号码请我们回电，所以给您打这个电话。"
            ),
            format!(
                "On {} at {hour:02}:{minute:02}{at_en}{did_en} you rated our service {score} out of 5 on the feedback tablet and left this number for us to call you back."
                , t.format("%-d %B")
            ),
        ),
    ];
    let items = |lang: fn(&Text) -> &str, sep: &str| {
        visit
            .low
            .iter()
            .map(|l| lang(l.text.as_ref().unwrap_or(&Text::new(l.item.as_str(), l.item.as_str()))).to_owned())
            .collect::<Vec<_>>()
            .join(sep)
    };
    if !visit.low.is_empty() {
        lines.push(Text::new(
            format!("您当时对这几项不太满意：{}。", items(|t| &t.zh, "；")),
            format!("You were not satisfied with: {}.", items(|t| &t.en, "; ")),
        ));
    }
    if let Some(c) = &visit.comment {
        lines.push(Text::new(format!("您还留言说：“{c}”。"), format!("You also wrote: “{c}”.")))
    }
    lines.push(Text::new(
        "能占用您几分钟，说说当时的情况吗？我们想把问题解决好。",
        "May I take a few minutes to hear what happened? We want to put it right.",
    ));
    lines
}
