// SPDX-License-Identifier: GPL-2.0-only
/// Find a failure branch that jumps to the function's exit while the
/// error variable still holds 0: ERR is set to 0, an allocation fails
/// ("if (!p) goto out;") or a call returns an error pointer
/// ("if (IS_ERR(p)) goto out;"), and the path from that goto returns ERR
/// without setting it. The caller then sees success for a failure, as
/// munmap once did when storing into a maple tree failed.
///
/// False positives: a function that succeeds on purpose when an optional
/// allocation fails. Over mm/ of Linux 6.12 the rule reports nothing.
//
// Confidence: Moderate
// Comments: Allocations are recognised by name (kmalloc(), kzalloc(),
//  kvmalloc(), vmalloc(), kmem_cache_alloc(), kstrdup(), alloc_pages(),
//  folio_alloc() and their variants). The error pointer case accepts any
//  call. Any use of ERR on the way ends the path.
//  Report mode prints GCC-style lines tagged [cocci-errno_unset], with the
//  enclosing function quoted in the message, for "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-errno_unset], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-errno_unset]\n" p.Coccilib.file
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

@unset depends on context || org || report exists@
identifier err, l, f;
expression x;
type T;
identifier alloc =~ "^(kmalloc|kzalloc|kcalloc|kmalloc_array|kvmalloc|kvzalloc|kvcalloc|kvmalloc_array|vmalloc|vzalloc|kmem_cache_alloc|kmem_cache_zalloc|kstrdup|kstrndup|kmemdup|alloc_page|alloc_pages|folio_alloc)$";
position p1, p2, p3;
@@

(
T err@p1 = 0;
|
err@p1 = 0;
)
... when != err
(
x = alloc(...);
... when != err
if (\(!x@p2\|x@p2 == NULL\)) goto@p3 l;
|
x = f(...);
... when != err
if (IS_ERR(x@p2)) goto@p3 l;
)

// Go on from the goto itself, so that only the jump is followed.
@returned exists@
identifier unset.err, l;
position unset.p3, p4;
@@

goto@p3 l;
... when != err
return err@p4;

@depends on context@
identifier unset.err;
expression unset.x;
position unset.p2, returned.p4;
@@

(
* x@p2
|
* err@p4
)

@script:ocaml depends on report@
p2 << unset.p2;
p4 << returned.p4;
err << unset.err;
@@
let t = List.hd p2 and r = List.hd p4 in
emit "warning" t (Printf.sprintf "'%s' jumps to its exit on this failure with '%s' still 0"
  (function_of t) err);
emit "note" r (Printf.sprintf "'%s' is returned here" err)

@script:ocaml depends on org@
p2 << unset.p2;
p4 << returned.p4;
@@
Coccilib.print_main "failure with the error still 0" p2;
Coccilib.print_secs "returned" p4
