#!/bin/sh
# The command line: --help, --version, bad options.
. "$top_srcdir/tests/lib.sh"

"$YUSUAN" --help > "$TMP/help" 2>&1; rc=$?
expect_eq "--help exits 0" 0 "$rc"
contains "--help shows usage" "$TMP/help" "Usage: yusuan"
contains "--help lists --dump" "$TMP/help" "--dump"

"$YUSUAN" --version > "$TMP/version" 2>&1; rc=$?
expect_eq "--version exits 0" 0 "$rc"
contains "--version names the program" "$TMP/version" "yusuan 0.1.0"

"$YUSUAN" --no-such-option > "$TMP/bad" 2>&1; rc=$?
expect_eq "unknown option exits 2" 2 "$rc"
contains "unknown option hints at --help" "$TMP/bad" "Try 'yusuan --help'"
expect_eq "unknown option is one line plus hint" 2 "$(wc -l < "$TMP/bad")"

done_testing
