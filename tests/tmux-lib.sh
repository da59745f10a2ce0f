# What the tests on a real terminal share: a tmux server of their own and
# waiting for what its session shows.  Sourced after lib.sh, with SESSION
# set to the name of the session the test starts.
if ! command -v tmux > /dev/null 2>&1; then
	not_ok "tmux is installed (Debian package tmux): needed to test on a terminal"
	done_testing
	exit
fi

# A server on a socket in a directory of our own (a socket path must be
# short, so not under the build tree).
SOCKDIR=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-tmux.XXXXXX") || exit 99
T() { tmux -S "$SOCKDIR/s" "$@"; }
trap 'T kill-server 2> /dev/null; rm -rf "$TMP" "$SOCKDIR"' EXIT

screen() { T capture-pane -p -t "$SESSION"; }
# poll TEST…: until TEST succeeds, at most 20 s.
poll() {
	i=0
	while ! "$@"; do
		[ $i -lt 200 ] || return 1
		sleep 0.1
		i=$((i + 1))
	done
}
shows() { screen | grep -qF -- "$1"; }
