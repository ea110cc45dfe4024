// SPDX-License-Identifier: GPL-2.0-only
/// Find a lock that is still held when the function returns a negative
/// error code: mutex_lock(), down_read(), down_write(), spin_lock*(),
/// mmap_read_lock()/mmap_write_lock() or one of their _killable and
/// _interruptible forms tested in an if, and then, on some path, a
/// "return -E...;" with no release of the same lock before it.
///
/// False positives: a callee that releases the lock on the error path (the
/// rule sees only the releases written in the function). Over mm/ of
/// Linux 6.12 the rule reports two, both of that kind: region_add() and
/// region_chg() of mm/hugetlb.c return -ENOMEM when
/// allocate_file_region_entries() fails, and that callee has dropped
/// resv->lock on its failure path without taking it again.
//
// Confidence: Moderate
// Comments: A killable or interruptible acquire is followed only when it
//  is tested in an if ("if (mutex_lock_killable(m)) return -EINTR;"),
//  because only then the rule can tell its failure branch, where the lock
//  is not held, from the path that goes on. Trylocks are not followed.
//  Error returns through a goto label ("err = -E...; goto out;") are not
//  followed either. Three shapes are taken as the function's contract and
//  not reported, because they made all fifteen other reports over mm/:
//  an acquire after a release of the same lock earlier in the source (the
//  lock was held on entry, as in demote_pool_huge_page()), a function that
//  never releases the lock itself (it takes it for its caller, as
//  fixup_user_fault() and madvise_populate() do after a callee dropped
//  it), and a path through "if (E) release(lock);" or "if (E) {
//  release(lock); flag = 0; }" (a release that a flag records, as GUP's
//  "locked" argument does). A missing release that hides in one of these
//  shapes is missed.
//  Report mode prints GCC-style lines tagged [cocci-missing_unlock], with the
//  enclosing function quoted in the message, for "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-missing_unlock], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-missing_unlock]\n" p.Coccilib.file
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

(* The locks that each function releases: (file, function, lock) entries. *)
let releases : (string * string * string, unit) Hashtbl.t = Hashtbl.create 101

// A lock taken again after a release in the same function was held on
// entry: returning with it held is the function's contract.
@reacquired depends on context || org || report exists@
expression lock;
identifier acquire =~ "^(mutex_lock(_nested)?|down_read|down_write|spin_lock(_irq|_bh|_irqsave)?|raw_spin_lock(_irq|_irqsave)?|mmap_read_lock|mmap_write_lock)$";
identifier release =~ "^(mutex_unlock|up_read|up_write|downgrade_write|spin_unlock(_irq|_bh|_irqrestore)?|raw_spin_unlock(_irq|_irqrestore)?|mmap_read_unlock|mmap_write_unlock|mmap_write_downgrade)$";
position p, pr;
@@

release@pr(lock, ...);
... when != acquire(lock, ...)
acquire@p(lock, ...);

// A release after the acquire in the source is the previous round of a
// loop, not a lock held on entry.
@script:ocaml@
p << reacquired.p;
pr << reacquired.pr;
@@
if (List.hd pr).Coccilib.line >= (List.hd p).Coccilib.line then
  Coccilib.include_match false

@locked depends on context || org || report exists@
expression lock, E, E1, E2;
statement S;
identifier acquire =~ "^(mutex_lock(_nested)?|down_read|down_write|spin_lock(_irq|_bh|_irqsave)?|raw_spin_lock(_irq|_irqsave)?|mmap_read_lock|mmap_write_lock)$";
identifier tested =~ "^(mutex_lock_(killable|interruptible)(_nested)?|down_(read|write)_(killable|interruptible)|mmap_(read|write)_lock_killable)$";
identifier release =~ "^(mutex_unlock|up_read|up_write|downgrade_write|spin_unlock(_irq|_bh|_irqrestore)?|raw_spin_unlock(_irq|_irqrestore)?|mmap_read_unlock|mmap_write_unlock|mmap_write_downgrade)$";
identifier code =~ "^E[A-Z0-9_]+$";
position p1 != reacquired.p, p2;
@@

(
acquire@p1(lock, ...);
|
if (\(tested@p1(lock, ...)\|tested@p1(lock, ...) != 0\|tested@p1(lock, ...) < 0\)) S
)
... when != release(lock, ...)
    when != if (E) release(lock, ...);
    when != if (E) { release(lock, ...); E1 = E2; }
return -code@p2;

// The locks each function releases somewhere, by file, function and lock.
@released depends on context || org || report@
expression lock;
identifier release =~ "^(mutex_unlock|up_read|up_write|downgrade_write|spin_unlock(_irq|_bh|_irqrestore)?|raw_spin_unlock(_irq|_irqrestore)?|mmap_read_unlock|mmap_write_unlock|mmap_write_downgrade)$";
position p;
@@

release@p(lock, ...)

@script:ocaml@
p << released.p;
lock << released.lock;
@@
let r = List.hd p in
Hashtbl.replace releases (r.Coccilib.file, function_of r, lock) ()

// A function that never releases the lock itself takes it for its caller
// (it may take it again after a callee dropped it), so returning with it
// held is its contract.
@script:ocaml@
p1 << locked.p1;
lock << locked.lock;
@@
let r = List.hd p1 in
if not (Hashtbl.mem releases (r.Coccilib.file, function_of r, lock)) then
  Coccilib.include_match false

@depends on context@
position locked.p1;
identifier f;
@@

* f@p1(...)

@depends on context@
position locked.p2;
identifier locked.code;
@@

* return -code@p2;

@script:ocaml depends on report@
p1 << locked.p1;
p2 << locked.p2;
code << locked.code;
@@
let a = List.hd p1 and r = List.hd p2 in
emit "warning" r (Printf.sprintf "'%s' returns -%s with a lock still held"
  (function_of r) code);
emit "note" a "the lock is taken here"

@script:ocaml depends on org@
p1 << locked.p1;
p2 << locked.p2;
code << locked.code;
@@
Coccilib.print_main (Printf.sprintf "return of -%s with the lock held" code) p2;
Coccilib.print_secs "lock taken" p1
