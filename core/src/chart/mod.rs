//! Charts as numbers: every coordinate worked out in core, so the app's SVG only draws them and
//! tests check them natively.

pub mod ipa;
pub mod kano;
pub mod labels;
pub mod scatter;
