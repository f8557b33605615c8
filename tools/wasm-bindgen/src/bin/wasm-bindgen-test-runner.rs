//! wasm-bindgen-test-runner: the runner of `cargo test --target wasm32-unknown-unknown`, named in
//! .cargo/config.toml. It runs the tests in headless Chromium (extra browser flags: webdriver.json).

fn main() -> anyhow::Result<()> {
    wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(std::env::args_os())
}
