//! The keys of each kind of item, typed key by key as an agent would; every expectation is
//! worked out from the rule in the module's documentation.

use super::*;
use crate::questionnaire::item::ChoiceCode;

/// A questionnaire with one item of each entry: ratings on 1–5 (with N/A), 0–10 (with N/A),
/// 1–20, 10–15, −3–3 and 0–100; a 0–10 recommend; choices of 4 and 12 options; yes/no with
/// N/A; a Kano pair; a number; a text.
fn q() -> Questionnaire {
    let options = |n: usize| {
        let o: Vec<String> = (1..=n)
            .map(|i| format!(r#"{{"code":"o{i}","label":{{"zh":"选项{i}","en":"Option {i}"}}}}"#))
            .collect();
        o.join(",")
    };
    let rating = |id: &str, scale: &str, na: bool| {
        format!(
            r#"{{"id":"{id}","text":{{"zh":"{id}","en":"{id}"}},"kind":{{"type":"rating","scale":"{scale}","not_applicable":{na}}}}}"#
        )
    };
    let json = format!(
        r#"{{"id":"keys","version":1,"mode":"interviewer","title":{{"zh":"键","en":"Keys"}},
        "scales":{{
          "five":{{"min":1,"max":5,"labels":[{{"zh":"很差","en":"Bad"}},{{"zh":"差","en":"Poor"}},{{"zh":"一般","en":"Fair"}},{{"zh":"好","en":"Good"}},{{"zh":"很好","en":"Great"}}]}},
          "eleven":{{"min":0,"max":10}}, "twenty":{{"min":1,"max":20}}, "teens":{{"min":10,"max":15}},
          "signed":{{"min":-3,"max":3}}, "hundred":{{"min":0,"max":100}}}},
        "items":[{},{},{},{},{},{},
          {{"id":"nps","text":{{"zh":"推荐","en":"Recommend"}},"kind":{{"type":"recommend"}}}},
          {{"id":"four","text":{{"zh":"四","en":"Four"}},"kind":{{"type":"multiple_choice","options":[{}]}}}},
          {{"id":"twelve","text":{{"zh":"十二","en":"Twelve"}},"kind":{{"type":"multiple_choice","options":[{}]}}}},
          {{"id":"single","text":{{"zh":"单选","en":"Single"}},"kind":{{"type":"single_choice","options":[{}]}}}},
          {{"id":"yes_no","text":{{"zh":"是否","en":"Yes/no"}},"kind":{{"type":"yes_no","not_applicable":true}}}},
          {{"id":"kano","text":{{"zh":"K","en":"K"}},"kind":{{"type":"kano_pair","functional":{{"zh":"有","en":"Has"}},"dysfunctional":{{"zh":"无","en":"Lacks"}}}}}},
          {{"id":"minutes","text":{{"zh":"分钟","en":"Minutes"}},"kind":{{"type":"number"}}}},
          {{"id":"note","text":{{"zh":"备注","en":"Note"}},"kind":{{"type":"text"}}}}]}}"#,
        rating("five", "five", true),
        rating("eleven", "eleven", true),
        rating("twenty", "twenty", false),
        rating("teens", "teens", false),
        rating("signed", "signed", false),
        rating("hundred", "hundred", false),
        options(4),
        options(12),
        options(12),
    );
    Questionnaire::from_json(&json, "keys").unwrap()
}

fn keys(id: &str) -> ItemKeys {
    let q = q();
    ItemKeys::of(&q, q.item(id).unwrap())
}

/// Types `keys` one by one from nothing keyed (a key that means nothing changes nothing).
fn typed(k: &ItemKeys, given: Option<&Answer>, keys: &[&str]) -> Keyed {
    keys.iter().fold(Keyed::default(), |keyed, key| k.press(&keyed, given, key).unwrap_or(keyed))
}

fn rating(keys_typed: &[&str], item: &str) -> Option<Answer> {
    typed(&keys(item), None, keys_typed).answer
}

fn codes(n: &[usize]) -> Answer {
    Answer::Choices(n.iter().map(|i| ChoiceCode::new(format!("o{i}"))).collect())
}

