//! The `manyi` binary on real files: every subcommand's output against values computed
//! independently (DOMAIN.md's public checks, arithmetic by hand, and the Python reference
//! fixtures of core/tests/reference), and its errors.

mod support;

use serde_json::Value;
use std::path::Path;
use support::{manyi, write};

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let r = manyi(&all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn close(a: &Value, b: f64, tol: f64) -> bool {
    let a = a.as_f64().unwrap();
    (a - b).abs() <= tol * b.abs().max(1.0)
}

#[test]
fn kano_counts_public_checks() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "c.csv", "attribute,A,O,M,I,R,Q\nx,30,42,18,10,0,0\ny,41,20,6,30,2,1\n");
    let r = manyi(&["kano", "--counts", &f]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "attribute,n,A,O,M,I,R,Q,category,mixed,better,worse,total_strength,category_strength,fong_difference,fong_critical,fong_significant,functional_mean,dysfunctional_mean");
    assert!(lines[1].starts_with("x,100,30,42,18,10,0,0,O,,0.72,-0.6,"), "{}", lines[1]);
    let v = json(&["kano", "--counts", &f]);
    assert!(close(&v[0]["fong_critical"], 11.200571, 1e-6));
    assert_eq!(v[0]["fong_significant"], true);
    assert_eq!((v[1]["category"].as_str(), v[1]["mixed"].as_str()), (Some("A"), Some("A/I")));
    assert!(close(&v[1]["better"], 0.628866, 1e-6) && close(&v[1]["worse"], -0.268041, 1e-6));
    assert!(close(&v[1]["fong_critical"], 11.165881, 1e-6));
    assert!(v[1]["functional_mean"].is_null());
}

#[test]
fn kano_pairs_match_the_python_reference() {
    let fx = fixture("kano.json");
    let case = &fx["cases"][0];
    let (f, d) = (case["functional"].as_str().unwrap(), case["dysfunctional"].as_str().unwrap());
    let mut csv = String::from("attribute,functional,dysfunctional\n");
    for (a, b) in f.chars().zip(d.chars()) {
        csv.push_str(&format!("feature,{a},{b}\n"));
    }
    csv.push_str("feature,,\n"); // a missing answer is skipped
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "pairs.csv", &csv);
    let v = json(&["kano", &file]);
    let e = &case["expected"];
    assert_eq!(v[0]["n"], e["n"]);
    assert_eq!(v[0]["M"], e["counts"]["m"]);
    assert_eq!(v[0]["category"], e["category"]["mode"]);
    for key in [
        "better",
        "worse",
        "total_strength",
        "category_strength",
        "fong_critical",
        "functional_mean",
        "dysfunctional_mean",
    ] {
        assert!(close(&v[0][key], e[key].as_f64().unwrap(), 1e-9), "{key}: {} vs {}", v[0][key], e[key]);
    }
    let v = json(&["kano", "--rule", "oam", &file]);
    assert_eq!(v[0]["category"], e["category"]["oam"]);
}

#[test]
fn ahp_public_check_and_inconsistency() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "m.csv",
        ",speed,courtesy,environment\nspeed,1,2,4\ncourtesy,1/2,1,3\nenvironment,1/4,1/3,1\n",
    );
    let v = json(&["ahp", &f]);
    for (name, w) in [("speed", 0.558425), ("courtesy", 0.319618), ("environment", 0.121957)] {
        assert!(close(&v["weights"][name], w, 1e-6), "{name}");
    }
    assert!(close(&v["lambda_max"], 3.018295, 1e-6) && close(&v["cr"], 0.015771, 1e-5));
    assert_eq!(v["consistent"], true);
    // a > b > c but c > a (9): CR far above 0.10.
    let g = write(dir.path(), "g.csv", ",a,b,c\na,1,9,1/9\nb,1/9,1,9\nc,9,1/9,1\n");
    assert_eq!(json(&["ahp", &g])["consistent"], false);
    let r = manyi(&["ahp", &f]);
    assert!(r.stdout.starts_with("criterion,weight\r\nspeed,0.558"), "{}", r.stdout);
}

