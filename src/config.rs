//! `smslint.toml`: discovery, parsing (with labelled errors) and merging with flags.
