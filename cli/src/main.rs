//! `manyi`: Manyi's core on the command line — argument parsing and file I/O, nothing else.

mod args;
mod commands;
mod couch;
mod output;

use args::{Cli, Command, CouchCommand, QuestionnaireAction};
use clap::Parser;
use output::Output;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Output { format: cli.format, path: cli.output.as_deref() };
    let result = match &cli.command {
        Command::Push { db_url, files, batch_size } => {
            return match commands::push::run(db_url, files, *batch_size) {
                Ok(pushed) if !pushed.report.conflicts.is_empty() => ExitCode::from(3),
                Ok(_) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("manyi: error: {message}");
                    ExitCode::FAILURE
                }
            };
        }
        Command::Pull { db_url, page_size, callback, restart } => {
            commands::pull::run(&out, db_url, *page_size, callback.as_deref(), *restart)
        }
        Command::Couch { command: CouchCommand::Setup { admin_url, users, prefix, replication_url } } => {
            commands::couch_setup::run(admin_url, users, prefix, replication_url.as_deref())
        }
        Command::Kano { file, table, rule, counts } => commands::kano::run(&out, file, table, rule, *counts),
        Command::Ahp { file, method } => commands::ahp::run(&out, file, *method),
        Command::Index { file, items, scale, weights, by } => {
            commands::index::run(&out, file, items, scale, weights.as_deref(), by.as_deref())
        }
        Command::Drivers { file, overall, items, scale, overall_scale, low, high } => commands::drivers::run(
            &out,
            file,
            overall,
            items,
            (scale, overall_scale.as_deref()),
            (low.as_deref(), high.as_deref()),
        ),
        Command::Nps { file, column } => commands::nps::run(&out, file, column),
        Command::Score { questionnaire, responses, by, weights, include_break_offs } => commands::score::run(
            &out,
            &commands::score::ScoreArgs {
                questionnaire: questionnaire.as_deref(),
                responses,
                by: by.as_deref(),
                weights,
                include_break_offs: *include_break_offs,
            },
        ),
        Command::Rates { file, column, by } => commands::rates::run(&out, file, column, by.as_deref()),
        Command::Sample { questionnaire, count, seed, start, months, utc_offset } => commands::sample::run(
            &out,
            &commands::sample::SampleArgs {
                questionnaire,
                count: *count,
                seed: *seed,
                start,
                months: *months,
                utc_offset,
            },
        ),
        Command::Questionnaire { action: QuestionnaireAction::FromSurveyjs { file } } => {
            commands::questionnaire::from_surveyjs_file(&out, file)
        }
        Command::Questionnaire { action: QuestionnaireAction::Check { file } } => {
            commands::questionnaire::check(file)
        }
        Command::Export {
            responses,
            questionnaire,
            xlsx,
            csv,
            by,
            weights,
            include_break_offs,
            exported_at,
        } => commands::export::run(&commands::export::ExportArgs {
            responses,
            questionnaire: questionnaire.as_deref(),
            xlsx: xlsx.as_deref(),
            csv: csv.as_deref(),
            by: by.as_deref(),
            weights,
            include_break_offs: *include_break_offs,
            exported_at: exported_at.as_deref(),
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("manyi: error: {message}");
            ExitCode::FAILURE
        }
    }
}