#[test]
fn index_by_hand_with_weights_and_groups() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "r.csv", "hall,a,b\n东,5,3\n东,4,NA\n西,1,\n西,2,2\n");
    // Equal weights: 东 (100+50)/2 = 75 and 75 → 75, SE 0; 西 0 and 25 → 12.5, s = 17.677…, SE 12.5,
    // t(0.975, 1) = 12.7062 → 12.5 ± 158.83, kept on the scale: [0, 100].
    let v = json(&["index", &f, "--items", "a,b", "--scale", "1..5", "--by", "hall"]);
    assert_eq!(v[0]["group"], "东");
    assert_eq!(
        (v[0]["n"].as_u64(), v[0]["index"].as_f64(), v[0]["se"].as_f64()),
        (Some(2), Some(75.0), Some(0.0))
    );
    assert!(close(&v[1]["index"], 12.5, 1e-12) && close(&v[1]["se"], 12.5, 1e-12));
    assert_eq!((v[1]["ci_low"].as_f64(), v[1]["ci_high"].as_f64()), (Some(0.0), Some(100.0)));
    assert_eq!(v[1]["small_sample"], true);
    // Weights 3:1 without groups: (87.5 + 75 + 0 + 25)/4 = 46.875.
    let w = write(dir.path(), "w.csv", "item,weight\na,3\nb,1\n");
    let v = json(&["index", &f, "--items", "a,b", "--scale", "1..5", "--weights", &w]);
    assert_eq!(v[0]["group"], "all");
    assert!(close(&v[0]["index"], 46.875, 1e-12));
    let r = manyi(&["index", &f, "--items", "a,b", "--scale", "1..5"]);
    assert!(r.stdout.starts_with("group,n,index,se,ci_low,ci_high,small_sample\r\nall,4,"), "{}", r.stdout);
}

#[test]
fn drivers_match_the_python_reference() {
    let fx = fixture("drivers.json");
    let ds = &fx["datasets"][0];
    let names: Vec<&str> = ds["item_names"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    let overall = ds["overall"].as_array().unwrap();
    let items = ds["items"].as_array().unwrap();
    let cell = |v: &Value| v.as_f64().map_or(String::new(), |x| x.to_string());
    let mut csv = format!("{},overall\n", names.join(","));
    for r in 0..overall.len() {
        let row: Vec<String> = items.iter().map(|col| cell(&col[r])).collect();
        csv.push_str(&format!("{},{}\n", row.join(","), cell(&overall[r])));
    }
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "d.csv", &csv);
    let v = json(&["drivers", &f, "--overall", "overall", "--items", &names.join(","), "--scale", "1..5"]);
    let pr = ds["penalty_reward"].as_array().unwrap().iter().find(|p| p["missing"] == "listwise").unwrap();
    let imp = &ds["importance"]["items"];
    let n = names.len() as f64;
    let mean_imp: f64 = (0..names.len()).map(|j| imp[j]["importance"].as_f64().unwrap()).sum::<f64>() / n;
    let mean_perf: f64 = (0..names.len()).map(|j| imp[j]["performance"].as_f64().unwrap()).sum::<f64>() / n;
    for (j, name) in names.iter().enumerate() {
        let (got, e) = (&v[j], &pr["expected"]["items"][j]);
        assert_eq!(got["item"], *name);
        for key in ["penalty", "reward"] {
            assert!(close(&got[key], e[key].as_f64().unwrap(), 1e-9), "{name} {key}");
        }
        for key in ["penalty_p", "reward_p"] {
            assert!((got[key].as_f64().unwrap() - e[key].as_f64().unwrap()).abs() < 1e-7, "{name} {key}");
        }
        assert_eq!(got["category"], e["category"], "{name}");
        let (i, p) = (imp[j]["importance"].as_f64().unwrap(), imp[j]["performance"].as_f64().unwrap());
        assert!(close(&got["importance"], i, 1e-9) && close(&got["performance"], p, 1e-9));
        let quadrant = match (i >= mean_imp, p >= mean_perf) {
            (true, false) => "concentrate_here",
            (true, true) => "keep_up_the_good_work",
            (false, false) => "low_priority",
            (false, true) => "possible_overkill",
        };
        assert_eq!(got["quadrant"], quadrant, "{name}");
    }
}

