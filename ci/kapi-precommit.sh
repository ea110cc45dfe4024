#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# kapi-precommit.sh - print only the findings that a change to a kernel
# tree introduces: the staged changes (default) or a git range
#
# Usage: ci/kapi-precommit.sh --tree KERNEL_TREE [--staged | --range A..B]
#                             [--folders mm/,fs/] [--cache DIR]
#                             [--plugin SO] [--tool KAPI_CHECK]
#                             [--engines plugin,cocci,sparse]
#                             [--format text|json|sarif] [--jobs N]
#
#   --tree DIR        the top of a git checkout of a kernel tree, configured
#                     and prepared ("make defconfig prepare" or a full build)
#   --staged          compare HEAD with the index (default)
#   --range A..B      compare commit A with commit B
#   --folders LIST    the watched folders, comma-separated (default: mm/);
#                     changes elsewhere are not checked
#   --cache DIR       where the findings of each side are kept between runs
#                     (default: TREE/.kapi-precommit)
#   --plugin SO       the plugin (default: build/plugin/kapi_check.so of
#                     this repository, or $KAPI_PLUGIN)
#   --tool PATH       kapi-check (default: build/tool/kapi-check of this
#                     repository, else kapi-check from PATH)
#   --engines LIST    the engines of ci/kapi-scan.sh (default: all three)
#   --format FORMAT   text (GCC style, default), json or sarif
#   --jobs N          parallel make jobs (default: the number of cores)
#
# The touched files are the .c and .h files of the watched folders that
# the change adds, modifies or deletes. The check runs twice, on the state
# BEFORE the change (HEAD, or A) and AFTER it (the index, or B). For each
# side the touched files of the working tree are replaced by that side's
# content, then
#   1. ci/kapi-scan.sh runs the Coccinelle rules, sparse and the plugin on
#      the touched .c files;
#   2. make builds every watched folder that contains a touched file, with
#      the plugin writing its facts into the objects, so that the units
#      that define the callees of the touched syscalls carry facts too;
#   3. kapi-check links the facts of those folders and adds the findings
#      that only the whole folder shows.
# The working tree's own files are put back afterwards, on errors and on
# Ctrl-C too, with a fresh modification time so that the next make
# rebuilds them. A run that was killed before it could restore them
# leaves them in CACHE/saved, and the next run restores them first.
#
# The BEFORE findings become a baseline ("kapi-check merge
# --write-baseline"), and the AFTER findings are printed through it
# ("--baseline"), so a finding is new when its key (check id, function,
# value: errno, lock or capability) is not among the BEFORE findings,
# whatever its line.
#
# Each side's findings are cached under a hash of what they depend on:
# the side's content of the touched files, the other files of the watched
# folders, HEAD and the tracked changes of the tree, the kernel .config,
# the plugin, kapi-check, the Coccinelle rules, the engines and these
# scripts. A run whose two sides are cached builds nothing.
#
# Exit status: 0 no new finding, 1 new findings printed, 2 usage or setup
# error, failed build or interruption.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

tree=
mode=staged
range=
folders=mm/
cache=
plugin=${KAPI_PLUGIN:-$repo/build/plugin/kapi_check.so}
tool=
engines=plugin,cocci,sparse
format=text
jobs=$(nproc)

die() {
	echo "kapi-precommit: $*" >&2
	exit 2
}

say() {
	echo "kapi-precommit: $*" >&2
}

usage() {
	sed -n '/^# Usage:/,/^#   --jobs/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit "$1"
}

while (($#)); do
	case $1 in
	--tree) tree=${2:?--tree needs a kernel tree}; shift ;;
	--staged) mode=staged ;;
	--range) mode=range; range=${2:?--range needs A..B}; shift ;;
	--folders) folders=${2:?--folders needs a list such as mm/,fs/}; shift ;;
	--cache) cache=${2:?--cache needs a folder}; shift ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--tool) tool=${2:?--tool needs a program}; shift ;;
	--engines) engines=${2:?--engines needs a list}; shift ;;
	--format) format=${2:?--format needs text, json or sarif}; shift ;;
	--jobs) jobs=${2:?--jobs needs a number}; shift ;;
	-h|--help) usage 0 ;;
	*) echo "kapi-precommit: unknown argument '$1'" >&2; usage 2 ;;
	esac
	shift
done

