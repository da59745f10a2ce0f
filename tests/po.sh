#!/bin/sh
# Every message of the sources is in po/zh_CN.po, translated, not fuzzy,
# and msgfmt -c accepts the file.
. "$top_srcdir/tests/lib.sh"

# The keywords of po/Makevars.
xgettext_sources() {
	(cd "$top_srcdir" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
		--keyword=ngettext:1,2 "$@") 2>> "$TMP/xgettext.err"
}

# Which sources hold messages, .c and .h (actions.h has the help texts):
# xgettext itself says, from the file names of its "#:" lines.
xgettext_sources -o "$TMP/all.pot" $(cd "$top_srcdir" && find src -name '*.[ch]' | sort)
check "xgettext reads every source" test -s "$TMP/all.pot"
files=$(grep -v '^#' "$top_srcdir/po/POTFILES.in" | grep .)
listed_all=yes
for f in $(sed -n 's/^#: //p' "$TMP/all.pot" | tr ' ' '\n' | sed 's/:[0-9]*$//' | sort -u); do
	echo "$files" | grep -qx "$f" || { listed_all=no; echo "# $f is not in po/POTFILES.in"; }
done
expect_eq "every source with messages is in POTFILES.in" yes "$listed_all"

xgettext_sources -o "$TMP/yusuan.pot" $files
check "xgettext reads the files of POTFILES.in" test -s "$TMP/yusuan.pot"

msgcmp "$top_srcdir/po/zh_CN.po" "$TMP/yusuan.pot" > "$TMP/msgcmp" 2>&1; rc=$?
expect_eq "zh_CN.po has every message of the sources" 0 "$rc"
[ "$rc" = 0 ] || { sed "s/^/# /" "$TMP/msgcmp" | head -20
	echo "# update it: cd _build/po && make update-po, then translate the new entries"; }

msgfmt -c --statistics -o /dev/null "$top_srcdir/po/zh_CN.po" > "$TMP/stats" 2>&1; rc=$?
expect_eq "msgfmt -c accepts zh_CN.po" 0 "$rc"
stats=$(cat "$TMP/stats")
case $stats in
*untranslated*|*fuzzy*) not_ok "no untranslated or fuzzy message"; echo "# $stats" ;;
*) ok "no untranslated or fuzzy message" ;;
esac

done_testing