#[test]
fn nps_by_hand_and_against_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    // 10 answers: promoters 9, 10, 10, 9 (4); passives 7, 8 (2); detractors 0, 3, 6, 5 (4) → NPS 0.
    let f = write(dir.path(), "n.csv", "id,rec\n1,9\n2,10\n3,10\n4,9\n5,7\n6,8\n7,0\n8,3\n9,6\n10,5\n11,\n");
    let v = json(&["nps", &f, "--column", "rec"]);
    assert_eq!(
        (v["n"].as_u64(), v["promoters"].as_u64(), v["detractors"].as_u64()),
        (Some(10), Some(4), Some(4))
    );
    assert_eq!(v["nps"].as_f64(), Some(0.0));
    // Adjusted Wald: n' = 13, p' = d' = 4.75/13, NPS' = 0, var = (p' + d')/n' → half-width 1.96·√(9.5/169).
    let half = 100.0 * 1.959964 * (9.5f64 / 169.0).sqrt();
    assert!(close(&v["ci_low"], -half, 1e-5) && close(&v["ci_high"], half, 1e-5));
}

#[test]
fn errors_name_file_line_and_column_and_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "k.csv", "attribute,functional,dysfunctional\na,1,4\na,6,4\n");
    let r = manyi(&["kano", &f]);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("k.csv, line 3, column 2 (`functional`): `6` is not an answer code"),
        "{}",
        r.stderr
    );
    let r = manyi(&["index", &f, "--items", "a", "--scale", "1..5"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("line 1: no column `a`"), "{}", r.stderr);
    let r = manyi(&["index", &f, "--items", "functional", "--scale", "5..1"]);
    assert!(r.stderr.contains("--scale 5..1"), "{}", r.stderr);
    let r = manyi(&["kano", "--rule", "median", &f]);
    assert!(r.stderr.contains("--rule median"), "{}", r.stderr);
    let r = manyi(&["nps", "missing.csv", "--column", "x"]);
    assert!(r.stderr.contains("missing.csv: cannot read"), "{}", r.stderr);
}

