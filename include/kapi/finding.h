/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Findings: what the checks report, before anyone prints them.
 *
 * The core never prints. A check appends findings; the plugin turns them
 * into GCC diagnostics (so that -fdiagnostics-format and carets work), and
 * other front ends format them with kapi_finding_format(), which writes
 * GCC's own text form:
 *
 *   FILE:LINE:COL: warning: MESSAGE [CHECK-ID]
 *   FILE:LINE:COL: note: NOTE
 */
#ifndef KAPI_FINDING_H
#define KAPI_FINDING_H

#include <stdbool.h>

#include "kapi/arena.h"
#include "kapi/buf.h"
#include "kapi/loc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Stable check ids; the string form is what users see and filter on. */
enum kapi_check_id {
	KAPI_CHECK_ERRNO_UNDECLARED,	/* kapi-errno-undeclared */
	KAPI_CHECK_ERRNO_UNRETURNED,	/* kapi-errno-unreturned */
	KAPI_CHECK_RETURN_UNEXPECTED,	/* kapi-return-unexpected */
	KAPI_CHECK_SPEC_MALFORMED,	/* kapi-spec-malformed */
	KAPI_CHECK_SPEC_NO_IMPL,	/* kapi-spec-no-impl */
	KAPI_CHECK_LOCK_IMBALANCE,	/* kapi-lock-imbalance */
	KAPI_CHECK_LOCK_MODE,		/* kapi-lock-mode */
	KAPI_CHECK_LOCK_UNDECLARED,	/* kapi-lock-undeclared */
	KAPI_CHECK_LOCK_UNUSED,		/* kapi-lock-unused */
	KAPI_CHECK_LOCK_KIND,		/* kapi-lock-kind */
	KAPI_CHECK_LOCK_HELD,		/* kapi-lock-held */
	KAPI_CHECK_CAP_UNDECLARED,	/* kapi-cap-undeclared */
	KAPI_CHECK_CAP_UNCHECKED,	/* kapi-cap-unchecked */
	KAPI_CHECK_SIGNAL_UNCOVERED,	/* kapi-signal-uncovered */
	KAPI_CHECK_SIGNAL_ERROR,	/* kapi-signal-error */
	KAPI_CHECK_SIGNAL_UNUSED,	/* kapi-signal-unused */
	KAPI_CHECK_ERRNO_INTERNAL,	/* kapi-errno-internal */
	KAPI_CHECK_ERRNO_POSITIVE,	/* kapi-errno-positive */
	KAPI_CHECK_PARAM_MISMATCH,	/* kapi-param-mismatch */
	KAPI_CHECK_PARAM_TYPE,		/* kapi-param-type */
	KAPI_CHECK_ANALYSIS_INCOMPLETE,	/* kapi-analysis-incomplete */
	KAPI_CHECK_COUNT
};

const char *kapi_check_name(enum kapi_check_id id);
/* Return the id named NAME, or KAPI_CHECK_COUNT when there is none. */
enum kapi_check_id kapi_check_lookup(const char *name);

struct kapi_note {
	struct kapi_loc loc;
	const char *message;
};

struct kapi_finding {
	enum kapi_check_id check;
	const char *function;		/* the spec's name, for grouping */
	struct kapi_loc loc;
	const char *message;		/* without the trailing [check-id] */
	/*
	 * The subject of the finding, the key of suppressions and baselines:
	 * an errno name without its sign ("ENOMEM"), a lock ("mmap_lock"), a
	 * capability ("CAP_IPC_LOCK"), a parameter name or a spec member.
	 * NULL when the check has none, so only the value "*" matches.
	 */
	const char *value;
	bool note_only;			/* informational: a note, not a warning */
	unsigned int nnotes;
	struct kapi_note *notes;
};

struct kapi_findings {
	struct kapi_arena *arena;
	unsigned int n;
	unsigned int cap;
	struct kapi_finding *v;
};

void kapi_findings_init(struct kapi_findings *f, struct kapi_arena *arena);

/* Append a finding; its message is printf-formatted into the arena. */
struct kapi_finding *kapi_findings_add(struct kapi_findings *f,
				       enum kapi_check_id check,
				       const char *function,
				       struct kapi_loc loc,
				       const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

void kapi_finding_note(struct kapi_findings *f, struct kapi_finding *finding,
		       struct kapi_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Set the value of FINDING to VALUE, interned, with a leading '-' dropped. */
void kapi_finding_set_value(struct kapi_findings *f,
			    struct kapi_finding *finding, const char *value);

/*
 * NAME as messages show it: a whole build names a static function
 * NAME@UNIT, and messages drop the unit.
 */
const char *kapi_display_name(struct kapi_arena *arena, const char *name);

/* FILE relative to STRIP when it starts with it ("?" for no file). */
const char *kapi_strip_path(const char *file, const char *strip);

/*
 * Add the notes of a call chain to F, outermost call first ("through the
 * call to 'X' here"), then one at the spec SPEC_NAME defined at SPEC_LOC.
 */
struct kapi_chain;
void kapi_finding_chain_notes(struct kapi_findings *out,
			      struct kapi_finding *f,
			      const struct kapi_chain *chain,
			      const char *spec_name, struct kapi_loc spec_loc);

/* Write FINDING as GCC-style text lines; SEVERITY is "warning" or "error". */
void kapi_finding_format(const struct kapi_finding *finding,
			 const char *severity, struct kapi_buf *out);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_FINDING_H */
