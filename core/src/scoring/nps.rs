//! Net promoter score with the adjusted-Wald interval.
