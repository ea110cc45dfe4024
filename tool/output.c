// SPDX-License-Identifier: GPL-2.0-only
/*
 * Printing findings as GCC-style text, JSON, SARIF 2.1.0 or a GitLab Code
 * Quality report (see output.h).
 */
#include <stdint.h>
#include <string.h>

#include "kapi/buf.h"
#include "output.h"

/* One line of help per check, for SARIF rules. */
static const char *const check_help[KAPI_CHECK_COUNT] = {
	[KAPI_CHECK_ERRNO_UNDECLARED] = "The syscall can return a negative errno that its spec does not declare.",
	[KAPI_CHECK_ERRNO_UNRETURNED] = "The spec declares an errno that no path of the syscall returns.",
	[KAPI_CHECK_RETURN_UNEXPECTED] = "The syscall can return a value outside the spec's success values.",
	[KAPI_CHECK_SPEC_MALFORMED] = "The spec contradicts itself: counts, indexes, codes or names.",
	[KAPI_CHECK_SPEC_NO_IMPL] = "The spec names no function of its unit.",
	[KAPI_CHECK_LOCK_IMBALANCE] = "A lock is still held, or released too often, at a return.",
	[KAPI_CHECK_LOCK_MODE] = "A lock is released or taken in another mode than expected.",
	[KAPI_CHECK_LOCK_UNDECLARED] = "A lock is taken that the spec does not list.",
	[KAPI_CHECK_LOCK_UNUSED] = "The spec lists a lock that no path takes.",
	[KAPI_CHECK_LOCK_KIND] = "The lock object's type contradicts the spec's lock type.",
	[KAPI_CHECK_LOCK_HELD] = "A lock is not held on exit, or not released, as the spec says.",
	[KAPI_CHECK_CAP_UNDECLARED] = "The syscall checks a capability that its spec does not declare.",
	[KAPI_CHECK_CAP_UNCHECKED] = "The spec declares a capability that no path checks.",
	[KAPI_CHECK_SIGNAL_UNCOVERED] = "An interruptible wait can make the syscall return -EINTR, but no signal entry gives that error.",
	[KAPI_CHECK_SIGNAL_ERROR] = "A signal entry's error is not among the spec's errors.",
	[KAPI_CHECK_SIGNAL_UNUSED] = "A signal entry gives an error, but no path waits interruptibly.",
	[KAPI_CHECK_ERRNO_INTERNAL] = "A kernel-internal error code can reach user space.",
	[KAPI_CHECK_ERRNO_POSITIVE] = "A positive errno is returned where negative codes are returned elsewhere.",
	[KAPI_CHECK_PARAM_MISMATCH] = "The spec's parameters differ from the syscall's prototype.",
	[KAPI_CHECK_PARAM_TYPE] = "The spec names a typedef's underlying type for a parameter.",
	[KAPI_CHECK_ANALYSIS_INCOMPLETE] = "The analysis of the syscall stopped at a limit, so findings may be missing.",
};

static void json_string(struct kapi_buf *out, const char *s)
{
	kapi_buf_puts(out, "\"");
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			kapi_buf_printf(out, "\\%c", c);
		else if (c == '\n')
			kapi_buf_puts(out, "\\n");
		else if (c < 0x20)
			kapi_buf_printf(out, "\\u%04x", c);
		else
			kapi_buf_printf(out, "%c", c);
	}
	kapi_buf_puts(out, "\"");
}

/*
 * FNV-1a of MESSAGE without the digits of "line N", so that a message
 * naming a secondary place by its line keeps its id when code moves.
 */
static uint32_t message_hash(const char *message)
{
	uint32_t h = 2166136261u;
	const char *p;

	for (p = message; p && *p; p++) {
		h = (h ^ (unsigned char)*p) * 16777619u;
		if (p - message >= 4 && strncmp(p - 4, "line ", 5) == 0)
			while (p[1] >= '0' && p[1] <= '9')
				p++;
	}
	return h;
}

