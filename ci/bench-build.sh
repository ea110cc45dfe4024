#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# bench-build.sh - what the plugin costs in a kernel build, what kapi-check
# costs over a whole kernel's facts, and what the Coccinelle rules cost.
# A benchmark, not a test: it never fails because the machine is slow.
#
# Usage: ci/bench-build.sh [--runs N] [--unit-runs N] [--folders "DIR/ ..."]
#                          [--jobs N] [--plugin SO] [--tool EXE]
#                          [--kernel-facts PATH] [--no-cocci] [--skip-builds]
#                          TREE
#
#   TREE                a Linux 6.12 tree with "make defconfig prepare"
#                       done (ci/mlock-proof.sh prepares one); the sys_mlock
#                       spec is inserted into mm/mlock.c
#   --runs N            builds of each kind (default 3); 0 skips steps 1
#                       and 2
#   --unit-runs N       compiles of mm/mlock.o of each kind (default 5)
#   --folders LIST      the folders built (default "mm/ fs/ kernel/")
#   --jobs N            make -jN (default: nproc)
#   --kernel-facts PATH also run kapi-check over PATH (vmlinux.o of a whole
#                       build with facts), once
#   --no-cocci          skip the Coccinelle rules over mm/
#   --skip-builds       skip steps 1 to 3 (only kapi-check and spatch)
#
# Steps and what each prints:
#  1. The folders, built from clean, alternating without the plugin
#     ("plain") and with it writing facts ("facts"), N times each: the wall
#     time of each build, the ratio facts/plain (mean of the pairs, with the
#     smallest and largest pair), the summed compile time of the units and
#     the peak memory of one compile. A CC wrapper runs each C unit under
#     /usr/bin/time; its maximum resident set size is that of the largest
#     process of the compile, which is cc1.
#  2. The ten units with the largest added compile time (mean over the
#     runs), with the number of functions in their facts and its size.
#  3. mm/mlock.o compiled alone, plain and with facts, without the spec
#     (an unspecified unit: facts only) and with it (a specified unit).
#  4. With --kernel-facts: kapi-check over a whole kernel, time and peak.
#  5. Every cocci/**/*.cocci rule over mm/ with spatch, time of each.
#
# The machine's core count, load average and GCC version are printed with
# the figures, because a shared machine widens the spread.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=3
unit_runs=5
folders="mm/ fs/ kernel/"
jobs=$(nproc)
plugin=$repo/build/plugin/kapi_check.so
tool=$repo/build/tool/kapi-check
kernel_facts=
cocci=true
skip_builds=false
tree=

die() {
	echo "bench-build: $*" >&2
	exit 2
}

while (($#)); do
	case $1 in
	--runs) runs=${2:?--runs needs a number}; shift ;;
	--unit-runs) unit_runs=${2:?--unit-runs needs a number}; shift ;;
	--folders) folders=${2:?--folders needs a list}; shift ;;
	--jobs) jobs=${2:?--jobs needs a number}; shift ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--tool) tool=${2:?--tool needs a program}; shift ;;
	--kernel-facts) kernel_facts=${2:?--kernel-facts needs a file}; shift ;;
	--no-cocci) cocci=false ;;
	--skip-builds) skip_builds=true ;;
	-h|--help) sed -n '/^# Usage:/,/^# The machine/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) die "unknown option '$1'" ;;
	*) tree=$1 ;;
	esac
	shift
done
[[ -n $tree && -f $tree/Makefile && -f $tree/.config ]] ||
	die "pass a prepared kernel tree (see ci/mlock-proof.sh)"
[[ -f $plugin ]] || die "plugin '$plugin' not found; build it or pass --plugin"
tree=$(realpath "$tree")
plugin=$(realpath "$plugin")
cc=$(realpath "$(command -v gcc)")
compat=$repo/include/kapi-compat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The wrapper sits in the tree at a fixed path: kbuild records CC in its
# configuration, and a new path each time would make it reconfigure.
wrapper=$tree/kapi-bench-cc
cat >"$wrapper" <<'EOF'
#!/bin/bash
# Compile as $KAPI_BENCH_CC does; for a C unit, append "OBJECT SECONDS KIB"
# to $KAPI_BENCH_LOG (written by ci/bench-build.sh).
out= src=
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
	case ${args[i]} in
	-o) out=${args[i + 1]:-} ;;
	*.c) src=${args[i]} ;;
	esac
