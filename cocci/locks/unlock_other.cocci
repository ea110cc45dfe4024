// SPDX-License-Identifier: GPL-2.0-only
/// Find a release of another lock than the one taken: a function takes a
/// lock ("mutex_lock(&a->lock)") and, while it holds it, releases with the
/// same kind of primitive a lock that it never takes itself
/// ("mutex_unlock(&b->lock)"). Such a release usually names the wrong
/// object: the lock taken stays held and the other one is released
/// without being held, as when an unlock after an early break of a loop
/// used the entry before the locked one.
///
/// False positives: a function that releases a lock its caller took
/// (marked __releases()) while it holds one of its own, and hand-over-hand
/// locking whose locks the function names in different ways. Over mm/ of
/// Linux 6.12 the rule reports one, of the first kind:
/// migration_entry_wait_on_locked() in mm/filemap.c releases the page
/// table lock that its caller took, as its comment says.
//
// Confidence: Low
// Comments: Locks are compared as written, so "&mm->mmap_lock" and
//  "&current->mm->mmap_lock" are two locks. The kinds are the mutex, the
//  spinlock, the raw spinlock, the rw_semaphore and the mmap_lock
//  wrappers; a lock is never paired across kinds. A lock that a call
//  returns ("ptl = pmd_lock(mm, pmd)") or locks through an argument
//  ("pte_offset_map_lock(mm, pmd, addr, &ptl)") counts as taken: without
//  that, seventeen reports over mm/ were page table locks taken this way.
//  Report mode prints GCC-style lines tagged [cocci-unlock_other], with
//  the enclosing function quoted in the message, for "kapi-check merge".
// Options: --no-includes --include-headers

virtual report
virtual org
virtual context

@initialize:ocaml@
@@
(* Print a GCC-style line: FILE:LINE:COL: KIND: MESSAGE [cocci-unlock_other], the
   column counted from 1 as GCC does, so "kapi-check merge" reads it. *)
let emit kind (p : Coccilib.pos) msg =
  Printf.printf "%s:%d:%d: %s: %s [cocci-unlock_other]\n" p.Coccilib.file
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

(* The kind of lock that primitive NAME takes or releases, or "". *)
let kind_of name =
  let starts p = String.length name >= String.length p &&
                 String.sub name 0 (String.length p) = p in
  if starts "mutex_" then "mutex"
  else if starts "raw_spin_" then "raw_spinlock"
  else if starts "spin_" then "spinlock"
  else if starts "down_" || starts "up_" then "rw_semaphore"
  else if starts "mmap_" then "mmap_lock"
  else ""

(* EXPR as written in C, without the blanks that spatch puts between
   tokens: "& b -> lock" becomes "&b->lock". *)
let compact expr =
  let word c = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c = '_' in
  let n = String.length expr in
  let b = Buffer.create n in
  String.iteri (fun i c ->
    if c <> ' ' || (i > 0 && i < n - 1 && word expr.[i - 1] && word expr.[i + 1])
    then Buffer.add_char b c) expr;
  Buffer.contents b

(* The locks each function takes: (file, function, kind, lock) entries,
   with the kind "" for a lock obtained from a call. *)
let taken : (string * string * string * string, unit) Hashtbl.t =
  Hashtbl.create 101

@acquired depends on context || org || report@
identifier acquire =~ "^(mutex_lock(_nested|_killable|_interruptible|_io)?|mutex_trylock|spin_lock(_irq|_bh|_irqsave|_nested)?|spin_trylock(_irq|_bh|_irqsave)?|raw_spin_lock(_irq|_irqsave)?|raw_spin_trylock|down_(read|write)(_killable|_interruptible|_trylock|_nested)?|mmap_(read|write)_lock(_killable|_nested)?|mmap_(read|write)_trylock)$";
expression lock;
position p;
@@

acquire@p(lock, ...)

@script:ocaml@
p << acquired.p;
acquire << acquired.acquire;
lock << acquired.lock;
@@
let r = List.hd p in
Hashtbl.replace taken (r.Coccilib.file, function_of r, kind_of acquire, lock) ()

// Locks obtained from a call count as taken: a lock returned locked
// ("ptl = pmd_lock(mm, pmd)") or locked through an argument
// ("pte_offset_map_lock(mm, pmd, addr, &ptl)").
@obtained depends on context || org || report@
expression lock;
identifier f;
position p;
@@

(
lock = f@p(...)
|
f@p(..., &lock, ...)
)

@script:ocaml@
p << obtained.p;
lock << obtained.lock;
@@
let r = List.hd p in
Hashtbl.replace taken (r.Coccilib.file, function_of r, "", lock) ()

@other depends on context || org || report exists@
identifier acquire =~ "^(mutex_lock(_nested|_io)?|spin_lock(_irq|_bh|_irqsave|_nested)?|raw_spin_lock(_irq|_irqsave)?|down_(read|write)(_nested)?|mmap_(read|write)_lock)$";
identifier release =~ "^(mutex_unlock|spin_unlock(_irq|_bh|_irqrestore)?|raw_spin_unlock(_irq|_irqrestore)?|up_read|up_write|mmap_(read|write)_unlock)$";
expression lock, wrong;
position p1, p2;
@@

acquire@p1(lock, ...);
... when != release(lock, ...)
release@p2(wrong, ...)

@script:ocaml never_taken@
p2 << other.p2;
acquire << other.acquire;
release << other.release;
lock << other.lock;
wrong << other.wrong;
@@
let r = List.hd p2 in
let kind = kind_of release in
if lock = wrong || kind <> kind_of acquire ||
   Hashtbl.mem taken (r.Coccilib.file, function_of r, kind, wrong) ||
   Hashtbl.mem taken (r.Coccilib.file, function_of r, "", wrong) then
  Coccilib.include_match false

@depends on context@
identifier other.acquire, other.release;
position other.p1, other.p2;
@@

(
* acquire@p1(...)
|
* release@p2(...)
)

@script:ocaml depends on report@
p1 << other.p1;
p2 << other.p2;
acquire << other.acquire;
release << other.release;
lock << other.lock;
wrong << other.wrong;
@@
let a = List.hd p1 and r = List.hd p2 in
emit "warning" r (Printf.sprintf "'%s' releases '%s' with %s(), which it never takes, while '%s' is held"
  (function_of r) (compact wrong) release (compact lock));
emit "note" a (Printf.sprintf "'%s' is taken here by %s()" (compact lock) acquire)

@script:ocaml depends on org@
p1 << other.p1;
p2 << other.p2;
release << other.release;
acquire << other.acquire;
@@
Coccilib.print_main (release ^ "() of a lock not taken here") p2;
Coccilib.print_secs (acquire ^ "()") p1