# Check the arguments and the tools before any work.
[[ -n $tree ]] || { echo "kapi-precommit: --tree is missing" >&2; usage 2; }
[[ -f $tree/Makefile && -d $tree/scripts ]] ||
	die "'$tree' is not a kernel source tree (no Makefile or scripts/)"
tree=$(realpath "$tree")
top=$(git -C "$tree" rev-parse --show-toplevel 2>/dev/null) ||
	die "'$tree' is not a git checkout; the check compares two git states"
[[ $(realpath "$top") == "$tree" ]] ||
	die "'$tree' is inside the git checkout $top; pass the top of the checkout"
[[ -f $tree/.config ]] || die "'$tree' has no .config; configure it (make defconfig prepare)"
case $format in
text|json|sarif) ;;
*) die "invalid --format '$format'; use text, json or sarif" ;;
esac
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "invalid --jobs '$jobs'; give a positive number"

if [[ $mode == range ]]; then
	[[ $range == ?*..?* && $range != *...* ]] || die "invalid --range '$range'; use A..B"
	before_rev=$(git -C "$tree" rev-parse --verify --quiet "${range%%..*}^{commit}") ||
		die "'${range%%..*}' of --range is not a commit of $tree"
	after_rev=$(git -C "$tree" rev-parse --verify --quiet "${range##*..}^{commit}") ||
		die "'${range##*..}' of --range is not a commit of $tree"
else
	# A first commit has no HEAD: everything it adds is new.
	before_rev=$(git -C "$tree" rev-parse --verify --quiet 'HEAD^{commit}' || true)
	after_rev=
fi

if [[ -z $tool ]]; then
	if [[ -x $repo/build/tool/kapi-check ]]; then
		tool=$repo/build/tool/kapi-check
	else
		tool=$(command -v kapi-check) ||
			die "kapi-check not found; build it (cmake --build build) or pass --tool"
	fi
fi
[[ -x $tool ]] || die "kapi-check '$tool' is not an executable; pass --tool"
tool=$(realpath "$tool")
[[ -f $plugin ]] || die "plugin '$plugin' not found; build it or pass --plugin"
plugin=$(realpath "$plugin")

