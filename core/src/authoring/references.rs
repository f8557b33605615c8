//! What renaming an id in the editor also changes: every show-if condition that names the item,
//! or the option of a choice item, takes the new name.

use crate::questionnaire::condition::Condition;
use crate::questionnaire::item::{ChoiceCode, ItemId};

/// Renames item `old` to `new` wherever `c` names it.
pub(super) fn rename_item(c: &mut Condition, old: &ItemId, new: &ItemId) {
    match c {
        Condition::Answered { item }
        | Condition::Chosen { item, .. }
        | Condition::AtMost { item, .. }
        | Condition::AtLeast { item, .. }
        | Condition::Yes { item }
        | Condition::No { item } => {
            if item == old {
                *item = new.clone();
            }
        }
        Condition::All { all: cs } | Condition::Any { any: cs } => {
            cs.iter_mut().for_each(|c| rename_item(c, old, new))
        }
        Condition::Not { not } => rename_item(not, old, new),
    }
}

/// Renames option `old` of item `of` to `new` wherever `c` names it.
pub(super) fn rename_option(c: &mut Condition, of: &ItemId, old: &ChoiceCode, new: &ChoiceCode) {
    match c {
        Condition::Chosen { item, any_of } if item == of => {
            for code in any_of.iter_mut().filter(|code| *code == old) {
                *code = new.clone();
            }
        }
        Condition::All { all: cs } | Condition::Any { any: cs } => {
            cs.iter_mut().for_each(|c| rename_option(c, of, old, new))
        }
        Condition::Not { not } => rename_option(not, of, old, new),
        _ => {}
    }
}
