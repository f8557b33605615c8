//! A SurveyJS Likert `matrix` (question_matrix.ts: `rows`, `columns`,
//! `isAllRowRequired`/`eachRowRequired`, `cellType` radio or checkbox) → one rated item per row on
//! the columns' scale, in a dimension named after the matrix.

use super::choices::item_values;
use super::condition::Answers;
use super::elements::{join, Walk};
use super::questions::labels;
use super::rating::{points, Points};
use super::values::{as_number, js_string};
use super::Action;
use crate::questionnaire::item::{DimensionId, Item, ItemKind, ScaleId};
use crate::questionnaire::Dimension;
use crate::text::Text;
use serde_json::{Map, Value};

impl Walk {
    /// A Likert matrix: a rated item per row on the columns' scale, in a dimension named after it.
    pub(super) fn matrix(
        &mut self,
        e: &Map<String, Value>,
        path: &str,
        name: &str,
        title: Text,
        required: bool,
        conditions: Vec<(String, String)>,
    ) {
        let rows = item_values(e.get("rows"), &mut self.locales);
        let columns = item_values(e.get("columns"), &mut self.locales);
        self.skipped.insert(name.to_lowercase(), "matrix (its rows are items)".into());
        if e.get("cellType").and_then(Value::as_str) == Some("checkbox") {
            self.note(
                path,
                "matrix",
                Action::Skipped,
                format!("`{name}`：每行多选的矩阵题无法导入"),
                format!("`{name}`: a matrix with several answers per row cannot be held"),
            );
            return;
        }
        if rows.is_empty() || columns.len() < 2 {
            self.note(
                path,
                "matrix",
                Action::Skipped,
                format!("`{name}`：矩阵题没有行或少于两列"),
                format!("`{name}`: a matrix without rows or with fewer than two columns"),
            );
            return;
        }
        self.conditional_values(&rows, path, name);
        self.conditional_values(&columns, path, name);
        for key in ["rowsVisibleIf", "columnsVisibleIf", "rowsOrder", "rowOrder", "eachRowUnique"] {
            if e.contains_key(key) {
                self.note(
                    &join(path, key),
                    key,
                    Action::Skipped,
                    format!("`{name}`：{key} 未导入"),
                    format!("`{name}`: {key} is dropped"),
                );
            }
        }
        let labels = labels(&columns, None, None);
        let (scale, answers): (ScaleId, Vec<(Value, i32)>) = match points(&columns) {
            Points::Same { min, max } => (
                self.scale(min, max, labels),
                columns
                    .iter()
                    .map(|c| (c.value.clone(), as_number(&c.value).unwrap_or(0.0) as i32))
                    .collect(),
            ),
            _ => {
                self.indexed_note(&columns, path, name);
                (
                    self.scale(1, columns.len() as i32, labels),
                    columns.iter().zip(1..).map(|(c, p)| (c.value.clone(), p)).collect(),
                )
            }
        };
        let all_rows = e.get("isAllRowRequired").or(e.get("eachRowRequired")) == Some(&Value::Bool(true));
        if required && !all_rows {
            self.note(
                path,
                "isRequired",
                Action::Changed,
                format!("`{name}`：“至少答一行”无法表示，各行都不是必答"),
                format!("`{name}`: \"answer at least one row\" cannot be said; no row is required"),
            );
        }
        let (dimension, renamed) = self.dimension_ids.give(name, "d", self.dimensions.len() + 1);
        if renamed {
            self.note(
                path,
                "name",
                Action::Renamed,
                format!("矩阵 `{name}` 的维度编号为 `{dimension}`"),
                format!("the dimension of the matrix `{name}` is `{dimension}`"),
            );
        }
        self.dimensions.push(Dimension { id: DimensionId::new(dimension.clone()), title, weight: 1.0 });
        for (r, row) in rows.iter().enumerate() {
            let value = js_string(&row.value);
            let item = Item {
                id: crate::questionnaire::item::ItemId::new(""),
                text: row.label(),
                help: None,
                dimension: Some(DimensionId::new(dimension.clone())),
                weight: 1.0,
                required: all_rows,
                show_if: None,
                tag: None,
                kind: ItemKind::Rating { scale: scale.clone(), not_applicable: false },
            };
            let row_path = join(path, &format!("rows[{r}]"));
            self.push(
                &row_path,
                &format!("{name}_{value}"),
                &format!("{name}.{value}"),
                item,
                Answers::Points(answers.clone()),
                conditions.clone(),
            );
        }
    }
}
