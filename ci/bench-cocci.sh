#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# bench-cocci.sh - time every Coccinelle rule of cocci/ over one folder of a
# kernel tree, one rule after another, and keep each rule's report
#
# Usage: ci/bench-cocci.sh [--jobs N] [--out DIR] KERNEL_FOLDER
#
#   KERNEL_FOLDER  the folder to scan, for example mm/ of Linux 6.12; it
#                  is only read
#   --jobs N       spatch's --jobs (default: the number of cores)
#   --out DIR      where each rule's report goes, as RULE.out with its
#                  standard error in RULE.err (default: a new folder under
#                  /tmp, printed at the end)
#
# Prints the date, the core count, the load average and the spatch version,
# then one line per rule with its wall time, number of warnings and exit
# status, then the total. A benchmark, not a test: a failing rule shows
# its exit status, and the script exits 2 only when the folder or spatch
# is missing.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=$(nproc)
out=
folder=

while (($#)); do
	case $1 in
	--jobs) jobs=${2:?--jobs needs a number}; shift ;;
	--out) out=${2:?--out needs a folder}; shift ;;
	-h|--help) sed -n '/^# Usage:/,/^#                  \/tmp/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "bench-cocci: unknown option '$1'" >&2; exit 2 ;;
	*) folder=$1 ;;
	esac
	shift
done
[[ -n $folder && -d $folder ]] || { echo "bench-cocci: missing or invalid KERNEL_FOLDER" >&2; exit 2; }
folder=$(realpath "$folder")
command -v spatch >/dev/null || { echo "bench-cocci: spatch not found; install coccinelle" >&2; exit 2; }
[[ -n $out ]] || out=$(mktemp -d /tmp/bench-cocci.XXXXXX)
mkdir -p "$out"
out=$(realpath "$out")

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores: $(nproc), spatch --jobs $jobs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "spatch: $(spatch --version | head -n 1)"
echo "folder: $folder ($(find "$folder" -name '*.c' | wc -l) .c files)"

total_start=$(date +%s.%N)
for rule in "$repo"/cocci/*/*.cocci; do
	name=$(basename "$rule" .cocci)
	start=$(date +%s.%N)
	status=0
	# spatch --jobs keeps its workers' output in folders of the current
	# folder, so it runs in OUT.
	(cd "$out" && spatch --sp-file "$rule" -D report --very-quiet \
		--no-includes --include-headers --jobs "$jobs" --dir "$folder") \
		>"$out/$name.out" 2>"$out/$name.err" || status=$?
	end=$(date +%s.%N)
	printf '%-22s %8.1f s  %3d warnings  exit %d\n' "$name" \
		"$(echo "$end - $start" | bc)" \
		"$(grep -c ': warning: ' "$out/$name.out" || true)" "$status"
done
printf '%-22s %8.1f s\n' total "$(echo "$(date +%s.%N) - $total_start" | bc)"
echo "reports: $out"
