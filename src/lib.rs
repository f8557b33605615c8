//! The Manyi Yew app: a thin shell over `manyi-core`.
