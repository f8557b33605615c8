//! The responses of one questionnaire as a table: one row per response with its metadata, a
//! column per item (two for a Kano pair) and its composite; and the code/label dictionary.

use super::table::{Cell, Table};
use crate::questionnaire::item::{Item, ItemId, ItemKind, TextFormat};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::disposition::Disposition;
use crate::response::tags::{BusinessType, CustomerClass, TagKey, TAG_COUNT};
use crate::response::{Channel, Response, Status};
use crate::text::Text;

mod cells;
mod columns;
mod read;
pub use read::read_responses_csv;
pub(crate) use read::{expected_rows, TableReader};

/// Options of the responses table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResponsesOptions {
    /// Show phone numbers in full (a staff setting); by default they are masked as 138****5678.
    pub show_phone_numbers: bool,
}

/// The columns after the items.
pub const SCORE_COLUMNS: [&str; 2] = ["composite", "red_lines"];

/// The metadata columns before the tags.
const HEAD_COLUMNS: [&str; 5] =
    ["response_id", "questionnaire_id", "questionnaire_version", "channel", "status"];
/// The metadata columns after the tags.
const TAIL_COLUMNS: [&str; 3] = ["started_at", "submitted_at", "disposition"];

/// The metadata columns before the items: `response_id`, `questionnaire_id`,
/// `questionnaire_version`, `channel`, `status`, a column per tag (in the order of
/// [`TagKey::ALL`]: `hall` … `customer_class`), `started_at`, `submitted_at`, `disposition`.
pub const META_COLUMNS: [&str; HEAD_COLUMNS.len() + TAG_COUNT + TAIL_COLUMNS.len()] = meta_columns();

/// The position of the first tag's column in [`META_COLUMNS`].
pub(crate) const TAG_COLUMNS_AT: usize = HEAD_COLUMNS.len();

const fn meta_columns() -> [&'static str; HEAD_COLUMNS.len() + TAG_COUNT + TAIL_COLUMNS.len()] {
    let mut out = [""; HEAD_COLUMNS.len() + TAG_COUNT + TAIL_COLUMNS.len()];
    let mut k = 0;
    while k < out.len() {
        out[k] = if k < TAG_COLUMNS_AT {
            HEAD_COLUMNS[k]
        } else if k < TAG_COLUMNS_AT + TAG_COUNT {
            TagKey::CODES[k - TAG_COLUMNS_AT]
        } else {
            TAIL_COLUMNS[k - TAG_COLUMNS_AT - TAG_COUNT]
        };
        k += 1;
    }
    out
}

/// A phone number with all but the first three and last four digits hidden (`138****5678`);
/// short numbers keep only their last two digits.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let n = chars.len();
    let (head, tail) = if n >= 11 { (3, 4) } else { (0, 2.min(n)) };
    chars.iter().enumerate().map(|(i, c)| if i < head || i >= n - tail { *c } else { '*' }).collect()
}

/// The columns of the responses table of one questionnaire and how a response fills them: the
/// metadata, a column per item (two for a Kano pair; an item that sets a tag is answered in the
/// tag's column), a note column per item that has notes, the composite and the red lines. The
/// table is built row by row from it, so that a large dataset can be written in chunks.
#[derive(Debug, Clone)]
pub struct ResponsesLayout<'q> {
    q: &'q Questionnaire,
    noted: Vec<&'q Item>,
    options: ResponsesOptions,
    columns: Vec<String>,
}

impl<'q> ResponsesLayout<'q> {
    /// The layout for `q`; `noted` says whether any response has a note on an item.
    pub fn new(q: &'q Questionnaire, noted: impl Fn(&ItemId) -> bool, options: ResponsesOptions) -> Self {
        let mut columns: Vec<String> = META_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
        for item in q.items.iter().filter(|i| answered_in_own_column(i)) {
            match item.kind {
                ItemKind::KanoPair { .. } => {
                    columns.push(format!("{}_functional", item.id));
                    columns.push(format!("{}_dysfunctional", item.id));
                }
                _ => columns.push(item.id.to_string()),
            }
        }
        let noted: Vec<&Item> = q.items.iter().filter(|i| noted(&i.id)).collect();
        columns.extend(noted.iter().map(|i| format!("{}_note", i.id)));
        columns.extend(SCORE_COLUMNS.iter().map(|c| (*c).to_owned()));
        ResponsesLayout { q, noted, options, columns }
    }

