//! The sync load benchmark (not a timed test; ignored by default): 50 simulated devices push
//! 2,000 responses each at once, each into its own database of a server prepared by
//! `manyi couch setup`; all 100,000 must arrive once, in the device databases and, through the
//! server's replicator, in the company-wide one; then the company database is pulled and scored.
//! Prints the figures for BENCHMARKS.md:
//!
//! ```sh
//! cargo xtask test install
//! cargo test --release -p manyi-cli --test sync_load -- --ignored --nocapture
//! ```

#[path = "couch/server.rs"]
mod server;
mod support;

use server::Server;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{manyi, write};

const DEVICES: usize = 50;
const PER_DEVICE: usize = 2000;

#[test]
#[ignore = "a benchmark: run with --ignored --nocapture"]
fn fifty_devices_push_two_thousand_responses_each_at_once() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let mut users = String::from("name,password,kind\nrepl,pw-repl,replicator\n");
    for d in 0..DEVICES {
        users.push_str(&format!("dev{d:02},pw-dev{d:02},device\n"));
    }
    let users = write(dir.path(), "users.csv", &users);
    let started = Instant::now();
    let admin = server.admin_url("");
    let setup = manyi(&[
        "couch",
        "setup",
        admin.trim_end_matches('/'),
        "--users",
        &users,
        "--replication-url",
        &server.root(),
    ]);
    assert_eq!(setup.code, 0, "{}", setup.stderr);
    println!("setup of {DEVICES} devices: {:.1} s", started.elapsed().as_secs_f64());

    let files: Vec<String> = (0..DEVICES)
        .map(|d| {
            let path = dir.path().join(format!("dev{d:02}.json")).display().to_string();
            let run = manyi(&[
                "sample",
                "--count",
                &PER_DEVICE.to_string(),
                "--seed",
                &(1000 + d).to_string(),
                "-o",
                &path,
            ]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            path
        })
        .collect();

    // All devices at once: one `manyi push` process each.
    let started = Instant::now();
    let children: Vec<_> = files
        .iter()
        .enumerate()
        .map(|(d, file)| {
            let url = server.user_url(
                &format!("dev{d:02}"),
                &format!("pw-dev{d:02}"),
                &format!("manyi-device-dev{d:02}"),
            );
            Command::new(env!("CARGO_BIN_EXE_manyi"))
                .args(["push", &url, file])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let line = String::from_utf8_lossy(&out.stdout);
        assert!(
            line.ends_with(&format!(": sent {}, already there 0, conflicts 0\n", PER_DEVICE + 1)),
            "{line}"
        );
    }
    let push = started.elapsed().as_secs_f64();
    let total = DEVICES * PER_DEVICE;
    println!(
        "push: {total} responses from {DEVICES} devices in {push:.1} s ({:.0} responses/s)",
        total as f64 / push
    );
    for d in 0..DEVICES {
        // Each device's responses, its questionnaire and its design document: once each.
        assert_eq!(server.doc_count(&format!("manyi-device-dev{d:02}")), PER_DEVICE as u64 + 2);
    }

    // The replicator copies them into the company database (the questionnaire once).
    let deadline = Instant::now() + Duration::from_secs(1800);
    let wanted = total as u64 + 2;
    while server.doc_count("manyi-company") < wanted {
        assert!(Instant::now() < deadline, "replicated {} of {wanted}", server.doc_count("manyi-company"));
        std::thread::sleep(Duration::from_millis(500));
    }
    println!(
        "replicated into the company database {:.1} s after the push began",
        started.elapsed().as_secs_f64()
    );

    let out = dir.path().join("company.json").display().to_string();
    let started = Instant::now();
    let pull = manyi(&["pull", &server.admin_url("manyi-company"), "-o", &out]);
    assert_eq!(pull.code, 0, "{}", pull.stderr);
    println!(
        "pull of the company database: {:.1} s ({})",
        started.elapsed().as_secs_f64(),
        pull.stdout.trim()
    );
    assert!(pull.stdout.contains(&format!("pulled {total} responses")), "{}", pull.stdout);
    let started = Instant::now();
    let score = manyi(&["score", "--responses", &out, "--by", "hall"]);
    assert_eq!(score.code, 0, "{}", score.stderr);
    println!(
        "score of the pulled export (import into the dataset + pass): {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
