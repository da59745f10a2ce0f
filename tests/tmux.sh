#!/bin/sh
# One session in a real terminal: yusuan started from a shell in tmux at
# 80x24, drilled into, resized, quit.  At every step the terminal must show
# exactly what --print-screen prints for the same keys and size, and after
# quitting the shell's screen must be back (alternate screen left, what
# the shell prints appears).  Without tmux this fails: it is the only test
# of the program on a terminal.
. "$top_srcdir/tests/lib.sh"
SESSION=yt
. "$top_srcdir/tests/tmux-lib.sh"

# same_as NAME KEYS SIZE TEXT: once TEXT shows, the terminal shows what
# --print-screen draws after KEYS at SIZE.
same_as() {
	"$YUSUAN" --print-screen --screen "$3" --keys "$2" "$ZHUMADIAN" > "$TMP/want" 2>&1
	if ! poll shows "$4"; then
		not_ok "$1"; echo "#   '$4' never showed:"; screen | sed 's/^/#   | /'; return
	fi
	sleep 0.2   # the rest of the frame
	screen > "$TMP/got"
	if cmp -s "$TMP/want" "$TMP/got"; then ok "$1"
	else not_ok "$1"; diff -u "$TMP/want" "$TMP/got" | sed 's/^/#   /'; fi
}

export ZHUMADIAN
T -f /dev/null new-session -d -s yt -x 80 -y 24 "env PS1='$ ' sh" || exit 99
T set-option -t yt status off > /dev/null
T resize-window -t yt -x 80 -y 24
T send-keys -t yt -l "\"\$YUSUAN\" \"\$ZHUMADIAN\"; echo \"exit status \$?\""
T send-keys -t yt Enter

same_as "the first screen at 80x24" "" 80x24 "Check results"
T send-keys -t yt j j j Enter Enter
same_as "drilled to a unit's projects" "jjj<Enter><Enter>" 80x24 "Total 1,375.00"

T resize-window -t yt -x 60 -y 15
same_as "redrawn at once at 60x15" "jjj<Enter><Enter>" 60x15 "028035"
T resize-window -t yt -x 120 -y 40
same_as "redrawn at once at 120x40" "jjj<Enter><Enter>" 120x40 "411700230000000005603"
T resize-window -t yt -x 80 -y 24
same_as "back at 80x24" "jjj<Enter><Enter>" 80x24 "Total 1,375.00"

T send-keys -t yt Q
if poll shows "exit status 0"; then ok "Q quits with status 0"
else not_ok "Q quits with status 0"; screen | sed 's/^/#   | /'; fi
expect_eq "the alternate screen is left" 0 "$(T display-message -p -t yt '#{alternate_on}')"
T send-keys -t yt -l "echo shell-is-back"
T send-keys -t yt Enter
if poll shows "shell-is-back" && [ "$(screen | grep -cxF shell-is-back)" -eq 1 ] &&
	! screen | grep -qF "Units and projects"; then
	ok "the shell's screen is back: its output shows, the browser's rows are gone"
else
	not_ok "the shell's screen is back"; screen | sed 's/^/#   | /'
fi

done_testing