# The watched folders, each as "dir/" relative to the tree.
watched=()
IFS=, read -r -a folder_list <<<"$folders"
for f in "${folder_list[@]}"; do
	f=${f#./}
	f=${f%/}/
	[[ $f != /* && $f != */../* && $f != ../* && $f != / ]] ||
		die "invalid folder '$f' in --folders; give folders of the tree such as mm/"
	[[ -d $tree/$f ]] || die "folder '$f' of --folders not found in $tree"
	watched+=("$f")
done
((${#watched[@]})) || die "--folders names no folder"

cache=${cache:-$tree/.kapi-precommit}
mkdir -p "$cache/sides" || die "cannot create the cache folder $cache"
cache=$(realpath "$cache")
# Keep the cache out of "git status" when it lives in the tree.
[[ -f $cache/.gitignore ]] || echo '*' >"$cache/.gitignore"

work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-precommit.XXXXXX")
total_start=$(date +%s.%N)
saved=$cache/saved

now() {
	date +%s.%N
}

# Seconds since START, with one decimal.
elapsed() {
	awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'
}

# Put the working tree's own files back: the copies in $saved, listed
# in $saved/list as "present PATH" or "absent PATH". Each restored file
# gets a new modification time, newer than the objects built meanwhile.
restore_files() {
	local state path

	[[ -f $saved/list ]] || return 0
	while read -r state path; do
		if [[ $state == present ]]; then
			mkdir -p "$(dirname "$tree/$path")"
			cat "$saved/files/$path" >"$tree/$path"
			touch "$tree/$path"
		else
			rm -f "$tree/$path"
		fi
	done <"$saved/list"
	rm -rf "$saved"
}

cleanup() {
	restore_files
	rm -rf "$work"
}
trap cleanup EXIT
trap 'say "interrupted; the files of the working tree are restored"; exit 2' INT TERM HUP

if [[ -f $saved/list ]]; then
	say "a run was stopped before it restored the working tree; restoring the files listed in $saved/list"
	restore_files
fi

# The touched files: .c and .h files of the watched folders.
if [[ $mode == range ]]; then
	diff_args=("$before_rev" "$after_rev")
elif [[ -n $before_rev ]]; then
	diff_args=(--cached "$before_rev")
else
	diff_args=(--cached "$(git -C "$tree" hash-object -t tree /dev/null)")
fi
touched=()
while IFS= read -r path; do
	[[ -n $path ]] && touched+=("$path")
done < <(git -C "$tree" diff --name-only --no-renames "${diff_args[@]}" -- \
	"${watched[@]/%/*.c}" "${watched[@]/%/*.h}" | sort -u)
if ((${#touched[@]} == 0)); then
	say "no .c or .h file of ${watched[*]} changes; nothing to check"
	exit 0
fi

# The folders to build: each watched folder that contains a touched file.
# TODO: callees in other folders (kernel/, fs/ for a change to mm/) are
# not built, so their calls stay unknown sources on both sides and what
# they return or lock is not compared.
build_dirs=()
for dir in "${watched[@]}"; do
	for path in "${touched[@]}"; do
		if [[ $path == "$dir"* ]]; then
			build_dirs+=("$dir")
			break
		fi
	done
done
say "${#touched[@]} touched file(s): ${touched[*]}; folders built with the plugin: ${build_dirs[*]}"

# The blob of PATH on SIDE ("before" or "after"), or nothing when the
# file does not exist there.
blob_of() {
	local side=$1 path=$2 rev

	if [[ $side == before ]]; then
		rev=$before_rev
	else
		rev=$after_rev
	fi
	if [[ -n $rev ]]; then
		git -C "$tree" rev-parse --verify --quiet "$rev:$path" || true
	elif [[ $side == after ]]; then
		git -C "$tree" rev-parse --verify --quiet ":$path" || true
	fi
}

# Print what the findings of both sides depend on, besides the touched files.
common_key() {
	local rule

	echo "kapi-precommit cache 1"
	echo "engines $engines"
	echo "folders ${build_dirs[*]}"
	git -C "$tree" rev-parse --verify --quiet HEAD || echo "no HEAD"
	{ git -C "$tree" diff HEAD -- . "${touched[@]/#/:(exclude)}" 2>/dev/null ||
		true; } | sha256sum
	sha256sum "$tree/.config" "$plugin" "$tool" "$repo/ci/kapi-scan.sh" \
		"${BASH_SOURCE[0]}" | cut -d' ' -f1
	for rule in "$repo"/cocci/*/*.cocci; do
		sha256sum "$rule"
	done
	# TODO: a file outside the built folders enters the key only through
	# "git diff HEAD", so an untracked header outside them can change
	# without making the cached findings stale.
	# The other files of the built folders, as they are in the working tree.
	(cd "$tree" && find "${build_dirs[@]}" -name '*.[ch]' -type f | sort |
		grep -vxF -f <(printf '%s\n' "${touched[@]}") |
		xargs -r sha256sum) || true
	return 0
}

common=$(common_key | sha256sum | cut -c1-64)

side_key() {
	local side=$1 path

	{
		echo "$common"
		echo "side $side"
		for path in "${touched[@]}"; do
			echo "$path $(blob_of "$side" "$path")"
		done
	} | sha256sum | cut -c1-16
	return 0
}

# Save the working tree's touched files once, before the first swap.
save_files() {
	local path

	[[ -f $saved/list ]] && return 0
	rm -rf "$saved"
	mkdir -p "$saved/files"
	for path in "${touched[@]}"; do
		if [[ -f $tree/$path ]]; then
			mkdir -p "$(dirname "$saved/files/$path")"
			cp "$tree/$path" "$saved/files/$path"
			echo "present $path"
		else
			echo "absent $path"
		fi
	done >"$saved/list.tmp"
	mv "$saved/list.tmp" "$saved/list"
}

# Write SIDE's content of the touched files into the working tree.
apply_side() {
	local side=$1 path blob

	for path in "${touched[@]}"; do
		blob=$(blob_of "$side" "$path")
		if [[ -n $blob ]]; then
			mkdir -p "$(dirname "$tree/$path")"
			git -C "$tree" cat-file blob "$blob" >"$tree/$path"
			touch "$tree/$path"
		else
			rm -f "$tree/$path"
		fi
	done
}

# The flags of "kapi-check kcflags" pointed at this plugin and, when no
# compat headers are installed, at this repository's, as kapi-scan.sh
# does, so that its objects and these are built with one command line.
kcflags=
for flag in $("$tool" kcflags); do
	case $flag in
	-fplugin=*) flag=-fplugin=$plugin ;;
	-I*) [[ -d ${flag#-I} ]] || flag=-I$repo/include/kapi-compat ;;
	esac
	kcflags+=" $flag"
done
kcflags=${kcflags# }
cc=$(sed -n 's/^ifneq "$(CC)" "\(.*\)"$/\1/p' \
	"$tree/include/config/auto.conf.cmd" 2>/dev/null || true)
[[ -n $cc ]] ||
	die "no compiler recorded in $tree/include/config/auto.conf.cmd; configure the tree first (make defconfig prepare)"

# Build the folders with make, printing how many units it compiled so far.
make_folders() {
	local side=$1 log=$2 line units=0 start status=0

	start=$(now)
	while IFS= read -r line; do
		echo "$line" >>"$log"
		if [[ $line == "  CC "* ]]; then
			units=$((units + 1))
			((units % 10)) || say "$side: make ${build_dirs[*]}: $units units compiled ($(elapsed "$start") s)"
		fi
	done < <(LC_ALL=C make -C "$tree" CC="$cc" -j"$jobs" KCFLAGS="$kcflags" \
		"${build_dirs[@]}" 2>&1; echo "kapi-precommit-make-status $?")
	status=$(tail -n 1 "$log" | sed -n 's/^kapi-precommit-make-status //p')
	say "$side: make ${build_dirs[*]}: $units units compiled in $(elapsed "$start") s"
	[[ $status == 0 ]]
}

# Build SIDE and write its findings (GCC-style lines) to OUT.
build_side() {
	local side=$1 out=$2 start step_start path status=0
	local files=()

	start=$(now)
	save_files
	apply_side "$side"
	for path in "${touched[@]}"; do
		[[ $path == *.c && -f $tree/$path ]] && files+=("$path")
	done

	: >"$work/$side.scan"
	if ((${#files[@]})); then
		step_start=$(now)
		say "$side: kapi-scan.sh (engines $engines) on ${files[*]}"
		"$repo/ci/kapi-scan.sh" --tree "$tree" --plugin "$plugin" --tool "$tool" \
			--engines "$engines" --format text "${files[@]}" \
			>"$work/$side.scan" 2>"$work/$side.scan.log" || status=$?
		if ((status > 1)); then
			cat "$work/$side.scan.log" >&2
			die "$side: kapi-scan.sh failed"
		fi
		say "$side: kapi-scan.sh done in $(elapsed "$step_start") s"
	fi

	if ! make_folders "$side" "$work/$side.make.log"; then
		tail -n 40 "$work/$side.make.log" >&2
		die "$side: make ${build_dirs[*]} failed (log above)"
	fi

	step_start=$(now)
	status=0
	(cd "$tree" && "$tool" --relative-to . "${build_dirs[@]}") \
		>"$work/$side.whole" 2>"$work/$side.whole.log" || status=$?
	if ((status > 1)); then
		cat "$work/$side.whole.log" >&2
		die "$side: kapi-check ${build_dirs[*]} failed"
	fi
	say "$side: kapi-check ${build_dirs[*]} (findings across units) done in $(elapsed "$step_start") s"

	cat "$work/$side.scan" "$work/$side.whole" >"$out.tmp"
	mv "$out.tmp" "$out"
	say "$side: built and checked in $(elapsed "$start") s"
}

built=0
for side in before after; do
	key=$(side_key "$side")
	findings=$cache/sides/$side-$key.txt
	if [[ -f $findings ]]; then
		say "$side: findings reused from the cache ($findings)"
		cp "$findings" "$work/$side.txt"
		continue
	fi
	build_side "$side" "$findings"
	built=$((built + 1))
	cp "$findings" "$work/$side.txt"
done
restore_files

# The BEFORE findings are the baseline of the AFTER ones.
status=0
"$tool" merge --write-baseline "$work/before.baseline" "$work/before.txt" \
	2>"$work/baseline.log" || status=$?
if ((status != 0)); then
	cat "$work/baseline.log" >&2
	die "writing the baseline of the findings before the change failed"
fi
"$tool" merge --format="$format" --baseline "$work/before.baseline" \
	"$work/after.txt" 2>"$work/report.log" || status=$?
if ((status > 1)); then
	cat "$work/report.log" >&2
	die "comparing the findings after the change with those before failed"
fi
say "$built of 2 sides built, $((2 - built)) reused from the cache; $(elapsed "$total_start") s in all"
if ((status == 1)); then
	say "the change adds the findings above (findings that existed before it are not shown)"
else
	say "the change adds no finding"
fi
exit "$status"
