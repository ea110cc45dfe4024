// SPDX-License-Identifier: GPL-2.0-only
/// Find the failure branch of a killable or interruptible acquire that
/// returns an error code other than -EINTR or a restart code
/// (-ERESTARTSYS, -ERESTARTNOINTR, -ERESTARTNOHAND,
/// -ERESTART_RESTARTBLOCK). Such an acquire fails only when a signal
/// arrives, so another code misreports the signal to user space.
///
/// False positives: an interface that documents another code for an
/// interrupted wait, for example -EAGAIN for a non-blocking retry.
//
// Confidence: Moderate
// Comments: Only "if (acquire(...))" and "ret = acquire(...); if (ret)"
//  with a constant code returned inside the branch are matched.
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@branch depends on context || org || report exists@
identifier acquire =~ "^(mutex_lock_(killable|interruptible)(_nested)?|down_(read|write)_(killable|interruptible)|down_(killable|interruptible)|mmap_(read|write)_lock_killable|wait_for_completion_(killable|interruptible)(_timeout)?)$";
identifier code =~ "^E[A-Z0-9_]+$";
expression ret;
position p1, p2;
@@

(
if (\(acquire@p1(...)\|acquire@p1(...) != 0\|acquire@p1(...) < 0\)) {
  ...
  return -code@p2;
}
|
ret = acquire@p1(...);
if (\(ret\|ret != 0\|ret < 0\)) {
  ...
  return -code@p2;
}
)

@script:ocaml allowed@
code << branch.code;
@@
if List.mem code ["EINTR"; "ERESTARTSYS"; "ERESTARTNOINTR"; "ERESTARTNOHAND"; "ERESTART_RESTARTBLOCK"] then
  Coccilib.include_match false

@depends on context@
identifier branch.acquire, branch.code;
position branch.p1, branch.p2;
@@

(
* acquire@p1(...)
|
* -code@p2
)

@script:ocaml depends on report@
p1 << branch.p1;
p2 << branch.p2;
acquire << branch.acquire;
code << branch.code;
@@
let a = List.hd p1 and r = List.hd p2 in
Printf.printf "%s:%d:%d-%d: failure of %s() on line %d returns -%s, not -EINTR or a restart code\n"
  r.Coccilib.file r.Coccilib.line r.Coccilib.col r.Coccilib.col_end acquire a.Coccilib.line code

@script:ocaml depends on org@
p1 << branch.p1;
p2 << branch.p2;
acquire << branch.acquire;
code << branch.code;
@@
Coccilib.print_main ("-" ^ code ^ " after a failed " ^ acquire ^ "()") p2;
Coccilib.print_secs (acquire ^ "()") p1
