//! The questionnaires of the device as the screens get them: core's [`Library`] of the built-ins
//! and the stored questionnaires, loaded once the store is open. Without a store, the built-ins.

use crate::app::{AppContext, StoreStatus};
use manyi_core::questionnaire::library::Library;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The library, or why the stored questionnaires could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// The store is being opened or read.
    Waiting,
    /// The questionnaires known.
    Ready(Rc<Library>),
    /// The stored questionnaires could not be read; the built-ins are still there.
    Failed(Rc<Library>, String),
}

impl Loaded {
    /// The library, once known.
    pub fn library(&self) -> Option<&Rc<Library>> {
        match self {
            Loaded::Waiting => None,
            Loaded::Ready(l) | Loaded::Failed(l, _) => Some(l),
        }
    }
}

/// The library, loaded when the store opens; the handle lets a screen replace it after saving.
#[hook]
pub fn use_library() -> UseStateHandle<Loaded> {
    let ctx = use_context::<AppContext>().expect("rendered inside App");
    let loaded = use_state(|| Loaded::Waiting);
    {
        let loaded = loaded.clone();
        use_effect_with(ctx.store.clone(), move |store| match store.clone() {
            StoreStatus::Ready(store) => spawn_local(async move {
                loaded.set(match store.questionnaires().await {
                    Ok(stored) => Loaded::Ready(Rc::new(Library::new(stored))),
                    Err(e) => Loaded::Failed(Rc::new(Library::default()), e.to_string()),
                })
            }),
            StoreStatus::Failed => {
                loaded.set(Loaded::Failed(Rc::new(Library::default()), "no storage".into()))
            }
            StoreStatus::Opening => {}
        });
    }
    loaded
}
