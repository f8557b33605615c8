//! `cargo xtask dist | serve | test`: build, serve and test Manyi without Trunk or downloaded binaries.

mod areas;
mod bench;
mod cmd;
mod compress;
mod dist;
mod install;
mod serve;
mod service_worker;
mod sizes;
mod stylesheet;
mod test;
mod wasm_opt;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

  dist [--debug] [--no-wasm-opt]   build the site into dist/ (release by default)
  serve [--addr HOST:PORT] [--debug] [--no-wasm-opt]
                                   build dist/, then serve it (default 127.0.0.1:8080)
  bench                            the kiosk's first visit against SurveyJS's (bench/, npm),
                                   on dist/ (built first if missing)
  test [STEP ...]                  install what is missing, then run every check (or only the named
                                   steps: install fmt clippy clippy-wasm reference dist native browser)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("", &[][..]),
    };
    let result = match command {
        "dist" => dist::Options::parse(rest).and_then(|options| dist::build(&options).map(drop)),
        "serve" => serve::run(rest),
        "test" => test::run(rest),
        "bench" => bench::run(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask {command}: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
