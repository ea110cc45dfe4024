#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# bench-whole-facts.sh - what kapi-check costs over the facts of a whole
# kernel. Runs "kapi-check --verbose" (every check of every spec) and
# "kapi-check explain SYSCALL" over a vmlinux.o built with the plugin's
# facts argument (see ci/whole-build-proof.sh and "kapi-check kcflags"),
# and prints wall time, peak memory and kapi-check's own phase figures.
# A benchmark, not a test: it never fails on a slow machine.
#
# Usage: ci/bench-whole-facts.sh [--tool EXE] [--syscall NAME] [--runs N]
#                                VMLINUX_O

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tool=$repo/build/tool/kapi-check
syscall=sys_mlock
runs=1

while (($#)); do
	case $1 in
	--tool) tool=${2:?--tool needs a program}; shift ;;
	--syscall) syscall=${2:?--syscall needs a spec name}; shift ;;
	--runs) runs=${2:?--runs needs a number}; shift ;;
	-*) echo "bench-whole-facts: unknown option '$1'" >&2; exit 2 ;;
	*) input=$1 ;;
	esac
	shift
done
[[ -n ${input:-} && -e $input ]] || {
	echo "bench-whole-facts: pass a vmlinux.o (or objects) built with the facts argument" >&2
	exit 2
}
[[ -x $tool ]] || {
	echo "bench-whole-facts: no kapi-check at $tool; build it or pass --tool" >&2
	exit 2
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, $(gcc --version | head -n 1)"
echo "kapi-check: $("$tool" --version)"
echo "input: $input ($(du -h "$input" | cut -f1))"
if command -v readelf >/dev/null; then
	size=$(readelf -S -W "$input" 2>/dev/null |
	       sed -n 's/.*\.discard\.kapi_facts *[A-Z]* *[0-9a-f]* *[0-9a-f]* *\([0-9a-f]*\) .*/\1/p' |
	       head -n 1)
	[[ -n $size ]] && echo "facts section: $((0x$size / 1048576)) MiB"
fi

# Report the wall time and peak memory that GNU time wrote to $1.
report() {
	local wall rss

	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$1")
	echo "  wall $wall, peak $((rss / 1024)) MiB"
}

for ((run = 1; run <= runs; run++)); do
	echo "run $run: kapi-check --verbose (every spec, every check)"
	/usr/bin/time -v "$tool" --verbose "$input" >"$out/check.out" \
		2>"$out/check.err" || true
	grep '^kapi-check:' "$out/check.err" | sed 's/^/  /'
	report "$out/check.err"

	echo "run $run: kapi-check explain $syscall"
	/usr/bin/time -v "$tool" explain "$syscall" "$input" \
		>"$out/explain.out" 2>"$out/explain.err" || true
	echo "  $(grep -c . "$out/explain.out") lines of tables"
	report "$out/explain.err"
done
