#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# install_validators.sh - install the format validators of the CI tests
# from the npm registry into a folder of the build tree:
#
#   ajv-cli 3.3.0                     JSON Schema validator (ajv 6, which
#                                     reads the draft-04 SARIF schema)
#   @microsoft/jest-sarif 1.0.0-beta.0  ships the SARIF 2.1.0 JSON schema
#                                     (lib/schemas/sarif-2.1.0-rtm.5.json)
#   codeclimate-types 0.3.1           the Code Climate issue type that the
#                                     GitLab Code Quality report is a
#                                     subset of
#   ts-json-schema-generator 2.4.0    turns that type into JSON Schema
#
#   install_validators.sh DIR
#
# A second run finds the same versions in DIR and sends no request to the
# registry, so the tests run offline once the folder is filled. Exit status: 0 installed,
# 77 skip (npm missing), 1 the installation failed.

set -uo pipefail

dir=${1:?usage: install_validators.sh DIR}
packages=(
	ajv-cli@3.3.0
	@microsoft/jest-sarif@1.0.0-beta.0
	codeclimate-types@0.3.1
	ts-json-schema-generator@2.4.0
)
stamp="$dir/installed.txt"

if ! command -v npm >/dev/null; then
	echo "SKIP: npm is not installed (ci/install-deps.sh installs it)" >&2
	exit 77
fi
if [[ -f "$stamp" && "$(<"$stamp")" == "${packages[*]}" ]]; then
	echo "validators already installed in $dir"
	exit 0
fi

mkdir -p "$dir"
# A package.json of its own keeps npm from looking for one further up.
[[ -f "$dir/package.json" ]] ||
	printf '{ "name": "kapi-check-ci-validators", "private": true }\n' >"$dir/package.json"
if ! (cd "$dir" && npm install --no-audit --no-fund --ignore-scripts \
		--save-exact "${packages[@]}"); then
	echo "FAIL: npm could not install ${packages[*]} into $dir" >&2
	exit 1
fi
printf '%s\n' "${packages[*]}" >"$stamp"