done
if [[ -z ${KAPI_BENCH_LOG:-} || -z $src || $out != *.o ]]; then
	exec "$KAPI_BENCH_CC" "$@"
fi
timing=$(mktemp)
status=0
/usr/bin/time -o "$timing" -f '%e %M' "$KAPI_BENCH_CC" "$@" || status=$?
echo "$out $(tail -n 1 "$timing")" >>"$KAPI_BENCH_LOG"
rm -f "$timing"
exit $status
EOF
chmod +x "$wrapper"
export KAPI_BENCH_CC=$cc

flags_plain="-I$compat"
flags_facts="-fplugin=$plugin -fplugin-arg-kapi_check-facts -I$compat"

echo "machine: $(nproc) cores, $($cc --version | head -n 1)"
echo "tree: $tree, folders: $folders, make -j$jobs, $runs run(s) of each kind"
echo "load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"

declare -A wall

# Build the folders from clean with kind $1 for run $2 and store the wall
# seconds in wall[$1.$2]. Unit timings go to $work/$1.$2.
build_folders() {
	local kind=$1 run=$2 flags_var=flags_$1 folder

	for folder in $folders; do
		find "$tree/$folder" -name '*.o' -delete
	done
	: >"$work/units.log"
	# shellcheck disable=SC2086 # the folder list is split on purpose
	KAPI_BENCH_LOG=$work/units.log /usr/bin/time -o "$work/wall" -f '%e' \
		make -C "$tree" -j"$jobs" CC="$wrapper" KCFLAGS="${!flags_var}" \
		$folders >"$work/make.log" 2>&1 || {
		tail -n 20 "$work/make.log" >&2
		die "building $folders ($kind) failed"
	}
	# Only the folders' units: kbuild may compile a prepare step too.
	grep -E "^($(echo $folders | sed 's/ /|/g'))" "$work/units.log" \
		>"$work/$kind.$run" || true
	wall[$kind.$run]=$(tail -n 1 "$work/wall")
}

if ! $skip_builds && ((runs > 0)); then
# Step 1: alternating builds.
for ((run = 1; run <= runs; run++)); do
	for kind in plain facts; do
		build_folders "$kind" "$run"
		echo "run $run $kind: ${wall[$kind.$run]}s wall, load $(cut -d ' ' -f 1 /proc/loadavg)"
	done
done

for ((run = 1; run <= runs; run++)); do
	echo "${wall[plain.$run]} ${wall[facts.$run]}"
done | awk '{
	r = $2 / $1; sum += r; n++
	if (n == 1 || r < lo) lo = r
	if (n == 1 || r > hi) hi = r
} END {
	printf "ratio facts/plain, wall: mean %.3f (pairs from %.3f to %.3f)\n", sum / n, lo, hi
}'
for kind in plain facts; do
	cat "$work/$kind".* | awk -v kind="$kind" -v runs="$runs" '{
		secs += $2
		if ($3 > peak) { peak = $3; where = $1 }
		units++
	} END {
		printf "%s: %d units per build, %.1f s compile time per build (summed over units), peak %d MiB (%s)\n",
		       kind, units / runs, secs / runs, peak / 1024, where
	}'
done
awk 'FNR == 1 { kind = FILENAME ~ /\/facts\./ ? "facts" : "plain" }
	{ secs[kind] += $2 }
	END { printf "ratio facts/plain, summed compile time: %.3f\n", secs["facts"] / secs["plain"] }' \
	"$work"/plain.* "$work"/facts.*

