#!/bin/sh
# Bad input: every case gives exactly its messages, keeps the figures it
# must keep, and never crashes or hangs.
#
# Each case in tests/bad is a package folder CASE beside CASE.expect:
#   # what the case is (comment lines)
#   check: exit N      then the exact output of `yusuan --check CASE`
#   dump:              then lines `yusuan --dump CASE` must print
# run from tests/bad, so paths in messages read CASE/file.csv.  CASE.todo,
# when present, names the fix the case waits for: the case is then a TAP
# TODO, and passing fails (XPASS) until the marker is removed.
# Inputs git cannot hold or should not (FIFOs, devices, symbolic link
# loops, huge files) are made here, under $TMP.
. "$top_srcdir/tests/lib.sh"
BAD=$top_srcdir/tests/bad
# Nothing may run for long: a hang is a failure, not a stuck build.
LIMIT=120

# A TAP TODO point: reported, but not a failure of this script.
todo() {
	tap_n=$((tap_n + 1))
	if [ "$1" = ok ]; then echo "ok $tap_n - $2 # TODO $3"
	else echo "not ok $tap_n - $2 # TODO $3"; fi
}

# Prints up to 20 lines of a file as TAP comments.
show() { head -n 20 "$1" | cut -c1-300 | sed 's/^/#   | /'; }

# run_case DIR CASE EXPECT: one test point for CASE (a path relative to
# DIR) against the expectations in EXPECT.
run_case() {
	dir=$1 case=$2 expect=$3
	want_rc=$(sed -n 's/^check: exit \([0-9]*\)$/\1/p' "$expect")
	sed -n '/^check: exit/,/^dump:$/p' "$expect" | sed '1d;$d' > "$TMP/want"
	sed -n '/^dump:$/,$p' "$expect" | sed '1d' > "$TMP/want-dump"
	(cd "$dir" && timeout $LIMIT "$YUSUAN" --check "$case") > "$TMP/out" 2> "$TMP/err"
	rc=$?
	(cd "$dir" && timeout $LIMIT "$YUSUAN" --dump "$case") > "$TMP/dump" 2> /dev/null
	dump_rc=$?
	why=
	if [ "$rc" != "$want_rc" ]; then why="--check exited $rc, not $want_rc"
	elif [ -s "$TMP/err" ]; then why="--check wrote to stderr"
	elif ! cmp -s "$TMP/want" "$TMP/out"; then why="--check printed other messages"
	elif [ "$dump_rc" -gt 2 ]; then why="--dump exited $dump_rc"
	else
		while IFS= read -r line; do
			grep -qxF -- "$line" "$TMP/dump" || { why="--dump lacks: $line"; break; }
		done < "$TMP/want-dump"
	fi
	name="$case: $(sed -n '1s/^# //p' "$expect")"
	if [ -e "${expect%.expect}.todo" ]; then
		reason=$(head -n 1 "${expect%.expect}.todo")
		if [ -z "$why" ]; then todo ok "$name" "$reason"
		else todo not "$name" "$reason"; fi
	elif [ -z "$why" ]; then
		ok "$name"
	else
		not_ok "$name"
		echo "#   $why" | cut -c1-300
		if [ "$why" = "--check printed other messages" ]; then
			diff "$TMP/want" "$TMP/out" > "$TMP/diff"
			show "$TMP/diff"
		fi
		[ -s "$TMP/err" ] && show "$TMP/err"
	fi
}

# Inputs are never written: nothing in tests/bad changes or appears.
find "$BAD" | sort > "$TMP/files.before"
touch "$TMP/stamp"
sleep 1   # so that a write in the same second shows as newer

