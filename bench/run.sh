#!/bin/bash
# The province benchmark (issue 8), run by `make bench`; not a test:
# nothing fails on a slow machine.  It writes a synthetic province under
# the build tree (or reuses it), times yusuan against a plain libcsv parse
# of the same files, measures peak memory and the browser's keys, prints a
# table of the targets and writes it to $RESULTS.
#
# Environment (make bench sets it): YUSUAN, GEN, BASELINE, KEYTIME (the
# programs), CLASSIFICATION (data/classification.tsv), YUSUAN_DATADIR,
# WORK (where the province goes), RESULTS (the table's file), CFLAGS (as
# built, for the record).  BENCH_DEPTS (default 2000) and BENCH_RUNS
# (paired runs per timing, default 3) change the size of the run.
set -eu
: "${YUSUAN:?}" "${GEN:?}" "${BASELINE:?}" "${KEYTIME:?}" "${CLASSIFICATION:?}"
: "${YUSUAN_DATADIR:?}" "${WORK:?}" "${RESULTS:?}"
DEPTS=${BENCH_DEPTS:-2000}
RUNS=${BENCH_RUNS:-3}
export YUSUAN_DATADIR LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= TERM=xterm
# No config file of the user's may change what is measured.
export XDG_CONFIG_HOME="$WORK/no-config" HOME="$WORK/no-config"

UTF8="$WORK/province-utf8"
GBK="$WORK/province-gbk"
STAMP="yusuan bench province v1 n=$DEPTS "
mkdir -p "$WORK"
TMP=$(mktemp -d "$WORK/tmp.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

say() { printf '%s\n' "$*" >&2; }

# --- the province ------------------------------------------------------------
complete() { [ -f "$1/.complete" ] && case $(cat "$1/.complete") in "$STAMP"*) true ;; *) false ;; esac; }
if complete "$UTF8" && complete "$GBK"; then
	say "bench: reusing the province in $WORK"
else
	say "bench: writing a province of $DEPTS departments to $WORK …"
	rm -rf "$UTF8" "$GBK"
	mkdir -p "$WORK"
	"$GEN" -n "$DEPTS" "$CLASSIFICATION" "$UTF8" "$GBK" >&2
fi
field() { sed -n "s/.* $2=\\([0-9]*\\).*/\\1/p" "$1/.complete"; }
UTF8_BYTES=$(field "$UTF8" bytes)
GBK_BYTES=$(field "$GBK" bytes)
RECORDS=$(field "$UTF8" records)
FILES=$(field "$UTF8" files)

