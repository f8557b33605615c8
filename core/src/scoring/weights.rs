//! Where weights come from: equal, stated, AHP or derived from data.