#[test]
fn one_to_five_is_one_digit_and_zero_is_not_applicable() {
    assert_eq!(rating(&["4"], "five"), Some(Answer::Rating(4)));
    // 45 is no point: the 5 starts again.
    assert_eq!(rating(&["4", "5"], "five"), Some(Answer::Rating(5)));
    // 6 is no point: nothing changes.
    assert_eq!(rating(&["4", "6"], "five"), Some(Answer::Rating(4)));
    assert_eq!(keys("five").press(&Keyed::default(), None, "6"), None);
    assert_eq!(rating(&["4", "0"], "five"), Some(Answer::NotApplicable));
    assert_eq!(rating(&["."], "five"), Some(Answer::NotApplicable));
    assert_eq!(keys("five").not_applicable_key(), Some("0"));
    let k = keys("five");
    assert_eq!(k.confirm(&typed(&k, None, &["4"]), None), Confirmed::Answer(Answer::Rating(4)));
    assert_eq!(k.confirm(&typed(&k, None, &["0"]), None), Confirmed::Answer(Answer::NotApplicable));
}

#[test]
fn zero_to_ten_builds_ten_from_one_and_zero() {
    assert_eq!(rating(&["1"], "eleven"), Some(Answer::Rating(1)));
    assert_eq!(rating(&["1", "0"], "eleven"), Some(Answer::Rating(10)));
    // 100 is off the scale: the 0 starts again, and 0 is a point, not N/A.
    assert_eq!(rating(&["1", "0", "0"], "eleven"), Some(Answer::Rating(0)));
    assert_eq!(rating(&["7", "3"], "eleven"), Some(Answer::Rating(3)));
    assert_eq!(keys("eleven").not_applicable_key(), Some("."));
    assert_eq!(rating(&["9", "."], "eleven"), Some(Answer::NotApplicable));
    // The recommend item is 0–10 without N/A: `.` means nothing.
    assert_eq!(rating(&["9", "."], "nps"), Some(Answer::Rating(9)));
    assert_eq!(keys("nps").not_applicable_key(), None);
}

#[test]
fn wider_scales_take_several_digits() {
    assert_eq!(rating(&["1", "7"], "twenty"), Some(Answer::Rating(17)));
    assert_eq!(rating(&["1", "7", "2"], "twenty"), Some(Answer::Rating(2)));
    assert_eq!(rating(&["2", "0"], "twenty"), Some(Answer::Rating(20)));
    assert_eq!(rating(&["2", "5"], "twenty"), Some(Answer::Rating(5)));
    // 10–15: a lone 1 is only the start of a point; 9 starts none.
    let k = keys("teens");
    let one = typed(&k, None, &["1"]);
    assert_eq!((one.digits.as_str(), &one.answer), ("1", &None));
    assert_eq!(typed(&k, None, &["1", "2"]).answer, Some(Answer::Rating(12)));
    assert_eq!(k.press(&one, None, "9"), None);
    // −3–3: the minus sign begins a negative point.
    assert_eq!(rating(&["-", "2"], "signed"), Some(Answer::Rating(-2)));
    assert_eq!(rating(&["-", "2", "2"], "signed"), Some(Answer::Rating(2)));
    assert_eq!(rating(&["1", "0", "0"], "hundred"), Some(Answer::Rating(100)));
}

#[test]
fn options_are_numbered_from_one() {
    assert_eq!(rating(&["3"], "single"), Some(Answer::Choice(ChoiceCode::new("o3"))));
    assert_eq!(rating(&["1", "2"], "single"), Some(Answer::Choice(ChoiceCode::new("o12"))));
    assert_eq!(rating(&["1", "3"], "single"), Some(Answer::Choice(ChoiceCode::new("o3"))));
    let k = keys("single");
    let twelve = Answer::Choice(ChoiceCode::new("o12"));
    assert_eq!(k.confirm(&typed(&k, None, &["1", "2"]), None), Confirmed::Answer(twelve));
}

#[test]
fn a_multiple_choice_toggles_each_option_typed() {
    let k = keys("four");
    assert_eq!(typed(&k, None, &["2", "4"]).answer, Some(codes(&[2, 4])));
    // Typed out of order, kept in the options' order; a second 2 takes it back.
    assert_eq!(typed(&k, None, &["4", "2", "1", "2"]).answer, Some(codes(&[1, 4])));
    let given = codes(&[1]);
    assert_eq!(typed(&k, Some(&given), &["3"]).answer, Some(codes(&[1, 3])));
    assert_eq!(k.confirm(&typed(&k, Some(&given), &["1"]), Some(&given)), Confirmed::Clear);
    assert_eq!(k.confirm(&Keyed::default(), Some(&given)), Confirmed::Keep);
}

