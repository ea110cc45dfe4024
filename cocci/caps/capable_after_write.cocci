// SPDX-License-Identifier: GPL-2.0-only
/// Find a capability check that comes after a write to user memory on the
/// same path: copy_to_user(), put_user(), clear_user() or copy_to_iter()
/// and then "if (!capable(CAP_...))" (or ns_capable(), file_ns_capable(),
/// capable_wrt_inode_uidgid(), has_capability() and the like). A caller
/// without the capability gets -EPERM but has already received the data
/// that the check guards, so the check must come before the work.
///
/// False positives: a check that guards a later, different step than the
/// write before it. Over mm/ of Linux 6.12 the rule reports nothing.
//
// Confidence: Moderate
// Comments: Only denying checks ("!capable(...)") are matched, and only
//  when the check comes after the write in the source order, so that a
//  loop whose next round checks again is not reported.
//  Report mode prints GCC-style lines tagged [cocci-capable_after_write],
//  with the enclosing function quoted in the message, for
//  "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-capable_after_write], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-capable_after_write]\n" p.Coccilib.file
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

@late depends on context || org || report exists@
identifier write =~ "^(copy_to_user|__copy_to_user|_copy_to_user|put_user|__put_user|clear_user|__clear_user|copy_to_iter)$";
identifier check =~ "^(capable|ns_capable|ns_capable_noaudit|file_ns_capable|capable_wrt_inode_uidgid|has_capability|has_ns_capability|has_capability_noaudit|has_ns_capability_noaudit|sockopt_ns_capable)$";
expression cap;
position p1, p2;
@@

write@p1(...)
...
!check@p2(..., cap)

@script:ocaml later@
p1 << late.p1;
p2 << late.p2;
@@
let w = List.hd p1 and c = List.hd p2 in
if c.Coccilib.line <= w.Coccilib.line then Coccilib.include_match false

@depends on context@
identifier late.write, late.check;
position late.p1, late.p2;
@@

(
* write@p1(...)
|
* check@p2(...)
)

@script:ocaml depends on report@
p1 << late.p1;
p2 << late.p2;
write << late.write;
check << late.check;
cap << late.cap;
@@
let w = List.hd p1 and c = List.hd p2 in
emit "warning" c (Printf.sprintf "'%s' checks %s with %s() after writing to user memory"
  (function_of c) cap check);
emit "note" w (Printf.sprintf "%s() writes to user memory here" write)

@script:ocaml depends on org@
p1 << late.p1;
p2 << late.p2;
check << late.check;
write << late.write;
@@
Coccilib.print_main (check ^ "() after a write to user memory") p2;
Coccilib.print_secs (write ^ "()") p1
