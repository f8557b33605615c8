//! The rating faces in a real page: named by their labels, one answer per tap, N/A when offered.

use crate::dom::wait_for;
use manyi::components::{RatingFaces, RatingFacesProps};
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::response::answer::Answer;
use manyi_core::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};
use yew::Callback;

/// Mounts the faces of the hall's satisfaction scale and returns the root and the answers tapped.
fn mount(lang: Lang, not_applicable: bool, selected: Option<Answer>) -> (Element, Rc<RefCell<Vec<Answer>>>) {
    let q = Builtin::Hall.questionnaire();
    let scale = q.rating_scale(q.item("kiosk_ease").unwrap()).unwrap();
    let tapped = Rc::new(RefCell::new(Vec::new()));
    let log = Rc::clone(&tapped);
    let on_answer = Callback::from(move |a: Answer| log.borrow_mut().push(a));
    let props = RatingFacesProps { scale, lang, not_applicable, selected, labelled_by: None, on_answer };
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<RatingFaces>::with_root_and_props(root.clone(), props).render();
    (root, tapped)
}

fn buttons(root: &Element) -> Vec<HtmlElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

fn names(root: &Element) -> Vec<String> {
    buttons(root).iter().map(|b| b.text_content().unwrap_or_default().trim().to_owned()).collect()
}

#[wasm_bindgen_test]
async fn five_faces_named_by_their_labels_and_not_applicable() {
    let (root, tapped) = mount(Lang::Zh, true, None);
    wait_for(&root, "button.not-applicable").await;
    assert_eq!(names(&root), ["非常不满意", "不满意", "一般", "满意", "非常满意", "未使用/不适用"]);
    // The face pictures are hidden from screen readers: the label alone names each button.
    assert_eq!(root.query_selector_all("svg[aria-hidden='true']").unwrap().length(), 5);
    buttons(&root)[3].click();
    buttons(&root)[5].click();
    assert_eq!(*tapped.borrow(), [Answer::Rating(4), Answer::NotApplicable]);
}

#[wasm_bindgen_test]
async fn english_labels_no_not_applicable_and_the_chosen_face_is_pressed() {
    let (root, _) = mount(Lang::En, false, Some(Answer::Rating(2)));
    wait_for(&root, "button.face").await;
    assert_eq!(names(&root), ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]);
    let pressed: Vec<String> =
        buttons(&root).iter().map(|b| b.get_attribute("aria-pressed").unwrap_or_default()).collect();
    assert_eq!(pressed, ["false", "true", "false", "false", "false"]);
}
