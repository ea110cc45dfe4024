// SPDX-License-Identifier: GPL-2.0-only
/// Find a positive error code returned ("return EINVAL;") by a function
/// that returns negative codes ("return -ENOMEM;") elsewhere. The caller
/// tests for a negative value, so the positive code reads as success.
///
/// False positives: a function that returns a positive code on purpose
/// beside negative ones, and an identifier that starts with E but is no
/// error code.
//
// Confidence: Moderate
// Comments: Error codes are recognised by name only (E followed by capital
//  letters, digits or underscores), because the rule runs without includes.
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@negative depends on context || org || report@
identifier f;
identifier code =~ "^E[A-Z0-9_]+$";
@@

f(...) {
<+...
return -code;
...+>
}

@positive@
identifier negative.f;
identifier code =~ "^E[A-Z0-9_]+$";
position p;
@@

f(...) {
<+...
return code@p;
...+>
}

@depends on context@
identifier positive.code;
position positive.p;
@@

* code@p

@script:ocaml depends on report@
p << positive.p;
code << positive.code;
f << negative.f;
@@
let r = List.hd p in
Printf.printf "%s:%d:%d-%d: %s() returns the positive error code %s here and negative codes elsewhere\n"
  r.Coccilib.file r.Coccilib.line r.Coccilib.col r.Coccilib.col_end f code

@script:ocaml depends on org@
p << positive.p;
code << positive.code;
@@
Coccilib.print_main ("positive " ^ code) p
