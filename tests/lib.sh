# TAP helpers for the shell tests; sourced, never run.
# Each test is `check NAME COMMAND…`; outputs go under the build directory.
set -u
tap_n=0
tap_failed=0
: "${YUSUAN:?YUSUAN must point at the built program}"
: "${top_srcdir:?}"
SAMPLES="$top_srcdir/data/samples"
XINXIANG="$SAMPLES/xinxiang-etdz-2023"
ZHUMADIAN="$SAMPLES/zhumadian-2023"
# Scratch space under the build tree (distcheck makes the source read-only).
TMP=$(mktemp -d "${top_builddir:-.}/tests/tmp.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT

ok()     { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }
not_ok() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $1"; }

# check NAME CMD…: passes when CMD exits 0.
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"
	else not_ok "$1"; printf '#   expected: %s\n#   actual:   %s\n' "$2" "$3"; fi
}

# contains NAME FILE TEXT: FILE holds TEXT (fixed string).
contains() {
	if grep -qF -- "$3" "$2"; then ok "$1"
	else not_ok "$1"; echo "#   '$3' not in $2:"; sed 's/^/#   | /' "$2" | head -20; fi
}

done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
