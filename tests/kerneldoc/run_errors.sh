#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# "kapi-check kerneldoc" on invalid specs: each FILE names the error it
# must raise in a "kerneldoc-expect-error: LINE: TEXT" line. The command
# must exit with 2, write no header and print "FILE:LINE: error: TEXT..."
# (TEXT is a prefix of the message).
#
# Usage: run_errors.sh --tool KAPI_CHECK --srcdir DIR FILE...

set -euo pipefail

tool= srcdir=
while [ $# -gt 0 ]; do
	case "$1" in
	--tool) tool=$2; shift 2 ;;
	--srcdir) srcdir=$2; shift 2 ;;
	*) break ;;
	esac
done
if [ -z "$tool" ] || [ -z "$srcdir" ] || [ $# -eq 0 ]; then
	echo "usage: run_errors.sh --tool KAPI_CHECK --srcdir DIR FILE..." >&2
	exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$srcdir"
failed=0
for file in "$@"; do
	expect=$(sed -n 's/^ \* kerneldoc-expect-error: //p' "$file")
	if [ -z "$expect" ]; then
		echo "SETUP ERROR: $file has no kerneldoc-expect-error line"
		exit 2
	fi
	line=${expect%%: *}
	text=${expect#*: }
	status=0
	"$tool" kerneldoc -o "$work/out.h" "$file" > "$work/stdout" \
		2> "$work/stderr" || status=$?
	if [ "$status" -ne 2 ]; then
		echo "FAIL $file: exit status $status, expected 2"
		failed=1
	elif [ -e "$work/out.h" ]; then
		echo "FAIL $file: a header was written for an invalid spec"
		failed=1
	elif ! grep -qF -- "$file:$line: error: $text" "$work/stderr"; then
		echo "FAIL $file: expected '$file:$line: error: $text...'"
		failed=1
	else
		echo "PASS $file"
		continue
	fi
	echo "  got:"
	sed 's/^/  | /' "$work/stderr"
	rm -f "$work/out.h"
done
exit "$failed"
