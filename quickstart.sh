#!/bin/sh
# Quick start on a Debian machine: installs what is missing, builds in
# _build/, then opens the browser on the bundled samples (no argument) or
# runs the whole test suite (`check`).  Running it again skips what is done.
set -eu
cd "$(dirname "$0")"
mode=${1:-run}
case $mode in
run|check) ;;
*) echo "usage: $0 [run|check]" >&2; exit 2 ;;
esac

need="gcc make libc6-dev autoconf automake autopoint gettext pkg-config \
libncurses-dev libcsv-dev libiniparser-dev libcriterion-dev"
[ "$mode" = check ] && need="$need locales tmux"

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"
	elif command -v sudo >/dev/null 2>&1; then sudo "$@"
	else echo "quickstart: run as root or install sudo to install: $*" >&2; exit 1
	fi
}

missing=
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "quickstart: installing$missing"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi

if [ "$mode" = check ]; then
	# The screen tests run in these locales.
	for l in zh_CN.UTF-8:zh_CN:UTF-8 zh_CN.GBK:zh_CN:GBK \
	         zh_CN.GB18030:zh_CN:GB18030 en_US.UTF-8:en_US:UTF-8; do
		name=${l%%:*}; rest=${l#*:}; src=${rest%%:*}; cs=${rest#*:}
		norm=$(echo "$name" | tr 'A-Z' 'a-z' | sed 's/-//g')
		locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/-//g' | grep -qx "$norm" ||
			as_root localedef -i "$src" -f "$cs" "$name"
	done
fi

[ -x configure ] || ./autogen.sh
mkdir -p _build
[ -f _build/Makefile ] || (cd _build && ../configure)
make -C _build -j"$(nproc)" >/dev/null

if [ "$mode" = check ]; then
	exec make -C _build -j"$(nproc)" check
fi
# The interface's translations, where the uninstalled browser looks for
# them: a Chinese locale gets a Chinese interface.
for po in po/*.po; do
	lang=$(basename "$po" .po)
	mkdir -p "_build/locale/$lang/LC_MESSAGES"
	msgfmt -o "_build/locale/$lang/LC_MESSAGES/yusuan.mo" "$po"
done
YUSUAN_DATADIR="$PWD/data" YUSUAN_LOCALEDIR="$PWD/_build/locale" exec _build/src/yusuan
