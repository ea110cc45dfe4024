#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# kapi-scan.sh - run the Coccinelle rules, sparse and the kapi_check plugin
# on some C files of a kernel tree and print one merged list of findings
#
# Usage: ci/kapi-scan.sh --tree KERNEL_TREE [--build-dir DIR] [--plugin SO]
#                        [--tool KAPI_CHECK] [--engines plugin,cocci,sparse]
#                        [--format text|json|sarif] [--range A..B] [FILE.c...]
#
#   --tree DIR        the kernel source tree, configured and prepared
#                     ("make defconfig prepare" or a full build)
#   --build-dir DIR   the kernel's object folder when it builds out of tree
#                     (make O=DIR); default: the source tree itself
#   --plugin SO       the plugin (default: build/plugin/kapi_check.so of
#                     this repository, or $KAPI_PLUGIN)
#   --tool PATH       kapi-check (default: build/tool/kapi-check of this
#                     repository, else kapi-check from PATH)
#   --engines LIST    which engines run, comma-separated (default: all
#                     three: plugin,cocci,sparse)
#   --format FORMAT   text (GCC style, default), json or sarif
#   --range A..B      add the .c files that the git range A..B of the tree
#                     adds or modifies
#   FILE.c            a file of the tree, relative to it or absolute
#
# The engines:
#   cocci    every rule under cocci/ of this repository, with spatch in
#            report mode on the files; its lines are tagged [cocci-RULE].
#   sparse   "make C=2 CHECK=sparse FILE.o" in the tree; only the lock
#            context warnings ("context imbalance", "context problem",
#            "wrong count at exit") are kept, tagged [sparse-context].
#   plugin   the objects rebuilt with the flags of "kapi-check kcflags"
#            (the plugin path replaced by --plugin); its [kapi-...]
#            warnings and notes are kept.
# sparse and the plugin share one make run. The kernel is built with the
# compiler it was configured with (read from include/config/auto.conf.cmd
# of the object folder). The findings are merged by "kapi-check merge",
# which tags each with its engine and gives it an id that does not depend
# on line numbers.
#
# Exit status: 0 no finding, 1 findings printed, 2 usage or setup error
# (missing tool, failed build, spatch failure).

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

tree=
build_dir=
plugin=${KAPI_PLUGIN:-$repo/build/plugin/kapi_check.so}
tool=
engines=plugin,cocci,sparse
format=text
range=
files=()

die() {
	echo "kapi-scan: $*" >&2
	exit 2
}

usage() {
	sed -n '/^# Usage:/,/^#   FILE.c/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit "$1"
}

while (($#)); do
	case $1 in
	--tree) tree=${2:?--tree needs a kernel tree}; shift ;;
	--build-dir) build_dir=${2:?--build-dir needs a folder}; shift ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--tool) tool=${2:?--tool needs a program}; shift ;;
	--engines) engines=${2:?--engines needs a list}; shift ;;
	--format) format=${2:?--format needs text, json or sarif}; shift ;;
	--range) range=${2:?--range needs A..B}; shift ;;
	-h|--help) usage 0 ;;
	-*) echo "kapi-scan: unknown option '$1'" >&2; usage 2 ;;
	*) files+=("$1") ;;
	esac
	shift
done

# Check the arguments before any work.
[[ -n $tree ]] || { echo "kapi-scan: --tree is missing" >&2; usage 2; }
[[ -f $tree/Makefile && -d $tree/scripts ]] ||
	die "'$tree' is not a kernel source tree (no Makefile or scripts/)"
tree=$(realpath "$tree")
build_dir=$(realpath "${build_dir:-$tree}")
case $format in
text|json|sarif) ;;
*) die "invalid --format '$format'; use text, json or sarif" ;;
esac

run_plugin=false run_cocci=false run_sparse=false
IFS=, read -r -a engine_list <<<"$engines"
for engine in "${engine_list[@]}"; do
	case $engine in
	plugin) run_plugin=true ;;
	cocci) run_cocci=true ;;
	sparse) run_sparse=true ;;
	*) die "invalid engine '$engine' in --engines; use plugin, cocci and sparse" ;;
	esac
done

if [[ -z $tool ]]; then
	if [[ -x $repo/build/tool/kapi-check ]]; then
		tool=$repo/build/tool/kapi-check
	else
		tool=$(command -v kapi-check) ||
			die "kapi-check not found; build it (cmake --build build) or pass --tool"
	fi
fi
[[ -x $tool ]] || die "kapi-check '$tool' is not an executable; pass --tool"
if $run_plugin; then
	[[ -f $plugin ]] || die "plugin '$plugin' not found; build it or pass --plugin"
	plugin=$(realpath "$plugin")
