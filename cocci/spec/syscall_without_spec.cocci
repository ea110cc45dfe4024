// SPDX-License-Identifier: GPL-2.0-only
/// Find a SYSCALL_DEFINEn in a file that defines KAPI specs
/// (DEFINE_KERNEL_API_SPEC) but none for this syscall. Once a file
/// carries specs, a syscall without one is usually forgotten, and its
/// errors, locks and capabilities go unchecked.
///
/// False positives: a syscall whose spec lives in another file, and a
/// syscall left without a spec on purpose (a deprecated alias). Over mm/
/// of Linux 6.12 with the RFC v2 sys_mlock spec inserted into mm/mlock.c
/// the rule reports the four other syscalls of that file (mlock2, munlock,
/// mlockall, munlockall), which indeed have no spec there.
//
// Confidence: High
// Comments: The spec must be named sys_NAME for SYSCALL_DEFINEn(NAME, ...),
//  as the framework's own specs are. The file is read as text, so a spec
//  inside "#if 0" still counts. COMPAT_SYSCALL_DEFINE is not looked at.
//  Report mode prints GCC-style lines tagged [cocci-syscall_without_spec],
//  with the syscall quoted as 'sys_NAME', for "kapi-check merge". There is no
//  context mode: spatch expands SYSCALL_DEFINEn, and a token of the
//  expansion cannot be marked.
// Options: --no-includes --include-headers

virtual report
virtual org

@initialize:ocaml@
@@
(* The lines of FILE, read once per file. *)
let lines_cache = Hashtbl.create 7

let file_lines file =
  try Hashtbl.find lines_cache file
  with Not_found ->
    let ic = open_in file in
    let rec read acc =
      match input_line ic with
      | line -> read (line :: acc)
      | exception End_of_file -> List.rev acc in
    let lines = Array.of_list (read []) in
    close_in ic;
    Hashtbl.add lines_cache file lines;
    lines

let starts_with prefix s =
  String.length s >= String.length prefix &&
  String.sub s 0 (String.length prefix) = prefix

(* The syscall name of a "SYSCALL_DEFINEn(NAME, ...)" line, if it is one. *)
let syscall_name line =
  if not (starts_with "SYSCALL_DEFINE" line) then None
  else
    try
      let a = String.index line '(' + 1 in
      let rec stop i =
        if i >= String.length line then i
        else match line.[i] with ',' | ')' | ' ' -> i | _ -> stop (i + 1) in
      let b = stop a in
      if b > a then Some (String.sub line a (b - a)) else None
    with Not_found -> None

(* The 1-based number of the first line of LINES that starts with PREFIX. *)
let find_line prefix lines =
  let rec find i =
    if i >= Array.length lines then None
    else if starts_with prefix lines.(i) then Some (i + 1)
    else find (i + 1) in
  find 0

(* The syscall name at POS and the line of the file's first spec, when POS
   starts a SYSCALL_DEFINEn that has no spec in a file with specs. *)
let missing_spec (pos : Coccilib.pos) =
  let lines = file_lines pos.Coccilib.file in
  let line =
    if pos.Coccilib.line >= 1 && pos.Coccilib.line <= Array.length lines
    then lines.(pos.Coccilib.line - 1) else "" in
  match syscall_name line, find_line "DEFINE_KERNEL_API_SPEC(" lines with
  | Some n, Some first
    when find_line ("DEFINE_KERNEL_API_SPEC(sys_" ^ n ^ ")") lines = None ->
      Some (n, first)
  | _ -> None

@defined depends on org || report@
identifier f;
position p;
@@

f@p(...) { ... }

@script:ocaml missing@
p << defined.p;
@@
let pos = List.hd p in
if missing_spec pos = None then Coccilib.include_match false

@script:ocaml depends on report@
p << defined.p;
@@
let pos = List.hd p in
match missing_spec pos with
| Some (name, first) ->
    Printf.printf "%s:%d:1: warning: syscall 'sys_%s' has no KAPI spec, but this file defines specs for others [cocci-syscall_without_spec]\n"
      pos.Coccilib.file pos.Coccilib.line name;
    Printf.printf "%s:%d:1: note: the first spec of the file is defined here [cocci-syscall_without_spec]\n"
      pos.Coccilib.file first
| None -> ()

@script:ocaml depends on org@
p << defined.p;
@@
let pos = List.hd p in
match missing_spec pos with
| Some (name, _) -> Coccilib.print_main ("no spec for sys_" ^ name) p
| None -> ()
