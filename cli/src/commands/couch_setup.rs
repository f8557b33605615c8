//! `manyi couch setup ADMIN_URL --users USERS.csv`: prepares a CouchDB for Manyi through core's
//! setup machine — databases, security objects, validation, one user per line of USERS.csv, the
//! replications into the company-wide database — writing only what differs, so a second run
//! changes nothing.

use crate::couch::Connection;
use crate::output::{name, read};
use manyi_core::sync::setup::{Account, Change, Setup, SetupOptions, SetupStep};
use std::path::Path;

/// Reads `name,password,kind` lines (a header first; kind = device, editor, analyst, replicator).
pub fn read_users(path: &Path) -> Result<Vec<Account>, String> {
    let bytes = read(path)?;
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(bytes.as_slice());
    let headers = reader.headers().map_err(|e| format!("{}: {e}", name(path)))?.clone();
    let column = |h: &str| {
        headers
            .iter()
            .position(|x| x.trim_start_matches('\u{feff}') == h)
            .ok_or_else(|| format!("{}: no `{h}` column; the header is name,password,kind", name(path)))
    };
    let (n, p, k) = (column("name")?, column("password")?, column("kind")?);
    let mut accounts = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let at = |e: String| format!("{}, line {}: {e}", name(path), i + 2);
        let row = row.map_err(|e| at(e.to_string()))?;
        let field = |c: usize| row.get(c).unwrap_or_default();
        let kind = field(k).parse().map_err(at)?;
        accounts.push(Account::new(field(n), field(p), kind).map_err(|e| at(e.to_string()))?);
    }
    Ok(accounts)
}

/// Runs the command.
pub fn run(admin_url: &str, users: &Path, prefix: &str, replication_url: Option<&str>) -> Result<(), String> {
    let server = Connection::open(admin_url, "ADMIN_URL")?;
    let options = SetupOptions {
        prefix: prefix.to_owned(),
        accounts: read_users(users)?,
        replication_url: replication_url.map_or_else(|| server.base.clone(), str::to_owned),
    };
    let mut setup = Setup::new(options.tasks().map_err(|e| e.to_string())?);
    let mut step = setup.start();
    let report = loop {
        step = match step.map_err(|e| format!("{}: {e}", server.base))? {
            SetupStep::Send(request) => {
                setup.receive(server.send(&request).map_err(|e| format!("{}: {e}", server.base))?)
            }
            SetupStep::Done(report) => break report,
        };
    };
    let count = |c: Change| report.items.iter().filter(|(_, x)| *x == c).count();
    for (what, change) in &report.items {
        match change {
            Change::Created => println!("created   {what}"),
            Change::Updated => println!("updated   {what}"),
            Change::Unchanged => {}
        }
    }
    println!(
        "{}: {} created, {} updated, {} unchanged",
        server.base,
        count(Change::Created),
        count(Change::Updated),
        count(Change::Unchanged)
    );
    Ok(())
}
