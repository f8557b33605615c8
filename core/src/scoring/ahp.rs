//! Analytic hierarchy process: weights from a pairwise-comparison matrix (eigenvector or geometric mean), λmax, CI and CR.
