//! `cargo xtask serve`: build `dist/`, then serve it locally until interrupted.

use crate::dist;
use anyhow::{bail, Context, Result};

const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Builds the site (with the `dist` options among `args`) and serves it on `--addr`.
pub fn run(args: &[String]) -> Result<()> {
    let mut addr = DEFAULT_ADDR.to_string();
    let mut dist_args = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--addr" => match args.next() {
                Some(value) => addr = value.clone(),
                None => bail!("--addr needs a value, e.g. --addr {DEFAULT_ADDR}"),
            },
            _ => dist_args.push(arg.clone()),
        }
    }
    let dist = dist::build(&dist::Options::parse(&dist_args)?)?;
    let server = static_server::Server::bind(addr.as_str(), &dist)
        .with_context(|| format!("could not listen on {addr}"))?;
    println!("\nServing {} on http://{}/ (Ctrl-C stops)", dist.display(), server.local_addr());
    server.run();
    Ok(())
}
