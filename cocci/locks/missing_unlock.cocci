// SPDX-License-Identifier: GPL-2.0-only
/// Find a lock that is still held when the function returns a negative
/// error code: mutex_lock(), down_read(), down_write(), spin_lock*() or
/// mmap_read_lock()/mmap_write_lock() and then, on some path, a
/// "return -E...;" with no release of the same lock before it.
///
/// False positives: a callee that releases the lock on the error path (the
/// rule sees only the releases written in the function), and functions
/// whose contract is to return with the lock held.
//
// Confidence: Moderate
// Comments: Acquires that can fail (trylock, _killable, _interruptible) are
//  not followed, because the rule cannot tell the failure branch, where the
//  lock is not held, from the others. Error returns through a goto label
//  ("err = -E...; goto out;") are not followed either.
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@locked depends on context || org || report exists@
expression lock;
identifier acquire =~ "^(mutex_lock(_nested)?|down_read|down_write|spin_lock(_irq|_bh|_irqsave)?|raw_spin_lock(_irq|_irqsave)?|mmap_read_lock|mmap_write_lock)$";
identifier release =~ "^(mutex_unlock|up_read|up_write|downgrade_write|spin_unlock(_irq|_bh|_irqrestore)?|raw_spin_unlock(_irq|_irqrestore)?|mmap_read_unlock|mmap_write_unlock|mmap_write_downgrade)$";
identifier code =~ "^E[A-Z0-9_]+$";
position p1, p2;
@@

acquire@p1(lock, ...);
... when != release(lock, ...)
return -code@p2;

@depends on context@
identifier locked.acquire, locked.code;
position locked.p1, locked.p2;
@@

(
* acquire@p1(...);
|
* return -code@p2;
)

@script:ocaml depends on report@
p1 << locked.p1;
p2 << locked.p2;
acquire << locked.acquire;
code << locked.code;
@@
let a = List.hd p1 and r = List.hd p2 in
Printf.printf "%s:%d:%d-%d: lock taken by %s() on line %d is still held at this return of -%s\n"
  r.Coccilib.file r.Coccilib.line r.Coccilib.col r.Coccilib.col_end
  acquire a.Coccilib.line code

@script:ocaml depends on org@
p1 << locked.p1;
p2 << locked.p2;
acquire << locked.acquire;
code << locked.code;
@@
Coccilib.print_main (Printf.sprintf "return of -%s with the lock held" code) p2;
Coccilib.print_secs (acquire ^ "()") p1
