#!/bin/sh
# make fuzz: builds the libFuzzer harnesses with clang and runs each for
# FUZZ_SECONDS.  Called by the Makefile with these variables:
#   srcdir builddir   the source tree and the build tree (absolute)
#   SOURCES           the library's sources (only the .c files are used)
#   PKGDATADIR LOCALEDIR NCURSESW_CFLAGS
#   LIBS              the program's libraries (-lcsv is left out)
#   FUZZ_SECONDS      seconds per harness (default 60)
#   FUZZ_TARGETS      harnesses to run (default: load config parse)
#   FUZZ_CC           the compiler (default clang-14)
# libcsv is compiled from Debian's source package (apt-get source libcsv,
# fetched once into $builddir/fuzz), so that it is instrumented too.
# Inputs that crash or hang are left in $builddir/fuzz/artifacts: copy
# each into tests/fuzz/regressions/HARNESS/ with a telling name, fix the
# bug, and make check replays it from then on.
set -eu
: "${srcdir:?}" "${builddir:?}" "${SOURCES:?}"
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-load config parse}
FUZZ_CC=${FUZZ_CC:-clang-14}
out=$builddir/fuzz
mkdir -p "$out/obj" "$out/artifacts"

if ! command -v "$FUZZ_CC" >/dev/null; then
	echo "fuzz: $FUZZ_CC not found: install the Debian packages clang-14 libfuzzer-14-dev" >&2
	exit 1
fi

# libcsv from the Debian source package.
csv=$(find "$out" -maxdepth 2 -name libcsv.c -path '*libcsv-*' 2>/dev/null | head -n 1)
if [ -z "$csv" ]; then
	if ! (cd "$out" && apt-get source -qq libcsv >/dev/null); then
		echo "fuzz: 'apt-get source libcsv' failed: it needs dpkg-dev and a deb-src" \
		     "entry (a copy of the Debian entry in /etc/apt/sources.list.d/ with" \
		     "'Types: deb-src', then apt-get update)" >&2
		exit 1
	fi
	csv=$(find "$out" -maxdepth 2 -name libcsv.c -path '*libcsv-*' | head -n 1)
fi
csvdir=$(dirname "$csv")

flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
	-fno-sanitize-recover=all -I$builddir -I$srcdir/src -I$csvdir ${NCURSESW_CFLAGS:-}
	-DPKGDATADIR=\"${PKGDATADIR:-}\" -DLOCALEDIR=\"${LOCALEDIR:-}\""
libs=
for l in ${LIBS:-}; do
	[ "$l" = -lcsv ] || libs="$libs $l"
done

# Everything is compiled instrumented: the library, libcsv, the helpers.
objs=
for src in $SOURCES "$csv" "$srcdir/tests/fuzz/fuzz_util.c"; do
	case $src in *.c) ;; *) continue ;; esac
	case $src in
	/*) path=$src; obj=$(basename "$src" .c) ;;
	*) path=$srcdir/$src; obj=$(echo "${src%.c}" | tr / _) ;;
	esac
	obj=$out/obj/$obj.o
	echo "$path -o $obj"
	objs="$objs $obj"
done > "$out/objects"
# Parallel, since there are many.
xargs -P "$(nproc)" -L 1 $FUZZ_CC $flags -c < "$out/objects"

# Seeds: every sample file, every sample package joined as one input (the
# separator is the one fuzz_load.c splits at), every bad input package but
# those waiting for a fix (CASE.todo): they would stop the run at once.
seeds=$out/seeds
rm -rf "$seeds"
mkdir -p "$seeds/load" "$seeds/config" "$seeds/parse"
join_package() {   # DIR OUT
	first=1
	for f in "$1"/*.csv "$1"/*.txt; do
		[ -f "$f" ] || continue
		[ $first = 1 ] || printf '\n--yusuan-file--\n'
		cat "$f"
		first=0
	done > "$2"
}
n=0
for pkg in "$srcdir"/data/samples/*/ "$srcdir"/tests/bad/*/; do
	[ -d "$pkg" ] && [ ! -e "${pkg%/}.todo" ] || continue
	n=$((n + 1))
	join_package "$pkg" "$seeds/load/package-$n"
	for f in "$pkg"*.csv; do
		[ -f "$f" ] && cp "$f" "$seeds/load/file-$n-$(basename "$f" | md5sum | cut -c1-8)"
	done
done
cp "$srcdir"/tests/fuzz/seeds/config/* "$seeds/config/"
cp "$srcdir"/tests/fuzz/seeds/parse/* "$seeds/parse/"
for t in load config parse; do
	cp "$srcdir"/tests/fuzz/regressions/$t/* "$seeds/$t/" 2>/dev/null || true
done

status=0
for t in $FUZZ_TARGETS; do
	bin=$out/fuzz_$t
	$FUZZ_CC $flags -fsanitize=fuzzer "$srcdir/tests/fuzz/fuzz_$t.c" $objs $libs -o "$bin"
	mkdir -p "$out/corpus/$t"
	case $t in load) max_len=65536 ;; config) max_len=8192 ;; *) max_len=512 ;; esac
	echo "=== fuzz_$t for ${FUZZ_SECONDS}s"
	before=$(ls "$out/artifacts" | wc -l)
	YUSUAN_DATADIR=$srcdir/data \
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"$bin" -dict="$srcdir/tests/fuzz/yusuan.dict" -max_total_time="$FUZZ_SECONDS" \
		-timeout=10 -rss_limit_mb=2048 -max_len=$max_len -print_final_stats=1 \
		-artifact_prefix="$out/artifacts/$t-" "$out/corpus/$t" "$seeds/$t" \
		> "$out/fuzz_$t.log" 2>&1 || status=1
	tail -n 12 "$out/fuzz_$t.log"
	after=$(ls "$out/artifacts" | wc -l)
	if [ "$after" -ne "$before" ]; then
		echo "fuzz_$t found inputs that fail: see $out/fuzz_$t.log and $out/artifacts" >&2
		status=1
	fi
done
exit $status