const char *kapi_finding_id(struct kapi_arena *arena,
			    const struct kapi_finding *f)
{
	return kapi_arena_printf(arena, "%s:%s:%08x", kapi_check_name(f->check),
				 f->function ? f->function : "-",
				 message_hash(f->message));
}

const char *kapi_result_check(const struct kapi_result *r)
{
	return r->check_name ? r->check_name : kapi_check_name(r->finding->check);
}

static const char *result_engine(const struct kapi_result *r)
{
	return r->engine ? r->engine : "kapi-check";
}

const char *kapi_result_id(struct kapi_arena *arena,
			   const struct kapi_result *r)
{
	const struct kapi_finding *f = r->finding;

	return kapi_arena_printf(arena, "%s:%s:%08x", kapi_result_check(r),
				 f->function ? f->function : "-",
				 message_hash(f->message));
}

static void json_loc(struct kapi_buf *out, const struct kapi_loc *loc)
{
	kapi_buf_puts(out, "\"file\": ");
	json_string(out, loc->file ? loc->file : "");
	kapi_buf_printf(out, ", \"line\": %u, \"column\": %u", loc->line,
			loc->column);
}

static const char *const suppression_names[] = {
	[KAPI_NOT_SUPPRESSED] = "none",
	[KAPI_SUPPRESSED_IN_SPEC] = "spec",
	[KAPI_SUPPRESSED_BY_FILE] = "file",
	[KAPI_SUPPRESSED_BY_BASELINE] = "baseline",
};

static void json_finding(struct kapi_buf *out, struct kapi_arena *arena,
			 const struct kapi_result *r)
{
	const struct kapi_finding *f = r->finding;
	unsigned int j;

	kapi_buf_puts(out, "{\"id\": ");
	json_string(out, kapi_result_id(arena, r));
	kapi_buf_puts(out, ", \"check\": ");
	json_string(out, kapi_result_check(r));
	kapi_buf_puts(out, ", \"function\": ");
	json_string(out, f->function);
	kapi_buf_puts(out, ", \"engine\": ");
	json_string(out, result_engine(r));
	kapi_buf_puts(out, ", \"value\": ");
	if (f->value)
		json_string(out, f->value);
	else
		kapi_buf_puts(out, "null");
	kapi_buf_printf(out, ", \"severity\": \"%s\", ",
			f->note_only ? "note" : "warning");
	json_loc(out, &f->loc);
	kapi_buf_puts(out, ", \"message\": ");
	json_string(out, f->message);
	kapi_buf_printf(out, ", \"seen_in_build\": %s, \"notes\": [",
			r->seen_in_build ? "true" : "false");
	for (j = 0; j < f->nnotes; j++) {
		kapi_buf_puts(out, j ? ", {" : "{");
		json_loc(out, &f->notes[j].loc);
		kapi_buf_puts(out, ", \"message\": ");
		json_string(out, f->notes[j].message);
		kapi_buf_puts(out, "}");
	}
	kapi_buf_puts(out, "]");
	if (r->suppressed != KAPI_NOT_SUPPRESSED) {
		kapi_buf_printf(out, ", \"suppression\": {\"kind\": \"%s\", \"where\": ",
				suppression_names[r->suppressed]);
		json_string(out, r->where);
		kapi_buf_puts(out, ", \"justification\": ");
		json_string(out, r->justification);
		kapi_buf_puts(out, "}");
	}
	kapi_buf_puts(out, "}");
}

/* Print the results whose suppression state is (or is not) none. */
static void json_array(struct kapi_buf *out, struct kapi_arena *arena,
		       const struct kapi_result *r, unsigned int n,
		       bool suppressed)
{
	unsigned int i, printed = 0;

	for (i = 0; i < n; i++) {
		if ((r[i].suppressed != KAPI_NOT_SUPPRESSED) != suppressed)
			continue;
		kapi_buf_puts(out, printed++ ? ",\n    " : "\n    ");
		json_finding(out, arena, &r[i]);
	}
	kapi_buf_puts(out, printed ? "\n  ]" : "]");
}