fi
if $run_cocci; then
	command -v spatch >/dev/null || die "spatch not found; install coccinelle"
fi
if $run_sparse; then
	command -v sparse >/dev/null || die "sparse not found; install sparse"
fi

# The files: the ones named, then the .c files the range adds or modifies.
rel_files=()
for f in "${files[@]}"; do
	[[ $f != /* && -f $tree/$f ]] && f=$tree/$f
	[[ -f $f ]] || die "file '$f' not found"
	f=$(realpath "$f")
	[[ $f == "$tree"/* ]] || die "file '$f' is not inside the tree $tree"
	[[ $f == *.c ]] || die "file '$f' is not a .c file"
	rel_files+=("${f#"$tree"/}")
done
if [[ -n $range ]]; then
	[[ $range == *..* ]] || die "invalid --range '$range'; use A..B"
	git -C "$tree" rev-parse --git-dir >/dev/null 2>&1 ||
		die "--range needs a git repository, and $tree is none"
	changed=$(git -C "$tree" diff --name-only --diff-filter=AM "$range" -- '*.c') ||
		die "git diff of the range '$range' failed"
	while IFS= read -r f; do
		[[ -n $f ]] && rel_files+=("$f")
	done <<<"$changed"
fi
((${#rel_files[@]})) || die "no .c file to scan; name files or a --range that changes some"
mapfile -t rel_files < <(printf '%s\n' "${rel_files[@]}" | sort -u)

work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-scan.XXXXXX")
trap 'rm -rf "$work"' EXIT

# cocci: every rule in report mode over all the files, paths relative to
# the tree so that they match the other engines' paths.
if $run_cocci; then
	for rule in "$repo"/cocci/*/*.cocci; do
		if ! (cd "$tree" && spatch --sp-file "$rule" -D report --very-quiet \
			--no-includes --include-headers "${rel_files[@]}") \
			>>"$work/cocci.diag" 2>"$work/cocci.err"; then
			cat "$work/cocci.err" >&2
			die "spatch failed with rule $rule"
		fi
	done
fi

# sparse and the plugin: one make run over the objects of the files.
if $run_plugin || $run_sparse; then
	cc=$(sed -n 's/^ifneq "$(CC)" "\(.*\)"$/\1/p' \
		"$build_dir/include/config/auto.conf.cmd" 2>/dev/null || true)
	[[ -n $cc ]] ||
		die "no compiler recorded in $build_dir/include/config/auto.conf.cmd; configure the tree first (make defconfig prepare)"
	objects=("${rel_files[@]/%.c/.o}")
	make_args=(-C "$tree" CC="$cc" -j"$(nproc)")
	# NOTE: no test covers an out-of-tree object folder (--build-dir).
	[[ $build_dir == "$tree" ]] || make_args+=(O="$build_dir")
	$run_sparse && make_args+=(C=2 CHECK=sparse)
	if $run_plugin; then
		# Take the installed flags and point them at this plugin, and at
		# this repository's compat headers when none are installed.
		kcflags=
		for flag in $("$tool" kcflags); do
			case $flag in
			-fplugin=*) flag=-fplugin=$plugin ;;
			-I*) [[ -d ${flag#-I} ]] || flag=-I$repo/include/kapi-compat ;;
			esac
			kcflags+=" $flag"
		done
		make_args+=(KCFLAGS="${kcflags# }")
		# The plugin reports while compiling, so compile again.
		for o in "${objects[@]}"; do
			rm -f "$build_dir/$o"
		done
	fi
	if ! LC_ALL=C make "${make_args[@]}" "${objects[@]}" >"$work/make.log" 2>&1; then
		tail -n 40 "$work/make.log" >&2
		die "kernel make of ${objects[*]} failed"
	fi

	if $run_plugin; then
		cp "$work/make.log" "$work/plugin.diag"
	fi
	if $run_sparse; then
		# sparse prints no id; tag its lock context warnings.
		grep -E '^[^ :]+:[0-9]+:[0-9]+: (warning|error): (context imbalance|context problem)' \
			"$work/make.log" | grep -v ' \[[^]]*\]$' |
			sed 's/$/ [sparse-context]/' >"$work/sparse.diag" || true
	fi
fi

diags=()
for d in plugin cocci sparse; do
	[[ -f $work/$d.diag ]] && diags+=("$work/$d.diag")
done
((${#diags[@]})) || { : >"$work/none.diag"; diags=("$work/none.diag"); }

status=0
"$tool" merge --format="$format" --strip "$tree/" "${diags[@]}" || status=$?
exit "$status"
