#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# report_case.sh - one test of what kapi-check reports and how CI systems
# read it: suppressions, baselines, paths, and the examples under
# ci/examples validated with the validators that install_validators.sh
# put into the build folder.
#
#   report_case.sh CASE
#
# The environment names the parts: KAPI_CHECK (the built kapi-check),
# KAPI_GCC, KAPI_PLUGIN, KAPI_INCLUDES (folders, ':'-separated),
# KAPI_SRC (the project's source folder) and KAPI_NPM (the folder the
# validators are installed in). Each case compiles the two units of
# fixtures/ into a fresh folder laid out like a kernel tree (mm/), from
# its top, as kbuild does, and runs kapi-check there.
#
# Exit status: 0 pass, 1 fail (the first failed check is printed), 77 skip
# (node or npm missing), 2 usage error.

set -uo pipefail

case_name=${1:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
	echo "FAIL ($case_name): $*" >&2
	exit 1
}

skip() {
	echo "SKIP ($case_name): $*" >&2
	exit 77
}

# Compare a value with what is expected, naming the check.
expect_eq() {
	local what=$1 got=$2 want=$3

	[[ "$got" == "$want" ]] ||
		fail "$what: expected [$want], got [$got]"
}

expect_match() {
	local what=$1 text=$2 pattern=$3

	grep -Eq -- "$pattern" <<<"$text" ||
		fail "$what: no line matches /$pattern/ in:"$'\n'"$text"
}

expect_no_match() {
	local what=$1 text=$2 pattern=$3

	! grep -Eq -- "$pattern" <<<"$text" ||
		fail "$what: a line matches /$pattern/ in:"$'\n'"$text"
}

# Compile the units in $work/mm/ with the plugin's facts, from the top of
# the tree as kbuild does; with PREFIX, name the sources PREFIX/mm/*.c.
rebuild_units() {
	local prefix=${1:-} unit dir inc args=()

	IFS=: read -ra inc <<<"$KAPI_INCLUDES"
	for dir in "${inc[@]}"; do
		args+=(-I "$dir")
	done
	for unit in prefault_unit populate_unit; do
		(cd "$work" && "$KAPI_GCC" -O2 -c -fplugin="$KAPI_PLUGIN" \
			-fplugin-arg-kapi_check-facts "${args[@]}" \
			"${prefix:+$prefix/}mm/$unit.c" -o "mm/$unit.o" 2>/dev/null) ||
			fail "cannot compile mm/$unit.c with the plugin"
	done
}

