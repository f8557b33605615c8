use super::*;

#[test]
fn simple_conditions_round_trip_through_the_form() {
    let cases = [
        Condition::Answered { item: ItemId::new("a") },
        Condition::Chosen {
            item: ItemId::new("b"),
            any_of: vec![ChoiceCode::new("x"), ChoiceCode::new("y")],
        },
        Condition::AtMost { item: ItemId::new("overall"), value: 2.0 },
        Condition::AtLeast { item: ItemId::new("wait"), value: 30.5 },
        Condition::Yes { item: ItemId::new("consent") },
        Condition::No { item: ItemId::new("consent") },
    ];
    for c in cases {
        let form = ConditionForm::of(Some(&c));
        assert_ne!(form.op, Some(Op::Json));
        assert_eq!(form.to_condition(), Ok(Some(c)));
    }
    assert_eq!(ConditionForm::of(None).to_condition(), Ok(None));
}

#[test]
fn combined_conditions_are_json_and_errors_say_what_is_missing() {
    let c = Condition::Not { not: Box::new(Condition::Answered { item: ItemId::new("a") }) };
    let form = ConditionForm::of(Some(&c));
    assert_eq!(
        (form.op, form.json.as_str()),
        (Some(Op::Json), r#"{"op":"not","not":{"op":"answered","item":"a"}}"#)
    );
    assert_eq!(form.to_condition(), Ok(Some(c)));
    let bad = ConditionForm { json: "{\"op\":\"maybe\"}".into(), ..form };
    assert!(bad
        .to_condition()
        .unwrap_err()
        .en
        .starts_with("the condition's JSON is wrong: unknown variant `maybe`"));
    let no_item = ConditionForm { op: Some(Op::Yes), ..ConditionForm::default() };
    assert_eq!(no_item.to_condition().unwrap_err().zh, "请选择条件所依据的题目");
    let no_value = ConditionForm {
        op: Some(Op::AtMost),
        item: "overall".into(),
        value: "两".into(),
        ..ConditionForm::default()
    };
    assert_eq!(no_value.to_condition().unwrap_err().zh, "“两”不是数字");
    let no_codes = ConditionForm { op: Some(Op::Chosen), item: "b".into(), ..ConditionForm::default() };
    assert!(no_codes.to_condition().is_err());
}
