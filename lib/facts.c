// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit facts: writing and reading the blocks that the plugin puts into
 * object files (see include/kapi/facts.h for the layout).
 *
 * Spec grammar, one item per line (STR as in textio.c):
 *
 *   spec STR(name) STR(var) loc STR(layout)
 *   count NAME present value          one per count field
 *   entries constraints signal_masks side_effects state_trans struct_specs
 *   ret present STR has_check check has_value value has_range min max
 *   param index STR(name) STR(type) STR(typedef resolved) type flags
 *   error index has_code code STR
 *   lock index STR type acquired released on_entry on_exit has_scope
 *        scope STR(description)
 *   signal index num STR direction action has_error error restartable
 *          interruptible
 *   cap index has_cap cap STR action nalternatives alternative...
 *   exception index STR(check) STR(value) STR(reason)
 *   endspec
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/facts.h"
#include "textio.h"

struct count_field {
	const char *name;
	size_t offset;
};

#define COUNT(f) { #f, offsetof(struct kapi_spec, f) }

static const struct count_field count_fields[] = {
	COUNT(param_count), COUNT(error_count), COUNT(lock_count),
	COUNT(signal_count), COUNT(signal_mask_count), COUNT(capability_count),
	COUNT(constraint_count), COUNT(side_effect_count),
	COUNT(state_trans_count), COUNT(struct_spec_count),
};

#define NCOUNTS (sizeof(count_fields) / sizeof(count_fields[0]))

static struct kapi_spec_count *count_at(struct kapi_spec *spec, unsigned int i)
{
	return (struct kapi_spec_count *)((char *)spec + count_fields[i].offset);
}

/* --- writing ------------------------------------------------------------ */

void kapi_spec_write(const struct kapi_spec *spec, struct kapi_buf *out)
{
	struct kapi_spec *s = (struct kapi_spec *)spec;
	unsigned int i;

	kapi_buf_puts(out, "spec");
	tio_write_string(out, spec->name);
	tio_write_string(out, spec->var_name);
	tio_write_loc(out, &spec->loc);
	tio_write_string(out, spec->layout);
	kapi_buf_puts(out, "\n");

	for (i = 0; i < NCOUNTS; i++)
		kapi_buf_printf(out, "count %s %d %lld\n", count_fields[i].name,
				count_at(s, i)->present ? 1 : 0,
				(long long)count_at(s, i)->value);
	kapi_buf_printf(out, "entries %u %u %u %u %u\n", spec->nconstraints,
			spec->nsignal_masks, spec->nside_effects,
			spec->nstate_trans, spec->nstruct_specs);

	kapi_buf_printf(out, "ret %d", spec->ret.present ? 1 : 0);
	tio_write_string(out, spec->ret.type_name);
	kapi_buf_printf(out, " %d %lld %d %lld %d %lld %lld\n",
			spec->ret.has_check_type ? 1 : 0,
			(long long)spec->ret.check_type,
			spec->ret.has_success_value ? 1 : 0,
			(long long)spec->ret.success_value,
			spec->ret.has_success_range ? 1 : 0,
			(long long)spec->ret.success_min,
			(long long)spec->ret.success_max);

	for (i = 0; i < spec->params.n; i++) {
		const struct kapi_spec_param *p = &spec->params.v[i];

		kapi_buf_printf(out, "param %d", p->index);
		tio_write_string(out, p->name);
		tio_write_string(out, p->type_name);
		tio_write_string(out, p->base_type_name);
		kapi_buf_printf(out, " %lld %lld\n", (long long)p->type,
				(long long)p->flags);
	}
	for (i = 0; i < spec->errors.n; i++) {
		const struct kapi_spec_error *e = &spec->errors.v[i];

		kapi_buf_printf(out, "error %d %d %lld", e->index,
				e->has_code ? 1 : 0, (long long)e->code);
		tio_write_string(out, e->name);
		kapi_buf_puts(out, "\n");
	}
	for (i = 0; i < spec->locks.n; i++) {
		const struct kapi_spec_lock *l = &spec->locks.v[i];

		kapi_buf_printf(out, "lock %d", l->index);
		tio_write_string(out, l->name);
		kapi_buf_printf(out, " %lld %d %d %d %d %d %lld",
				(long long)l->lock_type, l->acquired,
				l->released, l->held_on_entry, l->held_on_exit,
				l->has_scope, (long long)l->scope);
		tio_write_string(out, l->description);
		kapi_buf_puts(out, "\n");
	}
	for (i = 0; i < spec->signals.n; i++) {
		const struct kapi_spec_signal *g = &spec->signals.v[i];

		kapi_buf_printf(out, "signal %d %lld", g->index,
				(long long)g->signal_num);
		tio_write_string(out, g->signal_name);
		kapi_buf_printf(out, " %lld %lld %d %lld %d %d\n",
				(long long)g->direction, (long long)g->action,
				g->has_error, (long long)g->error_on_signal,
				g->restartable, g->interruptible);
	}
	for (i = 0; i < spec->caps.n; i++) {
		const struct kapi_spec_capability *c = &spec->caps.v[i];

		unsigned int j;

		kapi_buf_printf(out, "cap %d %d %lld", c->index,
				c->has_capability, (long long)c->capability);
		tio_write_string(out, c->cap_name);
		kapi_buf_printf(out, " %lld %u", (long long)c->action,
				c->nalternatives);
		for (j = 0; j < c->nalternatives; j++)
			kapi_buf_printf(out, " %lld", (long long)c->alternatives[j]);
		kapi_buf_puts(out, "\n");
	}
	for (i = 0; i < spec->exceptions.n; i++) {
		const struct kapi_spec_exception *x = &spec->exceptions.v[i];

		kapi_buf_printf(out, "exception %d", x->index);
		tio_write_string(out, x->check);
		tio_write_string(out, x->value);
		tio_write_string(out, x->reason);
		kapi_buf_puts(out, "\n");
	}
	kapi_buf_puts(out, "endspec\n");
}