# Copy the fixture units into $work/mm/ and compile them.
build_tree() {
	mkdir -p "$work/mm"
	cp "$here"/fixtures/*.c "$work/mm/"
	rebuild_units
}

# Run kapi-check in the tree; sets out, err and rc.
run_check() {
	out=$(cd "$work" && "$KAPI_CHECK" "$@" 2>"$work/stderr")
	rc=$?
	err=$(<"$work/stderr")
}

need_validators() {
	command -v node >/dev/null || skip "node is not installed (ci/install-deps.sh installs it)"
	[[ -x "$KAPI_NPM/node_modules/.bin/ajv" ]] ||
		skip "the validators are not in $KAPI_NPM (test ci_validators_install did not install them)"
}

# Print the first line of FILE that contains TEXT, without YAML's "- ",
# "run: " and the surrounding blanks: the command as a shell runs it.
example_command() {
	local file=$1 text=$2 line

	line=$(grep -F -m1 -- "$text" "$file") ||
		fail "$file has no line with '$text'"
	line=${line#"${line%%[![:space:]]*}"}
	line=${line#- }
	line=${line#run: }
	printf '%s\n' "$line"
}

# Print the value of the YAML key KEY (the first one) in FILE.
example_value() {
	local file=$1 key=$2 line

	line=$(grep -E -m1 -- "^[[:space:]]*$key:" "$file") ||
		fail "$file has no '$key:'"
	line=${line#*"$key:"}
	printf '%s\n' "${line//[[:space:]]/}"
}

# Run an example's command line in the tree, with the built kapi-check
# first in PATH.
run_example() {
	local cmd=$1

	(cd "$work" && PATH="$(dirname "$KAPI_CHECK"):$PATH" bash -c "$cmd") ||
		fail "the example's command failed: $cmd"
}

ajv() {
	"$KAPI_NPM/node_modules/.bin/ajv" "$@"
}

case_spec_exception() {
	build_tree
	run_check mm/
	expect_eq "exit status with findings" "$rc" 1
	expect_match "EFAULT reported" "$out" "^mm/populate_unit.c:[0-9]+:[0-9]+: warning: 'sys_prefault' can return -EFAULT, .*\[kapi-errno-undeclared\]$"
	expect_no_match "EAGAIN accepted by the spec" "$out" "EAGAIN"
	expect_match "counted" "$err" "2 findings printed; 1 suppressed by spec exceptions, 0 by suppression files, 0 in the baseline"

	run_check --format=json mm/
	expect_match "JSON suppression kind" "$out" '"value": "EAGAIN".*"suppression": \{"kind": "spec", "where": "check exception 0 of spec .sys_prefault.", "justification": "populate_range\(\) retries -EAGAIN before it returns"\}'
	expect_match "JSON counts" "$out" '"counts": \{"reported": 2, "suppressed_in_spec": 1, "suppressed_by_file": 0, "baselined": 0\}'
}

case_suppress_file() {
	build_tree
	cat >"$work/kapi.suppress" <<-'EOF'
	# FUNCTION     CHECK-ID               VALUE   REASON
	sys_prefault   kapi-errno-undeclared  -EIO    read_ok() fails only on a device error, which the man page lists
	sys_other      kapi-errno-undeclared  *       no such syscall, so this entry matches nothing
	EOF
	run_check --suppress kapi.suppress --verbose mm/
	expect_eq "exit status" "$rc" 1
	expect_match "EFAULT still reported" "$out" "can return -EFAULT"
	expect_no_match "EIO suppressed" "$out" "-EIO"
	expect_match "counted" "$err" "1 finding printed; 1 suppressed by spec exceptions, 1 by suppression files, 0 in the baseline"
	expect_match "unused entry named" "$err" "kapi.suppress:3: the suppression of kapi-errno-undeclared for 'sys_other' with value '\*' matched no finding"

	run_check --suppress kapi.suppress --format=sarif mm/
	expect_match "SARIF external suppression" "$out" '"suppressions": \[\{"kind": "external", "status": "accepted", "justification": "read_ok\(\) fails only on a device error, which the man page lists", "properties": \{"kapiSuppressedBy": "kapi.suppress:2"\}\}\]'

	printf 'sys_prefault kapi-errno-undeclared * every errno is known\n' >"$work/all.suppress"
	run_check --suppress kapi.suppress --suppress all.suppress mm/
	expect_eq "exit status, all suppressed" "$rc" 0
	expect_eq "nothing printed" "$out" ""

	# '*' as the function covers every function.
	printf '* kapi-errno-undeclared * no errno of any syscall is checked yet\n' >"$work/every.suppress"
	run_check --suppress every.suppress --verbose mm/
	expect_eq "exit status, every function suppressed" "$rc" 0
	expect_eq "nothing printed for '*'" "$out" ""
	expect_match "counted for '*'" "$err" "0 findings printed; 1 suppressed by spec exceptions, 2 by suppression files"
	expect_no_match "'*' entry used" "$err" "matched no finding"
}

case_suppress_errors() {
	local name content message

	build_tree
	while IFS='|' read -r name content message; do
		printf '%b' "$content" >"$work/$name"
		run_check --suppress "$name" mm/
		expect_eq "exit status for $name" "$rc" 2
		expect_match "message for $name" "$err" "$message"
		expect_eq "no findings for $name" "$out" ""
	done <<-'EOF'
	no-reason.suppress|# comment\nsys_prefault kapi-errno-undeclared EIO\n|^kapi-check: no-reason.suppress:2: the suppression of kapi-errno-undeclared for 'sys_prefault' has no reason
	bad-check.suppress|sys_prefault kapi-errno-undeclard EIO reason\n|^kapi-check: bad-check.suppress:1: 'kapi-errno-undeclard' is not a check id of kapi-check
	short.suppress|\n\nsys_prefault kapi-errno-undeclared\n|^kapi-check: short.suppress:3: expected 'FUNCTION CHECK-ID VALUE REASON', found 2 fields
	quote.suppress|sys_prefault kapi-errno-undeclared "EIO reason\n|^kapi-check: quote.suppress:1: a quoted field has no closing
	EOF
	run_check --suppress missing.suppress mm/
	expect_eq "exit status, missing file" "$rc" 2
	expect_match "missing file" "$err" "cannot open the suppression file missing.suppress: No such file"

	mkdir "$work/folder.suppress"
	run_check --suppress folder.suppress mm/
	expect_eq "exit status, folder" "$rc" 2
	expect_match "folder named" "$err" "^kapi-check: folder.suppress is a folder, not a suppression file; name the file itself"
}

case_baseline() {
	local want

	build_tree
	run_check --write-baseline kapi.baseline mm/
	expect_eq "exit status of --write-baseline" "$rc" 0
	expect_eq "nothing on standard output" "$out" ""
	expect_match "baseline written" "$err" "wrote 3 findings to the baseline kapi.baseline"
	want=$'kapi-check baseline 1\n# CHECK-ID FUNCTION VALUE\nkapi-errno-undeclared sys_prefault EBUSY\nkapi-errno-undeclared sys_prefault EFAULT\nkapi-errno-undeclared sys_prefault EIO'
	expect_eq "baseline contents" "$(<"$work/kapi.baseline")" "$want"

	run_check --baseline kapi.baseline mm/
	expect_eq "exit status against the baseline" "$rc" 0
	expect_eq "nothing new" "$out" ""
	expect_match "counted" "$err" "0 findings printed; 1 suppressed by spec exceptions, 0 by suppression files, 2 in the baseline"

	# Moved code: the findings keep their keys, so nothing is new.
	sed -i 's|^int populate_range|/* moved */\n\n\nint populate_range|' "$work/mm/populate_unit.c"
	rebuild_units
	run_check --baseline kapi.baseline --all mm/
	expect_eq "exit status after a move" "$rc" 0
	expect_match "all three in the baseline" "$err" "3 in the baseline"

	# A new errno is the only finding reported.
	sed -i 's|^\treturn 0;|\tif (!read_ok(start + 1))\n\t\treturn -ENOSPC;\n\treturn 0;|' "$work/mm/populate_unit.c"
	rebuild_units
	run_check --baseline kapi.baseline mm/
	expect_eq "exit status with a new finding" "$rc" 1
	expect_match "the new finding" "$out" "^mm/populate_unit.c:[0-9]+:[0-9]+: warning: 'sys_prefault' can return -ENOSPC"
	expect_eq "only one warning" "$(grep -c ': warning: ' <<<"$out")" 1

	run_check --format=sarif --baseline kapi.baseline mm/
	expect_match "SARIF baseline suppression" "$out" '"justification": "listed in the baseline", "properties": \{"kapiSuppressedBy": "kapi.baseline"\}'

	printf 'kapi-check baseline 7\n' >"$work/future.baseline"
	run_check --baseline future.baseline mm/
	expect_eq "exit status, other version" "$rc" 2
	expect_match "version named" "$err" "future.baseline:1: baseline of version 7, but this kapi-check reads version 1"

	mkdir "$work/folder.baseline"
	run_check --baseline folder.baseline mm/
	expect_eq "exit status, folder" "$rc" 2
	expect_match "folder named" "$err" "^kapi-check: folder.baseline is a folder, not a baseline; name the file itself"

	run_check --baseline kapi.baseline --write-baseline other.baseline mm/
	expect_eq "exit status, both options" "$rc" 2
	expect_match "both options" "$err" "exclude each other"
}