# Step 2: the units that cost most, by the mean added seconds. The
# objects of the last facts build are still there for the section sizes.
echo "units with the largest added compile time (mean over $runs runs):"
awk 'FNR == 1 { kind = FILENAME ~ /\/facts\./ ? "facts" : "plain" }
	{ secs[kind, $1] += $2; seen[$1] = 1 }
	END {
		for (u in seen)
			printf "%s %.3f %.3f\n", u, secs["plain", u], secs["facts", u]
	}' "$work"/plain.* "$work"/facts.* |
	awk -v runs="$runs" '{ printf "%s %.3f %.3f %.3f\n", $1, $2 / runs, $3 / runs, ($3 - $2) / runs }' |
	# awk, unlike head, reads all its input: sort must not die of SIGPIPE
	# under pipefail.
	sort -k4,4 -g -r | awk 'NR <= 10' |
	while read -r unit plain facts added; do
		size=$(objdump -h "$tree/$unit" 2>/dev/null |
			awk '$2 == ".discard.kapi_facts" { print $3 }')
		# Each function summary in the facts starts with an "fn" record.
		objcopy --dump-section .discard.kapi_facts="$work/facts.txt" \
			"$tree/$unit" "$work/x.o" 2>/dev/null || : >"$work/facts.txt"
		functions=$(tr '\0' '\n' <"$work/facts.txt" | grep -c '^fn ' || true)
		printf '  %-32s plain %6.2fs  facts %6.2fs  added %+6.2fs  %4d functions in the facts (%s KiB)\n' \
			"$unit" "$plain" "$facts" "$added" "$functions" \
			"$((16#${size:-0} / 1024))"
	done

fi
if ! $skip_builds; then
# Step 3: one unit without and with a spec. The pristine mm/mlock.c is
# mm/mlock.c.kapi-orig, kept by ci/insert-mlock-spec.sh.
"$repo/ci/insert-mlock-spec.sh" "$tree"
for spec in without with; do
	if [[ $spec == without ]]; then
		cp "$tree/mm/mlock.c.kapi-orig" "$tree/mm/mlock.c"
	else
		"$repo/ci/insert-mlock-spec.sh" "$tree"
		touch "$tree/mm/mlock.c"
	fi
	for ((run = 1; run <= unit_runs; run++)); do
		for kind in plain facts; do
			flags_var=flags_$kind
			rm -f "$tree/mm/mlock.o"
			: >"$work/units.log"
			KAPI_BENCH_LOG=$work/units.log \
				make -C "$tree" CC="$wrapper" KCFLAGS="${!flags_var}" \
				mm/mlock.o >"$work/make.log" 2>&1 || {
				tail -n 20 "$work/make.log" >&2
				die "building mm/mlock.o ($spec spec, $kind) failed"
			}
			grep '^mm/mlock\.o ' "$work/units.log" \
				>>"$work/mlock.$spec.$kind" || true
		done
	done
	for kind in plain facts; do
		awk -v spec="$spec" -v kind="$kind" '{
			secs += $2; n++
			if ($3 > peak) peak = $3
		} END {
			printf "mm/mlock.o %s spec, %s: mean %.3f s over %d compiles, peak %d MiB\n",
			       spec, kind, secs / n, n, peak / 1024
		}' "$work/mlock.$spec.$kind"
	done
done
"$repo/ci/insert-mlock-spec.sh" "$tree"

fi
# Step 4: kapi-check over a whole kernel's facts.
if [[ -n $kernel_facts ]]; then
	if /usr/bin/time -o "$work/tool" -f '%e %M' "$tool" "$kernel_facts" \
		>"$work/tool.out" 2>&1 || [[ $? -eq 1 ]]; then
		read -r secs kib < <(tail -n 1 "$work/tool")
		echo "kapi-check $kernel_facts: ${secs}s, peak $((kib / 1024)) MiB, $(grep -c 'warning:' "$work/tool.out" || true) findings"
	else
		echo "kapi-check $kernel_facts failed: $(tail -n 3 "$work/tool.out")"
	fi
fi

# Step 5: the Coccinelle rules over mm/, one spatch run each.
if $cocci && command -v spatch >/dev/null; then
	total=0
	while IFS= read -r rule; do
		/usr/bin/time -o "$work/spatch" -f '%e %M' spatch --sp-file "$rule" \
			-D report --very-quiet --no-includes --include-headers \
			--dir "$tree/mm" >"$work/spatch.out" 2>&1 || true
		read -r secs kib < <(tail -n 1 "$work/spatch")
		echo "spatch ${rule#"$repo"/} over mm/: ${secs}s, peak $((kib / 1024)) MiB, $(grep -c . "$work/spatch.out" || true) report lines"
		total=$(echo "$total + $secs" | bc -l)
	done < <(find "$repo/cocci" -name '*.cocci' | sort)
	echo "all Coccinelle rules over mm/: ${total}s"
fi
echo "load average at end: $(cut -d ' ' -f 1-3 /proc/loadavg)"
