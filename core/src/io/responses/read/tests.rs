use super::*;
use crate::dataset::{Dataset, Filter, SheetRows};
use crate::io::responses::ResponsesOptions;
use crate::questionnaire::builtin::Builtin;
use crate::response::tags::BusinessType;
use crate::sample::{sample_bundle, SampleKind, SampleOptions};
use crate::scoring::analysis::AnalysisOptions;
use crate::scoring::kano::KanoAnswer;
use crate::testing::at;

/// The `responses.csv` of the analysts' export of `responses` to `q`.
fn exported(q: &Questionnaire, responses: &[Response], options: ResponsesOptions) -> Vec<u8> {
    let ds = Dataset::from_responses(q, responses);
    let analysis = ds.analyse(&AnalysisOptions::default(), &Filter::default()).unwrap();
    let export = ds.export(&analysis, at("2026-11-22T20:30:00+08:00"), options, SheetRows::All);
    let files = export.csv_files();
    files.into_iter().find(|(name, _)| name == "responses.csv").unwrap().1
}

fn read(text: &str) -> Result<Vec<Response>> {
    read_responses_csv(text.as_bytes(), "r.csv", &[])
}

const HEADER: &str = "response_id,questionnaire_id,questionnaire_version,channel,status,hall,counter,staff,device,interviewer,business_type,customer_class,started_at,submitted_at,disposition,guide,wait,queue_fair,courtesy,speed,right_first_time,explained,kiosk_ease,kiosk_fit,environment,overall,comment,callback_consent,phone,composite,red_lines";

#[test]
fn the_exports_of_the_samples_read_back_as_they_were_but_for_masked_phones() {
    let options = SampleOptions { count: 300, seed: 11, ..SampleOptions::default() };
    for kind in [SampleKind::Hall, SampleKind::Kano, SampleKind::Callback] {
        let bundle = sample_bundle(kind, &options);
        let q = &bundle.questionnaires[0];
        let full = exported(q, &bundle.responses, ResponsesOptions { show_phone_numbers: true });
        let back = read_responses_csv(&full, "responses.csv", &[]).unwrap();
        assert_eq!(back, bundle.responses, "{kind:?}");
        // Same instants, and the same offsets (`==` compares instants only).
        assert!(back
            .iter()
            .zip(&bundle.responses)
            .all(|(a, b)| a.started_at.offset() == b.started_at.offset()));

        let masked =
            read_responses_csv(&exported(q, &bundle.responses, ResponsesOptions::default()), "m.csv", &[])
                .unwrap();
        let differing: Vec<(&Response, &Response)> =
            masked.iter().zip(&bundle.responses).filter(|(a, b)| a != b).collect();
        for (m, original) in &differing {
            // Only the phone differs: its middle digits are stars.
            let (Some(Answer::Text(p)), Some(Answer::Text(full))) =
                (m.answers.get("phone"), original.answers.get("phone"))
            else {
                panic!("{kind:?}: {m:?} differs from {original:?} elsewhere than in the phone number")
            };
            assert_eq!((p.len(), &p[..3], &p[3..7], &p[7..]), (full.len(), &full[..3], "****", &full[7..]));
            let mut fixed = (*m).clone();
            fixed.answers.insert(ItemId::new("phone"), Answer::Text(full.clone()));
            assert_eq!(&fixed, *original);
        }
        if kind == SampleKind::Hall {
            assert!(!differing.is_empty(), "some hall customers left a phone number");
        } else {
            assert!(differing.is_empty());
        }
    }
}

#[test]
fn the_golden_export_reads_as_the_scenario_wrote_it() {
    let bytes = include_bytes!("../../../../tests/golden/hall_responses.csv");
    let rs = read_responses_csv(bytes, "hall_responses.csv", &[]).unwrap();
    assert_eq!(rs.len(), 3);
    let third = &rs[2];
    assert_eq!(third.id.to_string(), "00000000-0000-0000-0000-000000000003");
    assert_eq!(third.tags.hall.as_ref().unwrap().as_str(), "west");
    assert_eq!(third.tags.device.as_ref().unwrap().as_str(), "tablet-west");
    assert_eq!(third.tags.business_type, Some(BusinessType::Inquiry));
    assert_eq!(third.answers["business"], Answer::Choice(ChoiceCode::new("inquiry")));
    assert_eq!(third.answers["customer_class"], Answer::Choice(ChoiceCode::new("residential")));
    assert_eq!(third.answers["comment"], Answer::Text("=1+1 很好".into()));
    assert_eq!(third.answers["callback_consent"], Answer::Yes);
    assert_eq!(third.answers["phone"], Answer::Text("139****5678".into()));
    assert_eq!(third.answers["wait"], Answer::Rating(4));
    assert_eq!(third.submitted_at, Some(at("2026-11-02T10:00:45+08:00")));
    assert_eq!(rs[0].answers["kiosk_ease"], Answer::NotApplicable);
    assert_eq!(rs[1].answers["kiosk_fit"], Answer::Rating(1));
    // 2 tag items + 11 ratings; no comment, consent or phone.
    assert_eq!(rs[0].answers.len(), 13);
}

