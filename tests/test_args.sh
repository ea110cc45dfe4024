# SPDX-License-Identifier: GPL-2.0-only
#
# Option parsing for the test scripts, which CTest calls with options of
# the form "--NAME VALUE" only. Source this file, then call
#
#   parse_test_args SCRIPT "NAME..." "$@"
#
# Each option sets the shell variable NAME. An unknown option, an option
# without a value or a NAME left unset exits with status 2, which CTest
# reports as a failure of the test's setup.

parse_test_args() {
	local script=$1 names=" $2 " name

	shift 2
	while [ $# -gt 0 ]; do
		name=${1#--}
		if [ "$name" = "$1" ] || [[ $names != *" $name "* ]]; then
			echo "$script: unknown argument '$1'" >&2
			exit 2
		fi
		if [ $# -lt 2 ]; then
			echo "$script: $1 needs a value" >&2
			exit 2
		fi
		printf -v "$name" '%s' "$2"
		shift 2
	done
	for name in $names; do
		if [ -z "${!name:-}" ]; then
			echo "$script: --$name is missing" >&2
			exit 2
		fi
	done
}
