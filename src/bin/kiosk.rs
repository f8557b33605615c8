//! The kiosk's wasm (`/`): the survey and its staff screens, all a hall tablet downloads.
fn main() {
    manyi::kiosk::start();
}
