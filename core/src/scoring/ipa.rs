//! Importance–performance analysis: quadrants around data-centred or scale-centred cross-hairs.
