//! Penalty–reward contrast analysis and derived importance: what drives `overall`.
