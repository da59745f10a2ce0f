#!/bin/sh
# The interface in Chinese and English, on UTF-8, GBK and GB18030
# terminals: --help, --check and headless screens are decoded in the
# locale's own charset and compared with the expected text.
. "$top_srcdir/tests/lib.sh"

# The catalog of the sources under test, not an installed one.
mkdir -p "$TMP/locale/zh_CN/LC_MESSAGES"
msgfmt -o "$TMP/locale/zh_CN/LC_MESSAGES/yusuan.mo" "$top_srcdir/po/zh_CN.po" ||
	{ echo "Bail out! msgfmt cannot compile po/zh_CN.po"; exit 1; }
YUSUAN_LOCALEDIR="$TMP/locale"
export YUSUAN_LOCALEDIR
unset LC_ALL LC_CTYPE LC_MESSAGES LANGUAGE

installed() {
	norm=$(echo "$1" | tr 'A-Z' 'a-z' | sed 's/-//g')
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/-//g' | grep -qx "$norm"
}
for l in zh_CN.UTF-8:UTF-8 zh_CN.GBK:GBK zh_CN.GB18030:GB18030 en_US.UTF-8:UTF-8; do
	name=${l%%:*}
	installed "$name" ||
		echo "Bail out! locale $name is missing: localedef -i ${name%%.*} -f ${l#*:} $name"
	installed "$name" || exit 1
done

# run LOCALE CHARSET NAME ARGS…: runs yusuan with LANG=LOCALE; NAME.raw
# holds its stdout, NAME.err its stderr, NAME its stdout decoded from
# CHARSET to UTF-8 (empty when the bytes are not valid CHARSET).
run() {
	lc=$1 cs=$2 out=$TMP/$3
	shift 3
	LANG=$lc "$YUSUAN" "$@" > "$out.raw" 2> "$out.err"
	iconv -f "$cs" -t UTF-8 "$out.raw" > "$out" 2> /dev/null || : > "$out"
}

# is_charset FILE CHARSET: FILE's bytes are valid in CHARSET.
is_charset() { iconv -f "$2" -t "$2" "$1" > /dev/null 2>&1; }

