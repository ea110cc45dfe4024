// SPDX-License-Identifier: GPL-2.0-only
/// Find an error code that is overwritten before anyone reads it: a
/// branch leaves a loop or jumps to a label because ERR holds an error
/// ("if (err) break;", "if (err < 0) goto out;"), and on that path ERR is
/// assigned a constant error code ("err = -ENOMEM;") before it is read.
/// The caller then gets the later code instead of the real failure, as
/// when a gap check after a loop of steps replaced the step's -EACCES by
/// -ENOMEM.
///
/// False positives: code that replaces the error on purpose without
/// reading it first. Over mm/ of Linux 6.12 the rule reports one place,
/// twice (from two gotos): shmem_swapin_folio() in mm/shmem.c turns any
/// error into -EEXIST at its "failed:" label when the swap entry changed
/// meanwhile, so that its caller looks the entry up again.
//
// Confidence: Moderate
// Comments: Only a later assignment in the source order is reported, so
//  that a retry label that resets the error ("retry: err = -EAGAIN;") is
//  not. Any use of ERR on the way, a test included, ends the path.
//  Report mode prints GCC-style lines tagged [cocci-errno_overwritten],
//  with the enclosing function quoted in the message, for
//  "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-errno_overwritten], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-errno_overwritten]\n" p.Coccilib.file
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

(* Report ERR tested at A and overwritten with -CODE at R. *)
let report_overwrite a r err code =
  emit "warning" r (Printf.sprintf "'%s' overwrites the error in '%s' with -%s before it is read"
    (function_of r) err code);
  emit "note" a (Printf.sprintf "'%s' holds an error on the branch taken here" err)

// The break of a loop: the path that breaks reaches the code after it.
@after_break depends on context || org || report exists@
identifier err;
iterator name I;
identifier code =~ "^E[A-Z0-9_]+$";
position p1, p2;
@@

(
for (...;...;...) {
  <+... if (\(err@p1\|err@p1 < 0\|err@p1 != 0\)) break; ...+>
}
|
while (...) {
  <+... if (\(err@p1\|err@p1 < 0\|err@p1 != 0\)) break; ...+>
}
|
I(...) {
  <+... if (\(err@p1\|err@p1 < 0\|err@p1 != 0\)) break; ...+>
}
)
... when != err
err@p2 = -code;

// A goto: the pattern goes on from the goto statement itself, so that
// only the jump is followed, not the path that skips it.
@goto_test depends on context || org || report@
identifier err, l;
position p1, p3;
@@

if (\(err@p1\|err@p1 < 0\|err@p1 != 0\)) goto@p3 l;

@after_goto exists@
identifier goto_test.err, l;
identifier code =~ "^E[A-Z0-9_]+$";
position goto_test.p3, p2;
@@

goto@p3 l;
... when != err
err@p2 = -code;

@script:ocaml later@
p1 << goto_test.p1;
p2 << after_goto.p2;
@@
let a = List.hd p1 and r = List.hd p2 in
if r.Coccilib.line <= a.Coccilib.line then Coccilib.include_match false

@depends on context@
identifier err;
position p = {after_break.p1, after_break.p2, goto_test.p1, after_goto.p2};
@@

* err@p

@script:ocaml depends on report@
p1 << after_break.p1;
p2 << after_break.p2;
err << after_break.err;
code << after_break.code;
@@
report_overwrite (List.hd p1) (List.hd p2) err code

@script:ocaml depends on report@
p1 << goto_test.p1;
p2 << after_goto.p2;
err << goto_test.err;
code << after_goto.code;
@@
report_overwrite (List.hd p1) (List.hd p2) err code

@script:ocaml depends on org@
p1 << after_break.p1;
p2 << after_break.p2;
code << after_break.code;
@@
Coccilib.print_main ("error overwritten by -" ^ code) p2;
Coccilib.print_secs "error tested" p1

@script:ocaml depends on org@
p1 << goto_test.p1;
p2 << after_goto.p2;
code << after_goto.code;
@@
Coccilib.print_main ("error overwritten by -" ^ code) p2;
Coccilib.print_secs "error tested" p1
