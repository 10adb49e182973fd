//! Reporters: one file per output format. Reporters never compute findings.