static void write_table(const char *tag, const struct kapi_errno_table *t,
			bool with_alias, struct kapi_buf *out)
{
	unsigned int i;

	for (i = 0; i < kapi_errno_table_size(t); i++) {
		const char *name;
		int64_t value;
		bool alias;

		kapi_errno_table_at(t, i, &name, &value, &alias);
		kapi_buf_puts(out, tag);
		tio_write_string(out, name);
		kapi_buf_printf(out, " %lld", (long long)value);
		if (with_alias)
			kapi_buf_printf(out, " %d", alias ? 1 : 0);
		kapi_buf_puts(out, "\n");
	}
}

void kapi_facts_write(const char *unit,
		      const struct kapi_errno_table *errnos,
		      const struct kapi_errno_table *cap_names,
		      struct kapi_spec *const *specs, unsigned int nspecs,
		      struct kapi_summary *const *fns, unsigned int nfns,
		      struct kapi_buf *out)
{
	struct kapi_buf body = { 0 };
	unsigned int i;

	kapi_buf_puts(&body, "unit");
	tio_write_string(&body, unit);
	kapi_buf_puts(&body, "\n");
	write_table("errno", errnos, true, &body);
	write_table("capname", cap_names, false, &body);
	for (i = 0; i < nspecs; i++)
		kapi_spec_write(specs[i], &body);
	for (i = 0; i < nfns; i++)
		kapi_summary_write(fns[i], &body);

	kapi_buf_printf(out, "kapi-facts %d %zu\n", KAPI_FACTS_VERSION,
			body.len);
	kapi_buf_puts(out, kapi_buf_str(&body));
	kapi_buf_release(&body);
}

/* --- reading ------------------------------------------------------------ */

static bool read_bool(struct tio_reader *r, bool *out)
{
	int64_t v;

	if (!tio_read_int(r, &v))
		return false;
	if (v != 0 && v != 1)
		return tio_fail(r, "0 or 1");
	*out = v != 0;
	return true;
}

static bool read_index(struct tio_reader *r, int *out)
{
	unsigned int index;

	if (!tio_read_uint(r, "an entry index", &index, 4096))
		return false;
	*out = (int)index;
	return true;
}