static void print_json(struct kapi_buf *out, const struct kapi_result *r,
		       unsigned int n)
{
	struct kapi_arena *arena = kapi_arena_new();
	unsigned int i, count[4] = { 0 };

	for (i = 0; i < n; i++)
		count[r[i].suppressed]++;
	kapi_buf_puts(out, "{\n  \"version\": 1,\n  \"tool\": \"kapi-check\",\n  \"findings\": [");
	json_array(out, arena, r, n, false);
	kapi_buf_puts(out, ",\n  \"suppressed\": [");
	json_array(out, arena, r, n, true);
	kapi_buf_printf(out, ",\n  \"counts\": {\"reported\": %u, \"suppressed_in_spec\": %u, \"suppressed_by_file\": %u, \"baselined\": %u}\n}\n",
			count[KAPI_NOT_SUPPRESSED],
			count[KAPI_SUPPRESSED_IN_SPEC],
			count[KAPI_SUPPRESSED_BY_FILE],
			count[KAPI_SUPPRESSED_BY_BASELINE]);
	kapi_arena_free(arena);
}

/*
 * Write PATH as a quoted URI reference: SARIF's "uri" must be one, so
 * every byte but the unreserved characters and '/' is percent-encoded
 * ("a b.c" gives "a%20b.c"). What is left needs no JSON escape.
 */
static void uri_path(struct kapi_buf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	kapi_buf_putc(out, '"');
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			kapi_buf_putc(out, (char)*p);
			continue;
		}
		kapi_buf_putc(out, '%');
		kapi_buf_putc(out, hex[*p >> 4]);
		kapi_buf_putc(out, hex[*p & 15]);
	}
	kapi_buf_putc(out, '"');
}

