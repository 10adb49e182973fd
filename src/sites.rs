//! The site manifest (`[[site]]` tables in smslint.toml) and its checks.
