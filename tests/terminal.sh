#!/bin/sh
# Terminal safety: whatever the files hold, nothing yusuan prints can
# drive the terminal or overflow the screen.
#
# A package made here holds in its names CSI, OSC 0/8/52 and DCS
# sequences, 8-bit C1 controls (as UTF-8 and as raw bytes), "100\b\b\b999",
# bidi overrides and isolates, zero-width joiners, emoji, stacked
# combining marks and a name of 10,240 characters; its file name holds
# an escape sequence.  Every headless screen of it (the list, details,
# findings, search, help; several sizes) must hold no byte below 0x20 but
# the line ends, be valid UTF-8 without C1, bidi or zero-width controls,
# and have no line wider than the screen (display columns, C.UTF-8).
# --dump and --check of it and of every tests/bad case hold no control
# byte but tabs and line ends.
. "$top_srcdir/tests/lib.sh"

LC_ALL=C.UTF-8
export LC_ALL
ESC=$(printf '\033')
BEL=$(printf '\007')
PKG=$TMP/hostile
mkdir "$PKG" || exit 99
{
	printf '2023年部门支出预算表,,,,\n'
	printf '部门名称：\342\200\256测试局\342\200\254,,,,\n'
	printf ',,,,单位：万元\n科目编码,科目名称,合计,基本支出,项目支出\n'
	printf ',合计,300.00,200.00,100.00\n'
	printf '208,"%s[2J%s[31m红色%s[0m%s]0;title%s",300.00,200.00,100.00\n' \
		"$ESC" "$ESC" "$ESC" "$ESC" "$BEL"
	printf '20801,"%s]8;;http://x.example/%s\\link%s]8;;%s\\%s]52;c;cHduZWQ=%s",300.00,200.00,100.00\n' \
		"$ESC" "$ESC" "$ESC" "$ESC" "$ESC" "$BEL"
	printf '2080101,"100\b\b\b999",100.00,100.00,\n'
	printf '2080102,"\342\200\256abc\342\200\254\342\201\246x\342\201\251 %sPq#0;2%s\\ \302\23331m \23331m",100.00,50.00,50.00\n' \
		"$ESC" "$ESC"
	printf '2080103,"a\342\200\215b \360\237\230\200\360\237\221\250\342\200\215\360\237\221\251 e\314\201\314\201\314\201\314\201",50.00,25.00,25.00\n'
	printf '2080104,"'
	head -c 10240 /dev/zero | tr '\0' 'x' | sed 's/x/长/g'
	printf '",50.00,25.00,25.00\n'
} > "$PKG/t${ESC}[2J.csv"

BIDI_ETC=$(printf '\342\200[\213-\217\250-\256]|\342\201[\240-\257]|\330\234|\357\273\277|\302[\200-\237]')

# clean NAME FILE LINES: FILE is valid UTF-8 without C0 controls (but
# line ends, and tabs when LINES is "tabs"), DEL, C1, bidi or zero-width
# controls.
clean() {
	allowed='\n'
	[ "${3:-}" = tabs ] && allowed='\t\n'
	if ! iconv -f UTF-8 -t UTF-8 "$2" > /dev/null 2>&1; then
		not_ok "$1: valid UTF-8"
	elif [ "$(LC_ALL=C tr -d "$allowed"'\040-\176\200-\377' < "$2" | wc -c)" -ne 0 ]; then
		not_ok "$1: no control byte"
		LC_ALL=C grep -naP '[\x00-\x08\x0b-\x1f\x7f]' "$2" | head -n 3 | od -c | head -n 5 | sed 's/^/#   /'
	elif LC_ALL=C grep -qaE "$BIDI_ETC" "$2"; then
		not_ok "$1: no C1, bidi or zero-width control"
	else
		ok "$1"
	fi
}

# screen KEYS COLSxROWS: one headless screen of the package.
screen() {
	keys=$1 size=$2 cols=${2%x*} rows=${2#*x}
	name="screen $size after '$keys'"
	out=$TMP/screen
	"$YUSUAN" --print-screen --screen "$size" --keys "$keys" "$PKG" > "$out" 2> "$TMP/err"
	rc=$?
	if [ $rc -gt 1 ] || [ -s "$TMP/err" ]; then
		not_ok "$name: exit $rc"; sed 's/^/#   /' "$TMP/err" | head -n 5
		return
	fi
	clean "$name" "$out"
	width=$(wc -L < "$out")
	lines=$(wc -l < "$out")
	if [ "$width" -le "$cols" ] && [ "$lines" -le "$rows" ]; then
		ok "$name: fits ($width columns, $lines rows)"
	else
		not_ok "$name: $width columns, $lines rows"
	fi
}

FUNC='j<Enter><Enter><Enter>'
for size in 80x24 20x6 200x50 1x1; do
	for keys in '' 'j<Enter>' "$FUNC" "${FUNC}i" "${FUNC}ji" "${FUNC}jji" \
		"${FUNC}jjji" 'v' 'vjjj<Enter>' '/999<Enter>' '/长<Enter>i' '?'; do
		screen "$keys" "$size"
	done
done

# Backspaces never erase: the six characters of 100\b\b\b999 show.
"$YUSUAN" --print-screen --screen 80x24 --keys "$FUNC" "$PKG" > "$TMP/list" 2>&1
contains "100^H^H^H999 in the list" "$TMP/list" "2080101 100^H^H^H999"
"$YUSUAN" --print-screen --screen 80x24 --keys "${FUNC}i" "$PKG" > "$TMP/detail" 2>&1
contains "100^H^H^H999 in the details" "$TMP/detail" "Name            100^H^H^H999"
contains "the file name's escape is visible" "$TMP/detail" "t^[[2J.csv:8"

# The same in an ASCII locale: non-ASCII becomes <U+XXXX>, nothing else.
LC_ALL=C "$YUSUAN" --print-screen --screen 80x24 --keys "${FUNC}jji" "$PKG" > "$TMP/ascii" 2>&1
if [ "$(LC_ALL=C tr -d '\n\040-\176' < "$TMP/ascii" | wc -c)" -eq 0 ]; then
	ok "C locale: printable ASCII only"
else
	not_ok "C locale: printable ASCII only"
fi

# Reports: --dump and --check of the package and of every bad case.
"$YUSUAN" --dump "$PKG" > "$TMP/dump" 2> "$TMP/dump-err"
clean "--dump of the package" "$TMP/dump" tabs
clean "--dump's messages" "$TMP/dump-err"
"$YUSUAN" --check "$PKG" > "$TMP/check" 2>&1
clean "--check of the package" "$TMP/check"
for dir in "$top_srcdir"/tests/bad/*/; do
	case=$(basename "$dir")
	(cd "$top_srcdir/tests/bad" && "$YUSUAN" --dump "$case" > "$TMP/dump" 2>&1;
		"$YUSUAN" --check "$case" > "$TMP/check" 2>&1)
	cat "$TMP/check" >> "$TMP/dump"
	clean "reports of bad/$case" "$TMP/dump" tabs
done

done_testing
