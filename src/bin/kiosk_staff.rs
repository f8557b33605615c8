//! The kiosk's staff screen's wasm (`staff/`): settings, data and exports behind the PIN.
fn main() {
    manyi::kiosk::staff::start();
}