case_relative_to() {
	local tree

	build_tree
	tree=$(cd "$work" && pwd -P)

	run_check mm/
	expect_match "paths as compiled" "$out" "^mm/populate_unit.c:"

	# Units compiled with absolute paths print them relative to the tree.
	rebuild_units "$tree"
	run_check mm/
	expect_match "absolute as compiled" "$out" "^$tree/mm/populate_unit.c:"
	run_check --relative-to . mm/
	expect_match "absolute made relative" "$out" "^mm/populate_unit.c:[0-9]+:[0-9]+: warning: "

	mkdir -p "$work/out"
	out=$(cd "$work/out" && "$KAPI_CHECK" --relative-to .. ../mm 2>/dev/null)
	expect_match "relative to the tree from a subfolder" "$out" "^mm/populate_unit.c:[0-9]+:[0-9]+: warning: "
	expect_match "notes relative too" "$out" "^mm/prefault_unit.c:[0-9]+:[0-9]+: note: through the call to 'populate_range' here"

	out=$(cd "$work" && "$KAPI_CHECK" --relative-to "$tree/mm" mm 2>/dev/null)
	expect_match "relative to a subfolder" "$out" "^populate_unit.c:[0-9]+:[0-9]+: warning: "

	run_check --relative-to "$work/no-such-folder" mm/
	expect_eq "exit status, missing folder" "$rc" 2
	expect_match "missing folder" "$err" "--relative-to .*no-such-folder: No such file or directory"
}

