//! The command line: subcommands and their options.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// 满意 Manyi: satisfaction indices, Kano classes and drivers from survey data.
#[derive(Parser, Debug)]
#[command(name = "manyi", version, about)]
pub struct Cli {
    /// Output format: CSV (default) or JSON with the same fields.
    #[arg(long, global = true, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Write to this file instead of standard output (CSV files get a UTF-8 BOM for Excel).
    #[arg(long, short, global = true)]
    pub output: Option<PathBuf>,
    /// What to compute.
    #[command(subcommand)]
    pub command: Command,
}

/// Output format.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, RFC 4180.
    Csv,
    /// JSON: an array of objects for tables, an object for single results.
    Json,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Kano classification from `attribute,functional,dysfunctional` (or counts with --counts).
    Kano {
        /// The CSV file.
        file: PathBuf,
        /// Evaluation table: standard, or pouliot ((2, 2) and (4, 4) questionable).
        #[arg(long, default_value = "standard")]
        table: String,
        /// Class rule: mode, moai:THRESHOLD or oam.
        #[arg(long, default_value = "mode")]
        rule: String,
        /// The file has columns `attribute,A,O,M,I,R,Q` (category counts) instead of answer pairs.
        #[arg(long)]
        counts: bool,
    },
    /// AHP weights, λmax, CI and CR from a pairwise-comparison matrix.
    Ahp {
        /// The CSV file: `,name1,name2,…` then `name,a1,a2,…` per criterion; fractions like 1/3 allowed.
        file: PathBuf,
        /// Eigenvector (default) or geometric mean.
        #[arg(long, value_enum, default_value_t = AhpMethodArg::Eigen)]
        method: AhpMethodArg,
    },
    /// Weighted satisfaction index with n, SE and the 95 % Student-t interval (kept on 0–100).
    Index {
        /// The CSV file: one row per respondent, a column per item (blank or NA = not answered).
        file: PathBuf,
        /// The item columns, comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        items: Vec<String>,
        /// The items' scale, e.g. 1..5.
        #[arg(long)]
        scale: String,
        /// A CSV file `item,weight` (default: equal weights).
        #[arg(long)]
        weights: Option<PathBuf>,
        /// A column to group by.
        #[arg(long)]
        by: Option<String>,
    },
    /// Penalty–reward contrast analysis, derived importance and the IPA quadrant of each item.
    Drivers {
        /// The CSV file: one row per respondent.
        file: PathBuf,
        /// The overall-satisfaction column.
        #[arg(long)]
        overall: String,
        /// The item columns, comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        items: Vec<String>,
        /// The scale of the items, e.g. 1..5.
        #[arg(long)]
        scale: String,
        /// The scale of overall, e.g. 0..10 (default: the items' scale); its answers may be
        /// decimals, such as a continuous satisfaction score.
        #[arg(long)]
        overall_scale: Option<String>,
        /// The low band (default 1..2 on 1..5).
        #[arg(long)]
        low: Option<String>,
        /// The high band (default 5..5 on 1..5).
        #[arg(long)]
        high: Option<String>,
    },
    /// Net promoter score with the adjusted-Wald interval.
    Nps {
        /// The CSV file.
        file: PathBuf,
        /// The 0–10 column.
        #[arg(long)]
        column: String,
    },
    /// The full report of a questionnaire's responses from Manyi's own JSON export (or the
    /// responses.csv of an export).
    Score {
        /// The questionnaire JSON (omit for the built-in questionnaire of the responses).
        #[arg(long)]
        questionnaire: Option<PathBuf>,
        /// The JSON export with the responses, or the responses.csv of an export (UTF-8 or
        /// GB18030, as Excel or WPS saved it).
        #[arg(long)]
        responses: PathBuf,
        /// Group by a tag (hall, counter, staff, device, interviewer, business_type,
        /// customer_class), channel, month, week or questionnaire.
        #[arg(long)]
        by: Option<String>,
        /// Weights: stated (default), equal, derived, derived:correlation, or ahp:MATRIX.csv (a
        /// pairwise-comparison matrix over the questionnaire's dimensions).
        #[arg(long, default_value = "stated")]
        weights: String,
        /// Score break-offs too.
        #[arg(long)]
        include_break_offs: bool,
    },
    /// AAPOR outcome rates (RR1, COOP1, REF1, CON1) from one row per case with its final code.
    Rates {
        /// The CSV file: one row per case.
        file: PathBuf,
        /// The column with each case's final AAPOR code, e.g. 1.1 or 2.221 (blank: still open, skipped).
        #[arg(long)]
        column: String,
        /// A column to group by (e.g. the agent or the day).
        #[arg(long)]
        by: Option<String>,
    },
    /// Realistic synthetic responses as a Manyi JSON export, the same for the same seed.
    Sample {
        /// hall, kano or callback.
        #[arg(long, default_value = "hall")]
        questionnaire: String,
        /// How many responses.
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// The seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The first day, YYYY-MM-DD.
        #[arg(long, default_value = "2026-01-01")]
        start: String,
        /// How many calendar months the responses span.
        #[arg(long, default_value_t = 6)]
        months: u32,
        /// The devices' UTC offset.
        #[arg(long, default_value = "+08:00", allow_hyphen_values = true)]
        utc_offset: String,
    },
    /// Questionnaires: convert a SurveyJS survey, or check a Manyi questionnaire.
    Questionnaire {
        /// What to do.
        #[command(subcommand)]
        action: QuestionnaireAction,
    },
    /// Push the responses of Manyi exports (JSON, or an export's responses.csv), with their
    /// questionnaires, into a CouchDB database: sent, already there and conflicts on one line;
    /// exit 3 when a UUID is on the server with other content (both are kept).
    Push {
        /// The database's URL, http(s)://[user:password@]host:port/dbname (or the credentials in
        /// MANYI_COUCH_USER / MANYI_COUCH_PASSWORD).
        db_url: String,
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Documents per `_bulk_docs` request.
        #[arg(long, default_value_t = 500)]
        batch_size: usize,
    },
    /// Read a CouchDB database through `_changes` and write a Manyi JSON export (-o OUT.json) with
    /// the questionnaires the responses answer. Each page read is kept in OUT.checkpoint until OUT
    /// is written: a pull that stopped half-way continues from there when run again.
    Pull {
        /// The database's URL, http(s)://[user:password@]host:port/dbname.
        db_url: String,
        /// Changes per page.
        #[arg(long, default_value_t = 1000)]
        page_size: usize,
        /// Also write the callback workspace's export (cases with their calls, rates,
        /// interviews, problem records; phone numbers masked) to this JSON file.
        #[arg(long)]
        callback: Option<PathBuf>,
        /// Start from the beginning of the database, ignoring the checkpoint (OUT.checkpoint)
        /// an unfinished pull to the same file left.
        #[arg(long)]
        restart: bool,
    },
    /// Administer a CouchDB for Manyi.
    Couch {
        /// What to do.
        #[command(subcommand)]
        command: CouchCommand,
    },
    /// Merge the exports of many devices, score them and write the workbook (XLSX) and/or CSV files.
    Export {
        /// A Manyi JSON export or the responses.csv of an export (`-` for standard input);
        /// repeat for more files.
        #[arg(long, required = true)]
        responses: Vec<PathBuf>,
        /// A questionnaire JSON file or a built-in id (hall, callback, evaluation, kano); by default
        /// the one questionnaire the responses answer.
        #[arg(long)]
        questionnaire: Option<String>,
        /// Write the workbook here.
        #[arg(long)]
        xlsx: Option<PathBuf>,
        /// Write responses.csv, index.csv, kano.csv, drivers.csv, weights.csv and dictionary.csv
        /// (UTF-8 with BOM) into this folder.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Group the index by a tag, channel, month, week or questionnaire.
        #[arg(long)]
        by: Option<String>,
        /// Weights: stated (default), equal, derived, derived:correlation or ahp:MATRIX.csv.
        #[arg(long, default_value = "stated")]
        weights: String,
        /// Score break-offs too.
        #[arg(long)]
        include_break_offs: bool,
        /// The export time written into the files (RFC 3339); default now.
        #[arg(long)]
        exported_at: Option<String>,
    },
}