# --- helpers -------------------------------------------------------------------
# seconds CMD…: wall-clock seconds of one run (output discarded).
seconds() {
	local TIMEFORMAT=%3R
	{ time { "$@" >/dev/null 2>&1 || true; }; } 2>&1
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# paired NAME A… -- B…: runs A and B alternately RUNS times; prints the
# medians "a b".
paired() {
	local name=$1; shift
	local a=() b=()
	while [ "$1" != -- ]; do a+=("$1"); shift; done
	shift
	b=("$@")
	: >"$TMP/a"; : >"$TMP/b"
	for ((i = 1; i <= RUNS; i++)); do
		seconds "${a[@]}" >>"$TMP/a"
		seconds "${b[@]}" >>"$TMP/b"
		say "bench: $name run $i: $(tail -n1 "$TMP/a") s against $(tail -n1 "$TMP/b") s"
	done
	echo "$(median <"$TMP/a") $(median <"$TMP/b")"
}

# peak_kb CMD…: maximum resident set size in KiB.
peak_kb() {
	/usr/bin/time -f %M -o "$TMP/time" "$@" >/dev/null 2>&1 || true
	tail -n1 "$TMP/time"
}

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

# --- sanity: the province reconciles -------------------------------------------------
say "bench: checking the province once (also warms the page cache) …"
"$BASELINE" "$UTF8" >/dev/null
"$BASELINE" --iconv "$GBK" >/dev/null
CHECK_UTF8=$("$YUSUAN" --check "$UTF8" | tail -n1) || true
CHECK_GBK=$("$YUSUAN" --check "$GBK" | tail -n1) || true

# --- load + model + checks against libcsv ------------------------------------------
read -r Y_UTF8 B_UTF8 <<<"$(paired "UTF-8 yusuan --check vs libcsv" \
	"$YUSUAN" --check "$UTF8" -- "$BASELINE" "$UTF8")"
read -r Y_GBK B_GBK <<<"$(paired "GBK yusuan --check vs libcsv+iconv" \
	"$YUSUAN" --check "$GBK" -- "$BASELINE" --iconv "$GBK")"

# --- peak memory ----------------------------------------------------------------------
if [ -x /usr/bin/time ]; then
	say "bench: peak memory …"
	MEM_UTF8=$(peak_kb "$YUSUAN" --check "$UTF8")
	MEM_GBK=$(peak_kb "$YUSUAN" --check "$GBK")
else
	say "bench: /usr/bin/time is missing (Debian package 'time'): no memory figures"
	MEM_UTF8= MEM_GBK=
fi

# --- keys in the browser -----------------------------------------------------------
say "bench: keys in the browser …"
"$KEYTIME" -r 11 "$UTF8" >"$TMP/keys"

# --- first screen of one department ------------------------------------------------
say "bench: first screen of one department …"
ONE="$UTF8/d0001"
: >"$TMP/first"
for ((i = 1; i <= 11; i++)); do
	seconds "$YUSUAN" --print-screen --screen=80x24 "$ONE" >>"$TMP/first"
done
FIRST=$(median <"$TMP/first")

# --- the table -----------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }

# row TARGET MEASURED VALUE LIMIT: a line of the table; met when VALUE <= LIMIT.
row() {
	local met
	if [ -z "$3" ]; then met="-"
	else met=$(awk -v v="$3" -v l="$4" 'BEGIN { print (v <= l) ? "yes" : "no" }'); fi
	printf '%-44s %-32s %-10s %s\n' "$1" "$2" "<= $5" "$met"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
key_ms() { awk -F"\t" -v n="$1" '$1 == n { v = $3 + 0; printf "%.1f", (v < 0 ? 0 : v) + 0 }' "$TMP/keys"; }

{
	echo "yusuan province benchmark (make bench, issue 8)"
	echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $ram RAM; CFLAGS ${CFLAGS:-?}"
	echo "input: $DEPTS departments, $FILES files, $RECORDS records;" \
	     "UTF-8 $(mb "$UTF8_BYTES"), GBK $(mb "$GBK_BYTES")"
	echo "--check on the province: UTF-8 '$CHECK_UTF8', GBK '$CHECK_GBK'"
	echo "timings: wall clock, median of $RUNS paired runs (keys: of 11);" \
	     "load average before: $LOAD"
	echo "keys: headless 80x24 at the top of the province; the search types" \
	     "/满意度<Enter> (building the index), then n"
	echo
	printf '%-44s %-32s %-10s %s\n' target measured goal met
	r=$(ratio "$Y_UTF8" "$B_UTF8")
	row "UTF-8 load+model+checks / libcsv parse" "$Y_UTF8 s / $B_UTF8 s = ${r}x" "$r" 1.5 "1.5x"
	r=$(ratio "$Y_GBK" "$B_GBK")
	row "GBK load+model+checks / libcsv+iconv" "$Y_GBK s / $B_GBK s = ${r}x" "$r" 1.3 "1.3x"
	if [ -n "$MEM_UTF8" ]; then
		r=$(ratio "$((MEM_UTF8 * 1024))" "$UTF8_BYTES")
		row "peak memory / input bytes (UTF-8)" "$(mb $((MEM_UTF8 * 1024))) / $(mb "$UTF8_BYTES") = ${r}x" "$r" 1.2 "1.2x"
		r=$(ratio "$((MEM_GBK * 1024))" "$GBK_BYTES")
		row "peak memory / input bytes (GBK)" "$(mb $((MEM_GBK * 1024))) / $(mb "$GBK_BYTES") = ${r}x" "$r" 1.2 "1.2x"
	fi
	for k in "drill in" back sort "unit toggle" "search next match"; do
		v=$(key_ms "$k")
		row "key: $k" "$v ms" "$v" 16 "16 ms"
	done
	v=$(key_ms "search (whole: index, 3 letters, Enter)")
	row "search the whole province" "$v ms" "$v" 100 "100 ms"
	v=$(awk -v s="$FIRST" 'BEGIN { printf "%.0f", s * 1000 }')
	row "first screen of one department, from start" "$v ms" "$v" 30 "30 ms"
} >"$TMP/table"
cat "$TMP/table"
cp "$TMP/table" "$RESULTS"
say "bench: table written to $RESULTS"
