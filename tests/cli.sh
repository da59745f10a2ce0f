#!/bin/sh
# The command line: --help, --version, bad options, the config file.
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

# Modes exclude each other: running only one of them was silent.
for pair in "--dump --check" "--check --dump" "--check --print-screen" \
	"--print-screen --play=x.keys" "--play=x.keys --dump"; do
	# $pair is split into options on purpose.
	# shellcheck disable=SC2086
	"$YUSUAN" $pair "$XINXIANG" > "$TMP/modes.out" 2> "$TMP/modes.err"; rc=$?
	first=${pair%% *} second=${pair#* }
	first=${first%%=*} second=${second%%=*}
	expect_eq "$pair: a usage error" 2 "$rc"
	contains "$pair: names both options" "$TMP/modes.err" \
		"yusuan: options '$first' and '$second' cannot be used together"
	expect_eq "$pair: prints nothing else" 0 "$(wc -c < "$TMP/modes.out")"
done
"$YUSUAN" --check --check "$XINXIANG" > /dev/null 2>&1; rc=$?
expect_eq "a mode given twice is no conflict" 0 "$rc"
contains "--help says the modes exclude each other" "$TMP/help" \
	"Give at most one of --check, --dump, --print-screen and --play."

# The default config file is optional: a bad line in it is a warning with
# its line, left out, and never stops --check or --dump.
mkdir -p "$TMP/xdg/yusuan"
printf '[display\nunit=元\n[keys]\nquit\nfindings = <F2>\n' > "$TMP/xdg/yusuan/yusuan.ini"
XDG_CONFIG_HOME="$TMP/xdg" "$YUSUAN" --check "$XINXIANG" > "$TMP/cfg.out" 2> "$TMP/cfg.err"; rc=$?
expect_eq "bad config line: --check still runs" 0 "$rc"
contains "bad config line: --check prints its summary" "$TMP/cfg.out" "0 errors, 0 warnings"
contains "bad config line: a warning with file and line" "$TMP/cfg.err" \
	"$TMP/xdg/yusuan/yusuan.ini:1: warning: expected 'key = value' or '[section]', not '[display'; the line is ignored"
contains "bad config line: later bad lines are named too" "$TMP/cfg.err" \
	"yusuan.ini:4: warning: expected 'key = value' or '[section]', not 'quit'"
check "bad config line: the messages stay off --check's output" \
	eval '! grep -q yusuan.ini "$TMP/cfg.out"'
XDG_CONFIG_HOME="$TMP/xdg" "$YUSUAN" --dump "$XINXIANG" > "$TMP/cfg.dump" 2> "$TMP/cfg.err"; rc=$?
expect_eq "bad config line: --dump still runs" 0 "$rc"
contains "bad config line: --dump prints the tree" "$TMP/cfg.dump" "kind	code	name"
contains "bad config line: --dump warns" "$TMP/cfg.err" "yusuan.ini:1: warning:"

# The browser lists them among the loading messages (v); the lines that
# could be read count (F2 opens the findings).
XDG_CONFIG_HOME="$TMP/xdg" "$YUSUAN" --print-screen --keys '<F2>' "$XINXIANG" \
	> "$TMP/cfg.screen" 2> "$TMP/cfg.err"; rc=$?
expect_eq "bad config line: the browser starts" 0 "$rc"
contains "bad config line: the findings view counts the messages" "$TMP/cfg.screen" \
	"Check results: 0 findings; 3 loading messages"
contains "bad config line: the findings view lists them" "$TMP/cfg.screen" \
	"yusuan.ini:1  expected 'key = value' or '[section]', not '[display'"
expect_eq "bad config line: headless, stderr has them once" 3 "$(wc -l < "$TMP/cfg.err")"
XDG_CONFIG_HOME="$TMP/xdg" "$YUSUAN" --print-screen --keys '<F2><Enter>' "$XINXIANG" \
	> "$TMP/cfg.screen" 2> /dev/null
contains "bad config line: Enter on it says it is no table's" "$TMP/cfg.screen" \
	"This message is not about a table of the budget"

# Two years of one department: the collection tells them apart by the
# end of their folders.
mkdir -p "$TMP/years/2022" "$TMP/years/2023"
cp -r "$XINXIANG" "$TMP/years/2022/局"
cp -r "$XINXIANG" "$TMP/years/2023/局"
"$YUSUAN" --print-screen "$TMP/years" > "$TMP/years.screen" 2>&1
check "same names: the tree shows each folder" \
	grep -q "新乡经济技术开发区.* 2022/局  *2,852.11" "$TMP/years.screen"
check "same names: the other one too" \
	grep -q "新乡经济技术开发区.* 2023/局  *2,852.11" "$TMP/years.screen"

# A loading message belongs to its department, also when its file gave
# no table (an empty file): the findings name it, and the department's
# row leads to it with a dot.  The config file's messages belong to none.
"$YUSUAN" --print-screen "$XINXIANG" "$top_srcdir/tests/bad/empty" > "$TMP/msg.screen" 2>&1
check "message of an empty file: its department is marked" \
	grep -q "^\. 测试局 " "$TMP/msg.screen"
"$YUSUAN" --print-screen --keys v "$XINXIANG" "$top_srcdir/tests/bad/empty" \
	> "$TMP/msg.screen" 2>&1
check "message of an empty file: the findings name its department" \
	grep -q "^!  测试局  *a.csv  *the file is empty" "$TMP/msg.screen"
XDG_CONFIG_HOME="$TMP/xdg" "$YUSUAN" --print-screen "$XINXIANG" > "$TMP/msg.screen" 2>&1
check "config messages are no department's" \
	eval '! grep -q "loading message" "$TMP/msg.screen"'

# A file the user named must be there.
"$YUSUAN" --config="$TMP/none.ini" --check "$XINXIANG" > /dev/null 2> "$TMP/cfg.err"; rc=$?
expect_eq "--config with a missing file exits 2" 2 "$rc"
contains "--config with a missing file says why" "$TMP/cfg.err" \
	"none.ini: error: cannot read the settings: No such file or directory"

# Every action [keys] accepts is documented: in the man page's table with
# its default keys, and named in the README.
sed -n 's/^[[:space:]]*X(ACT_[A-Z_]*, *"\([^"]*\)", *"\([^"]*\)".*/\1	\2/p' \
	"$top_srcdir/src/actions.h" > "$TMP/actions"
sed -n '/^\.TS/,/^\.TE/p' "$top_srcdir/man/yusuan.1" | sed 's/\\-/-/g' > "$TMP/man-actions"
check "actions.h lists the actions" test -s "$TMP/actions"
while IFS='	' read -r name keys; do
	contains "man page: action $name with its keys" "$TMP/man-actions" "$name	$keys	"
	contains "README: action $name" "$top_srcdir/README.md" "\`$name\`"
done < "$TMP/actions"

done_testing