/// What `manyi questionnaire` does.
#[derive(Subcommand, Debug)]
pub enum QuestionnaireAction {
    /// A SurveyJS survey (JSON) as a Manyi questionnaire (JSON, to -o or standard output); what
    /// was skipped, renamed or changed goes to standard error with its JSON path and type.
    FromSurveyjs {
        /// The SurveyJS JSON file.
        file: PathBuf,
    },
    /// Checks a Manyi questionnaire: exit 0, or every problem with its place and exit 1.
    Check {
        /// The questionnaire JSON file.
        file: PathBuf,
    },
}

/// `manyi couch …`: administering a CouchDB for Manyi.
#[derive(Subcommand, Debug)]
pub enum CouchCommand {
    /// Prepare a CouchDB for Manyi, idempotently: the device, configuration and company-wide
    /// databases, their security objects and validation, a user per line of --users, and the
    /// replications (CouchDB's `_replicator`) of each device database into the company-wide one.
    Setup {
        /// The server's URL with an administrator's credentials, http(s)://admin:password@host:port
        /// (or the credentials in MANYI_COUCH_USER / MANYI_COUCH_PASSWORD).
        admin_url: String,
        /// A CSV file `name,password,kind`, kind = device, editor (a device that publishes
        /// questionnaires), analyst or replicator (exactly one: the user the replications run as).
        #[arg(long)]
        users: PathBuf,
        /// The prefix of the database names: PREFIX-config, PREFIX-company, PREFIX-device-NAME.
        #[arg(long, default_value = "manyi")]
        prefix: String,
        /// The server's URL as CouchDB's replicator reaches it (default: ADMIN_URL without its
        /// credentials), e.g. http://127.0.0.1:5984.
        #[arg(long)]
        replication_url: Option<String>,
    },
}

/// AHP method.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AhpMethodArg {
    /// Principal eigenvector.
    Eigen,
    /// Row geometric means.
    Geomean,
}