static bool read_counts(struct tio_reader *r, struct kapi_spec *spec)
{
	unsigned int i;

	for (i = 0; i < NCOUNTS; i++) {
		struct kapi_spec_count *c = count_at(spec, i);

		if (!tio_accept_word(r, "count") ||
		    !tio_accept_word(r, count_fields[i].name))
			return tio_fail(r, count_fields[i].name);
		if (!read_bool(r, &c->present) || !tio_read_int(r, &c->value) ||
		    !tio_expect_eol(r))
			return false;
	}
	if (!tio_accept_word(r, "entries"))
		return tio_fail(r, "'entries'");
	return tio_read_uint(r, "the number of constraints", &spec->nconstraints, 1u << 20) &&
	       tio_read_uint(r, "the number of signal masks", &spec->nsignal_masks, 1u << 20) &&
	       tio_read_uint(r, "the number of side effects", &spec->nside_effects, 1u << 20) &&
	       tio_read_uint(r, "the number of state transitions", &spec->nstate_trans, 1u << 20) &&
	       tio_read_uint(r, "the number of struct specs", &spec->nstruct_specs, 1u << 20) &&
	       tio_expect_eol(r);
}

static bool read_ret(struct tio_reader *r, struct kapi_spec_return *ret)
{
	if (!tio_accept_word(r, "ret"))
		return tio_fail(r, "'ret'");
	return read_bool(r, &ret->present) &&
	       tio_read_string(r, &ret->type_name) &&
	       read_bool(r, &ret->has_check_type) &&
	       tio_read_int(r, &ret->check_type) &&
	       read_bool(r, &ret->has_success_value) &&
	       tio_read_int(r, &ret->success_value) &&
	       read_bool(r, &ret->has_success_range) &&
	       tio_read_int(r, &ret->success_min) &&
	       tio_read_int(r, &ret->success_max) && tio_expect_eol(r);
}

static bool read_entry(struct tio_reader *r, struct kapi_spec *spec)
{
	struct kapi_arena *a = r->arena;
	int index;

	if (tio_accept_word(r, "param")) {
		struct kapi_spec_param *p;

		if (!read_index(r, &index))
			return false;
		p = kapi_spec_add_param(a, spec, index);
		return tio_read_string(r, &p->name) &&
		       tio_read_string(r, &p->type_name) &&
		       tio_read_string(r, &p->base_type_name) &&
		       tio_read_int(r, &p->type) && tio_read_int(r, &p->flags) &&
		       tio_expect_eol(r);
	}
	if (tio_accept_word(r, "error")) {
		struct kapi_spec_error *e;

		if (!read_index(r, &index))
			return false;
		e = kapi_spec_add_error(a, spec, index);
		return read_bool(r, &e->has_code) && tio_read_int(r, &e->code) &&
		       tio_read_string(r, &e->name) && tio_expect_eol(r);
	}
	if (tio_accept_word(r, "lock")) {
		struct kapi_spec_lock *l;

		if (!read_index(r, &index))
			return false;
		l = kapi_spec_add_lock(a, spec, index);
		return tio_read_string(r, &l->name) &&
		       tio_read_int(r, &l->lock_type) &&
		       read_bool(r, &l->acquired) && read_bool(r, &l->released) &&
		       read_bool(r, &l->held_on_entry) &&
		       read_bool(r, &l->held_on_exit) &&
		       read_bool(r, &l->has_scope) && tio_read_int(r, &l->scope) &&
		       tio_read_string(r, &l->description) && tio_expect_eol(r);
	}
	if (tio_accept_word(r, "signal")) {
		struct kapi_spec_signal *g;

		if (!read_index(r, &index))
			return false;
		g = kapi_spec_add_signal(a, spec, index);
		return tio_read_int(r, &g->signal_num) &&
		       tio_read_string(r, &g->signal_name) &&
		       tio_read_int(r, &g->direction) &&
		       tio_read_int(r, &g->action) &&
		       read_bool(r, &g->has_error) &&
		       tio_read_int(r, &g->error_on_signal) &&
		       read_bool(r, &g->restartable) &&
		       read_bool(r, &g->interruptible) && tio_expect_eol(r);
	}
	if (tio_accept_word(r, "cap")) {
		struct kapi_spec_capability *c;

		if (!read_index(r, &index))
			return false;
		c = kapi_spec_add_cap(a, spec, index);
		if (!read_bool(r, &c->has_capability) ||
		    !tio_read_int(r, &c->capability) ||
		    !tio_read_string(r, &c->cap_name) ||
		    !tio_read_int(r, &c->action) ||
		    !tio_read_uint(r, "the number of alternative capabilities",
				   &c->nalternatives,
				   KAPI_SPEC_MAX_ALTERNATIVES))
			return false;
		for (unsigned int j = 0; j < c->nalternatives; j++)
			if (!tio_read_int(r, &c->alternatives[j]))
				return false;
		return tio_expect_eol(r);
	}
	if (tio_accept_word(r, "exception")) {
		struct kapi_spec_exception *x;

		if (!read_index(r, &index))
			return false;
		x = kapi_spec_add_exception(a, spec, index);
		return tio_read_string(r, &x->check) &&
		       tio_read_string(r, &x->value) &&
		       tio_read_string(r, &x->reason) && tio_expect_eol(r);
	}
	return tio_fail(r, "a spec entry or 'endspec'");
}

