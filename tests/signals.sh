#!/bin/sh
# Signals leave the terminal usable: yusuan runs from a shell in tmux and
# gets SIGWINCH storms (while loading and while browsing, with the window
# resized meanwhile), SIGTSTP then fg, SIGINT and SIGTERM (while loading
# and while browsing).  After each, the shell's terminal settings (stty -g)
# are what they were before, the alternate screen is left, and the shell
# answers; while browsing, the screen is what --print-screen draws.
. "$top_srcdir/tests/lib.sh"
SESSION=ys
. "$top_srcdir/tests/tmux-lib.sh"

# A package that takes a while to load: a 支出总表 of 400,000 rows.
BIG=$TMP/big
mkdir "$BIG" || exit 99
{
	sed -n '1,6p' "$top_srcdir/tests/bad/crlf/t.csv"
	yes '208,01,01,,行政运行,100.00,100.00,80.00,,20.00,,,,' | head -n 400000
} > "$BIG/t.csv"

alternate() { [ "$(T display-message -p -t ys '#{alternate_on}')" = "$1" ]; }
# yusuan while it runs: the shell's child, or its grandchild through the
# `sh -c` of start_wrapped.
child() {
	p=$(ps -o pid= --ppid "$(T display-message -p -t ys '#{pane_pid}')" | tr -d ' ')
	[ -n "$p" ] && [ "$(ps -o comm= -p "$p")" = sh ] &&
		p=$(ps -o pid= --ppid "$p" | tr -d ' ')
	echo "$p"
}
has_child() { pid=$(child); [ -n "$pid" ] && [ "$(ps -o comm= -p "$pid")" = yusuan ]; }
type_line() { T send-keys -t ys -l "$1"; T send-keys -t ys Enter; }

run=0 checks=0
# start PACKAGE: runs yusuan on it from the shell, as a job (so that it
# can be stopped and continued); $pid is its process.
start() {
	run=$((run + 1))
	type_line "\"\$YUSUAN\" \"$1\""
	poll has_child || { echo "#   yusuan did not start"; pid=; }
}
# start_wrapped PACKAGE: the same, through a shell that prints yusuan's
# exit status (an interactive shell drops the rest of a command line
# after a job dies of SIGINT).
start_wrapped() {
	run=$((run + 1))
	type_line "sh -c '\"\$YUSUAN\" \"\$1\"; echo \"exit status \$? (run $run)\"' sh \"$1\""
	poll has_child || { echo "#   yusuan did not start"; pid=; }
}

# usable NAME: the terminal settings are back, the alternate screen is
# left, and the shell runs a command.
usable() {
	if ! poll alternate 0; then
		not_ok "$1: the alternate screen is left"; screen | sed 's/^/#   | /'
		return
	fi
	checks=$((checks + 1))
	type_line "stty -g > '$TMP/stty.after'; echo \"shell answers $checks\""
	if ! poll shows "shell answers $checks"; then
		not_ok "$1: the shell answers"; screen | sed 's/^/#   | /'
	elif ! cmp -s "$TMP/stty.before" "$TMP/stty.after"; then
		not_ok "$1: stty settings restored"
		echo "#   before: $(cat "$TMP/stty.before")"
		echo "#   after:  $(cat "$TMP/stty.after")"
	else
		ok "$1: terminal usable (stty restored, shell answers)"
	fi
}

# drawn NAME SIZE: the screen is what --print-screen draws at SIZE.
drawn() {
	"$YUSUAN" --print-screen --screen "$2" "$3" > "$TMP/want" 2> /dev/null
	sleep 0.5   # the rest of the frame
	screen > "$TMP/got"
	if poll alternate 1 && cmp -s "$TMP/want" "$TMP/got"; then ok "$1"
	else not_ok "$1"; diff "$TMP/want" "$TMP/got" | head -n 20 | sed 's/^/#   /'; fi
}

# storm: 300 SIGWINCH while the window changes size, then back at 80x24.
storm() {
	i=0
	while [ $i -lt 30 ]; do
		T resize-window -t ys -x $((50 + i * 3)) -y $((10 + i))
		j=0
		while [ $j -lt 10 ]; do kill -WINCH "$pid" 2> /dev/null; j=$((j + 1)); done
		i=$((i + 1))
	done
	T resize-window -t ys -x 80 -y 24
}

export YUSUAN
T -f /dev/null new-session -d -s ys -x 80 -y 24 "env PS1='$ ' sh" || exit 99
T set-option -t ys status off > /dev/null
T resize-window -t ys -x 80 -y 24
type_line "stty -g > '$TMP/stty.before'; echo ready"
poll shows ready || { not_ok "the shell starts in tmux"; done_testing; exit; }

# A storm while loading, then while browsing.
start "$BIG"
storm
poll shows "Spending by function" || echo "#   the first screen never showed"
drawn "SIGWINCH storm while loading: the first screen at 80x24" 80x24 "$BIG"
storm
drawn "SIGWINCH storm while browsing: redrawn at 80x24" 80x24 "$BIG"

# Stopped and continued.
kill -TSTP "$pid"
usable "SIGTSTP"
type_line "fg"
poll alternate 1
drawn "SIGCONT (fg): redrawn" 80x24 "$BIG"
kill -INT "$pid"
usable "SIGINT after fg"

# SIGINT and SIGTERM while browsing: the shell sees death by the signal.
start_wrapped "$ZHUMADIAN"
poll shows "Check results"
kill -INT "$pid"
if poll shows "exit status 130 (run $run)"; then ok "SIGINT while browsing: exit status 130"
else not_ok "SIGINT while browsing: exit status 130"; screen | sed 's/^/#   | /'; fi
usable "SIGINT while browsing"

start_wrapped "$ZHUMADIAN"
poll shows "Check results"
kill -TERM "$pid"
if poll shows "exit status 143 (run $run)"; then ok "SIGTERM while browsing: exit status 143"
else not_ok "SIGTERM while browsing: exit status 143"; screen | sed 's/^/#   | /'; fi
usable "SIGTERM while browsing"

# SIGINT and SIGTERM while loading.
start_wrapped "$BIG"
kill -INT "$pid"
if poll shows "exit status 130 (run $run)"; then ok "SIGINT while loading: exit status 130"
else not_ok "SIGINT while loading: exit status 130"; screen | sed 's/^/#   | /'; fi
usable "SIGINT while loading"

start_wrapped "$BIG"
kill -TERM "$pid"
if poll shows "exit status 143 (run $run)"; then ok "SIGTERM while loading: exit status 143"
else not_ok "SIGTERM while loading: exit status 143"; screen | sed 's/^/#   | /'; fi
usable "SIGTERM while loading"

done_testing
