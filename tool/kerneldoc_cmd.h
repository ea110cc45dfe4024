/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kapi-check kerneldoc: write the spec macros of a file's kerneldoc API
 * specs into a header to force-include (see kerneldoc_cmd.c).
 */
#ifndef KAPI_TOOL_KERNELDOC_CMD_H
#define KAPI_TOOL_KERNELDOC_CMD_H

/* Run the subcommand on ARGV[0..ARGC-1], the words after "kerneldoc". */
int kapi_kerneldoc_main(int argc, char **argv);

#endif /* KAPI_TOOL_KERNELDOC_CMD_H */
