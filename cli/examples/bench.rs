//! Native benchmark of the analyst workload (issues 6 and 14), in one run:
//! `cargo run --release -p manyi-cli --example bench [-- --dir DIR] [--files 10] [--per-file 100000] [--reuse] [--compare FIGURES.json]`.
//!
//! 1. writes 10 Manyi JSON files of synthetic responses (90 % hall, 10 % Kano; 1,000,000 in all)
//!    into DIR (default: the temp dir's `manyi-bench`), kept for `cli/examples/bench_pandas.py`
//!    (`--reuse` keeps the files of an earlier run);
//! 2. through the dataset (`manyi_core::dataset`): times importing and merging them, and one
//!    scoring pass — the hall index by hall, month and business type, the Kano table, and
//!    penalty–reward with importance–performance — with the peak memory;
//! 3. responses held in memory (as the kiosk's results page and exports have them): one file read
//!    into `Vec<Response>`, then its 90,000 hall responses put into a dataset
//!    (`Dataset::from_responses`) and indexed;
//! 4. times writing the XLSX of 100,000 responses;
//! 5. prints the peak resident memory (VmHWM) after each step, writes the figures the pandas
//!    script checks to DIR/rust_results.json and every figure of the scoring pass to
//!    DIR/figures.json; with `--compare FILE` (a figures.json of another build), prints how far
//!    every number of each of its sections (`dataset`, and `row` from builds that had the row
//!    path) is from this run's.

use manyi_core::dataset::{Collection, Dataset, Filter, SheetRows};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::response::tags::TagKey;
use manyi_core::response::Response;
use manyi_core::sample::{sample, SampleKind, SampleOptions};
use manyi_core::scoring::analysis::AnalysisOptions;
use manyi_core::scoring::drivers::{Missing, PenaltyRewardOptions};
use manyi_core::scoring::group::GroupBy;
use manyi_core::scoring::kano::KanoOptions;
use manyi_core::scoring::report::ReportOptions;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Instant;

fn peak_mb() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or("n/a".into(), |kb| format!("{:.0} MB", kb / 1024.0))
}

/// CPU seconds (user + system) of this process so far, from /proc/self/stat (clock ticks of
/// 1/100 s): on a shared machine it varies less with the load than wall time does.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit(')').next().unwrap_or("");
    // The first of them (index 0) is field 3, the state.
    let f: Vec<f64> = rest.split_whitespace().map(|x| x.parse().unwrap_or(f64::NAN)).collect();
    f.get(11).zip(f.get(12)).map_or(f64::NAN, |(u, s)| (u + s) / 100.0)
}

/// A stopwatch of wall and CPU time.
struct Watch(Instant, f64);

impl Watch {
    fn start() -> Watch {
        Watch(Instant::now(), cpu_s())
    }
    fn wall(&self) -> f64 {
        self.0.elapsed().as_secs_f64()
    }
    fn cpu(&self) -> f64 {
        cpu_s() - self.1
    }
}