#[test]
fn with_ten_options_or_more_a_one_waits_for_the_next_digit() {
    let k = keys("twelve");
    let one = typed(&k, None, &["1"]);
    assert_eq!((one.digits.as_str(), &one.answer), ("1", &None));
    assert_eq!(typed(&k, None, &["1", "2"]).answer, Some(codes(&[12])));
    // Space takes the 1 alone; 3 can only be option 3, toggled at once.
    assert_eq!(typed(&k, None, &["1", " ", "3"]).answer, Some(codes(&[1, 3])));
    // There is no option 13: the 3 takes the pending 1 first.
    assert_eq!(typed(&k, None, &["1", "3"]).answer, Some(codes(&[1, 3])));
    // 1 then 1: option 11.
    assert_eq!(typed(&k, None, &["1", "1"]).answer, Some(codes(&[11])));
    // Enter takes a pending 1 too.
    let pending = typed(&k, None, &["1", "2", "1"]);
    assert_eq!(pending.answer, Some(codes(&[12])));
    assert_eq!(k.confirm(&pending, None), Confirmed::Answer(codes(&[1, 12])));
}

#[test]
fn yes_no_kano_and_fields() {
    assert_eq!(rating(&["y"], "yes_no"), Some(Answer::Yes));
    assert_eq!(rating(&["y", "N"], "yes_no"), Some(Answer::No));
    assert_eq!(rating(&["0"], "yes_no"), Some(Answer::NotApplicable));
    assert_eq!(keys("yes_no").press(&Keyed::default(), None, "5"), None);
    let pair = |f, d| Answer::Kano(KanoPairAnswer { functional: f, dysfunctional: d });
    assert_eq!(rating(&["1", "5"], "kano"), Some(pair(KanoAnswer::Like, KanoAnswer::Dislike)));
    assert_eq!(rating(&["1", "6", "4"], "kano"), Some(pair(KanoAnswer::Like, KanoAnswer::LiveWith)));
    assert_eq!(rating(&["2"], "kano"), None, "the functional answer waits for the dysfunctional one");
    let n = keys("minutes");
    assert!(n.in_field() && n.press(&Keyed::default(), None, "5").is_none());
    assert_eq!(n.confirm_field(" 12.5 "), Ok(Confirmed::Answer(Answer::Number(12.5))));
    assert_eq!(n.confirm_field(""), Ok(Confirmed::Clear));
    assert!(n.confirm_field("十二").unwrap_err().zh.contains("不是数字"));
    assert_eq!(keys("note").confirm_field(" 好 "), Ok(Confirmed::Answer(Answer::Text("好".into()))));
}

#[test]
fn choices_on_screen_and_the_hint() {
    let q = q();
    let of = |id: &str| {
        let item = q.item(id).unwrap();
        ItemKeys::of(&q, item).choices(&q, item)
    };
    let five = of("five");
    let keys_shown: Vec<&str> = five.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys_shown, ["1", "2", "3", "4", "5", "0"]);
    assert_eq!((five[3].label.zh.as_str(), &five[5].answer), ("好", &Answer::NotApplicable));
    assert_eq!(of("nps").len(), 11);
    assert_eq!(of("eleven").last().unwrap().key, ".");
    // 0–100 is typed from its range, not listed.
    assert!(of("hundred").is_empty());
    assert_eq!(of("twelve")[11].key, "12");
    assert!(keys("twenty").hint().zh.starts_with("1–20 选分值，两位数"), "{:?}", keys("twenty").hint());
    assert_eq!(keys("five").hint().en, "1–5 choose the point");
    // A mouse pick of a multiple choice's option toggles it.
    let k = keys("four");
    let picked = k.pick(&Keyed::default(), Some(&codes(&[2])), &Answer::Choice(ChoiceCode::new("o1")));
    assert_eq!(picked.answer, Some(codes(&[1, 2])));
}
