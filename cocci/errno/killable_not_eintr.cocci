// SPDX-License-Identifier: GPL-2.0-only
/// Find the failure branch of a killable or interruptible acquire that
/// returns an error code other than -EINTR or a restart code
/// (-ERESTARTSYS, -ERESTARTNOINTR, -ERESTARTNOHAND,
/// -ERESTART_RESTARTBLOCK). Such an acquire fails only when a signal
/// arrives, so another code misreports the signal to user space.
///
/// False positives: an interface that documents another code for an
/// interrupted wait, for example -EAGAIN for a non-blocking retry, and a
/// killable wait whose code never reaches user space because the task is
/// being killed. Over mm/ of Linux 6.12 the rule reports two, both in
/// __get_user_pages_locked() of mm/gup.c (the MMU and the no-MMU
/// version): -EAGAIN when mmap_read_lock_killable() fails. Only a fatal
/// signal makes it fail, and that signal ends the task before the code
/// could reach its user space.
//
// Confidence: Moderate
// Comments: Only "if (acquire(...))" and "ret = acquire(...); if (ret)"
//  with a constant code returned inside the branch are matched.
//  Report mode prints GCC-style lines tagged [cocci-killable_not_eintr], with the
//  enclosing function quoted in the message, for "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-killable_not_eintr], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-killable_not_eintr]\n" p.Coccilib.file
    p.Coccilib.line (p.Coccilib.col + 1) kind msg

(* The name of the function around P. spatch names a SYSCALL_DEFINE0 body
   after the macro, so that name is read from the source line instead. *)
let function_of (p : Coccilib.pos) =
  let name = p.Coccilib.current_element in
  if name <> "SYSCALL_DEFINE0" then name
  else begin
    let ic = open_in p.Coccilib.file in
    let rec nth n =
      let text = input_line ic in
      if n = p.Coccilib.current_element_line then text else nth (n + 1) in
    let text = try nth 1 with End_of_file -> "" in
    close_in ic;
    try
      let a = String.index text '(' and b = String.index text ')' in
      String.sub text (a + 1) (b - a - 1)
    with Not_found -> name
  end

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
emit "warning" r (Printf.sprintf "'%s' returns -%s when %s() fails, not -EINTR or a restart code"
  (function_of r) code acquire);
emit "note" a (Printf.sprintf "%s() can fail here only on a signal" acquire)

@script:ocaml depends on org@
p1 << branch.p1;
p2 << branch.p2;
acquire << branch.acquire;
code << branch.code;
@@
Coccilib.print_main ("-" ^ code ^ " after a failed " ^ acquire ^ "()") p2;
Coccilib.print_secs (acquire ^ "()") p1