/// Resets the peak resident memory to the current one, so the next step's peak is its own.
fn reset_peak() {
    // Writing 5 to clear_refs resets VmHWM (Linux ≥ 4.0).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let dir = arg("--dir").map_or_else(|| std::env::temp_dir().join("manyi-bench"), PathBuf::from);
    let files: usize = arg("--files").map_or(10, |s| s.parse().expect("--files N"));
    let per_file: usize = arg("--per-file").map_or(100_000, |s| s.parse().expect("--per-file N"));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let hall = Builtin::Hall.questionnaire();
    let kano = Builtin::Kano.questionnaire();

    // 1. The data.
    let t = Watch::start();
    let mut paths = Vec::new();
    let reuse = std::env::args().any(|a| a == "--reuse");
    for f in (0..files).filter(|_| !reuse) {
        let options = |count, seed| SampleOptions { count, seed, ..SampleOptions::default() };
        let kano_count = per_file / 10;
        let mut responses = sample(SampleKind::Hall, &options(per_file - kano_count, 1 + f as u64));
        responses.extend(sample(SampleKind::Kano, &options(kano_count, 1001 + f as u64)));
        let bundle = Bundle::new(vec![hall.clone(), kano.clone()], responses, None, None);
        let path = dir.join(format!("device{:02}.json", f + 1));
        std::fs::write(&path, bundle.to_json()).expect("write sample");
        paths.push(path);
    }
    if reuse {
        paths = (0..files).map(|f| dir.join(format!("device{:02}.json", f + 1))).collect();
    }
    let bytes: u64 = paths.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum();
    println!(
        "generate + write  {:>7.2} s wall {:>7.2} s cpu  {} files, {} responses, {:.0} MB of JSON",
        t.wall(),
        t.cpu(),
        files,
        files * per_file,
        bytes as f64 / 1e6
    );

    // 2. Import, merge, and one scoring pass.
    reset_peak();
    let t = Watch::start();
    let mut collection = Collection::new(Vec::new());
    let mut progress_calls = 0;
    for path in &paths {
        let data = std::fs::read(path).expect("read");
        collection.import(&data, &path.display().to_string(), &mut |_| progress_calls += 1).expect("import");
    }
    let merged = collection.len();
    println!(
        "import + merge    {:>7.2} s wall {:>7.2} s cpu  {} responses ({} progress reports); {:.0} MB held; peak memory {}",
        t.wall(),
        t.cpu(),
        merged,
        progress_calls,
        collection.datasets().iter().map(|d| d.memory_bytes()).sum::<usize>() as f64 / 1e6,
        peak_mb()
    );
    let t = Watch::start();
    let groupings = [GroupBy::Tag(TagKey::Hall), GroupBy::Month, GroupBy::Tag(TagKey::BusinessType)];
    let hall_data = collection.dataset(&hall.reference()).expect("hall");
    let index = hall_data.index(&ReportOptions::default(), &groupings, &Filter::default()).expect("index");
    let t_index = t.wall();
    let kano_data = collection.dataset(&kano.reference()).expect("kano");
    let kano_rows = kano_data.kano(&KanoOptions::default(), false, &Filter::default()).expect("kano");
    let t_kano = t.wall() - t_index;
    let pr = PenaltyRewardOptions { missing: Missing::AsMiddle, ..PenaltyRewardOptions::default() };
    let drivers = hall_data.drivers(&pr, false, &Filter::default()).expect("drivers");
    let t_all = t.wall();
    println!(
        "scoring pass      {:>7.2} s wall {:>7.2} s cpu  index ×3 {:.2} s, Kano {:.2} s, penalty–reward + IPA {:.2} s; peak memory {}",
        t_all,
        t.cpu(),
        t_index,
        t_kano,
        t_all - t_index - t_kano,
        peak_mb()
    );
    let figures = json!({
        "dataset": {
            "index": index.tables.iter().map(|t| json!({"overall": t.overall, "dimensions": t.dimensions})).collect::<Vec<_>>(),
            "kano": kano_rows,
            "drivers": drivers,
        }
    });
    drop(collection);

    // 3. Responses held in memory: one file's, put into a dataset and indexed.
    let data = std::fs::read(&paths[0]).expect("read");
    let bundle = Bundle::from_json(&data, "first.json", &[]).expect("bundle");
    drop(data);
    let in_memory: Vec<Response> =
        bundle.responses.into_iter().filter(|r| r.questionnaire == hall.reference()).collect();
    let t = Watch::start();
    let ds = Dataset::from_responses(&hall, &in_memory);
    let t_put = t.wall();
    let by_hall = ReportOptions { group_by: Some(GroupBy::Tag(TagKey::Hall)), ..ReportOptions::default() };
    let small = ds.index(&by_hall, &[], &Filter::default()).expect("index");
    let scores = ds.response_scores(&small, 0);
    println!(
        "in memory         {:>7.2} s wall {:>7.2} s cpu  {} responses into a dataset {:.2} s, index by hall and each response's score {:.2} s",
        t.wall(),
        t.cpu(),
        in_memory.len(),
        t_put,
        t.wall() - t_put
    );
    drop((ds, scores, in_memory));

    // 4. The workbook of 100,000 hall responses.
    let first: Vec<Response> =
        sample(SampleKind::Hall, &SampleOptions { count: 100_000, seed: 1, ..SampleOptions::default() });
    let same_file = Bundle::new(Vec::new(), first, None, None).to_json();
    let mut small = Collection::new(Vec::new());
    small.import(&same_file, "first.json", &mut |_| {}).expect("import");
    drop(same_file);
    let ds = small.to_score(Some(&hall)).expect("hall");
    ds.sort_by_start();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T20:30:00+08:00").expect("time");
    let t = Watch::start();
    let analysis = ds.analyse(&AnalysisOptions::default(), &Filter::default()).expect("analysis");
    let t_score = t.wall();
    let xlsx = ds.export(&analysis, at, ResponsesOptions::default(), SheetRows::All).to_xlsx().expect("xlsx");
    let t_total = t.wall();
    std::fs::write(dir.join("bench.xlsx"), &xlsx).expect("write xlsx");
    println!(
        "XLSX              {:>7.2} s wall {:>7.2} s cpu  {} responses (scoring {:.2} s, tables + workbook {:.2} s), {:.1} MB; peak memory {}",
        t_total,
        t.cpu(),
        ds.len(),
        t_score,
        t_total - t_score,
        xlsx.len() as f64 / 1e6,
        peak_mb()
    );
    drop((small, xlsx));

    // 5. The figures.
    let index_json: Value = groupings
        .iter()
        .zip(&index.tables)
        .map(|(g, t)| (g.name().to_owned(), json!(t.overall)))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let results = json!({
        "files": paths.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect::<Vec<_>>(),
        "responses": merged,
        "index": index_json,
        "kano": kano_rows.iter().map(|(a, r)| json!({"attribute": a, "counts": r.counts, "category": r.category.to_string()})).collect::<Vec<_>>(),
        "drivers": drivers.iter().map(|d| json!({"item": d.item, "penalty": d.penalty, "reward": d.reward})).collect::<Vec<_>>(),
    });
    std::fs::write(dir.join("rust_results.json"), serde_json::to_vec_pretty(&results).expect("json"))
        .expect("write results");
    std::fs::write(dir.join("figures.json"), serde_json::to_vec(&figures).expect("json"))
        .expect("write figures");
    if let Some(other) = arg("--compare") {
        let other: Value =
            serde_json::from_slice(&std::fs::read(&other).expect("--compare FILE")).expect("figures JSON");
        for (section, theirs) in other.as_object().expect("sections") {
            let mut worst = Farthest::default();
            worst.walk("", &figures["dataset"], theirs);
            println!(
                "figures against {section} of the other build: every number within {:.1e} relative (largest at {}), {} numbers",
                worst.rel, worst.at, worst.numbers
            );
        }
    }
    println!("data, rust_results.json and figures.json in {}", dir.display());
}

/// The largest relative difference between two JSON documents of the same shape; any other
/// difference (a key, a category, a group, a length) panics.
#[derive(Default)]
struct Farthest {
    rel: f64,
    at: String,
    numbers: usize,
}

impl Farthest {
    fn walk(&mut self, at: &str, a: &Value, b: &Value) {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => {
                let (x, y) = (x.as_f64().expect("a number"), y.as_f64().expect("a number"));
                self.numbers += 1;
                let rel = if x == y { 0.0 } else { (x - y).abs() / x.abs().max(y.abs()) };
                if rel > self.rel {
                    (self.rel, self.at) = (rel, at.to_owned());
                }
            }
            (Value::Array(x), Value::Array(y)) => {
                assert_eq!(x.len(), y.len(), "{at}: lengths differ");
                for (k, (u, v)) in x.iter().zip(y).enumerate() {
                    self.walk(&format!("{at}[{k}]"), u, v);
                }
            }
            (Value::Object(x), Value::Object(y)) => {
                assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>(), "{at}: keys differ");
                for (k, u) in x {
                    self.walk(&format!("{at}.{k}"), u, &y[k]);
                }
            }
            _ => assert_eq!(a, b, "{at}"),
        }
    }
}