/// Two hall responses as Excel saves them: every field quoted, a comment over two lines with a
/// quote in it, trailing empty fields dropped, a blank row, `4.0`, `na`, 是.
fn excel_text() -> String {
    [
        HEADER,
        "\"00000000-0000-0000-0000-00000000000a\",\"hall\",\"1\",\"hall\",\"complete\",\"城东\",\"3\",\"\",\"\",\"\",\"repair\",\"residential\",\"2026-11-02T09:00:00+08:00\",\"2026-11-02T09:01:00+08:00\",\"\",\"4.0\",\"4\",\"4\",\"4\",\"4\",\"4\",\"4\",\"na\",\"NA\",\"4\",\"2\",\"排队\"\"太久\"\"\n下次早点\",\"是\",\"13812345678\",\"50\",\"\"",
        ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
        "00000000-0000-0000-0000-00000000000b,hall,1,hall,break_off,城东,,,,,payment,,2026-11-02T09:05:00+08:00,2026-11-02T09:05:30+08:00,,5,3",
    ]
    .join("\r\n")
        + "\r\n"
}

fn excel_expected() -> Vec<Response> {
    let q = Builtin::Hall.questionnaire();
    let mut a = Response::start(
        uuid::Uuid::from_u128(10),
        &q,
        Channel::Hall,
        Tags::default(),
        at("2026-11-02T09:00:00+08:00"),
    );
    a.tags.hall = Some(TagValue::new("城东"));
    a.tags.counter = Some(TagValue::new("3"));
    a.answer(&q, "business", Answer::Choice(ChoiceCode::new("repair"))).unwrap();
    a.answer(&q, "customer_class", Answer::Choice(ChoiceCode::new("residential"))).unwrap();
    for item in
        ["guide", "wait", "queue_fair", "courtesy", "speed", "right_first_time", "explained", "environment"]
    {
        a.answer(&q, item, Answer::Rating(4)).unwrap();
    }
    a.answer(&q, "kiosk_ease", Answer::NotApplicable).unwrap();
    a.answer(&q, "kiosk_fit", Answer::NotApplicable).unwrap();
    a.answer(&q, "overall", Answer::Rating(2)).unwrap();
    a.answer(&q, "comment", Answer::Text("排队\"太久\"\n下次早点".into())).unwrap();
    a.answer(&q, "callback_consent", Answer::Yes).unwrap();
    a.answer(&q, "phone", Answer::Text("13812345678".into())).unwrap();
    a.submit(&q, at("2026-11-02T09:01:00+08:00")).unwrap();
    let mut b = Response::start(
        uuid::Uuid::from_u128(11),
        &q,
        Channel::Hall,
        Tags::default(),
        at("2026-11-02T09:05:00+08:00"),
    );
    b.tags.hall = Some(TagValue::new("城东"));
    b.answer(&q, "business", Answer::Choice(ChoiceCode::new("payment"))).unwrap();
    b.answer(&q, "guide", Answer::Rating(5)).unwrap();
    b.answer(&q, "wait", Answer::Rating(3)).unwrap();
    b.break_off(at("2026-11-02T09:05:30+08:00")).unwrap();
    vec![a, b]
}

#[test]
fn excel_quoting_crlf_lf_bom_and_gb18030_all_read_alike() {
    let expected = excel_expected();
    let text = excel_text();
    assert_eq!(read(&text).unwrap(), expected);
    let lf = text.replace("\r\n", "\n");
    assert_eq!(read(&lf).unwrap(), expected);
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(read_responses_csv(&bom, "bom.csv", &[]).unwrap(), expected);
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "really not UTF-8");
    assert_eq!(read_responses_csv(&gbk, "gbk.csv", &[]).unwrap(), expected);
}

#[test]
fn a_bad_cell_names_its_physical_line_and_column() {
    // The first record spans lines 2 and 3, line 4 has empty fields, line 5 is empty, the second
    // record is on line 6 and the third on line 7.
    let mut lines: Vec<String> = excel_text().split("\r\n").map(str::to_owned).collect();
    lines.insert(3, String::new());
    let good = "00000000-0000-0000-0000-00000000000c,hall,1,hall,break_off,,,,,,,,2026-11-02T10:00:00+08:00,2026-11-02T10:01:00+08:00,,5";
    lines.insert(5, good.replace(",5", ",5,x"));
    let text = lines.join("\r\n");
    assert_eq!(
        read(&text).unwrap_err().to_string(),
        "r.csv, line 7, column 17 (`wait`): `x` is not a point of the scale; write a whole number such as 4, or NA"
    );
    lines[5] = good.replace(",5", ",5,7");
    assert_eq!(
        read(&lines.join("\n")).unwrap_err().to_string(),
        "r.csv, line 7, column 17 (`wait`): response 00000000-0000-0000-0000-00000000000c, item `wait`: 7 is off the scale 1–5"
    );
    lines[5] = good.replace("break_off", "complete");
    assert_eq!(
        read(&lines.join("\n")).unwrap_err().to_string(),
        "r.csv, line 7, column 11 (`business_type`): response 00000000-0000-0000-0000-00000000000c, item `business`: required, but not answered"
    );
    lines[5] = good.replace("2026-11-02T10:00:00+08:00", "2026/11/2 10:00");
    let e = read(&lines.join("\n")).unwrap_err().to_string();
    assert!(e.starts_with("r.csv, line 7, column 13 (`started_at`): `2026/11/2 10:00` is not a time"), "{e}");
    lines[5] = good.replace(",hall,break_off", ",kiosk,break_off");
    let e = read(&lines.join("\n")).unwrap_err().to_string();
    assert!(
        e.starts_with("r.csv, line 7, column 4 (`channel`): `kiosk` is not a Channel; use one of hall,"),
        "{e}"
    );
}

