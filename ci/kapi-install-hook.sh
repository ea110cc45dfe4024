#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# kapi-install-hook.sh - install (or remove) a git pre-commit hook in a
# kernel checkout that runs ci/kapi-precommit.sh on the staged changes
#
# Usage: ci/kapi-install-hook.sh [--tree CHECKOUT] [--folders mm/,fs/]
#                                [--force] [--uninstall]
#                                [-- KAPI-PRECOMMIT OPTION...]
#
#   --tree DIR     the kernel checkout (default: the current folder)
#   --folders L    the watched folders, stored as git config kapi.folders
#                  of the checkout; the hook reads that setting on every
#                  commit and watches mm/ when it is unset
#   --force        replace a pre-commit hook that this script did not
#                  install; it is kept as pre-commit.kapi-saved and put
#                  back by --uninstall
#   --uninstall    remove the hook installed by this script
#   -- OPTIONS     more options for kapi-precommit.sh, such as --plugin,
#                  --tool, --cache or --engines, written into the hook
#
# The hook is a plain shell script in the checkout's hooks folder (git
# rev-parse --git-path hooks, so core.hooksPath is honoured). It calls
# kapi-precommit.sh of this repository by its absolute path, so the
# repository must stay where it is. "git commit --no-verify" skips it.
#
# Exit status: 0 done, 2 usage error, not a git checkout, or a foreign
# hook in the way.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
marker="# kapi-check pre-commit hook, installed by kapi-install-hook.sh"

tree=.
folders=
force=false
uninstall=false
extra=()

die() {
	echo "kapi-install-hook: $*" >&2
	exit 2
}

usage() {
	sed -n '/^# Usage:/,/^#   -- OPTIONS/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit "$1"
}

while (($#)); do
	case $1 in
	--tree) tree=${2:?--tree needs a checkout}; shift ;;
	--folders) folders=${2:?--folders needs a list such as mm/,fs/}; shift ;;
	--force) force=true ;;
	--uninstall) uninstall=true ;;
	--) shift; extra=("$@"); break ;;
	-h|--help) usage 0 ;;
	*) echo "kapi-install-hook: unknown argument '$1'" >&2; usage 2 ;;
	esac
	shift
done

top=$(git -C "$tree" rev-parse --show-toplevel 2>/dev/null) ||
	die "'$tree' is not a git checkout"
hooks=$(git -C "$top" rev-parse --git-path hooks)
[[ $hooks == /* ]] || hooks=$top/$hooks
hook=$hooks/pre-commit
saved=$hook.kapi-saved

is_ours() {
	[[ -f $hook ]] && grep -qxF "$marker" "$hook"
}

if $uninstall; then
	if [[ ! -e $hook ]]; then
		echo "kapi-install-hook: no pre-commit hook in $hooks; nothing to remove" >&2
		exit 0
	fi
	is_ours || die "$hook was not installed by kapi-install-hook.sh; remove it by hand"
	rm -f "$hook"
	if [[ -f $saved ]]; then
		mv "$saved" "$hook"
		echo "kapi-install-hook: removed the kapi-check hook; the previous hook is back in $hook" >&2
	else
		echo "kapi-install-hook: removed $hook" >&2
	fi
	exit 0
fi

if [[ -e $hook ]] && ! is_ours; then
	$force || die "$hook exists and was not installed by kapi-install-hook.sh; pass --force to replace it (it is kept as $saved)"
	[[ ! -e $saved ]] || die "$saved exists already; move it away first"
	mv "$hook" "$saved"
	echo "kapi-install-hook: kept the previous hook as $saved" >&2
fi

if [[ -n $folders ]]; then
	git -C "$top" config kapi.folders "$folders"
fi

mkdir -p "$hooks"
{
	echo '#!/bin/bash'
	echo "$marker"
	echo "# Runs kapi-check on the staged changes of the watched folders"
	echo "# (git config kapi.folders, default mm/) and rejects the commit when"
	echo "# they add findings. Skip it once with 'git commit --no-verify';"
	echo "# remove it with '$repo/ci/kapi-install-hook.sh --uninstall'."
	echo 'folders=$(git config --get kapi.folders || echo mm/)'
	printf 'exec %q --tree "$(git rev-parse --show-toplevel)" --staged --folders "$folders"' \
		"$repo/ci/kapi-precommit.sh"
	((${#extra[@]})) && printf ' %q' "${extra[@]}"
	echo
} >"$hook.tmp"
chmod +x "$hook.tmp"
mv "$hook.tmp" "$hook"
echo "kapi-install-hook: installed $hook (folders: $(git -C "$top" config --get kapi.folders || echo mm/))" >&2
