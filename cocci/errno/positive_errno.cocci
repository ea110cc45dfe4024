// SPDX-License-Identifier: GPL-2.0-only
/// Find a positive error code returned ("return EINVAL;") by a function
/// that returns negative codes ("return -ENOMEM;") elsewhere. The caller
/// tests for a negative value, so the positive code reads as success.
///
/// False positives: a function that returns a positive code on purpose
/// beside negative ones, and an identifier that starts with E but is no
/// error code. Over mm/ of Linux 6.12 the rule reports nothing.
//
// Confidence: Moderate
// Comments: Error codes are recognised by name only (E followed by capital
//  letters, digits or underscores), because the rule runs without includes.
//  Report mode prints GCC-style lines tagged [cocci-positive_errno], with the
//  enclosing function quoted in the message, for "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-positive_errno], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-positive_errno]\n" p.Coccilib.file
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

(* The functions of each file that return a negative code somewhere. *)
let negative_functions : (string * string, unit) Hashtbl.t = Hashtbl.create 101

// The functions with a negative return, recorded by file and name. A
// plain statement match: a <+... ...+> over each function body took
// minutes on the large functions of mm/mmap.c.
@negative depends on context || org || report@
identifier code =~ "^E[A-Z0-9_]+$";
position p;
@@

return -code@p;

@script:ocaml@
p << negative.p;
@@
let r = List.hd p in
Hashtbl.replace negative_functions (r.Coccilib.file, function_of r) ()

@positive depends on context || org || report@
identifier code =~ "^E[A-Z0-9_]+$";
position p;
@@

return code@p;

@script:ocaml mixed@
p << positive.p;
@@
let r = List.hd p in
if not (Hashtbl.mem negative_functions (r.Coccilib.file, function_of r)) then
  Coccilib.include_match false

@depends on context@
identifier positive.code;
position positive.p;
@@

* code@p

@script:ocaml depends on report@
p << positive.p;
code << positive.code;
@@
let r = List.hd p in
emit "warning" r (Printf.sprintf "'%s' returns the positive error code %s here and negative codes elsewhere"
  (function_of r) code)

@script:ocaml depends on org@
p << positive.p;
code << positive.code;
@@
Coccilib.print_main ("positive " ^ code) p
