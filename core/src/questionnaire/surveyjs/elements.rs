//! The walk over a SurveyJS survey: pages, panels and questions in order
//! (packages/survey-core/src/survey.ts, page.ts, panel.ts: `pages` of `elements`, the older
//! `questions`, or `elements` on the survey itself for one page), the properties every question
//! has (question.ts: `name`, `title` falling back to the name, `description`, `isRequired`,
//! `visible`, `visibleIf`), and afterwards every `visibleIf` translated against the converted
//! items.

use super::condition::{all, translate, Answers, Tri};
use super::expression::parse;
use super::ids::Taken;
use super::texts::Locales;
use super::{Action, Note};
use crate::questionnaire::item::{Item, ItemId, RatingScale, ScaleId};
use crate::questionnaire::Dimension;
use crate::text::Text;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A converted item waiting for its conditions: the `visibleIf` of its page, panels and itself.
pub(super) struct Pending {
    pub(super) item: Item,
    pub(super) conditions: Vec<(String, String)>,
}

/// What the walk has found so far.
#[derive(Default)]
pub(super) struct Walk {
    pub(super) locales: Locales,
    pub(super) notes: Vec<Note>,
    pub(super) ids: Taken,
    pub(super) dimension_ids: Taken,
    pub(super) items: Vec<Pending>,
    /// Converted questions (and matrix rows, as `matrix.row`) by lower-cased name.
    pub(super) names: HashMap<String, (usize, Answers)>,
    /// Questions not converted, by lower-cased name, with their type.
    pub(super) skipped: HashMap<String, String>,
    pub(super) scales: BTreeMap<ScaleId, RatingScale>,
    pub(super) dimensions: Vec<Dimension>,
    pub(super) title: Option<Text>,
    pub(super) intro: Option<Text>,
    questions_seen: usize,
}

/// SurveyJS types with no answer Manyi can hold, or no answer at all.
const UNREPRESENTABLE: [&str; 14] = [
    "paneldynamic",
    "matrixdropdown",
    "matrixdynamic",
    "multipletext",
    "expression",
    "file",
    "signaturepad",
    "html",
    "image",
    "imagemap",
    "ranking",
    "slider",
    "empty",
    "flowpanel",
];

/// Question properties whose meaning Manyi has no place for: each is listed when present.
const DROPPED_PROPERTIES: [(&str, &str, &str); 12] = [
    ("enableIf", "启用条件", "the condition enabling it"),
    ("requiredIf", "必答条件", "the condition making it required"),
    ("validators", "校验规则", "its validators"),
    ("defaultValue", "默认答案", "its default answer"),
    ("defaultValueExpression", "默认答案表达式", "its default answer expression"),
    ("setValueIf", "赋值条件", "its set-value condition"),
    ("setValueExpression", "赋值表达式", "its set-value expression"),
    ("correctAnswer", "正确答案（测验）", "its correct answer (quiz)"),
    ("valueName", "共享的答案名", "its shared value name"),
    ("choicesVisibleIf", "选项显示条件", "its choices' visibility condition"),
    ("choicesEnableIf", "选项启用条件", "its choices' enabling condition"),
    ("choicesByUrl", "从网址加载的选项", "choices loaded from a URL"),
];