for expect in "$BAD"/*.expect; do
	case=$(basename "$expect" .expect)
	run_case "$BAD" "$case" "$expect"
done

find "$BAD" | sort > "$TMP/files.after"
if cmp -s "$TMP/files.before" "$TMP/files.after" &&
	[ -z "$(find "$BAD" -newer "$TMP/stamp")" ]; then
	ok "the inputs were not written: no file changed or appeared"
else
	not_ok "the inputs were not written"
	diff "$TMP/files.before" "$TMP/files.after" | head -n 10 | sed 's/^/#   /'
	find "$BAD" -newer "$TMP/stamp" | head -n 10 | sed 's/^/#   changed: /'
fi

# --- cases made at test time ---------------------------------------------
# Each is a folder under $TMP/made with its CASE.expect written here.
MADE=$TMP/made
mkdir -p "$MADE"
BASE=$BAD/crlf/t.csv
# Figures of BASE: its first and its last row.
FIRST=$(printf 'func\t2080101\t行政运行\t100.00\t\t测试局 / 支出（功能分类） / 社会保障和就业支出 / 人力资源和社会保障管理事务 / 行政运行')
LAST=$(printf 'func\t2101101\t行政单位医疗\t100.00\t\t测试局 / 支出（功能分类） / 卫生健康支出 / 行政事业单位医疗 / 行政单位医疗')
# made CASE DESCRIPTION EXIT KEEP MESSAGE-LINES...: writes CASE.expect
# and runs it.  KEEP is the figures to keep: both (BASE's first and last
# rows), first, or none.
made() {
	c=$1 d=$2 x=$3 keep=$4
	shift 4
	{
		echo "# $d"
		echo "check: exit $x"
		for m in "$@"; do echo "$m"; done
		echo "dump:"
		case $keep in
		both) printf '%s\n%s\n' "$FIRST" "$LAST" ;;
		first) printf '%s\n' "$FIRST" ;;
		esac
	} > "$MADE/$(echo "$c" | tr / _).expect"
	run_case "$MADE" "$c" "$MADE/$(echo "$c" | tr / _).expect"
}

mkdir "$MADE/fifo" && cp "$BASE" "$MADE/fifo/t.csv" && mkfifo "$MADE/fifo/p.csv"
made fifo "A FIFO in a package is not opened (it would block)" 1 both \
	"fifo/p.csv: warning: not a regular file (a folder, pipe, device or socket): not read" \
	"0 errors, 1 warning, 0 notes"
made fifo/p.csv "A FIFO named on the command line" 2 none \
	"fifo/p.csv: warning: not a regular file (a folder, pipe, device or socket): not read" \
	"0 errors, 1 warning, 0 notes"

made /dev/zero "/dev/zero as input is refused, never read" 2 none \
	"/dev/zero: warning: not a regular file (a folder, pipe, device or socket): not read" \
	"0 errors, 1 warning, 0 notes"

mkdir "$MADE/device-link" && cp "$BASE" "$MADE/device-link/t.csv" &&
	ln -s /dev/zero "$MADE/device-link/z.csv"
made device-link "A .csv link to /dev/zero in a package is refused" 1 both \
	"device-link/z.csv: warning: not a regular file (a folder, pipe, device or socket): not read" \
	"0 errors, 1 warning, 0 notes"

mkdir -p "$MADE/folder-named-csv/x.csv" && cp "$BASE" "$MADE/folder-named-csv/t.csv"
made folder-named-csv "A folder named x.csv is a folder, not a file" 0 both \
	"0 errors, 0 warnings, 0 notes"

mkdir "$MADE/loops" && cp "$BASE" "$MADE/loops/t.csv" &&
	ln -s . "$MADE/loops/self" && ln -s b "$MADE/loops/a" && ln -s a "$MADE/loops/b"
made loops "Symbolic link loops are skipped with a message" 1 both \
	"loops/a: warning: cannot open: Too many levels of symbolic links" \
	"loops/b: warning: cannot open: Too many levels of symbolic links" \
	"loops/self: warning: symbolic link loop: this leads back to a folder that contains it; skipped" \
	"0 errors, 3 warnings, 0 notes"

made nowhere "A path that does not exist" 2 none \
	"nowhere: error: cannot open: No such file or directory" \
	"1 error, 0 warnings, 0 notes"

if [ "$(id -u)" != 0 ]; then
	mkdir "$MADE/unreadable" && cp "$BASE" "$MADE/unreadable/t.csv" &&
		cp "$BASE" "$MADE/unreadable/u.csv" && chmod 000 "$MADE/unreadable/u.csv"
	made unreadable "An unreadable file is skipped" 1 both \
		"unreadable/u.csv: error: cannot open: Permission denied" \
		"1 error, 0 warnings, 0 notes"
else
	tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP unreadable file: root reads everything"
fi

# A quoted cell of 100 MB between good rows: the file stops there (the
# cell may hold the rest of the file), what comes before it loads.
mkdir "$MADE/huge-cell"
{
	sed -n '1,7p' "$BASE"
	printf '208,01,02,,"'
	head -c 100000000 /dev/zero | tr '\0' 'x'
	printf '",100.00\r\n'
	sed -n '9p' "$BASE"
} > "$MADE/huge-cell/t.csv"
made huge-cell "A cell of 100 MB: limit: cell size" 1 first \
	"huge-cell/t.csv:8: error: a cell starting on line 8 is longer than 1 MiB: the rest of the file was skipped (limit: cell size)" \
	"huge-cell/t.csv:6: warning: 支出总表 合计, Total 300.00 ≠ sum of 项 100.00 (difference 200.00): discrepancy (t.csv:6; t.csv:7)" \
	"huge-cell/t.csv:6: warning: 支出总表 合计, Basic spending 200.00 ≠ sum of 项 100.00 (difference 100.00): discrepancy (t.csv:6; t.csv:7)" \
	"huge-cell/t.csv:6: warning: 支出总表 合计, Wages and benefits 150.00 ≠ sum of 项 80.00 (difference 70.00): discrepancy (t.csv:6; t.csv:7)" \
	"huge-cell/t.csv:6: warning: 支出总表 合计, Goods and services 50.00 ≠ sum of 项 20.00 (difference 30.00): discrepancy (t.csv:6; t.csv:7)" \
	"1 error, 4 warnings, 0 notes"

# A row of a million commas between the header and the data.
mkdir "$MADE/million-commas"
{
	sed -n '1,5p' "$BASE"
	head -c 1000000 /dev/zero | tr '\0' ','
	printf '\r\n'
	sed -n '6,$p' "$BASE"
} > "$MADE/million-commas/t.csv"
made million-commas "A row of a million commas: limit: cells per record" 1 both \
	"million-commas/t.csv:6: warning: a record has more than 4096 cells: the cells after the first 4096 were dropped (limit: cells per record)" \
	"0 errors, 1 warning, 0 notes"

done_testing
