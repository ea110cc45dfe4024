#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# lock-census.sh - count the lock-related calls that the kapi_check plugin
# sees in real kernel objects, from its IR dump (the early GIMPLE, before
# inlining), to check lib/lock_table.c against a kernel build
#
# Usage: ci/lock-census.sh [--plugin SO] [--cc GCC] [--keep DIR]
#                          BUILD_DIR OBJECT...
#
#   BUILD_DIR     a configured and prepared kernel tree, for example one
#                 that ci/mlock-proof.sh has prepared (the objects are
#                 rebuilt in it, so do not point it at a tree that another
#                 job is building)
#   OBJECT        an object of that tree to rebuild: mm/mmap.o, fs/open.o
#   --plugin SO   the plugin (default: build/plugin/kapi_check.so of the
#                 repository, or $KAPI_PLUGIN)
#   --cc GCC      the compiler the plugin was built for (default: gcc, or
#                 $KAPI_GCC)
#   --keep DIR    write the IR dump and build log of each object to DIR
#                 and keep them (default: a temporary folder, removed)
#
# Each object is removed and rebuilt through the kernel's make with
# -fplugin-arg-kapi_check-dump-ir, which writes the IR of every function
# with a body in the unit, specs or not. The report has one line per
# called function whose name looks lock-related (see lock_pattern below)
# or that lib/lock_table.c lists:
#
#   calls    call sites in all objects
#   objects  objects with at least one call
#   body     objects in which the function has a body, that is a static or
#            static inline function that the analysis summarises
#   table    "table" when lib/lock_table.c lists the name
#   name
#
# A name with no body in any object and no table entry is an out-of-line
# function that the lock analysis treats as an unknown call.
#
# Exit status: 0 done, 2 setup error or failed kernel build.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
plugin=${KAPI_PLUGIN:-$repo/build/plugin/kapi_check.so}
cc=${KAPI_GCC:-gcc}
keep=
build_dir=
objects=()

# Names that take, drop or wrap a lock, or a guard class of <linux/cleanup.h>.
lock_pattern='(^|_)(lock|unlock|trylock|relock|locked|unlocked)(_|$)|^(down|up)(_|$)|^__?(down|up)_|rcu_read_|seqlock|sequnlock|seqcount|seqbegin|seqretry|^class_.*_(constructor|destructor)$|^percpu_(down|up)_|rwsem|mutex|spin_'

die() {
	echo "lock-census: $*" >&2
	exit 2
}

usage() {
	sed -n '/^# Usage:/,/^#                 and keep them/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit "$1"
}

while (($#)); do
	case $1 in
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--cc) cc=${2:?--cc needs a compiler}; shift ;;
	--keep) keep=${2:?--keep needs a folder}; shift ;;
	-h|--help) usage 0 ;;
	-*) echo "lock-census: unknown option '$1'" >&2; usage 2 ;;
	*)
		if [[ -z $build_dir ]]; then
			build_dir=$1
		else
			objects+=("$1")
		fi
		;;
	esac
	shift
done

[[ -n $build_dir ]] || usage 2
((${#objects[@]})) || die "no OBJECT given; name the objects to rebuild, for example mm/mmap.o"
[[ -f $build_dir/Makefile && -f $build_dir/.config ]] ||
	die "$build_dir is not a configured kernel tree; prepare one with ci/mlock-proof.sh"
[[ -f $plugin ]] || die "plugin '$plugin' not found; build it first or pass --plugin"
plugin=$(realpath "$plugin")
command -v "$cc" >/dev/null || die "compiler '$cc' not found; pass --cc"
cc=$(realpath "$(command -v "$cc")")
table=$repo/lib/lock_table.c
[[ -f $table ]] || die "$table not found"

if [[ -n $keep ]]; then
	mkdir -p "$keep"
	out=$(realpath "$keep")
else
	out=$(mktemp -d)
	trap 'rm -rf "$out"' EXIT
fi

for obj in "${objects[@]}"; do
	[[ $obj == *.o ]] || die "'$obj' is not an object name (NAME.o)"
	[[ -f $build_dir/${obj%.o}.c ]] || die "no source $build_dir/${obj%.o}.c for '$obj'"
	base=${obj//\//_}
	base=${base%.o}
	rm -f "$build_dir/$obj" "$out/$base.ir"
	echo "lock-census: make $obj" >&2
	if ! make -C "$build_dir" CC="$cc" "$obj" \
		KCFLAGS="-fplugin=$plugin -fplugin-arg-kapi_check-dump-ir=$out/$base.ir -I$repo/include/kapi-compat" \
		>"$out/$base.log" 2>&1; then
		tail -n 20 "$out/$base.log" >&2
		die "building $obj failed (log: $out/$base.log)"
	fi
	[[ -f $out/$base.ir ]] || die "the plugin wrote no IR dump for $obj"
done

# The names of the lock table: the first string of each entry of lock_prims[].
sed -n '/^static const struct kapi_lock_prim lock_prims\[\] = {/,/^};/p' "$table" |
	grep -oE '^[[:space:]]*(ACQ|ACQ_IF0|TRY|REL|RCU_ACQ|RCU_REL)\("[A-Za-z0-9_]+"|^[[:space:]]*\{ "[A-Za-z0-9_]+"' |
	grep -oE '"[A-Za-z0-9_]+"' | tr -d '"' | sort -u >"$out/table.names"
[[ -s $out/table.names ]] || die "found no primitive names in $table; the layout of lock_prims[] changed"

printf '%7s %7s %5s %-5s %s\n' calls objects body table name
for ir in "$out"/*.ir; do
	# One line per call site and per body: "call NAME" or "body NAME",
	# tagged with the object.
	awk -v obj="$(basename "$ir" .ir)" '
		/^function / { print obj, "body", $2 }
		match($0, /call [A-Za-z0-9_.]+\(/) {
			print obj, "call", substr($0, RSTART + 5, RLENGTH - 6)
		}
	' "$ir"
done | awk -v pattern="$lock_pattern" -v tablefile="$out/table.names" '
	BEGIN {
		while ((getline name < tablefile) > 0)
			intable[name] = 1
	}
	$2 == "body" { if (!(($1, $3) in hasbody)) { hasbody[$1, $3] = 1; bodies[$3]++ } next }
	{
		calls[$3]++
		if (!(($1, $3) in seen)) { seen[$1, $3] = 1; objs[$3]++ }
	}
	END {
		for (name in calls)
			if (name ~ pattern || name in intable)
				printf "%7d %7d %5d %-5s %s\n", calls[name], objs[name],
				       bodies[name] + 0, name in intable ? "table" : "-", name
	}
' | sort -k1,1nr -k5,5
