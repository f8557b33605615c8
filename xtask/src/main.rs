//! `cargo xtask serve | dist | test`.
fn main() {}
