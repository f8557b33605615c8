//! The way between the areas behind the staff PIN: one list of links to every workspace, on the
//! staff screen and at the top of the desk's and the field app's pages (shown once the PIN is
//! entered, see `Frame`). A link to another area is a page load.

use super::texts::S;
use crate::i18n::Ui;
use crate::platform::location::Route;
use manyi_core::Lang;
use yew::prelude::*;

/// Every destination, in the order shown.
const LINKS: [(Route, S); 8] = [
    (Route::Staff, S::StaffSettings),
    (Route::Results, S::Results),
    (Route::Callback, S::Callback),
    (Route::Editor, S::Editor),
    (Route::Analysis, S::Analysis),
    (Route::Evaluation, S::Evaluation),
    (Route::Kano, S::Kano),
    (Route::KanoAnalysis, S::KanoResults),
];

/// Properties of [`AreaNav`].
#[derive(Properties, PartialEq, Clone)]
pub struct AreaNavProps {
    /// The language.
    pub lang: Lang,
    /// The route shown now (marked as the current page).
    pub current: Route,
    /// The list's class (its place on the page decides its look).
    #[prop_or(classes!("topnav"))]
    pub class: Classes,
}

/// Links to every workspace.
#[function_component(AreaNav)]
pub fn area_nav(props: &AreaNavProps) -> Html {
    let link = |&(to, text): &(Route, S)| {
        let current = (props.current == to).then_some("page");
        html! { <a href={to.href()} aria-current={current}>{ text.get(props.lang) }</a> }
    };
    html! {
        <nav class={props.class.clone()} aria-label={Ui::Navigation.get(props.lang)}>
            { for LINKS.iter().map(link) }
        </nav>
    }
}