static struct kapi_spec *read_spec(struct tio_reader *r, const char *unit)
{
	const char *name, *var, *layout;
	struct kapi_loc loc;
	struct kapi_spec *spec;

	if (!tio_read_string(r, &name) || !name)
		return tio_fail(r, "a spec name"), NULL;
	if (!tio_read_string(r, &var) || !tio_read_loc(r, &loc) ||
	    !tio_read_string(r, &layout) || !tio_expect_eol(r))
		return NULL;
	spec = kapi_spec_new(r->arena, name, var, loc);
	spec->layout = layout;
	spec->unit = unit;
	if (!read_counts(r, spec) || !read_ret(r, &spec->ret))
		return NULL;
	while (!tio_accept_word(r, "endspec"))
		if (!read_entry(r, spec))
			return NULL;
	return tio_expect_eol(r) ? spec : NULL;
}

/*
 * Copy the first quoted string of LINE (up to its end) into OUT, without
 * unescaping: function and file names need none. Returns the text after
 * the closing quote, or NULL.
 */
static const char *quoted(const char *line, const char *end, char *out,
			  size_t size)
{
	const char *q = memchr(line, '"', (size_t)(end - line));
	size_t n = 0;

	if (!q)
		return NULL;
	for (q++; q < end && *q != '"'; q++) {
		if (*q == '\\' && q + 1 < end)
			q++;
		if (n + 1 < size)
			out[n++] = *q;
	}
	out[n] = '\0';
	return q < end ? q + 1 : NULL;
}

/*
 * The linkage number that follows the name on an "fn" line. Here it only
 * sorts the line: the full reader rejects a bad one in the functions it
 * parses, and a filtered read never parses the unreached ones.
 */
static enum kapi_linkage fn_linkage(const char *after_name)
{
	switch (atoi(after_name)) {
	case KAPI_LINKAGE_STATIC:
		return KAPI_LINKAGE_STATIC;
	case KAPI_LINKAGE_WEAK:
		return KAPI_LINKAGE_WEAK;
	default:
		return KAPI_LINKAGE_GLOBAL;
	}
}

/*
 * Remove in place, from the function blocks in TEXT (NUL-terminated), the
 * blocks whose function KEEP rejects.
 */
static void drop_unwanted(char *text, const char *unit, kapi_facts_keep keep,
			  void *keep_data)
{
	char *in = text, *out = text, name[512];
	bool keeping = true;

	while (*in) {
		char *eol = strchr(in, '\n');
		size_t len = eol ? (size_t)(eol - in) + 1 : strlen(in);

		if (strncmp(in, "fn ", 3) == 0) {
			const char *after = quoted(in, in + len, name,
						   sizeof(name));

			keeping = !after || keep(keep_data, unit, name,
						 fn_linkage(after));
		}
		if (keeping) {
			memmove(out, in, len);
			out += len;
		} else if (eol) {
			/* Keep the line count for the messages of later lines. */
			*out++ = '\n';
		}
		in += len;
	}
	*out = '\0';
}

void kapi_facts_scan(const unsigned char *data, size_t len,
		     kapi_facts_visit visit, void *visit_data)
{
	const char *p = (const char *)data, *end = p + len;
	/* NOTE: names past 511 bytes are cut here, so two such names can meet. */
	char name[512];

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *stop = eol ? eol : end;
		const char *after = NULL;
		char kind = 0;

		if (stop - p > 5 && strncmp(p, "unit ", 5) == 0)
			kind = 'u';
		else if (stop - p > 5 && strncmp(p, "spec ", 5) == 0)
			kind = 's';
		else if (stop - p > 3 && strncmp(p, "fn ", 3) == 0)
			kind = 'f';
		else if (stop - p > 5 && strncmp(p, "call ", 5) == 0)
			kind = 'c';
		if (kind)
			after = quoted(p, stop, name, sizeof(name));
		if (after)
			visit(visit_data, kind, name, kind == 'f' ?
			      fn_linkage(after) : KAPI_LINKAGE_GLOBAL);
		p = stop + 1;
	}
}