    /// The column names.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The row of `r`; `score` is its composite and its red lines joined by `;`, if it was scored.
    pub fn row(&self, r: &Response, score: Option<(Option<f64>, &str)>) -> Vec<Cell> {
        let tag = |k: TagKey| k.get(&r.tags).map_or(Cell::Empty, Cell::Text);
        let mut row = Vec::with_capacity(self.columns.len());
        row.extend([
            r.id.to_string().into(),
            r.questionnaire.id.as_str().into(),
            Cell::Integer(i64::from(r.questionnaire.version)),
            r.channel.code().into(),
            r.status.code().into(),
        ]);
        row.extend(TagKey::ALL.iter().map(|key| tag(*key)));
        row.extend([
            r.started_at.into(),
            r.submitted_at.into(),
            r.disposition.map_or(Cell::Empty, |d| d.code().into()),
        ]);
        for item in self.q.items.iter().filter(|i| answered_in_own_column(i)) {
            let answer = r.answer_of(&item.id);
            match (&item.kind, answer) {
                (ItemKind::KanoPair { .. }, Some(Answer::Kano(k))) => {
                    row.push(Cell::Integer(i64::from(k.functional.code())));
                    row.push(Cell::Integer(i64::from(k.dysfunctional.code())));
                }
                (ItemKind::KanoPair { .. }, _) => row.extend([Cell::Empty, Cell::Empty]),
                (ItemKind::Text { format: TextFormat::Phone, .. }, Some(Answer::Text(p)))
                    if !self.options.show_phone_numbers =>
                {
                    row.push(mask_phone(p).into())
                }
                (_, Some(Answer::Rating(x))) => row.push(Cell::Integer(i64::from(*x))),
                (_, Some(Answer::Number(x))) => row.push(Cell::Number(*x)),
                (_, Some(a)) => row.push(a.cell().into()),
                (_, None) => row.push(Cell::Empty),
            }
        }
        for item in &self.noted {
            row.push(r.notes.get(&item.id).map_or(Cell::Empty, |n| n.as_str().into()));
        }
        match score {
            Some((composite, red)) => {
                row.push(composite.into());
                row.push(if red.is_empty() { Cell::Empty } else { red.into() });
            }
            None => row.extend([Cell::Empty, Cell::Empty]),
        }
        row
    }
}

/// An item that sets a tag (business type, customer class) is answered in the tag's column.
fn answered_in_own_column(item: &Item) -> bool {
    item.tag.is_none()
}

/// The code/label dictionary: `variable,code,label_zh,label_en` for every coded column of the
/// responses table of `q`, and `variable,,text_zh,text_en` for each item's question text.
pub fn dictionary_table(q: &Questionnaire) -> Table {
    let mut t = Table::new(["variable", "code", "label_zh", "label_en"]);
    let mut push = |variable: &str, code: &str, label: &Text| {
        t.push(vec![variable.into(), code.into(), label.zh.as_str().into(), label.en.as_str().into()]);
    };
    let coded = |v: &mut dyn FnMut(&str, &str, &Text)| {
        for c in Channel::ALL {
            v("channel", c.code(), &c.label());
        }
        for s in Status::ALL {
            v("status", s.code(), &s.label());
        }
        for b in BusinessType::ALL {
            v("business_type", b.code(), &b.label());
        }
        for c in CustomerClass::ALL {
            v("customer_class", c.code(), &c.label());
        }
        for d in Disposition::ALL {
            v("disposition", d.code(), &d.label());
        }
    };
    coded(&mut push);
    for item in &q.items {
        let id = item.id.as_str();
        push(id, "", &item.text);
        match &item.kind {
            ItemKind::Rating { .. } | ItemKind::Recommend => {
                if let Some(scale) = q.rating_scale(item) {
                    for p in scale.points() {
                        if let Some(label) = scale.label(p) {
                            push(id, &p.to_string(), label);
                        }
                    }
                }
            }
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => {
                for o in options {
                    push(id, o.code.as_str(), &o.label);
                }
            }
            ItemKind::YesNo { .. } => {
                push(id, "yes", &Text::new("是", "Yes"));
                push(id, "no", &Text::new("否", "No"));
            }
            ItemKind::KanoPair { functional, dysfunctional } => {
                push(&format!("{id}_functional"), "", functional);
                push(&format!("{id}_dysfunctional"), "", dysfunctional);
                for a in crate::scoring::kano::KanoAnswer::ALL {
                    push(&format!("{id}_functional"), &a.code().to_string(), &a.label());
                }
            }
            _ => {}
        }
        if item.kind.offers_not_applicable() {
            push(id, "NA", &Text::new("不适用", "Not applicable"));
        }
    }
    t
}

#[cfg(test)]
mod tests;