#[test]
fn another_table_or_unknown_columns_are_refused_and_scores_ignored() {
    let index = "\u{feff}dimension,group,n,index,se,ci_low,ci_high,small_sample\r\noverall,all,3,70,5,60,80,false\r\n";
    let e = read_responses_csv(index.as_bytes(), "index.csv", &[]).unwrap_err().to_string();
    assert!(
        e.starts_with(
            "index.csv, line 1: no column `response_id`: this is not a Manyi responses table (responses.csv)"
        ),
        "{e}"
    );
    let row = "00000000-0000-0000-0000-00000000000d,hall,1,hall,draft,,,,,,,,2026-11-02T10:00:00+08:00,,,3";
    let extra = format!("{},wifi,mood\n{row},,,,,,,,,,,,,,,,,\n", HEADER);
    let e = read(&extra).unwrap_err().to_string();
    assert!(e.starts_with("r.csv, line 1, column 32 (`wifi`): `wifi`, `mood` are not columns of the responses table of hall v1"), "{e}");
    // Derived columns are not read; missing item columns are unanswered.
    let few = format!("response_id,questionnaire_id,questionnaire_version,channel,status,hall,counter,staff,device,interviewer,business_type,customer_class,started_at,submitted_at,disposition,guide,composite,red_lines\n{row},not a number,?\n");
    let rs = read(&few).unwrap();
    assert_eq!(rs[0].status, Status::Draft);
    assert_eq!(rs[0].answers.len(), 1);
    assert_eq!(rs[0].answers["guide"], Answer::Rating(3));
}

#[test]
fn kano_pairs_callbacks_notes_and_unknown_questionnaires() {
    let kano = "response_id,questionnaire_id,questionnaire_version,channel,status,hall,counter,staff,device,interviewer,business_type,customer_class,started_at,submitted_at,disposition,online_application_functional,online_application_dysfunctional,composite,red_lines\n\
        00000000-0000-0000-0000-000000000001,kano,1,hall,draft,,,,,,,,2026-03-01T10:00:00+08:00,,,1,5,,\n";
    let rs = read(kano).unwrap();
    let Answer::Kano(pair) = &rs[0].answers["online_application"] else { panic!("{:?}", rs[0].answers) };
    assert_eq!((pair.functional, pair.dysfunctional), (KanoAnswer::Like, KanoAnswer::Dislike));
    let e = read(&kano.replace(",1,5,,", ",1,,,")).unwrap_err().to_string();
    assert!(
        e.starts_with(
            "r.csv, line 2, column 17 (`online_application_dysfunctional`): a Kano pair needs both"
        ),
        "{e}"
    );

    // A callback as a spreadsheet saved it: the outcome 2.20 became 2.2; a note on an item.
    let callback = "response_id,questionnaire_id,questionnaire_version,channel,status,hall,counter,staff,device,interviewer,business_type,customer_class,started_at,submitted_at,disposition,resolved,overall,resolved_note\n\
        00000000-0000-0000-0000-000000000002,callback,1,callback,break_off,,,,,HF01,repair,,2026-03-01T10:00:00+08:00,2026-03-01T10:02:00+08:00,2.2,no,,'=等待回复\n";
    let rs = read(callback).unwrap();
    assert_eq!(rs[0].disposition, Some(Disposition::NonContact));
    assert_eq!(rs[0].answers["resolved"], Answer::No);
    assert_eq!(rs[0].notes[&ItemId::new("resolved")], "=等待回复");
    assert_eq!(rs[0].tags.interviewer.as_ref().unwrap().as_str(), "HF01");

    let v2 = callback.replace(",callback,1,", ",callback,2,");
    let e = read(&v2).unwrap_err().to_string();
    assert!(e.starts_with("r.csv, line 2, column 2 (`questionnaire_id`): questionnaire `callback` version 2 is neither built in nor known here"), "{e}");
    let mut q2 = Builtin::Callback.questionnaire();
    q2.version = 2;
    let rs = read_responses_csv(v2.as_bytes(), "r.csv", &[q2]).unwrap();
    assert_eq!(rs[0].questionnaire.version, 2);
}
