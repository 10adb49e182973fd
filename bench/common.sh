# Sourced by the bench scripts: sets ROOT (the repository), BIN (the smslint to measure:
# $SMSLINT when set, else a fresh release build) and WORK (a temporary directory, removed at exit).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${SMSLINT:-}" ]; then
    BIN=$(realpath "$SMSLINT")
else
    cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
    BIN="$ROOT/target/release/smslint"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