#[test]
fn output_file_gets_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "c.csv", "attribute,A,O,M,I,R,Q\n电子发票,30,42,18,10,0,0\n");
    let out = dir.path().join("out.csv");
    let r = manyi(&["kano", "--counts", &f, "--output", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFattribute,"));
    assert!(String::from_utf8(bytes).unwrap().contains("\r\n电子发票,100,"));
}

fn hall_response(n: u128, hall: &str, rating: i32) -> manyi_core::response::Response {
    use manyi_core::questionnaire::builtin::Builtin;
    use manyi_core::response::answer::Answer;
    use manyi_core::response::tags::TagKey;
    use manyi_core::response::{Channel, Response};
    let q = Builtin::Hall.questionnaire();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-02T09:00:00+08:00").unwrap();
    let mut r = Response::start(uuid::Uuid::from_u128(n), &q, Channel::Hall, Default::default(), at);
    TagKey::Hall.set(&mut r.tags, hall).unwrap();
    r.answer(&q, "business", Answer::Choice("payment".into())).unwrap();
    r.answer(&q, "customer_class", Answer::Choice("residential".into())).unwrap();
    for id in
        ["guide", "wait", "queue_fair", "courtesy", "speed", "right_first_time", "explained", "environment"]
    {
        r.answer(&q, id, Answer::Rating(rating)).unwrap();
    }
    r.answer(&q, "kiosk_ease", Answer::Rating(5)).unwrap();
    r.answer(&q, "kiosk_fit", Answer::NotApplicable).unwrap();
    r.answer(&q, "overall", Answer::Rating(rating)).unwrap();
    r.status = manyi_core::response::Status::Complete;
    r.submitted_at = Some(at);
    r
}

#[test]
fn score_reports_a_manyi_export_by_hall() {
    use manyi_core::io::bundle::Bundle;
    let bundle = Bundle::new(
        vec![],
        vec![hall_response(1, "东", 4), hall_response(2, "东", 2), hall_response(3, "西", 5)],
        None,
        None,
    );
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("export.json");
    std::fs::write(&f, bundle.to_json()).unwrap();
    let f = f.to_str().unwrap();
    // Global renormalisation of the stated tree (4 dimensions of 1/4; items 1/12, 1/16, 1/8, 1/4):
    // guidance, counter and environment rated x (score s), kiosk_ease 100, kiosk_fit N/A, so the
    // answered weights sum to 7/8 and the composite is (3/4·s + 1/8·100)/(7/8) = (6s + 100)/7:
    // x = 4 → 550/7, x = 2 → 250/7, x = 5 → 100. 东: mean 400/7, SE = |550 − 250|/7/2 = 150/7.
    let v = json(&["score", "--responses", f, "--by", "hall"]);
    let rows: Vec<(&str, &str, f64)> = v["index"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (r["dimension"].as_str().unwrap(), r["group"].as_str().unwrap(), r["index"].as_f64().unwrap())
        })
        .collect();
    assert_eq!((rows[0].0, rows[0].1), ("overall", "东"));
    assert!((rows[0].2 - 400.0 / 7.0).abs() < 1e-12);
    assert_eq!(rows[1], ("overall", "西", 100.0));
    assert!(close(&v["index"][0]["se"], 150.0 / 7.0, 1e-12));
    assert!(rows.contains(&("self_service", "东", 100.0)));
    assert!(rows.contains(&("counter", "东", 50.0)));
    assert_eq!(v["responses_scored"], 3);
    assert_eq!(v["weights"].as_array().unwrap().len(), 10);
    let csv = manyi(&["score", "--responses", f]);
    assert!(
        csv.stdout.starts_with("dimension,group,n,index,se,ci_low,ci_high,small_sample\r\noverall,all,3,"),
        "{}",
        csv.stdout
    );
    // A broken export says where.
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        String::from_utf8(bundle.to_json()).unwrap().replacen("{\"rating\":5}", "{\"rating\":6}", 1),
    )
    .unwrap();
    let r = manyi(&["score", "--responses", broken.to_str().unwrap()]);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("broken.json, line ") && r.stderr.contains("6 is off the scale 1–5"),
        "{}",
        r.stderr
    );
}

#[test]
fn score_with_ahp_dimension_weights() {
    use manyi_core::io::bundle::Bundle;
    let bundle = Bundle::new(vec![], vec![hall_response(1, "东", 4)], None, None);
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("export.json");
    std::fs::write(&f, bundle.to_json()).unwrap();
    // A consistent matrix for w = (0.4, 0.3, 0.2, 0.1) over the hall's four dimensions.
    let m = write(
        dir.path(),
        "m.csv",
        ",guidance,counter,self_service,environment\nguidance,1,4/3,2,4\ncounter,3/4,1,3/2,3\nself_service,1/2,2/3,1,2\nenvironment,1/4,1/3,1/2,1\n",
    );
    let weights = format!("ahp:{m}");
    let v = json(&["score", "--responses", f.to_str().unwrap(), "--weights", &weights]);
    // guidance, counter, environment 75; self-service only kiosk_ease = 100 (kiosk_fit N/A).
    // Global renormalisation: products 0.4/3 ×3, 0.3/4 ×4, 0.2/2 (answered), 0.1 → total 0.9;
    // composite (0.4·75 + 0.3·75 + 0.1·100 + 0.1·75)/0.9 = 70/0.9.
    assert!(close(&v["index"][0]["index"], 70.0 / 0.9, 1e-9), "{}", v["index"][0]);
    assert!(v["weight_details"]["ahp"]["cr"].as_f64().unwrap().abs() < 1e-9);
    let bad = write(dir.path(), "bad.csv", ",a,b\na,1,2\nb,1/2,1\n");
    let r = manyi(&["score", "--responses", f.to_str().unwrap(), "--weights", &format!("ahp:{bad}")]);
    assert!(r.stderr.contains("the criteria must be the dimensions of `hall` in order"), "{}", r.stderr);
}
