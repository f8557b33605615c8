//! Native benchmark of the analyst workload (issue 6), in one run:
//! `cargo run --release -p manyi-cli --example bench [-- --dir DIR] [--files 10] [--per-file 100000] [--reuse]`.
//!
//! 1. writes 10 Manyi JSON files of synthetic responses (90 % hall, 10 % Kano; 1,000,000 in all)
//!    into DIR (default: the temp dir's `manyi-bench`), kept for `cli/examples/bench_pandas.py`
//!    (`--reuse` keeps the files of an earlier run);
//! 2. through the dataset (`manyi_core::dataset`): times importing and merging them, and one
//!    scoring pass — the hall index by hall, month and business type, the Kano table, and
//!    penalty–reward with importance–performance — with the peak memory of that path alone;
//! 3. the same through `Vec<Response>` (`io::import`, `Report`, `analyses`), and how far the
//!    figures of the two paths are apart;
//! 4. times writing the XLSX of 100,000 responses, through `Vec<Response>` and through a dataset;
//! 5. prints the peak resident memory (VmHWM) after each step (reset between the two paths), and
//!    writes the figures the pandas script checks to DIR/rust_results.json, and every figure of
//!    the scoring pass of both paths to DIR/figures.json.

use manyi_core::analyses::{drivers_of_responses, kano_of_responses, DriverRow};
use manyi_core::dataset::{Collection, Filter, SheetRows};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::export::{Analysis, AnalysisOptions, Export};
use manyi_core::io::import::{import_bundle, into_responses};
use manyi_core::io::merge::Merged;
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::response::tags::TagKey;
use manyi_core::response::{Response, Status};
use manyi_core::sample::{sample, SampleKind, SampleOptions};
use manyi_core::scoring::drivers::{Missing, PenaltyRewardOptions};
use manyi_core::scoring::group::GroupBy;
use manyi_core::scoring::index::GroupIndex;
use manyi_core::scoring::kano::KanoOptions;
use manyi_core::scoring::report::{Report, ReportOptions};
use serde_json::json;
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

    // 2. Through the dataset.
    reset_peak();
    let t = Watch::start();
    let mut collection = Collection::new(Vec::new());
    let mut progress_calls = 0;
    for path in &paths {
        let data = std::fs::read(path).expect("read");
        collection.import(&data, &path.display().to_string(), &mut |_| progress_calls += 1).expect("import");
    }
    println!(
        "dataset: import + merge {:>7.2} s wall {:>7.2} s cpu  {} responses ({} progress reports); {:.0} MB held; peak memory {}",
        t.wall(),
        t.cpu(),
        collection.len(),
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
    let new_drivers = hall_data.drivers(&pr, false, &Filter::default()).expect("drivers");
    let t_all = t.wall();
    println!(
        "dataset: scoring pass   {:>7.2} s wall {:>7.2} s cpu  index ×3 {:.2} s, Kano {:.2} s, penalty–reward + IPA {:.2} s; peak memory {}",
        t_all,
        t.cpu(),
        t_index,
        t_kano,
        t_all - t_index - t_kano,
        peak_mb()
    );
    let new_index: Vec<Vec<GroupIndex>> = index.tables.iter().map(|t| t.overall.clone()).collect();
    let dataset_figures = json!({
        "index": index.tables.iter().map(|t| json!({"overall": t.overall, "dimensions": t.dimensions})).collect::<Vec<_>>(),
        "kano": kano_rows,
        "drivers": new_drivers,
    });
    drop(collection);

    // 3. Through Vec<Response>: import and merge.
    reset_peak();
    let t = Watch::start();
    let mut merged = Merged::default();
    for path in &paths {
        let data = std::fs::read(path).expect("read");
        import_bundle(&mut merged, &data, &path.display().to_string(), &[]).expect("import");
    }
    let merged_count = merged.responses.len();
    let responses = into_responses(merged);
    println!(
        "import + merge    {:>7.2} s wall {:>7.2} s cpu  {} responses; peak memory {}",
        t.wall(),
        t.cpu(),
        merged_count,
        peak_mb()
    );

    // One scoring pass.
    let t = Watch::start();
    let reports: Vec<Report> = groupings
        .iter()
        .map(|g| {
            let options = ReportOptions { group_by: Some(*g), ..ReportOptions::default() };
            Report::compute(&hall, &responses, &options).expect("report")
        })
        .collect();
    let t_index = t.wall();
    let kano_ref = kano.reference();
    let kano_responses: Vec<&Response> =
        responses.iter().filter(|r| r.questionnaire == kano_ref && r.status == Status::Complete).collect();
    let kano_table = kano_of_responses(&kano, &kano_responses, &KanoOptions::default()).expect("kano");
    let t_kano = t.wall() - t_index;
    let hall_ref = hall.reference();
    let scored: Vec<&Response> =
        responses.iter().filter(|r| r.questionnaire == hall_ref && r.status == Status::Complete).collect();
    let pr = PenaltyRewardOptions { missing: Missing::AsMiddle, ..PenaltyRewardOptions::default() };
    let drivers = drivers_of_responses(&hall, &scored, &pr).expect("drivers");
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

    let row_figures = json!({
        "index": reports.iter().map(|r| json!({"overall": r.overall, "dimensions": r.dimensions})).collect::<Vec<_>>(),
        "kano": kano_table,
        "drivers": drivers,
    });
    let figures = json!({"dataset": dataset_figures, "row": row_figures});
    std::fs::write(dir.join("figures.json"), serde_json::to_vec(&figures).expect("json"))
        .expect("write figures");

    let same_kano = kano_rows.len() == kano_table.len()
        && kano_rows
            .iter()
            .zip(&kano_table)
            .all(|(a, b)| a.0 == b.0 && a.1.counts == b.1.counts && a.1.label() == b.1.label());
    println!(
        "figures: the dataset's index (every group) and drivers within {:.1e} relative of the reference; Kano counts and classes {}",
        farthest(&new_index, &reports, &new_drivers, &drivers),
        if same_kano { "equal" } else { "DIFFER" }
    );

    // 4. The workbook of 100,000 hall responses.
    let first: Vec<Response> =
        responses.iter().filter(|r| r.questionnaire == hall_ref).take(100_000).cloned().collect();
    let t = Watch::start();
    let analysis = Analysis::compute(&hall, &first, &AnalysisOptions::default()).expect("analysis");
    let t_score = t.wall();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T20:30:00+08:00").expect("time");
    let refs: Vec<&Response> = first.iter().collect();
    let xlsx = Export::new(&hall, &refs, &analysis, at, ResponsesOptions::default()).to_xlsx().expect("xlsx");
    let t_total = t.wall();
    std::fs::write(dir.join("bench.xlsx"), &xlsx).expect("write xlsx");
    println!(
        "XLSX              {:>7.2} s wall {:>7.2} s cpu  {} responses (scoring {:.2} s, tables + workbook {:.2} s), {:.1} MB; peak memory {}",
        t_total,
        t.cpu(),
        first.len(),
        t_score,
        t_total - t_score,
        xlsx.len() as f64 / 1e6,
        peak_mb()
    );

    // The same workbook through the dataset: the 100,000 responses imported (not timed), then
    // scored, tabled and written.
    let same_file = Bundle::new(Vec::new(), first.clone(), None, None).to_json();
    let mut small = Collection::new(Vec::new());
    small.import(&same_file, "first.json", &mut |_| {}).expect("import");
    drop(same_file);
    let ds = small.to_score(Some(&hall)).expect("hall");
    ds.sort_by_start();
    let t = Watch::start();
    let ds_analysis = ds.analyse(&AnalysisOptions::default(), &Filter::default()).expect("analysis");
    let t_score = t.wall();
    let ds_export = ds.export(&ds_analysis, at, ResponsesOptions::default(), SheetRows::All);
    let ds_xlsx = ds_export.to_xlsx().expect("xlsx");
    let t_total = t.wall();
    let row_export = Export::new(&hall, &refs, &analysis, at, ResponsesOptions::default());
    println!(
        "dataset: XLSX     {:>7.2} s wall {:>7.2} s cpu  {} responses (scoring {:.2} s, tables + workbook {:.2} s), {:.1} MB; sheets as the row path's: {}",
        t_total,
        t.cpu(),
        ds.len(),
        t_score,
        t_total - t_score,
        ds_xlsx.len() as f64 / 1e6,
        sheets_apart(&ds_export, &row_export)
    );
    drop((small, row_export, ds_export, ds_xlsx));

    // 5. The figures the pandas script checks.
    let index: serde_json::Value = groupings
        .iter()
        .zip(&reports)
        .map(|(g, r)| (g.name().to_owned(), json!(r.overall)))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let results = json!({
        "files": paths.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect::<Vec<_>>(),
        "responses": merged_count,
        "index": index,
        "kano": kano_table.iter().map(|(a, r)| json!({"attribute": a, "counts": r.counts, "category": r.category.to_string()})).collect::<Vec<_>>(),
        "drivers": drivers.iter().map(|d| json!({"item": d.item, "penalty": d.penalty, "reward": d.reward})).collect::<Vec<_>>(),
    });
    std::fs::write(dir.join("rust_results.json"), serde_json::to_vec_pretty(&results).expect("json"))
        .expect("write results");
    println!("data and rust_results.json in {}", dir.display());
}

