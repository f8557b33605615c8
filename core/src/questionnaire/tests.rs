use super::builtin::Builtin;
use super::*;

/// The hall questionnaire as JSON, changed by `edit`, then loaded.
fn load_edited(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Questionnaire> {
    let mut v: serde_json::Value = serde_json::from_str(Builtin::Hall.json()).unwrap();
    edit(&mut v);
    Questionnaire::from_json(&v.to_string(), "hall-edited.json")
}

fn item_mut<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["items"].as_array_mut().unwrap().iter_mut().find(|i| i["id"] == id).unwrap()
}

fn problem(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    load_edited(edit).unwrap_err().to_string()
}

#[test]
fn duplicate_item_id() {
    let e = problem(|v| item_mut(v, "wait")["id"] = "guide".into());
    assert_eq!(e, "questionnaire `hall`, item `guide`: duplicate item id; every item needs its own id");
}

#[test]
fn negative_weight() {
    let e = problem(|v| item_mut(v, "speed")["weight"] = (-1.0).into());
    assert!(e.contains("item `speed`") && e.contains("≥ 0"), "{e}");
    let e = problem(|v| v["dimensions"][0]["weight"] = (-2.0).into());
    assert!(e.contains("item `guidance`") && e.contains("dimension weight"), "{e}");
}

#[test]
fn scale_bounds_and_labels() {
    let e = problem(|v| v["scales"]["satisfaction"]["min"] = 5.into());
    assert!(e.contains("scale satisfaction") && e.contains("below the highest"), "{e}");
    let e = problem(|v| v["scales"]["satisfaction"]["max"] = 7.into());
    assert!(e.contains("5 labels for 7 points"), "{e}");
    let e = problem(|v| item_mut(v, "guide")["kind"]["scale"] = "stars".into());
    assert!(e.contains("item `guide`") && e.contains("scale `stars` is not defined"), "{e}");
}

#[test]
fn conditions_must_point_backwards() {
    let e = problem(|v| {
        item_mut(v, "guide")["show_if"] = serde_json::json!({"op": "at_most", "item": "overall", "value": 2})
    });
    assert!(e.contains("item `guide`") && e.contains("`overall`, which is not asked before"), "{e}");
    let e =
        problem(|v| item_mut(v, "phone")["show_if"] = serde_json::json!({"op": "yes", "item": "nowhere"}));
    assert!(e.contains("item `phone`") && e.contains("not an earlier item"), "{e}");
    let e =
        problem(|v| item_mut(v, "phone")["show_if"] = serde_json::json!({"op": "yes", "item": "overall"}));
    assert!(e.contains("not a yes/no item"), "{e}");
    let e = problem(|v| {
        item_mut(v, "phone")["show_if"] =
            serde_json::json!({"op": "chosen", "item": "business", "any_of": ["refund"]})
    });
    assert!(e.contains("`business` has no option `refund`"), "{e}");
}

#[test]
fn dimensions_items_and_overall() {
    let e = problem(|v| item_mut(v, "guide")["dimension"] = "nowhere".into());
    assert!(e.contains("dimension `nowhere` is not defined"), "{e}");
    let e = problem(|v| item_mut(v, "environment")["dimension"] = "counter".into());
    assert!(e.contains("item `environment`") && e.contains("has no items"), "{e}");
    let e = problem(|v| item_mut(v, "comment")["dimension"] = "counter".into());
    assert!(e.contains("a text item cannot be scored"), "{e}");
    let e = problem(|v| item_mut(v, "overall")["dimension"] = "counter".into());
    assert!(e.contains("item `overall`") && e.contains("take it out of its dimension"), "{e}");
    let e = problem(|v| v["scoring"]["overall"] = "comment".into());
    assert!(e.contains("must be a rating"), "{e}");
}

#[test]
fn tags_need_known_codes() {
    let e = problem(|v| item_mut(v, "business")["kind"]["options"][0]["code"] = "refund".into());
    assert!(e.contains("item `business`") && e.contains("`refund` is not a BusinessType"), "{e}");
}

#[test]
fn ids_are_machine_ids() {
    let e = problem(|v| item_mut(v, "wait")["id"] = "Wait Time".into());
    assert!(e.contains("item `Wait Time`") && e.contains("lower-case"), "{e}");
}

#[test]
fn malformed_json_names_line_and_column() {
    let json = "{\n  \"id\": \"hall\",\n  \"version\": \"one\"\n}";
    let e = Questionnaire::from_json(json, "q.json").unwrap_err().to_string();
    assert!(e.starts_with("q.json, line 3, column"), "{e}");
    assert!(e.contains("invalid type"), "{e}");
}

#[test]
fn every_problem_is_listed_for_an_editor() {
    let mut v: serde_json::Value = serde_json::from_str(Builtin::Hall.json()).unwrap();
    item_mut(&mut v, "wait")["weight"] = (-1.0).into();
    item_mut(&mut v, "speed")["kind"]["scale"] = "stars".into();
    let q: Questionnaire = serde_json::from_value(v).unwrap();
    assert_eq!(q.problems().len(), 2);
}

#[test]
fn export_column_names_are_reserved() {
    let e = problem(|v| item_mut(v, "wait")["id"] = "composite".into());
    assert!(e.contains("item `composite`") && e.contains("column of every export"), "{e}");
    // The customer-class item may be called `customer_class`: it sets that very tag.
    assert!(load_edited(|_| {}).is_ok());
    let e = problem(|v| item_mut(v, "comment")["id"] = "hall".into());
    assert!(e.contains("item `hall`"), "{e}");
}
