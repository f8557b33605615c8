//! The satisfaction index of a group: mean of composites, SE, Student-t interval, small-sample flag.
