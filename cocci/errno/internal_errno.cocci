// SPDX-License-Identifier: GPL-2.0-only
/// Find a kernel-internal error code returned or assigned in the body of a
/// SYSCALL_DEFINEn: ENOIOCTLCMD, EPROBE_DEFER, EOPENSTALE, ENOPARAM, the
/// NFS codes from EBADHANDLE to ENOGRACE (ENOTSUPP among them) and
/// EIOCBQUEUED. These codes are 512 and up and mean nothing to user space.
/// The restart codes (ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND,
/// ERESTART_RESTARTBLOCK) are not reported, because the signal code turns
/// them into EINTR or a restart before the syscall returns.
///
/// False positives: an assignment that a later statement of the body
/// overwrites before the return. Over mm/ of Linux 6.12 the rule reports nothing.
//
// Confidence: High
// Comments: Only the body of the syscall itself is searched; an internal
//  code returned by a callee and passed through is not found.
//  Report mode prints GCC-style lines tagged [cocci-internal_errno], with the
//  enclosing function quoted in the message, for "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-internal_errno], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-internal_errno]\n" p.Coccilib.file
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

@initialize:ocaml@
@@
(* Tell whether line LINE of FILE starts with SYSCALL_DEFINE, that is,
   whether the function named there is a syscall. spatch expands the macro
   through its standard.h, so only the source text shows it. *)
let syscall_line_p file line =
  let ic = open_in file in
  let rec nth n =
    let text = input_line ic in
    if n = line then text else nth (n + 1)
  in
  let text = try nth 1 with End_of_file -> "" in
  close_in ic;
  String.length text >= 14 && String.sub text 0 14 = "SYSCALL_DEFINE"

@internal depends on context || org || report@
identifier f;
identifier code =~ "^(ENOIOCTLCMD|EPROBE_DEFER|EOPENSTALE|ENOPARAM|EBADHANDLE|ENOTSYNC|EBADCOOKIE|ENOTSUPP|ETOOSMALL|ESERVERFAULT|EBADTYPE|EJUKEBOX|EIOCBQUEUED|ERECALLCONFLICT|ENOGRACE)$";
expression e;
position pf, p;
@@

f@pf(...) {
<+...
(
return -code@p;
|
e = -code@p
)
...+>
}

@script:ocaml syscall@
pf << internal.pf;
@@
let f = List.hd pf in
if not (syscall_line_p f.Coccilib.file f.Coccilib.line) then
  Coccilib.include_match false

@depends on context@
identifier internal.code;
position internal.p;
@@

* -code@p

@script:ocaml depends on report@
p << internal.p;
code << internal.code;
@@
let r = List.hd p in
emit "warning" r (Printf.sprintf "kernel-internal error code -%s can reach the return of syscall '%s'"
  code (function_of r))

@script:ocaml depends on org@
p << internal.p;
code << internal.code;
@@
Coccilib.print_main ("kernel-internal -" ^ code) p
