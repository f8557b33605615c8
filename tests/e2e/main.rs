//! End-to-end tests: the built site (`dist/`) served locally and driven in headless Chromium through
//! chromedriver. Run by `cargo xtask test`, which installs Chromium and builds `dist/` first.
#![cfg(not(target_arch = "wasm32"))]

// A toolbox: not every test uses every helper.
#[allow(dead_code)]
mod harness;

mod analysis;
mod analysis_bench;
mod analyst;
mod analyst_overall;
mod any_questionnaire;
mod areas;
mod call_desk;
mod callback;
mod chosen;
#[allow(dead_code)]
mod couch;
#[allow(dead_code)]
mod customer;
mod editor;
mod evaluation;
mod field_screens;
mod hall;
mod kano;
mod kiosk;
mod kiosk_bench;
mod kiosk_input;
mod kiosk_questionnaire;
mod languages;
mod staff_screen;
mod sync;
mod sync_field;
mod sync_restart;
mod upgrade;
