#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# install-hook.sh - ci/kapi-install-hook.sh in a scratch git repository:
# install, reinstall, the folders setting, a foreign hook rejected without
# --force and kept with it, and uninstall putting the foreign hook back.
# No kernel tree is needed: the installed hook is read, not run, except
# once against a folder that is no kernel tree, where it must fail.
#
# Exit status: 0 every check passed, 1 a check failed.

set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
install=$repo/ci/kapi-install-hook.sh
failures=0

check() {
	local what=$1

	shift
	if "$@"; then
		echo "install-hook: ok: $what"
	else
		echo "install-hook: FAILED: $what" >&2
		failures=$((failures + 1))
	fi
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git init -q "$scratch/linux"
hook=$scratch/linux/.git/hooks/pre-commit
rm -f "$scratch/linux/.git/hooks/"*.sample

bash "$install" --tree "$scratch/linux" -- --engines plugin 2>/dev/null
check "install writes an executable hook" test -x "$hook"
check "the hook runs kapi-precommit.sh on the staged changes" \
	grep -qF "kapi-precommit.sh --tree \"\$(git rev-parse --show-toplevel)\" --staged" "$hook"
check "the hook passes the extra options" grep -qF -- "--engines plugin" "$hook"
check "the hook reads kapi.folders, mm/ by default" \
	grep -qF 'folders=$(git config --get kapi.folders || echo mm/)' "$hook"
check "the hook is a shell script" test "$(head -n 1 "$hook")" = '#!/bin/bash'

bash "$install" --tree "$scratch/linux" --folders mm/,fs/ 2>/dev/null
check "reinstalling over its own hook succeeds" test $? -eq 0
check "--folders sets kapi.folders" \
	test "$(git -C "$scratch/linux" config --get kapi.folders)" = mm/,fs/

# The hook fails with kapi-precommit.sh's usage error in a repository
# that is no kernel tree, so a commit there is rejected, not passed.
(cd "$scratch/linux" && "$hook") >/dev/null 2>&1
check "the hook fails (status 2) outside a kernel tree" test $? -eq 2

bash "$install" --tree "$scratch/linux" --uninstall 2>/dev/null
check "uninstall removes the hook" test ! -e "$hook"

printf '#!/bin/sh\necho foreign\n' >"$hook"
chmod +x "$hook"
bash "$install" --tree "$scratch/linux" 2>"$scratch/err"
check "a foreign hook is not overwritten" test $? -eq 2
check "the foreign hook is unchanged" grep -qx 'echo foreign' "$hook"
check "the message names --force" grep -q -- '--force' "$scratch/err"

bash "$install" --tree "$scratch/linux" --force 2>/dev/null
check "--force replaces a foreign hook" grep -q 'kapi-precommit.sh' "$hook"
check "--force keeps the foreign hook" grep -qx 'echo foreign' "$hook.kapi-saved"

bash "$install" --tree "$scratch/linux" --uninstall 2>/dev/null
check "uninstall puts the foreign hook back" grep -qx 'echo foreign' "$hook"
check "uninstall leaves no saved copy" test ! -e "$hook.kapi-saved"

bash "$install" --tree "$scratch/linux" --uninstall 2>/dev/null
check "uninstall refuses a foreign hook" test $? -eq 2
check "the foreign hook stays" grep -qx 'echo foreign' "$hook"

bash "$install" --tree "$scratch" 2>/dev/null
check "a folder that is no git checkout is an error" test $? -eq 2

if ((failures)); then
	echo "install-hook: $failures check(s) failed" >&2
	exit 1
fi
echo "install-hook: all checks passed"