# --- --help ---------------------------------------------------------------
for l in zh_CN.UTF-8:UTF-8 zh_CN.GBK:GBK zh_CN.GB18030:GB18030; do
	lc=${l%%:*} cs=${l#*:}
	run "$lc" "$cs" "help-$lc" --help
	contains "$lc: --help in Chinese" "$TMP/help-$lc" "用法：yusuan [选项]... [路径]..."
	contains "$lc: --help options stay aligned" "$TMP/help-$lc" \
		"  -h, --help             显示本帮助并退出"
	contains "$lc: --help continuation lines stay aligned" "$TMP/help-$lc" \
		"                         或 utf-16（默认：逐个文件自动识别）"
done
check "zh_CN.GBK: --help is GBK bytes, not UTF-8" \
	eval '! is_charset "$TMP/help-zh_CN.GBK.raw" UTF-8'
check "zh_CN.GB18030: --help is GB18030 bytes, not UTF-8" \
	eval '! is_charset "$TMP/help-zh_CN.GB18030.raw" UTF-8'

# --keys comes in the terminal's encoding: in GBK, Chinese to search for
# is GBK bytes.
for l in zh_CN.GBK:GBK zh_CN.GB18030:GB18030; do
	lc=${l%%:*} cs=${l#*:}
	run "$lc" "$cs" "keys-$lc" --print-screen --keys "$(printf '/资产<Enter>' | iconv -t "$cs")" \
		"$ZHUMADIAN"
	contains "$lc: --keys in the locale's encoding" "$TMP/keys-$lc" \
		"  资产管理制度建立健全制度"
done

run en_US.UTF-8 UTF-8 help-en --help
contains "en_US.UTF-8: --help in English" "$TMP/help-en" "Usage: yusuan [OPTION]... [PATH]..."
contains "en_US.UTF-8: --help keeps its Chinese example" "$TMP/help-en" "'jj<Enter>/公益<Enter>'"
run C ASCII help-c --help
contains "C: --help in English" "$TMP/help-c" "  -h, --help             show this help and exit"
contains "C: --help shows Chinese as escapes" "$TMP/help-c" \
	"(<U+90E8><U+95E8><U+9884><U+7B97>)"
check "C: --help is plain ASCII" is_charset "$TMP/help-c.raw" ASCII

LANGUAGE=en run zh_CN.UTF-8 UTF-8 help-language --help
contains "LANGUAGE=en overrides LANG=zh_CN.UTF-8" "$TMP/help-language" "Usage: yusuan"

run zh_CN.GBK GBK badopt --no-such-option
iconv -f GBK -t UTF-8 "$TMP/badopt.err" > "$TMP/badopt.err8" 2>/dev/null
contains "zh_CN.GBK: usage errors are GBK Chinese" "$TMP/badopt.err8" \
	"yusuan: 未知的选项“--no-such-option”"

# --- headless screens -------------------------------------------------------
XX_DEPT=新乡经济技术开发区管理委员会组织和人力资源社会保障局
ZM_DEPT=驻马店市人力资源和社会保障局
XX_INDICATORS='jjj<Enter><Enter><Enter>j<Enter>'    # 劳务派遣工资费用 › 产出指标
ZM_INDICATORS='jjj<Enter><Enter><Enter>j<Enter>'    # 学院基础设施建设项目 › 产出指标
for l in zh_CN.UTF-8:UTF-8 zh_CN.GBK:GBK zh_CN.GB18030:GB18030; do
	lc=${l%%:*} cs=${l#*:}
	run "$lc" "$cs" "xx-$lc" --print-screen --screen 80x24 "$XINXIANG"
	contains "$lc: xinxiang first screen shows the department" "$TMP/xx-$lc" "$XX_DEPT"
	contains "$lc: xinxiang first screen shows the sections" "$TMP/xx-$lc" \
		"  支出（功能分类）                                                      2,852.11"
	contains "$lc: the amount column is headed 万元" "$TMP/xx-$lc" "万元"
	contains "$lc: the status line hints '? 帮助'" "$TMP/xx-$lc" "? 帮助"
	run "$lc" "$cs" "xx-ind-$lc" --print-screen --screen 80x24 --keys "$XX_INDICATORS" "$XINXIANG"
	contains "$lc: xinxiang indicators: headings" "$TMP/xx-ind-$lc" "  名称             指标值"
	contains "$lc: xinxiang indicators: a value as published" "$TMP/xx-ind-$lc" \
		"  劳务派遣人员数量 ≥170人"
	# "›" is 2 columns wide in GBK and GB18030 locales: the path uses ">".
	sep='›'
	[ "$cs" = UTF-8 ] || sep='>'
	contains "$lc: xinxiang indicators: the group ends the path" "$TMP/xx-ind-$lc" \
		" $sep 产出指标"
	run "$lc" "$cs" "zm-$lc" --print-screen --screen 80x24 "$ZHUMADIAN"
	contains "$lc: zhumadian first screen shows the department" "$TMP/zm-$lc" "$ZM_DEPT"
	contains "$lc: zhumadian first screen counts the findings" "$TMP/zm-$lc" \
		"  核对结果                                                       16 条"
	run "$lc" "$cs" "zm-ind-$lc" --print-screen --screen 80x24 --keys "$ZM_INDICATORS" "$ZHUMADIAN"
	contains "$lc: zhumadian indicators" "$TMP/zm-ind-$lc" "  新增教学或实训场地 ≥1500平方米"
	run "$lc" "$cs" "keys-$lc" --print-screen --screen 80x24 --keys '?' "$XINXIANG"
	contains "$lc: Chinese help screen: headings" "$TMP/keys-$lc" "按键                  操作"
	contains "$lc: Chinese help screen: an action" "$TMP/keys-$lc" \
		"t                     在万元和元之间切换"
done
check "zh_CN.GBK: the screen is GBK bytes, not UTF-8" \
	eval '! is_charset "$TMP/xx-zh_CN.GBK.raw" UTF-8'

run en_US.UTF-8 UTF-8 xx-en --print-screen --screen 80x24 "$XINXIANG"
contains "en_US.UTF-8: sections in English" "$TMP/xx-en" \
	"  Spending by function                                                  2,852.11"
contains "en_US.UTF-8: budget names stay as published" "$TMP/xx-en" "$XX_DEPT"
contains "en_US.UTF-8: the status line hints '? help'" "$TMP/xx-en" "? help"
run en_US.UTF-8 UTF-8 keys-en --print-screen --screen 80x24 --keys '?' "$XINXIANG"
contains "en_US.UTF-8: English help screen: headings" "$TMP/keys-en" "Keys                  Action"
contains "en_US.UTF-8: English help screen: an action" "$TMP/keys-en" \
	"t                     Switch between 万元 and 元"
LANGUAGE=en run zh_CN.UTF-8 UTF-8 xx-language --print-screen --screen 80x24 "$XINXIANG"
contains "LANGUAGE=en: the screen is English" "$TMP/xx-language" "Spending by function"

# The C locale and a locale that is not installed: escapes, never raw bytes.
for lc in C xx_YY.UTF-8; do
	run "$lc" ASCII "xx-$lc" --print-screen --screen 80x24 --keys "$XX_INDICATORS" "$XINXIANG"
	check "$lc: the screen is plain ASCII" is_charset "$TMP/xx-$lc.raw" ASCII
	contains "$lc: Chinese shows as <U+XXXX> escapes" "$TMP/xx-$lc" \
		"  <U+5DE5><U+8D44><U+6838><U+7B97><U+51C6><U+786E><U+7387>   <U+2265>98%"
	run "$lc" ASCII "first-$lc" --print-screen --screen 80x24 "$XINXIANG"
	contains "$lc: the status line says why" "$TMP/first-$lc" \
		"Cannot show Chinese in this locale: try LANG=C.UTF-8"
done

# The browser on a terminal says once, before the screen, what to do.
if command -v script > /dev/null 2>&1; then
	echo Q > "$TMP/quit.keys"
	for lc in C xx_YY.UTF-8; do
		LANG=$lc TERM=xterm timeout 20 script -qec \
			"'$YUSUAN' --play '$TMP/quit.keys' --delay 1 '$XINXIANG'" /dev/null \
			> "$TMP/tty-$lc" 2>&1 < /dev/null
		expect_eq "$lc: the browser quits on Q" 0 "$?"
	done
	# The same hint as the status line's.
	expect_eq "C: one message with the fix" 1 \
		"$(grep -c "the locale is C: Chinese text is shown as <U+XXXX> escapes; try LANG=C.UTF-8" "$TMP/tty-C")"
	expect_eq "missing locale: one message with the fix" 1 \
		"$(grep -c "the locale 'xx_YY.UTF-8' is not installed: .*'localedef -i xx_YY -f UTF-8 xx_YY.UTF-8', or try LANG=C.UTF-8" "$TMP/tty-xx_YY.UTF-8")"
	contains "missing locale: the screen shows escapes" "$TMP/tty-xx_YY.UTF-8" \
		"<U+65B0><U+4E61><U+7ECF><U+6D4E>"
else
	ok "the browser on a terminal # SKIP script(1) is not installed"
fi

# A locale that is not installed was asked for: every mode says so, once,
# naming the variable's locale (not LANG's when another one is missing).
for mode in --check --dump --print-screen --help; do
	LANG=xx_YY.UTF-8 "$YUSUAN" "$mode" "$XINXIANG" > /dev/null 2> "$TMP/missing.err"
	expect_eq "missing locale, $mode: one message with the fix" 1 \
		"$(grep -c "^yusuan: the locale 'xx_YY.UTF-8' is not installed: .*'localedef -i xx_YY -f UTF-8 xx_YY.UTF-8', or try LANG=C.UTF-8$" "$TMP/missing.err")"
done
LANG=en_US.UTF-8 LC_MESSAGES=xx_YY.UTF-8 "$YUSUAN" --check "$XINXIANG" > /dev/null 2> "$TMP/missing.err"
contains "missing LC_MESSAGES locale: named" "$TMP/missing.err" \
	"yusuan: the locale 'xx_YY.UTF-8' is not installed"
# The C locale is a choice: only the browser on a terminal speaks of it.
LANG=C "$YUSUAN" --check "$XINXIANG" > /dev/null 2> "$TMP/c.err"
expect_eq "C: --check says nothing of the locale" 0 "$(wc -c < "$TMP/c.err")"

# --- --check ----------------------------------------------------------------
for l in zh_CN.UTF-8:UTF-8 zh_CN.GBK:GBK zh_CN.GB18030:GB18030; do
	lc=${l%%:*} cs=${l#*:}
	run "$lc" "$cs" "check-$lc" --check "$ZHUMADIAN"
	contains "$lc: --check summary in Chinese" "$TMP/check-$lc" "0 个错误，0 个警告，16 个提示"
	contains "$lc: --check finding in Chinese" "$TMP/check-$lc" \
		"预算06表.csv:7: note: 基本支出表 合计，人员经费 12,938.03 ≠ 各款之和 12,938.04（差额 0.01）：四舍五入尾差"
done
run en_US.UTF-8 UTF-8 check-en --check "$ZHUMADIAN"
contains "en_US.UTF-8: --check summary in English" "$TMP/check-en" "0 errors, 0 warnings, 16 notes"
run C ASCII check-c --check "$ZHUMADIAN"
contains "C: --check names files with escapes" "$TMP/check-c" "<U+9884><U+7B97>06<U+8868>.csv:7: note:"
check "C: --check is plain ASCII" is_charset "$TMP/check-c.raw" ASCII

# A character GBK cannot represent is '?'; GB18030 has them all.
mkdir "$TMP/pkg"
printf 'a,b\n1,2\n' > "$TMP/pkg/表😀.csv"
run zh_CN.GBK GBK odd-gbk --check "$TMP/pkg"
contains "zh_CN.GBK: an emoji in a message is '?'" "$TMP/odd-gbk" "/表?.csv: note: 不是 yusuan 认识的预算表"
run zh_CN.GB18030 GB18030 odd-gb18030 --check "$TMP/pkg"
contains "zh_CN.GB18030: an emoji in a message is kept" "$TMP/odd-gb18030" "/表😀.csv: note:"
run en_US.UTF-8 UTF-8 one --check "$TMP/pkg"
contains "English plural forms: 1 note" "$TMP/one" "0 errors, 0 warnings, 1 note"

# --dump is UTF-8 on every terminal.
run zh_CN.GBK UTF-8 dump-gbk --dump "$XINXIANG"
contains "zh_CN.GBK: --dump stays UTF-8" "$TMP/dump-gbk" "$XX_DEPT"

done_testing