impl Walk {
    /// Adds a note.
    pub(super) fn note(&mut self, path: &str, what: &str, action: Action, zh: String, en: String) {
        let note = Note { path: path.to_owned(), what: what.to_owned(), action, text: Text::new(zh, en) };
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Walks the whole survey.
    pub(super) fn survey(&mut self, survey: &Map<String, Value>) {
        for column in crate::io::responses::META_COLUMNS.iter().chain(&crate::io::responses::SCORE_COLUMNS) {
            self.ids.reserve(column);
        }
        self.title = self.locales.text(survey.get("title"));
        self.intro = self.locales.text(survey.get("description"));
        for key in ["calculatedValues", "triggers", "completedHtmlOnCondition", "navigateToUrlOnCondition"] {
            if let Some(Value::Array(list)) = survey.get(key) {
                for k in 0..list.len() {
                    self.note(
                        &format!("{key}[{k}]"),
                        key,
                        Action::Skipped,
                        "问卷级的计算值、触发器和按条件的结束页在满意中没有对应".into(),
                        "survey-level calculated values, triggers and conditional endings have no place in Manyi".into(),
                    );
                }
            }
        }
        if survey.contains_key("completedHtml") {
            self.note(
                "completedHtml",
                "completedHtml",
                Action::Skipped,
                "问卷自己的结束页未导入：满意显示它自己的感谢页".into(),
                "the survey's own closing page is dropped: Manyi shows its own thank-you".into(),
            );
        }
        match survey.get("pages") {
            Some(Value::Array(pages)) => {
                for (p, page) in pages.iter().enumerate() {
                    let path = format!("pages[{p}]");
                    let Value::Object(page) = page else { continue };
                    self.container(page, &path, &[]);
                }
            }
            _ => self.container(survey, "", &[]),
        }
    }

    /// The elements of a page or panel, with the conditions inherited from outside it.
    fn container(&mut self, c: &Map<String, Value>, path: &str, inherited: &[(String, String)]) {
        if c.get("visible") == Some(&Value::Bool(false)) {
            return self.note(
                path,
                "page",
                Action::Skipped,
                "隐藏的页面或面板".into(),
                "a hidden page or panel".into(),
            );
        }
        if !path.is_empty() && (c.contains_key("title") || c.contains_key("description")) {
            let kind = if path.ends_with(']') && path.contains("elements") { "panel" } else { "page" };
            self.note(
                path,
                kind,
                Action::Changed,
                "页面和面板按顺序展开为题目：其标题和说明不显示".into(),
                "pages and panels are flattened into their questions: their title and description are not shown".into(),
            );
        }
        let mut conditions = inherited.to_vec();
        if let Some(Value::String(e)) = c.get("visibleIf") {
            conditions.push((join(path, "visibleIf"), e.clone()));
        }
        let key = if c.contains_key("elements") { "elements" } else { "questions" };
        let Some(Value::Array(elements)) = c.get(key) else { return };
        for (k, e) in elements.iter().enumerate() {
            let path = join(path, &format!("{key}[{k}]"));
            if let Value::Object(e) = e {
                self.element(e, &path, &conditions);
            }
        }
    }

    fn element(&mut self, e: &Map<String, Value>, path: &str, inherited: &[(String, String)]) {
        let kind = e.get("type").and_then(Value::as_str).unwrap_or("").to_ascii_lowercase();
        if kind == "panel" {
            return self.container(e, path, inherited);
        }
        self.questions_seen += 1;
        let position = self.questions_seen;
        let name = match e.get("name") {
            Some(v @ (Value::String(_) | Value::Number(_))) => super::values::js_string(v),
            _ => format!("question{position}"),
        };
        let skip = |walk: &mut Walk, zh: String, en: String| {
            walk.skipped.insert(name.to_lowercase(), kind.clone());
            walk.note(path, &kind, Action::Skipped, zh, en);
        };
        if UNREPRESENTABLE.contains(&kind.as_str()) {
            return skip(
                self,
                format!("`{name}`：满意没有这种题型"),
                format!("`{name}`: Manyi has no such kind of item"),
            );
        }
        if e.get("visible") == Some(&Value::Bool(false)) {
            return skip(self, format!("`{name}`：隐藏的题目"), format!("`{name}`: a hidden question"));
        }
        if e.contains_key("choicesFromQuestion") {
            return skip(
                self,
                format!("`{name}`：选项取自另一题（choicesFromQuestion），无法导入"),
                format!("`{name}`: its choices come from another question (choicesFromQuestion)"),
            );
        }
        for (property, zh, en) in DROPPED_PROPERTIES {
            if e.contains_key(property) {
                self.note(
                    &join(path, property),
                    property,
                    Action::Skipped,
                    format!("`{name}`：{zh}未导入"),
                    format!("`{name}`: {en} is dropped"),
                );
            }
        }
        if e.get("showCommentArea").or(e.get("hasComment")) == Some(&Value::Bool(true)) {
            self.note(
                path,
                "showCommentArea",
                Action::Skipped,
                format!("`{name}`：附加的评论框未导入"),
                format!("`{name}`: its comment box is dropped"),
            );
        }
        let mut conditions = inherited.to_vec();
        if let Some(Value::String(c)) = e.get("visibleIf") {
            conditions.push((join(path, "visibleIf"), c.clone()));
        }
        let text = self.locales.text(e.get("title")).unwrap_or_else(|| Text::new(name.clone(), name.clone()));
        let help = self.locales.text(e.get("description"));
        let required = e.get("isRequired") == Some(&Value::Bool(true));
        if kind == "matrix" {
            return self.matrix(e, path, &name, text, required, conditions);
        }
        let converted = match kind.as_str() {
            "rating" => self.rating(e, path, &name),
            "radiogroup" | "dropdown" | "buttongroup" | "checkbox" | "tagbox" | "imagepicker" => {
                self.choice(e, path, &name, &kind)
            }
            "boolean" => Ok(self.boolean(e, path, &name)),
            "text" | "comment" => Ok(self.text(e, path, &name, &kind)),
            _ => Err((
                format!("`{name}`：满意不认识题型 `{kind}`"),
                format!("`{name}`: Manyi does not know the type `{kind}`"),
            )),
        };
        match converted {
            Ok((kind, answers)) => {
                let item = Item {
                    id: ItemId::new(""),
                    text,
                    help,
                    dimension: None,
                    weight: 1.0,
                    required,
                    show_if: None,
                    tag: None,
                    kind,
                };
                self.push(path, &name, &name, item, answers, conditions);
            }
            Err((zh, en)) => skip(self, zh, en),
        }
    }

    /// Adds a converted item: its id from `raw_id`, its SurveyJS `name` for conditions.
    pub(super) fn push(
        &mut self,
        path: &str,
        raw_id: &str,
        name: &str,
        mut item: Item,
        answers: Answers,
        conditions: Vec<(String, String)>,
    ) {
        let position = self.items.len() + 1;
        let (id, renamed) = self.ids.give(raw_id, "q", position);
        if renamed && crate::id::is_machine_id(raw_id) {
            self.note(
                path,
                "name",
                Action::Renamed,
                format!("编号 `{raw_id}` 已被占用（重名或导出文件的固定列），改为 `{id}`"),
                format!("the id `{raw_id}` is taken (a repeated name or a fixed column of the exports): it is `{id}`"),
            );
        } else if renamed {
            self.note(
                path,
                "name",
                Action::Renamed,
                format!("`{raw_id}` 不符合满意的编号规则（小写字母、数字和 `_`），改为 `{id}`"),
                format!("`{raw_id}` is not a Manyi id (lower-case letters, digits, `_`): it is `{id}`"),
            );
        }
        item.id = ItemId::new(id);
        self.names.insert(name.to_lowercase(), (self.items.len(), answers));
        self.items.push(Pending { item, conditions });
    }

    /// The items with their conditions translated, the scales, the dimensions and the notes.
    pub(super) fn finish(mut self) -> Converted {
        let mut items = Vec::new();
        for index in 0..self.items.len() {
            let conditions = std::mem::take(&mut self.items[index].conditions);
            let mut parts = Vec::new();
            for (path, text) in conditions {
                let found = parse(&text).and_then(|e| translate(&e, &|name| self.lookup(name, index)));
                match found {
                    Ok(t) => parts.push(t),
                    Err(why) => self.note(
                        &path,
                        "visibleIf",
                        Action::Skipped,
                        format!("显示条件 `{text}` 无法转换（{why}）：该题总是显示"),
                        format!(
                            "the condition `{text}` cannot be converted ({why}): the item is always shown"
                        ),
                    ),
                }
            }
            let item = &mut self.items[index].item;
            if !parts.is_empty() {
                let tri = all(parts);
                if let Tri::Never(_) = tri {
                    let id = item.id.to_string();
                    let note = Note {
                        path: String::new(),
                        what: "visibleIf".into(),
                        action: Action::Changed,
                        text: Text::new(
                            format!("`{id}` 的显示条件永远不成立：该题不会显示"),
                            format!("the condition of `{id}` never holds: the item is never shown"),
                        ),
                    };
                    self.notes.push(note);
                }
                item.show_if = tri.into_condition();
            }
            items.push(item.clone());
        }
        if !self.locales.dropped.is_empty() {
            let dropped = std::mem::take(&mut self.locales.dropped);
            self.notes.push(locales_note(&dropped));
        }
        Converted {
            title: self.title,
            intro: self.intro,
            items,
            scales: self.scales,
            dimensions: self.dimensions,
            notes: self.notes,
        }
    }

    fn lookup(&self, name: &str, index: usize) -> Result<(ItemId, Answers), String> {
        let key = name.trim().to_lowercase();
        match self.names.get(&key) {
            Some((at, answers)) if *at < index => Ok((self.items[*at].item.id.clone(), answers.clone())),
            Some(_) => Err(format!("`{{{name}}}` is not asked before this item")),
            None => match self.skipped.get(&key) {
                Some(kind) => Err(format!("`{{{name}}}` is a {kind} question that was not converted")),
                None => Err(format!(
                    "`{{{name}}}` is not a question of the survey (a variable or calculated value)"
                )),
            },
        }
    }
}

/// What the walk gives.
pub(super) struct Converted {
    pub(super) title: Option<Text>,
    pub(super) intro: Option<Text>,
    pub(super) items: Vec<Item>,
    pub(super) scales: BTreeMap<ScaleId, RatingScale>,
    pub(super) dimensions: Vec<Dimension>,
    pub(super) notes: Vec<Note>,
}

/// The note on texts in languages Manyi does not have.
pub(super) fn locales_note(dropped: &BTreeSet<String>) -> Note {
    let list = dropped.iter().cloned().collect::<Vec<_>>().join(", ");
    Note {
        path: String::new(),
        what: "locale".into(),
        action: Action::Skipped,
        text: Text::new(
            format!("满意只有中文和英文：{list} 的文字未导入"),
            format!("Manyi speaks Chinese and English only: the texts in {list} are dropped"),
        ),
    }
}

/// `path.key`, or `key` at the top.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}