static void sarif_location(struct kapi_buf *out, const struct kapi_loc *loc)
{
	kapi_buf_puts(out, "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
	uri_path(out, loc->file ? loc->file : "unknown");
	kapi_buf_printf(out, "}, \"region\": {\"startLine\": %u",
			loc->line ? loc->line : 1);
	if (loc->column)
		kapi_buf_printf(out, ", \"startColumn\": %u", loc->column);
	kapi_buf_puts(out, "}}}");
}

/*
 * A result that is not reported carries its reason; the others get an
 * empty array, which SARIF defines as "not suppressed".
 */
static void sarif_suppressions(struct kapi_buf *out,
			       const struct kapi_result *r)
{
	if (r->suppressed == KAPI_NOT_SUPPRESSED) {
		kapi_buf_puts(out, ", \"suppressions\": []");
		return;
	}
	kapi_buf_printf(out, ", \"suppressions\": [{\"kind\": \"%s\", \"status\": \"accepted\", \"justification\": ",
			r->suppressed == KAPI_SUPPRESSED_IN_SPEC ?
			"inSource" : "external");
	json_string(out, r->justification);
	kapi_buf_puts(out, ", \"properties\": {\"kapiSuppressedBy\": ");
	json_string(out, r->where);
	kapi_buf_puts(out, "}}]");
}

static void sarif_rule(struct kapi_buf *out, bool first, const char *id,
		       const char *help)
{
	kapi_buf_puts(out, first ? "\n      {" : ",\n      {");
	kapi_buf_puts(out, "\"id\": ");
	json_string(out, id);
	kapi_buf_puts(out, ", \"shortDescription\": {\"text\": ");
	json_string(out, help);
	kapi_buf_puts(out, "}, \"help\": {\"text\": ");
	json_string(out, help);
	kapi_buf_puts(out, "}}");
}

/* One line of help for a check of another engine, for SARIF rules. */
static const char *engine_help(struct kapi_arena *arena,
			       const struct kapi_result *r)
{
	const char *check = kapi_result_check(r);

	if (strncmp(check, "cocci-", 6) == 0)
		return kapi_arena_printf(arena, "Coccinelle rule %s.cocci of kapi-check.",
					 check + 6);
	if (strncmp(check, "sparse", 6) == 0)
		return "A lock context warning of sparse (context imbalance, wrong count at exit).";
	return kapi_arena_printf(arena, "Check %s reported by %s.", check,
				 result_engine(r));
}

/*
 * The rules of the run: every kapi-check check at its enum index, then the
 * distinct checks of R that are not among them. RULE_INDEX receives each
 * result's index into that list.
 */
static void sarif_rules(struct kapi_buf *out, struct kapi_arena *arena,
			const struct kapi_result *r, unsigned int n,
			unsigned int *rule_index)
{
	const char **extra = kapi_arena_alloc(arena, (n + 1) * sizeof(*extra));
	unsigned int i, j, nextra = 0;

	for (i = 0; i < KAPI_CHECK_COUNT; i++)
		sarif_rule(out, i == 0, kapi_check_name((enum kapi_check_id)i),
			   check_help[i]);
	for (i = 0; i < n; i++) {
		const char *check = kapi_result_check(&r[i]);

		if (!r[i].check_name) {
			rule_index[i] = (unsigned int)r[i].finding->check;
			continue;
		}
		for (j = 0; j < nextra && strcmp(extra[j], check) != 0; j++)
			;
		if (j == nextra) {
			extra[nextra++] = check;
			sarif_rule(out, false, check, engine_help(arena, &r[i]));
		}
		rule_index[i] = KAPI_CHECK_COUNT + j;
	}
}

static void print_sarif(struct kapi_buf *out, const struct kapi_result *r,
			unsigned int n)
{
	struct kapi_arena *arena = kapi_arena_new();
	unsigned int *rule_index = kapi_arena_alloc(arena, (n + 1) * sizeof(*rule_index));
	unsigned int i, j;

	kapi_buf_puts(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		      "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
		      "    \"tool\": {\"driver\": {\"name\": \"kapi-check\", \"rules\": [");
	sarif_rules(out, arena, r, n, rule_index);
	kapi_buf_puts(out, "]}},\n    \"results\": [");
	for (i = 0; i < n; i++) {
		const struct kapi_finding *f = r[i].finding;

		kapi_buf_puts(out, i ? ",\n      {" : "\n      {");
		kapi_buf_puts(out, "\"ruleId\": ");
		json_string(out, kapi_result_check(&r[i]));
		kapi_buf_printf(out, ", \"ruleIndex\": %u, \"level\": \"%s\", \"message\": {\"text\": ",
				rule_index[i], f->note_only ? "note" : "warning");
		json_string(out, f->message);
		kapi_buf_puts(out, "}, \"locations\": [");
		sarif_location(out, &f->loc);
		kapi_buf_puts(out, "], \"partialFingerprints\": {\"kapiFindingId\": ");
		json_string(out, kapi_result_id(arena, &r[i]));
		kapi_buf_puts(out, "}, \"properties\": {\"engine\": ");
		json_string(out, result_engine(&r[i]));
		kapi_buf_puts(out, "}");
		sarif_suppressions(out, &r[i]);
		if (f->nnotes) {
			kapi_buf_puts(out, ", \"relatedLocations\": [");
			for (j = 0; j < f->nnotes; j++) {
				struct kapi_buf loc = { 0 };

				sarif_location(&loc, &f->notes[j].loc);
				/* Splice the id and message into the location. */
				kapi_buf_printf(out, "%s{\"id\": %u, \"message\": {\"text\": ",
						j ? ", " : "", j);
				json_string(out, f->notes[j].message);
				kapi_buf_printf(out, "}, %s", kapi_buf_str(&loc) + 1);
				kapi_buf_release(&loc);
			}
			kapi_buf_puts(out, "]");
		}
		kapi_buf_puts(out, "}");
	}
	kapi_buf_puts(out, n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n");
	kapi_arena_free(arena);
}

/*
 * A GitLab fingerprint: the finding's stable id and how many findings
 * with that id came before it, hashed (64-bit FNV-1a), so that two
 * findings never share one and a finding keeps its own across line moves.
 */
static const char *gitlab_fingerprint(struct kapi_arena *arena,
				      const char *id, unsigned int occurrence)
{
	const char *text = kapi_arena_printf(arena, "%s#%u", id, occurrence);
	uint64_t h = 14695981039346656037ull;

	for (; *text; text++)
		h = (h ^ (unsigned char)*text) * 1099511628211ull;
	return kapi_arena_printf(arena, "%016llx", (unsigned long long)h);
}

static void print_gitlab(struct kapi_buf *out, const struct kapi_result *r,
			 unsigned int n)
{
	struct kapi_arena *arena = kapi_arena_new();
	unsigned int i, j, printed = 0;

	kapi_buf_puts(out, "[");
	for (i = 0; i < n; i++) {
		const struct kapi_finding *f = r[i].finding;
		const char *id = kapi_result_id(arena, &r[i]);
		unsigned int line = f->loc.line ? f->loc.line : 1;
		unsigned int occurrence = 0;

		if (r[i].suppressed != KAPI_NOT_SUPPRESSED)
			continue;
		for (j = 0; j < i; j++)
			occurrence += r[j].suppressed == KAPI_NOT_SUPPRESSED &&
				      strcmp(kapi_result_id(arena, &r[j]), id) == 0;

		kapi_buf_puts(out, printed++ ? ",\n  " : "\n  ");
		kapi_buf_puts(out, "{\"type\": \"issue\", \"description\": ");
		json_string(out, f->message);
		kapi_buf_puts(out, ", \"check_name\": ");
		json_string(out, kapi_result_check(&r[i]));
		kapi_buf_puts(out, ", \"categories\": [\"Bug Risk\"], \"fingerprint\": ");
		json_string(out, gitlab_fingerprint(arena, id, occurrence));
		kapi_buf_printf(out, ", \"severity\": \"%s\", \"location\": {\"path\": ",
				f->note_only ? "info" : "major");
		json_string(out, f->loc.file ? f->loc.file : "unknown");
		kapi_buf_printf(out, ", \"lines\": {\"begin\": %u, \"end\": %u}}}",
				line, line);
	}
	kapi_buf_puts(out, printed ? "\n]\n" : "]\n");
	kapi_arena_free(arena);
}

/* FILE:LINE[:COL] of a merged finding, as GCC writes it. */
static void merged_loc(const struct kapi_loc *loc, struct kapi_buf *out)
{
	kapi_buf_printf(out, "%s:%u", loc->file ? loc->file : "?", loc->line);
	if (loc->column)
		kapi_buf_printf(out, ":%u", loc->column);
}

/* GCC-style text of a finding whose check is another engine's id. */
static void format_merged(const struct kapi_result *r, struct kapi_buf *out)
{
	const struct kapi_finding *f = r->finding;
	unsigned int i;

	merged_loc(&f->loc, out);
	kapi_buf_printf(out, ": %s: %s [%s]\n",
			f->note_only ? "note" : "warning", f->message,
			r->check_name);
	for (i = 0; i < f->nnotes; i++) {
		merged_loc(&f->notes[i].loc, out);
		kapi_buf_printf(out, ": note: %s [%s]\n", f->notes[i].message,
				r->check_name);
	}
}

void kapi_print_results(FILE *out, enum kapi_format format,
			const struct kapi_result *results, unsigned int n)
{
	struct kapi_buf buf = { 0 };
	unsigned int i;

	switch (format) {
	case KAPI_FORMAT_TEXT:
		for (i = 0; i < n; i++) {
			if (results[i].suppressed != KAPI_NOT_SUPPRESSED)
				continue;
			if (results[i].check_name)
				format_merged(&results[i], &buf);
			else
				kapi_finding_format(results[i].finding,
						    "warning", &buf);
		}
		break;
	case KAPI_FORMAT_JSON:
		print_json(&buf, results, n);
		break;
	case KAPI_FORMAT_SARIF:
		print_sarif(&buf, results, n);
		break;
	case KAPI_FORMAT_GITLAB:
		print_gitlab(&buf, results, n);
		break;
	}
	fputs(kapi_buf_str(&buf), out);
	kapi_buf_release(&buf);
}
