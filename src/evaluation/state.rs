//! The evaluation screen's state: core's checklist machine, and which checklist it runs.

use manyi_core::evaluation::checklist::{Checklist, ChecklistAction};
use std::rc::Rc;
use yew::Reducible;

/// The state: no checklist until the library is known.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EvalState {
    /// The checklist run.
    pub checklist: Option<Checklist>,
}

/// What changes it.
#[derive(Debug, Clone, PartialEq)]
pub enum EvalAction {
    /// Run this checklist (a fresh machine).
    Load(Box<Checklist>),
    /// A move of the evaluator.
    Act(ChecklistAction),
}

impl Reducible for EvalState {
    type Action = EvalAction;

    fn reduce(self: Rc<Self>, action: EvalAction) -> Rc<Self> {
        match action {
            EvalAction::Load(c) => Rc::new(EvalState { checklist: Some(*c) }),
            EvalAction::Act(a) => {
                let mut next = (*self).clone();
                let changed = next.checklist.as_mut().is_some_and(|c| c.apply(a));
                if changed {
                    Rc::new(next)
                } else {
                    self
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::evaluation::checklist::ChecklistScreen;
    use manyi_core::questionnaire::builtin::Builtin;

    #[test]
    fn an_ignored_move_keeps_the_same_state() {
        let s = Rc::new(EvalState::default());
        let same = Rc::clone(&s).reduce(EvalAction::Act(ChecklistAction::NewVisit));
        assert!(Rc::ptr_eq(&s, &same));
        let loaded =
            s.reduce(EvalAction::Load(Box::new(Checklist::new(Builtin::Evaluation.questionnaire()))));
        let ignored =
            Rc::clone(&loaded).reduce(EvalAction::Act(ChecklistAction::Show(ChecklistScreen::Summary)));
        assert!(Rc::ptr_eq(&loaded, &ignored), "no summary before a visit is started");
    }
}
