#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# insert-mlock-spec.sh - insert the RFC v2 sys_mlock spec
# (tests/real/mlock-spec-rfc-v2.h) into mm/mlock.c of a Linux 6.12 tree:
# the spec goes before SYSCALL_DEFINE2(mlock, and the compat header's
# #include after the last <linux/...> include, as the RFC v2 patch does.
#
# Usage: ci/insert-mlock-spec.sh TREE
#
# The file is always regenerated from the pristine copy
# mm/mlock.c.kapi-orig (made on the first run), so running twice changes
# nothing, and mm/mlock.c keeps its time stamp when its text is unchanged.
# Exit status: 0 done, 2 the tree or the spec file is not as expected.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
spec_file=$repo/tests/real/mlock-spec-rfc-v2.h

die() {
	echo "insert-mlock-spec: $*" >&2
	exit 2
}

[[ $# -eq 1 && -f $1/mm/mlock.c ]] || die "usage: insert-mlock-spec.sh TREE (a Linux 6.12 source tree)"
mlock_c=$1/mm/mlock.c
orig=$mlock_c.kapi-orig
[[ -f $spec_file ]] || die "spec file '$spec_file' not found"
[[ -f $orig ]] || cp "$mlock_c" "$orig"
grep -q '^SYSCALL_DEFINE2(mlock,' "$orig" ||
	die "no 'SYSCALL_DEFINE2(mlock,' line in $orig"
spec_body=$(sed -n '/^DEFINE_KERNEL_API_SPEC(/,/^KAPI_END_SPEC;/p' "$spec_file")
[[ -n $spec_body ]] || die "no DEFINE_KERNEL_API_SPEC ... KAPI_END_SPEC; in $spec_file"
last_include=$(grep -n '^#include <linux/' "$orig" | tail -n 1 | cut -d: -f1)

awk -v inc="$last_include" '
	{ print }
	NR == inc { print "#include <linux/syscall_api_spec.h>" }
' "$orig" | SPEC="$spec_body" awk '
	# ENVIRON, unlike -v, keeps the backslashes of the C strings.
	/^SYSCALL_DEFINE2\(mlock,/ { print ENVIRON["SPEC"]; print "" }
	{ print }
' >"$mlock_c.kapi-new"
if cmp -s "$mlock_c.kapi-new" "$mlock_c"; then
	rm "$mlock_c.kapi-new"
else
	mv "$mlock_c.kapi-new" "$mlock_c"
fi
