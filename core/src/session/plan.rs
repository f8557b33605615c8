//! The screens of a questionnaire: which items share a screen and how a person moves between them.
//!
//! A required item answered with one tap (rating, 0–10, single choice, yes/no) gets a screen of its
//! own and moves on when tapped, and so does a required Kano pair once both of its questions are
//! answered (the pair is one answer); consecutive other items (optional ones, text) share a form
//! screen with an explicit button. Which screens are visible follows core's show-if rules.

use crate::questionnaire::item::{Item, ItemId, ItemKind};
use crate::questionnaire::Questionnaire;
use crate::response::Response;

/// How a screen is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// One item; a tap answers it and moves on (for a Kano pair, the tap that completes the pair).
    Tap,
    /// Several items; the person moves on with a button.
    Form,
}

/// One screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// How it is answered.
    pub kind: PageKind,
    /// Its items, in questionnaire order.
    pub items: Vec<ItemId>,
}

/// The screens of one questionnaire, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The screens.
    pub pages: Vec<Page>,
}

fn answered_by_one_tap(item: &Item) -> bool {
    item.required
        && matches!(
            item.kind,
            ItemKind::Rating { .. }
                | ItemKind::Recommend
                | ItemKind::SingleChoice { .. }
                | ItemKind::YesNo { .. }
                | ItemKind::KanoPair { .. }
        )
}

impl Plan {
    /// The screens of `q`.
    pub fn new(q: &Questionnaire) -> Plan {
        let mut pages: Vec<Page> = Vec::new();
        for item in &q.items {
            let kind = if answered_by_one_tap(item) { PageKind::Tap } else { PageKind::Form };
            match pages.last_mut() {
                Some(last) if kind == PageKind::Form && last.kind == PageKind::Form => {
                    last.items.push(item.id.clone())
                }
                _ => pages.push(Page { kind, items: vec![item.id.clone()] }),
            }
        }
        Plan { pages }
    }

    /// The screens of `q` for answers keyed in (the call desk): one item a screen, so each key
    /// answers the item shown. A required item answered with one key moves on when confirmed;
    /// the others (optional ones, multiple choices, numbers, text) go on with Enter.
    pub fn one_item_a_screen(q: &Questionnaire) -> Plan {
        let pages = q
            .items
            .iter()
            .map(|item| Page {
                kind: if answered_by_one_tap(item) { PageKind::Tap } else { PageKind::Form },
                items: vec![item.id.clone()],
            })
            .collect();
        Plan { pages }
    }

    /// Whether screen `page` shows any item for the answers of `r`.
    pub fn is_visible(&self, q: &Questionnaire, r: &Response, page: usize) -> bool {
        self.pages.get(page).is_some_and(|p| {
            p.items.iter().any(|id| q.item(id.as_str()).is_some_and(|item| r.is_shown(q, item)))
        })
    }

    /// The items of screen `page` that are shown for the answers of `r`.
    pub fn shown<'q>(&self, q: &'q Questionnaire, r: &Response, page: usize) -> Vec<&'q Item> {
        let Some(p) = self.pages.get(page) else { return Vec::new() };
        p.items.iter().filter_map(|id| q.item(id.as_str())).filter(|item| r.is_shown(q, item)).collect()
    }

    /// The first visible screen after `page` (or the first of all, for `None`).
    pub fn next(&self, q: &Questionnaire, r: &Response, page: Option<usize>) -> Option<usize> {
        let from = page.map_or(0, |p| p + 1);
        (from..self.pages.len()).find(|&p| self.is_visible(q, r, p))
    }

    /// The last visible screen before `page`.
    pub fn previous(&self, q: &Questionnaire, r: &Response, page: usize) -> Option<usize> {
        (0..page.min(self.pages.len())).rev().find(|&p| self.is_visible(q, r, p))
    }

    /// The screen that holds `item`.
    pub fn page_of(&self, item: &str) -> Option<usize> {
        self.pages.iter().position(|p| p.items.iter().any(|id| id.as_str() == item))
    }

    /// Where a resumed draft continues: the first visible screen with a shown, unanswered item, or
    /// the last visible screen when everything is answered.
    pub fn resume_at(&self, q: &Questionnaire, r: &Response) -> Option<usize> {
        let visible: Vec<usize> = (0..self.pages.len()).filter(|&p| self.is_visible(q, r, p)).collect();
        let open = |&p: &usize| self.shown(q, r, p).iter().any(|item| r.answer_of(&item.id).is_none());
        visible.iter().copied().find(open).or(visible.last().copied())
    }

    /// Screen `page`'s position among the visible screens (1-based) and how many are visible.
    pub fn progress(&self, q: &Questionnaire, r: &Response, page: usize) -> (usize, usize) {
        let visible: Vec<usize> = (0..self.pages.len()).filter(|&p| self.is_visible(q, r, p)).collect();
        let position = visible.iter().position(|&p| p == page).map_or(0, |i| i + 1);
        (position, visible.len())
    }

    /// Whether `page` is the last visible screen.
    pub fn is_last(&self, q: &Questionnaire, r: &Response, page: usize) -> bool {
        self.next(q, r, Some(page)).is_none()
    }
}
