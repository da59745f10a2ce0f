#!/bin/sh
# Expected screens of the browser, through the command line.
#
# Every tests/screens/NAME.keys is replayed headless (--keys-file) once
# for each expected screen NAME.INPUT.COLSxROWS.txt beside it.  INPUT is a
# sample (zhumadian, xinxiang) or "names", a package made here whose names
# and file name are full of control characters and bidi overrides.
# NAME.args holds more options, one per line; NAME.err the expected
# stderr (else there must be none).  yusuan runs in tests/screens, so
# files named there are read as given (messages name them so).
#
# After a change to the screens, YUSUAN_UPDATE_SCREENS=1 writes the
# expected files from what the program draws: review them with git diff.
. "$top_srcdir/tests/lib.sh"

SCREENS="$top_srcdir/tests/screens"

# A package of one 支出总表 whose texts hold ESC sequences, backspaces,
# tabs, line breaks, bidi overrides, a zero-width space and a BOM.
NAMES="$TMP/names"
mkdir "$NAMES" || exit 99
RLO=$(printf '\342\200\256') PDF=$(printf '\342\200\254')
printf '%s\n' \
	'2023年部门支出预算表,,,,' \
	"部门名称：${RLO}测试局${PDF},,,," \
	',,,,单位：万元' \
	'科目编码,科目名称,合计,基本支出,项目支出' \
	',合计,100.00,60.00,40.00' \
	"208,\"社会保障$(printf '\033[31m')红$(printf '\033[0m')和就业\",100.00,60.00,40.00" \
	"20801,\"人力$(printf '\b\b\b')资源${RLO}abc${PDF}\",100.00,60.00,40.00" \
	"2080101,\"行政$(printf '\t')运行$(printf '\r')" \
	"第二行$(printf '\342\200\213\357\273\277')\",100.00,60.00,40.00" \
	> "$NAMES/$(printf 'zc\033[2J.csv')" || exit 99

input_path() {
	case $1 in
	zhumadian) echo "$ZHUMADIAN" ;;
	xinxiang) echo "$XINXIANG" ;;
	names) echo "$NAMES" ;;
	*) return 1 ;;
	esac
}

# Prints the differences as TAP comments.
show_diff() {
	diff -u "$1" "$2" | sed 's/^/#   /'
}

for keys in "$SCREENS"/*.keys; do
	name=$(basename "$keys" .keys)
	args=
	[ -f "$SCREENS/$name.args" ] && args=$(cat "$SCREENS/$name.args")
	for want in "$SCREENS/$name".*.txt; do
		[ -f "$want" ] || { not_ok "$name: no expected screen"; continue; }
		case_=$(basename "$want" .txt)          # NAME.INPUT.COLSxROWS
		size=${case_##*.}
		input=${case_%.*}; input=${input#"$name".}
		cols=${size%x*} rows=${size#*x}
		path=$(input_path "$input") || { not_ok "$case_: unknown input '$input'"; continue; }
		got="$TMP/$case_.txt" err="$TMP/$case_.err"
		# $args is split into options on purpose.
		# shellcheck disable=SC2086
		(cd "$SCREENS" && "$YUSUAN" --print-screen --screen "$size" \
			--keys-file "$keys" $args "$path") > "$got" 2> "$err"
		rc=$?
		if [ -n "${YUSUAN_UPDATE_SCREENS:-}" ]; then
			cp "$got" "$want"
			[ -s "$err" ] && cp "$err" "$SCREENS/$name.err"
		fi
		# 1 means the input holds something to report: not an error here.
		if [ "$rc" -gt 1 ]; then
			not_ok "$case_: exits $rc"; sed 's/^/#   /' "$err"; continue
		fi
		if cmp -s "$want" "$got"; then ok "$case_"
		else not_ok "$case_"; show_diff "$want" "$got"; fi
		if [ -f "$SCREENS/$name.err" ]; then
			if cmp -s "$SCREENS/$name.err" "$err"; then ok "$case_: stderr"
			else not_ok "$case_: stderr"; show_diff "$SCREENS/$name.err" "$err"; fi
		elif [ -s "$err" ]; then
			not_ok "$case_: nothing on stderr"; sed 's/^/#   /' "$err"
		fi
		# Whatever the input, the screen is rows lines of at most cols
		# columns with no control byte but the line ends.
		lines=$(wc -l < "$got") width=$(wc -L < "$got")
		ctl=$(LC_ALL=C tr -d '\n\040-\377' < "$got" | wc -c)
		if [ "$lines" -eq "$rows" ] && [ "$width" -le "$cols" ] && [ "$ctl" -eq 0 ]; then
			ok "$case_: $rows lines, at most $cols columns, no control bytes"
		else
			not_ok "$case_: $lines lines (want $rows), $width columns (at most $cols), $ctl control bytes"
		fi
	done
done

done_testing