/*
 * Nearly every unit of a kernel includes the same errno and capability
 * headers, so its errno and capname lines are those of the unit before.
 * Record U's lines, and when an earlier unit of PREV had the same, share
 * its tables and skip the lines: a whole kernel's units would otherwise
 * hold thousands of copies of one table.
 */
static bool share_macro_tables(struct tio_reader *r, struct kapi_unit_facts *u,
			       const struct kapi_unit_facts *prev,
			       unsigned int nprev)
{
	const char *end = r->p;
	unsigned int lines = 0, i;

	while (strncmp(end, "errno ", 6) == 0 ||
	       strncmp(end, "capname ", 8) == 0) {
		const char *eol = strchr(end, '\n');

		if (!eol)
			return false;	/* the parser names the error */
		end = eol + 1;
		lines++;
	}
	u->macro_text = kapi_intern_len(r->arena, r->p, (size_t)(end - r->p));

	for (i = nprev; i-- > 0;) {
		if (prev[i].macro_text != u->macro_text)
			continue;
		u->errnos = prev[i].errnos;
		u->cap_names = prev[i].cap_names;
		r->p = end;
		r->line += lines;
		return true;
	}
	return false;
}

/*
 * Read one block's body (BODY, LEN bytes, starting at line FIRST_LINE of
 * the section or file) into U. PREV are the units read before.
 */
static bool read_body(struct kapi_arena *arena, const char *origin,
		      unsigned int first_line, const char *body, size_t len,
		      struct kapi_unit_facts *u,
		      const struct kapi_unit_facts *prev, unsigned int nprev,
		      kapi_facts_keep keep, void *keep_data, const char **err)
{
	struct tio_reader r = { arena, origin, NULL, first_line, NULL, NULL, 0 };
	char *text = malloc(len + 1);
	struct kapi_summary **fns;
	int n;

	if (!text)
		abort();
	memcpy(text, body, len);
	text[len] = '\0';
	if (strlen(text) != len) {
		*err = kapi_arena_printf(arena, "%s: a facts block contains a NUL byte",
					 origin);
		free(text);
		return false;
	}
	r.p = text;

	if (!tio_accept_word(&r, "unit") || !tio_read_string(&r, &u->unit) ||
	    !u->unit || !tio_expect_eol(&r)) {
		tio_fail(&r, "'unit' and the unit's source file");
		goto fail;
	}
	if (share_macro_tables(&r, u, prev, nprev))
		goto specs;
	u->errnos = kapi_errno_table_new(arena);
	u->cap_names = kapi_errno_table_new(arena);
	for (;;) {
		bool is_errno = tio_accept_word(&r, "errno");
		const char *name;
		int64_t value;
		bool alias = false;

		if (!is_errno && !tio_accept_word(&r, "capname"))
			break;
		if (!tio_read_string(&r, &name) || !name ||
		    !tio_read_int(&r, &value) ||
		    (is_errno && !read_bool(&r, &alias)) ||
		    !tio_expect_eol(&r)) {
			tio_fail(&r, "a macro name and its value");
			goto fail;
		}
		kapi_errno_table_add(is_errno ? u->errnos : u->cap_names, name,
				     value, alias);
	}
specs:
	while (tio_accept_word(&r, "spec")) {
		struct kapi_spec *spec = read_spec(&r, u->unit);

		if (!spec)
			goto fail;
		u->specs = kapi_arena_grow(arena, u->specs, sizeof(*u->specs),
					   u->nspecs, u->nspecs + 1);
		u->specs[u->nspecs++] = spec;
	}

	/* Hand the rest to the summary reader. */
	{
		size_t done = (size_t)(r.p - text);

		if (keep)
			drop_unwanted(text + done, u->unit, keep, keep_data);
		n = kapi_summary_read_lines(arena, origin, r.line, text + done,
					    &fns, err);
	}
	free(text);
	free(r.scratch);
	if (n < 0)
		return false;
	u->fns = fns;
	u->nfns = (unsigned int)n;
	return true;

fail:
	*err = r.err;
	free(text);
	free(r.scratch);
	return false;
}

int kapi_facts_read(struct kapi_arena *arena, const char *origin,
		    const unsigned char *data, size_t len,
		    struct kapi_unit_facts **units, unsigned int *nunits,
		    const char **err)
{
	return kapi_facts_read_filtered(arena, origin, data, len, NULL, NULL,
					units, nunits, err);
}

