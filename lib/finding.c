// SPDX-License-Identifier: GPL-2.0-only
/*
 * Findings and their GCC-style text form (see include/kapi/finding.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kapi/finding.h"
#include "kapi/value.h"

static const char *const check_names[KAPI_CHECK_COUNT] = {
	[KAPI_CHECK_ERRNO_UNDECLARED] = "kapi-errno-undeclared",
	[KAPI_CHECK_ERRNO_UNRETURNED] = "kapi-errno-unreturned",
	[KAPI_CHECK_RETURN_UNEXPECTED] = "kapi-return-unexpected",
	[KAPI_CHECK_SPEC_MALFORMED] = "kapi-spec-malformed",
	[KAPI_CHECK_SPEC_NO_IMPL] = "kapi-spec-no-impl",
	[KAPI_CHECK_LOCK_IMBALANCE] = "kapi-lock-imbalance",
	[KAPI_CHECK_LOCK_MODE] = "kapi-lock-mode",
	[KAPI_CHECK_LOCK_UNDECLARED] = "kapi-lock-undeclared",
	[KAPI_CHECK_LOCK_UNUSED] = "kapi-lock-unused",
	[KAPI_CHECK_LOCK_KIND] = "kapi-lock-kind",
	[KAPI_CHECK_LOCK_HELD] = "kapi-lock-held",
	[KAPI_CHECK_CAP_UNDECLARED] = "kapi-cap-undeclared",
	[KAPI_CHECK_CAP_UNCHECKED] = "kapi-cap-unchecked",
	[KAPI_CHECK_SIGNAL_UNCOVERED] = "kapi-signal-uncovered",
	[KAPI_CHECK_SIGNAL_ERROR] = "kapi-signal-error",
	[KAPI_CHECK_SIGNAL_UNUSED] = "kapi-signal-unused",
	[KAPI_CHECK_ERRNO_INTERNAL] = "kapi-errno-internal",
	[KAPI_CHECK_ERRNO_POSITIVE] = "kapi-errno-positive",
	[KAPI_CHECK_PARAM_MISMATCH] = "kapi-param-mismatch",
	[KAPI_CHECK_PARAM_TYPE] = "kapi-param-type",
	[KAPI_CHECK_ANALYSIS_INCOMPLETE] = "kapi-analysis-incomplete",
};

const char *kapi_check_name(enum kapi_check_id id)
{
	if ((unsigned int)id >= KAPI_CHECK_COUNT)
		return "kapi-unknown";
	return check_names[id];
}

enum kapi_check_id kapi_check_lookup(const char *name)
{
	unsigned int i;

	for (i = 0; i < KAPI_CHECK_COUNT; i++)
		if (strcmp(check_names[i], name) == 0)
			return (enum kapi_check_id)i;
	return KAPI_CHECK_COUNT;
}

void kapi_findings_init(struct kapi_findings *f, struct kapi_arena *arena)
{
	memset(f, 0, sizeof(*f));
	f->arena = arena;
}

static const char *vformat(struct kapi_arena *arena, const char *fmt,
			   va_list ap)
{
	va_list copy;
	int len;
	char *p;

	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		return "";
	p = kapi_arena_alloc(arena, (size_t)len + 1);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	return p;
}

struct kapi_finding *kapi_findings_add(struct kapi_findings *f,
				       enum kapi_check_id check,
				       const char *function,
				       struct kapi_loc loc,
				       const char *fmt, ...)
{
	struct kapi_finding *finding;
	va_list ap;

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->v = kapi_arena_grow(f->arena, f->v, sizeof(*f->v), f->n,
				       f->cap);
	}
	finding = &f->v[f->n++];
	memset(finding, 0, sizeof(*finding));
	finding->check = check;
	finding->function = function;
	finding->loc = loc;
	va_start(ap, fmt);
	finding->message = vformat(f->arena, fmt, ap);
	va_end(ap);
	return finding;
}

void kapi_finding_note(struct kapi_findings *f, struct kapi_finding *finding,
		       struct kapi_loc loc, const char *fmt, ...)
{
	struct kapi_note *note;
	va_list ap;

	finding->notes = kapi_arena_grow(f->arena, finding->notes,
					 sizeof(*finding->notes),
					 finding->nnotes, finding->nnotes + 1);
	note = &finding->notes[finding->nnotes++];
	note->loc = loc;
	va_start(ap, fmt);
	note->message = vformat(f->arena, fmt, ap);
	va_end(ap);
}

void kapi_finding_set_value(struct kapi_findings *f,
			    struct kapi_finding *finding, const char *value)
{
	if (!value) {
		finding->value = NULL;
		return;
	}
	if (*value == '-')
		value++;
	finding->value = kapi_intern(f->arena, value);
}

static void format_loc(const struct kapi_loc *loc, struct kapi_buf *out)
{
	if (!kapi_loc_known(loc)) {
		kapi_buf_puts(out, "kapi_check");
		return;
	}
	kapi_buf_printf(out, "%s:%u", loc->file, loc->line);
	if (loc->column)
		kapi_buf_printf(out, ":%u", loc->column);
}

void kapi_finding_format(const struct kapi_finding *finding,
			 const char *severity, struct kapi_buf *out)
{
	const char *id = kapi_check_name(finding->check);
	unsigned int i;

	format_loc(&finding->loc, out);
	kapi_buf_printf(out, ": %s: %s [%s]\n",
			finding->note_only ? "note" : severity,
			finding->message, id);
	for (i = 0; i < finding->nnotes; i++) {
		format_loc(&finding->notes[i].loc, out);
		kapi_buf_printf(out, ": note: %s [%s]\n",
				finding->notes[i].message, id);
	}
}

const char *kapi_display_name(struct kapi_arena *arena, const char *name)
{
	const char *at = name ? strchr(name, '@') : NULL;

	if (!at)
		return name;
	return kapi_intern_len(arena, name, (size_t)(at - name));
}

const char *kapi_strip_path(const char *file, const char *strip)
{
	size_t n;

	if (!file)
		return "?";
	if (!strip || !*strip)
		return file;
	n = strlen(strip);
	if (strncmp(file, strip, n) == 0) {
		file += n;
		while (*file == '/')
			file++;
	}
	return file;
}

void kapi_finding_chain_notes(struct kapi_findings *out,
			      struct kapi_finding *f,
			      const struct kapi_chain *chain,
			      const char *spec_name, struct kapi_loc spec_loc)
{
	const struct kapi_chain *c;

	for (c = chain; c; c = c->next)
		kapi_finding_note(out, f, c->loc, "through the call to '%s' here",
				  kapi_display_name(out->arena, c->callee));
	kapi_finding_note(out, f, spec_loc, "spec '%s' is defined here",
			  spec_name);
}