case_github_sarif() {
	local example=$KAPI_SRC/ci/examples/github/kapi-check.yml sarif

	need_validators
	build_tree
	run_example "$(example_command "$example" "kapi-check --format=sarif")"
	sarif=$(example_value "$example" sarif_file)
	[[ -s "$work/$sarif" ]] || fail "the example wrote no $sarif"

	# ajv-cli 3 reads data files through require(), which wants .json.
	cp "$work/$sarif" "$work/log.json"
	ajv validate --schema-id=id --errors=text \
		-s "$KAPI_NPM/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json" \
		-d "$work/log.json" || fail "$sarif is not valid SARIF 2.1.0"
	expect_match "in-source suppression kept" "$(<"$work/log.json")" '"kind": "inSource", "status": "accepted"'
	expect_match "relative URIs" "$(<"$work/log.json")" '"uri": "mm/populate_unit.c"'
}

case_github_matcher() {
	local example=$KAPI_SRC/ci/examples/github/kapi-check.yml
	local matcher=$KAPI_SRC/ci/examples/github/kapi-check-matcher.json
	local cmd got want

	command -v node >/dev/null || skip "node is not installed (ci/install-deps.sh installs it)"
	build_tree
	cmd=$(example_command "$example" "run: kapi-check --relative-to")
	(cd "$work" && PATH="$(dirname "$KAPI_CHECK"):$PATH" bash -c "$cmd" >text.log 2>/dev/null) ||
		fail "the example's command failed: $cmd"
	run_check --format=json --relative-to . mm/

	# What the runner would annotate: each line the matcher's regular
	# expression (a JavaScript one, as in the runner) matches.
	got=$(node -e '
		const fs = require("fs");
		const m = JSON.parse(fs.readFileSync(process.argv[1])).problemMatcher[0].pattern[0];
		const re = new RegExp(m.regexp);
		for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
			const g = re.exec(line);
			if (g)
				console.log([g[m.file], g[m.line], g[m.column], g[m.severity], g[m.code], g[m.message]].join("|"));
		}' "$matcher" "$work/text.log") || fail "node could not apply $matcher"
	want=$(node -e '
		const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
		for (const f of r.findings)
			console.log([f.file, f.line, f.column, f.severity, f.check, f.message].join("|"));' <<<"$out")
	expect_eq "annotations from the text log" "$got" "$want"
	expect_eq "two annotations" "$(wc -l <<<"$got")" 2
	expect_no_match "notes are not annotated" "$got" "\|note\|"
}

case_gitlab_codequality() {
	local example=$KAPI_SRC/ci/examples/gitlab/kapi-check.gitlab-ci.yml report

	need_validators
	build_tree
	run_example "$(example_command "$example" "kapi-check --format=gitlab")"
	report=$(example_value "$example" codequality)
	[[ -s "$work/$report" ]] || fail "the example wrote no $report"

	# The schema: the Code Climate issue type of codeclimate-types, with
	# the members GitLab requires (gitlab-report.ts), turned into JSON
	# Schema by ts-json-schema-generator.
	cp "$here/gitlab-report.ts" "$KAPI_NPM/gitlab-report.ts"
	(cd "$KAPI_NPM" && node_modules/.bin/ts-json-schema-generator \
		--path gitlab-report.ts --type GitLabCodeQualityReport \
		--no-type-check -o "$work/schema.json" >/dev/null) ||
		fail "ts-json-schema-generator failed"
	cp "$work/$report" "$work/report.json"
	ajv validate --errors=text -s "$work/schema.json" -d "$work/report.json" ||
		fail "$report is not a valid GitLab Code Quality report"
	expect_match "path relative to the tree" "$(<"$work/report.json")" '"location": \{"path": "mm/populate_unit.c", "lines": \{"begin": [0-9]+, "end": [0-9]+\}\}'

	# The validator does reject a report without a fingerprint.
	sed 's/"fingerprint": "[0-9a-f]*", //' "$work/report.json" >"$work/broken.json"
	! ajv validate -s "$work/schema.json" -d "$work/broken.json" >/dev/null 2>&1 ||
		fail "the schema accepts an issue without a fingerprint"
}

# Inputs without facts: the message names them and what they contain.
case_no_facts() {
	mkdir "$work/empty"
	printf '!<arch>\n' >"$work/empty.a"
	run_check empty.a empty
	expect_eq "exit status, empty archive and folder" "$rc" 2
	expect_match "empty inputs named" "$err" "^kapi-check: no kapi facts in 'empty.a', 'empty': they contain no object files \(an empty archive or folder\)"

	printf 'int f(void) { return 0; }\n' >"$work/plain.c"
	"$KAPI_GCC" -c "$work/plain.c" -o "$work/plain.o" ||
		fail "cannot compile plain.c"
	objcopy --add-section .discard.kapi_facts=/dev/null "$work/plain.o" "$work/section.o" ||
		fail "objcopy cannot add an empty facts section"
	run_check plain.o section.o
	expect_eq "exit status, empty facts section" "$rc" 2
	expect_match "empty section counted" "$err" "^kapi-check: no kapi facts in 'plain.o', 'section.o': read 1 object without a facts section and 1 empty facts section or file"
	expect_no_match "no count of zero objects" "$err" "0 objects without facts"
}

# Options after paths, "--" before a path that starts with '-', and the
# options of "kapi-check explain" before its syscall name.
case_options() {
	local before_out before_rc

	build_tree
	run_check --all --format=json mm/
	before_out=$out before_rc=$rc
	expect_eq "exit status with findings" "$before_rc" 1
	run_check mm/ --all --format=json
	expect_eq "options after the path: exit status" "$rc" "$before_rc"
	expect_eq "options after the path: output" "$out" "$before_out"
	run_check mm/ --format=json
	[[ "$out" != "$before_out" ]] ||
		fail "--all after the path changed nothing; the test cannot tell"

	cp -r "$work/mm" "$work/-mm"
	run_check --all --format=json -- -mm
	expect_eq "path after '--': exit status" "$rc" "$before_rc"
	expect_match "path after '--': findings" "$out" '"check": "kapi-errno-undeclared"'
	run_check --all -mm
	expect_eq "path with '-' without '--': exit status" "$rc" 2
	expect_match "path with '-' without '--': message" "$err" "unknown option '-mm'; put '--' before a path"

	run_check explain sys_prefault mm/
	before_out=$out
	expect_eq "explain: exit status" "$rc" 0
	expect_match "explain: errno table" "$out" '^sys_prefault'
	run_check explain --verbose sys_prefault mm/
	expect_eq "explain --verbose: exit status" "$rc" 0
	expect_eq "explain --verbose: output" "$out" "$before_out"
	expect_match "explain --verbose: what was read" "$err" 'units .* functions linked'
	run_check explain sys_prefault mm/ --verbose
	expect_eq "explain, --verbose last: output" "$out" "$before_out"
	run_check explain --all sys_prefault mm/
	expect_eq "explain --all: exit status" "$rc" 2
	expect_match "explain --all: message" "$err" "option '--all' does not apply to 'kapi-check explain'"
}

case_kcflags_mk() {
	local flags got

	flags=$("$KAPI_CHECK" kcflags) || fail "kapi-check kcflags failed"
	# print: KCFLAGS in the recipe's environment. nested: KCFLAGS of a
	# nested make, as the kernel's Makefile sees it when O= makes it run
	# itself again without kapi-check.mk.
	printf '%s\n' 'print:' $'\t@echo "$$KCFLAGS"' \
		'nested:' $'\t@$(MAKE) -s -f $(lastword $(MAKEFILE_LIST)) own' \
		'own:' $'\t@echo \'$(KCFLAGS)\'' >"$work/print.mk"

	got=$(env -u KCFLAGS make -s -f "$KAPI_SRC/ci/kapi-check.mk" -f "$work/print.mk" \
		KAPI_CHECK="$KAPI_CHECK" print) || fail "make with kapi-check.mk failed"
	expect_eq "KCFLAGS from kapi-check.mk" "$got" "$flags"

	got=$(KCFLAGS=-g make -s -f "$KAPI_SRC/ci/kapi-check.mk" -f "$work/print.mk" \
		KAPI_CHECK="$KAPI_CHECK" print) || fail "make with kapi-check.mk failed"
	expect_eq "KCFLAGS kept after the plugin" "$got" "$flags -g"

	# KCFLAGS on make's command line, which ordinary assignments in a
	# makefile cannot change.
	got=$(env -u KCFLAGS make -s -f "$KAPI_SRC/ci/kapi-check.mk" -f "$work/print.mk" \
		KAPI_CHECK="$KAPI_CHECK" KCFLAGS="-g -O1" print) ||
		fail "make with kapi-check.mk failed"
	expect_eq "command-line KCFLAGS after the plugin" "$got" "$flags -g -O1"
	got=$(env -u KCFLAGS make -s -f "$KAPI_SRC/ci/kapi-check.mk" -f "$work/print.mk" \
		KAPI_CHECK="$KAPI_CHECK" KCFLAGS="-g -O1" nested) ||
		fail "nested make with kapi-check.mk failed"
	expect_eq "command-line KCFLAGS in a nested make" "$got" "$flags -g -O1"
	got=$(env -u KCFLAGS make -s -f "$KAPI_SRC/ci/kapi-check.mk" -f "$work/print.mk" \
		KAPI_CHECK="$KAPI_CHECK" nested) ||
		fail "nested make with kapi-check.mk failed"
	expect_eq "KCFLAGS in a nested make" "$got" "$flags"

	got=$(make -s -f "$KAPI_SRC/ci/kapi-check.mk" -f "$work/print.mk" \
		KAPI_CHECK="$work/no-kapi-check" print 2>&1)
	expect_match "missing kapi-check" "$got" "kapi-check.mk: '.*no-kapi-check kcflags' printed nothing"
}

[[ -n "$case_name" ]] && declare -F "case_${case_name//-/_}" >/dev/null || {
	echo "usage: $0 CASE (a case_* function of this script)" >&2
	exit 2
}
"case_${case_name//-/_}"
echo "PASS ($case_name)"