/// The largest relative difference between the dataset's and the reference's index (n, index,
/// SE of every group) and drivers (penalty, reward, importance, performance).
fn farthest(index: &[Vec<GroupIndex>], reports: &[Report], a: &[DriverRow], b: &[DriverRow]) -> f64 {
    let rel = |x: f64, y: f64| if x == y { 0.0 } else { (x - y).abs() / x.abs().max(y.abs()) };
    let mut worst: f64 = 0.0;
    for (groups, report) in index.iter().zip(reports) {
        assert_eq!(groups.len(), report.overall.len(), "the same groups");
        for (g, h) in groups.iter().zip(&report.overall) {
            assert_eq!((&g.group, g.summary.n), (&h.group, h.summary.n));
            let pairs = [(g.summary.index, h.summary.index), (g.summary.se, h.summary.se)];
            for (x, y) in pairs.iter().filter_map(|(x, y)| x.zip(*y)) {
                worst = worst.max(rel(x, y));
            }
        }
    }
    for (x, y) in a.iter().zip(b) {
        for (u, v) in [
            (x.penalty, y.penalty),
            (x.reward, y.reward),
            (x.importance, y.importance),
            (x.performance, y.performance),
        ] {
            worst = worst.max(rel(u, v));
        }
    }
    worst
}

/// How the sheets of two exports compare: the same names, columns and cells, numbers within a
/// relative difference (the largest is named).
fn sheets_apart(a: &Export, b: &Export) -> String {
    use manyi_core::io::table::Cell;
    let shape =
        |e: &Export| e.tables.iter().map(|(n, t)| (*n, t.columns.clone(), t.rows.len())).collect::<Vec<_>>();
    if shape(a) != shape(b) {
        return "DIFFERENT sheets, columns or row counts".into();
    }
    let mut worst: f64 = 0.0;
    for ((name, x), (_, y)) in a.tables.iter().zip(&b.tables) {
        for (u, v) in x.rows.iter().flatten().zip(y.rows.iter().flatten()) {
            match (u, v) {
                (Cell::Number(p), Cell::Number(q)) if p != q => {
                    worst = worst.max((p - q).abs() / p.abs().max(q.abs()));
                }
                _ if u != v => return format!("DIFFERENT cell in sheet {name}: {u:?} vs {v:?}"),
                _ => {}
            }
        }
    }
    format!("every cell equal, numbers within {worst:.1e} relative")
}
