//! The wasm-bindgen command line (the crate's own `wasm-bindgen` binary): writes the app's JS glue for
//! `cargo xtask dist`. Unlike the library, the CLI keeps the default module path, so `init()` needs no
//! argument.

fn main() -> anyhow::Result<()> {
    wasm_bindgen_cli::wasm_bindgen::run_cli_with_args(std::env::args_os())
}
