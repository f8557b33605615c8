//! The kiosk's wasm (`/`): the customer's survey, all a hall tablet downloads for customers (the staff
//! screen is `kiosk_staff.rs`, a page of its own).
fn main() {
    manyi::kiosk::start();
}
