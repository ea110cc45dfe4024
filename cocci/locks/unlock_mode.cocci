// SPDX-License-Identifier: GPL-2.0-only
/// Find a reader-writer lock released in another mode than it was taken:
/// down_read() then up_write(), down_write() then up_read(), and the same
/// for the mmap_lock wrappers (mmap_read_lock() then mmap_write_unlock(),
/// mmap_write_lock() then mmap_read_unlock()). A write lock downgraded on
/// the path (downgrade_write(), mmap_write_downgrade()) and then released
/// with up_read() or mmap_read_unlock() is correct and not reported.
///
/// False positives: a path the code cannot take, for example two
/// conditions that are never true together. Over mm/ of Linux 6.12 the
/// rule reports two, both of that kind: do_madvise() in mm/madvise.c takes
/// mmap_lock in write or read mode on "if (write)" and releases it on the
/// same test, and the rule also follows the mixed paths.
//
// Confidence: High
// Comments: The lock must be written the same way at the acquire and at
//  the release; "down_read(&mm->mmap_lock)" and "mmap_write_unlock(mm)"
//  are not paired.
//  Report mode prints GCC-style lines tagged [cocci-unlock_mode], with the
//  enclosing function quoted in the message, for "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-unlock_mode], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-unlock_mode]\n" p.Coccilib.file
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

@read_then_write depends on context || org || report exists@
expression lock, ret;
statement S;
identifier acquire =~ "^(down_read(_killable|_interruptible|_trylock)?|mmap_read_lock(_killable)?|mmap_read_trylock)$";
identifier release =~ "^(up_read|up_write|downgrade_write|mmap_read_unlock|mmap_write_unlock|mmap_write_downgrade)$";
identifier wrong =~ "^(up_write|mmap_write_unlock)$";
position p1, p2;
@@

(
acquire@p1(lock);
|
if (acquire@p1(lock)) S
|
if (!acquire@p1(lock)) S
|
ret = acquire@p1(lock);
)
... when != release(lock)
wrong@p2(lock);

@depends on context@
identifier read_then_write.acquire, read_then_write.wrong;
position read_then_write.p1, read_then_write.p2;
@@

(
* acquire@p1(...)
|
* wrong@p2(...)
)

@script:ocaml depends on report@
p1 << read_then_write.p1;
p2 << read_then_write.p2;
acquire << read_then_write.acquire;
wrong << read_then_write.wrong;
@@
let a = List.hd p1 and r = List.hd p2 in
emit "warning" r (Printf.sprintf "'%s' releases with %s() in write mode a lock taken in read mode"
  (function_of r) wrong);
emit "note" a (Printf.sprintf "the lock is taken in read mode here by %s()" acquire)

@script:ocaml depends on org@
p1 << read_then_write.p1;
p2 << read_then_write.p2;
wrong << read_then_write.wrong;
acquire << read_then_write.acquire;
@@
Coccilib.print_main (wrong ^ "() releases in write mode") p2;
Coccilib.print_secs (acquire ^ "()") p1

@write_then_read depends on context || org || report exists@
expression lock, ret;
statement S;
identifier acquire =~ "^(down_write(_killable|_trylock)?|mmap_write_lock(_killable)?|mmap_write_trylock)$";
identifier release =~ "^(up_read|up_write|downgrade_write|mmap_read_unlock|mmap_write_unlock|mmap_write_downgrade)$";
identifier wrong =~ "^(up_read|mmap_read_unlock)$";
position p1, p2;
@@

(
acquire@p1(lock);
|
if (acquire@p1(lock)) S
|
if (!acquire@p1(lock)) S
|
ret = acquire@p1(lock);
)
... when != release(lock)
wrong@p2(lock);

@depends on context@
identifier write_then_read.acquire, write_then_read.wrong;
position write_then_read.p1, write_then_read.p2;
@@

(
* acquire@p1(...)
|
* wrong@p2(...)
)

@script:ocaml depends on report@
p1 << write_then_read.p1;
p2 << write_then_read.p2;
acquire << write_then_read.acquire;
wrong << write_then_read.wrong;
@@
let a = List.hd p1 and r = List.hd p2 in
emit "warning" r (Printf.sprintf "'%s' releases with %s() in read mode a lock taken in write mode"
  (function_of r) wrong);
emit "note" a (Printf.sprintf "the lock is taken in write mode here by %s()" acquire)

@script:ocaml depends on org@
p1 << write_then_read.p1;
p2 << write_then_read.p2;
wrong << write_then_read.wrong;
acquire << write_then_read.acquire;
@@
Coccilib.print_main (wrong ^ "() releases in read mode") p2;
Coccilib.print_secs (acquire ^ "()") p1