/*
 * Parse "VERSION LENGTH" of a block header. sscanf()'s %llu would take
 * "-5" and wrap it to a huge length, so only digits are accepted.
 */
static bool parse_header_numbers(const char *text, unsigned long long *version,
				 unsigned long long *size)
{
	unsigned long long *out[2] = { version, size };
	unsigned int i;

	for (i = 0; i < 2; i++) {
		char *end;

		if (i == 1 && *text++ != ' ')
			return false;
		if (*text < '0' || *text > '9')
			return false;
		errno = 0;
		*out[i] = strtoull(text, &end, 10);
		if (errno)
			return false;
		text = end;
	}
	return *text == '\0';
}

int kapi_facts_read_filtered(struct kapi_arena *arena, const char *origin,
			     const unsigned char *data, size_t len,
			     kapi_facts_keep keep, void *keep_data,
			     struct kapi_unit_facts **units,
			     unsigned int *nunits, const char **err)
{
	static const char magic[] = "kapi-facts ";
	size_t at = 0;
	unsigned int lineno = 1;	/* of data[at], for messages */
	int found = 0;

	*err = NULL;
	while (at < len) {
		unsigned long long version, size;
		struct kapi_unit_facts *u;
		const char *p, *end;
		char line[64];
		size_t n = 0;

		/* ld -r pads the concatenated sections with NUL bytes. */
		if (data[at] == '\0' || data[at] == '\n') {
			lineno += data[at] == '\n';
			at++;
			continue;
		}
		while (at + n < len && data[at + n] != '\n' &&
		       n < sizeof(line) - 1) {
			line[n] = (char)data[at + n];
			n++;
		}
		line[n] = '\0';
		if (at + n >= len || data[at + n] != '\n' ||
		    strncmp(line, magic, sizeof(magic) - 1) != 0) {
			*err = kapi_arena_printf(arena,
						 "%s: corrupt kapi facts at byte %zu: expected 'kapi-facts VERSION LENGTH'; rebuild the object with the kapi_check plugin",
						 origin, at);
			return -1;
		}
		if (!parse_header_numbers(line + sizeof(magic) - 1, &version,
					  &size)) {
			*err = kapi_arena_printf(arena,
						 "%s: corrupt kapi facts at byte %zu: the header '%s' must give VERSION and LENGTH (in bytes) as unsigned decimal numbers; rebuild the object with the kapi_check plugin",
						 origin, at, line);
			return -1;
		}
		if (version < KAPI_FACTS_OLDEST_VERSION ||
		    version > KAPI_FACTS_VERSION) {
			*err = kapi_arena_printf(arena,
						 "%s: kapi facts of version %llu, but this kapi-check reads versions %d to %d; rebuild the object with this kapi-check's plugin",
						 origin, version,
						 KAPI_FACTS_OLDEST_VERSION,
						 KAPI_FACTS_VERSION);
			return -1;
		}
		at += n + 1;
		if (size > len - at) {
			*err = kapi_arena_printf(arena,
						 "%s: corrupt kapi facts: a block of %llu bytes at byte %zu runs past the end of the section (%zu bytes)",
						 origin, size, at, len);
			return -1;
		}

		/*
		 * The array's room is the power of two at or above its count
		 * (at least 8): grow it when the count reaches one, so that a
		 * build of thousands of units costs no quadratic copying.
		 */
		if (*nunits == 0 ||
		    (*nunits >= 8 && (*nunits & (*nunits - 1)) == 0))
			*units = kapi_arena_grow(arena, *units, sizeof(**units),
						 *nunits,
						 *nunits ? *nunits * 2 : 8);
		u = &(*units)[*nunits];
		memset(u, 0, sizeof(*u));
		u->origin = kapi_intern(arena, origin);
		if (!read_body(arena, origin, lineno + 1,
			       (const char *)data + at, (size_t)size, u,
			       *units, *nunits, keep, keep_data, err))
			return -1;
		(*nunits)++;
		found++;

		/* The header line, then the body's lines. */
		lineno++;
		end = (const char *)data + at + size;
		for (p = (const char *)data + at;
		     (p = memchr(p, '\n', (size_t)(end - p))); p++)
			lineno++;
		at += (size_t)size;
	}
	return found;
}
