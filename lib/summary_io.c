// SPDX-License-Identifier: GPL-2.0-only
/*
 * The text form of summaries (see include/kapi/summary.h).
 *
 * Grammar, one item per line, tokens separated by blanks; strings are
 * double-quoted with \\, \" and \n escapes, and a lone - is a null string:
 *
 *   file     := "kapi-summary 1" NL fn*
 *   fn       := "fn" STR linkage nparams returns_value loc NL
 *               ("param" index STR STR STR NL)*
 *               ("incomplete" STR NL)?
 *               "ret" count widened NL atom*
 *               call*
 *               "end" NL
 *   call     := "call" STR indirect reachable loc nargs NL ("arg" count widened NL atom*)*
 *   atom     := "atom" kind value ref STR filter nguards guard* loc STR NL
 *   guard    := ("param" | "call") ref filter
 *   filter   := regions low high only nvalues value*
 *   loc      := STR line column
 *   kind     := "const" | "opaque" | "param" | "call" | "unknown"
 *   linkage  := 0 (global) | 1 (static) | 2 (weak), enum kapi_linkage
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/summary.h"
#include "textio.h"

static const char *const atom_kinds[] = {
	[KAPI_ATOM_CONST] = "const",
	[KAPI_ATOM_OPAQUE] = "opaque",
	[KAPI_ATOM_PARAM] = "param",
	[KAPI_ATOM_CALL] = "call",
	[KAPI_ATOM_UNKNOWN] = "unknown",
};

/* --- writing ------------------------------------------------------------ */



static void write_filter(struct kapi_buf *out, const struct kapi_filter *f)
{
	unsigned int i;

	kapi_buf_put_num(out, f->regions);
	kapi_buf_put_num(out, f->low);
	kapi_buf_put_num(out, f->high);
	kapi_buf_put_num(out, f->only ? 1 : 0);
	kapi_buf_put_num(out, f->nvalues);
	for (i = 0; i < f->nvalues; i++)
		kapi_buf_put_num(out, f->values[i]);
}

static void write_atom(struct kapi_buf *out, const struct kapi_atom *a)
{
	unsigned int i;

	kapi_buf_puts(out, "atom ");
	kapi_buf_puts(out, atom_kinds[a->kind]);
	kapi_buf_put_num(out, a->value);
	kapi_buf_put_num(out, a->ref);
	tio_write_string(out, a->text);
	write_filter(out, &a->filter);
	kapi_buf_put_num(out, a->nguards);
	for (i = 0; i < a->nguards; i++) {
		kapi_buf_puts(out, a->guards[i].kind == KAPI_GUARD_PARAM ?
			      " param" : " call");
		kapi_buf_put_num(out, a->guards[i].ref);
		write_filter(out, &a->guards[i].filter);
	}
	tio_write_loc(out, &a->loc);
	tio_write_string(out, a->origin);
	kapi_buf_putc(out, '\n');
}

static void write_set(struct kapi_buf *out, const char *tag,
		      const struct kapi_valueset *set)
{
	unsigned int i;

	kapi_buf_printf(out, "%s %u %d\n", tag, set->n, set->widened ? 1 : 0);
	for (i = 0; i < set->n; i++)
		write_atom(out, &set->atoms[i]);
}

void kapi_summary_write(const struct kapi_summary *s, struct kapi_buf *out)
{
	unsigned int i, j;

	kapi_buf_puts(out, "fn");
	tio_write_string(out, s->name);
	kapi_buf_printf(out, " %d %u %d", s->is_static ? KAPI_LINKAGE_STATIC :
			s->is_weak ? KAPI_LINKAGE_WEAK : KAPI_LINKAGE_GLOBAL,
			s->nparams, s->returns_value ? 1 : 0);
	tio_write_loc(out, &s->loc);
	kapi_buf_puts(out, "\n");

	for (i = 0; i < s->nparams; i++) {
		kapi_buf_printf(out, "param %u", i);
		tio_write_string(out, s->param_names ? s->param_names[i] : NULL);
		tio_write_string(out, s->param_types ? s->param_types[i] : NULL);
		tio_write_string(out, s->param_base_types ?
			     s->param_base_types[i] : NULL);
		kapi_buf_puts(out, "\n");
	}
	if (s->incomplete) {
		kapi_buf_puts(out, "incomplete");
		tio_write_string(out, s->incomplete);
		kapi_buf_puts(out, "\n");
	}
	write_set(out, "ret", &s->ret);

	for (i = 0; i < s->ncalls; i++) {
		const struct kapi_callsite *cs = &s->calls[i];
		const struct kapi_valueset *args = cs->args;
		struct kapi_arena *unpacked = NULL;

		kapi_buf_puts(out, "call");
		tio_write_string(out, cs->callee);
		kapi_buf_put_num(out, cs->indirect ? 1 : 0);
		kapi_buf_put_num(out, cs->reachable ? 1 : 0);
		tio_write_loc(out, &cs->loc);
		kapi_buf_put_num(out, cs->nargs);
		kapi_buf_putc(out, '\n');
		if (!args && cs->nargs) {
			/* The strings the packed atoms point to outlive it. */
			struct kapi_callsite copy = *cs;

			unpacked = kapi_arena_new();
			args = kapi_callsite_args(unpacked, &copy);
		}
		for (j = 0; j < cs->nargs; j++)
			write_set(out, "arg", &args[j]);
		if (unpacked)
			kapi_arena_free(unpacked);
	}
	kapi_buf_puts(out, "end\n");
}

/* --- reading ------------------------------------------------------------ */


static bool read_filter(struct tio_reader *r, struct kapi_filter *f)
{
	int64_t only, value, previous = 0;
	unsigned int i, n;

	memset(f, 0, sizeof(*f));
	if (!tio_read_uint(r, "a filter's region mask", &f->regions, KAPI_REGION_ALL) ||
	    !tio_read_int(r, &f->low) || !tio_read_int(r, &f->high) ||
	    !tio_read_int(r, &only) || !tio_read_uint(r, "the number of filter values", &n, 4096))
		return false;
	f->only = only != 0;
	for (i = 0; i < n; i++) {
		if (!tio_read_int(r, &value))
			return false;
		if (i > 0 && value <= previous)
			return tio_fail(r, "filter values in increasing order");
		previous = value;
		if (i < KAPI_FILTER_MAX_VALUES)
			f->values[f->nvalues++] = value;
	}
	/*
	 * A writer built with room for more values: dropping exclusions, or
	 * an "only" list entirely, widens the filter, which stays sound.
	 */
	if (n > KAPI_FILTER_MAX_VALUES) {
		if (f->only)
			f->only = false;
		f->nvalues = f->only ? f->nvalues : 0;
	}
	return true;
}

static bool read_atom(struct tio_reader *r, struct kapi_atom *a)
{
	unsigned int i, kind, nguards;

	memset(a, 0, sizeof(*a));
	if (!tio_accept_word(r, "atom"))
		return tio_fail(r, "'atom'");
	for (kind = 0; kind < sizeof(atom_kinds) / sizeof(atom_kinds[0]);
	     kind++)
		if (tio_accept_word(r, atom_kinds[kind]))
			break;
	if (kind == sizeof(atom_kinds) / sizeof(atom_kinds[0]))
		return tio_fail(r, "an atom kind");
	a->kind = (enum kapi_atom_kind)kind;

	if (!tio_read_int(r, &a->value) || !tio_read_int32(r, &a->ref) ||
	    !tio_read_string(r, &a->text) || !read_filter(r, &a->filter) ||
	    !tio_read_uint(r, "the number of guards", &nguards, 64))
		return false;
	for (i = 0; i < nguards; i++) {
		struct kapi_guard g;

		if (tio_accept_word(r, "param"))
			g.kind = KAPI_GUARD_PARAM;
		else if (tio_accept_word(r, "call"))
			g.kind = KAPI_GUARD_CALL;
		else
			return tio_fail(r, "a guard kind");
		if (!tio_read_int32(r, &g.ref) || !read_filter(r, &g.filter))
			return false;
		/* Guards past this build's room are dropped: the atom widens. */
		if (i < KAPI_ATOM_MAX_GUARDS)
			a->guards[a->nguards++] = g;
	}
	if (!tio_read_loc(r, &a->loc) || !tio_read_string(r, &a->origin))
		return false;
	return tio_expect_eol(r);
}

/*
 * Read one value set; ON_HEAP puts its atoms in malloc()ed memory that the
 * caller frees, for sets that are packed right away.
 */
static bool read_set(struct tio_reader *r, const char *tag,
		     struct kapi_valueset *set, bool on_heap)
{
	unsigned int n, i;
	int64_t widened;

	memset(set, 0, sizeof(*set));
	if (!tio_accept_word(r, tag))
		return tio_fail(r, tag);
	if (!tio_read_uint(r, "the number of value atoms", &n,
			   1u << 20) || !tio_read_int(r, &widened) ||
	    !tio_expect_eol(r))
		return false;
	set->widened = widened != 0;

	/*
	 * The count is known: size the set exactly. Growing it atom by atom
	 * would leave most of a whole build's memory in unused capacity.
	 */
	if (n) {
		set->atoms = on_heap ? malloc(n * sizeof(*set->atoms)) :
			kapi_arena_alloc(r->arena, n * sizeof(*set->atoms));
		if (!set->atoms)
			abort();
		set->cap = n;
	}
	for (i = 0; i < n; i++) {
		struct kapi_atom a;

		if (!read_atom(r, &a))
			return false;
		kapi_valueset_add(r->arena, set, &a);
	}
	return true;
}

static bool read_call(struct tio_reader *r, struct kapi_callsite *cs)
{
	int64_t indirect, reachable;
	struct kapi_valueset *args;
	unsigned int i;
	bool ok = true;

	memset(cs, 0, sizeof(*cs));
	if (!tio_read_string(r, &cs->callee) || !cs->callee ||
	    !tio_read_int(r, &indirect) || !tio_read_int(r, &reachable) ||
	    !tio_read_loc(r, &cs->loc) ||
	    !tio_read_uint(r, "the number of call arguments", &cs->nargs, 4096) || !tio_expect_eol(r))
		return cs->callee ? false : tio_fail(r, "a callee name");
	cs->indirect = indirect != 0;
	cs->reachable = reachable != 0;
	if (!cs->nargs)
		return true;

	/* Read into the heap and keep only the packed form in the arena. */
	args = calloc(cs->nargs, sizeof(*args));
	if (!args)
		abort();
	cs->args = args;
	for (i = 0; i < cs->nargs && ok; i++)
		ok = read_set(r, "arg", &args[i], true);
	if (ok)
		kapi_callsite_pack_args(r->arena, cs);
	cs->args = NULL;
	for (i = 0; i < cs->nargs; i++)
		free(args[i].atoms);
	free(args);
	return ok;
}

static bool read_fn(struct tio_reader *r, struct kapi_summary *s)
{
	unsigned int linkage;
	int64_t returns;
	unsigned int cap = 0;

	if (!tio_read_string(r, &s->name) || !s->name)
		return tio_fail(r, "a function name");
	if (!tio_read_uint(r, "a linkage number", &linkage, KAPI_LINKAGE_WEAK) ||
	    !tio_read_uint(r, "the number of parameters", &s->nparams, 4096) || !tio_read_int(r, &returns) ||
	    !tio_read_loc(r, &s->loc) || !tio_expect_eol(r))
		return false;
	s->is_static = linkage == KAPI_LINKAGE_STATIC;
	s->is_weak = linkage == KAPI_LINKAGE_WEAK;
	s->returns_value = returns != 0;
	if (s->nparams) {
		s->param_names = kapi_arena_alloc(r->arena, s->nparams *
						  sizeof(char *));
		s->param_types = kapi_arena_alloc(r->arena, s->nparams *
						  sizeof(char *));
		s->param_base_types = kapi_arena_alloc(r->arena, s->nparams *
						       sizeof(char *));
	}

	while (tio_accept_word(r, "param")) {
		unsigned int index;
		const char *name, *type, *base;

		if (!tio_read_uint(r, "a parameter index", &index,
				   s->nparams ? s->nparams - 1 : 0) ||
		    !s->nparams || !tio_read_string(r, &name) ||
		    !tio_read_string(r, &type) || !tio_read_string(r, &base) ||
		    !tio_expect_eol(r))
			return r->err ? false : tio_fail(r, "a parameter index");
		s->param_names[index] = name;
		s->param_types[index] = type;
		s->param_base_types[index] = base;
	}
	if (tio_accept_word(r, "incomplete")) {
		if (!tio_read_string(r, &s->incomplete) || !tio_expect_eol(r))
			return false;
	}
	if (!read_set(r, "ret", &s->ret, false))
		return false;

	while (tio_accept_word(r, "call")) {
		if (s->ncalls == cap) {
			cap = cap ? cap * 2 : 8;
			s->calls = kapi_arena_grow(r->arena, s->calls,
						   sizeof(*s->calls),
						   s->ncalls, cap);
		}
		if (!read_call(r, &s->calls[s->ncalls++]))
			return false;
	}
	if (!tio_accept_word(r, "end"))
		return tio_fail(r, "'call' or 'end'");
	return tio_expect_eol(r);
}

static bool check_call_refs(struct tio_reader *r, const struct kapi_summary *s)
{
	unsigned int i;

	/* A CALL atom must name a call site of the same function. */
	for (i = 0; i < s->ret.n; i++) {
		const struct kapi_atom *a = &s->ret.atoms[i];

		if (a->kind == KAPI_ATOM_CALL &&
		    (a->ref < 0 || (unsigned int)a->ref >= s->ncalls)) {
			r->err = kapi_arena_printf(r->arena,
						   "%s: function '%s' returns call site %d, but has %u call sites",
						   r->name, s->name, a->ref,
						   s->ncalls);
			return false;
		}
	}
	return true;
}

int kapi_summary_read(struct kapi_arena *arena, const char *name,
		      const char *text, struct kapi_summary ***out,
		      const char **err)
{
	*out = NULL;
	*err = NULL;
	if (strncmp(text, KAPI_SUMMARY_FORMAT "\n",
		    strlen(KAPI_SUMMARY_FORMAT) + 1) != 0) {
		*err = kapi_arena_printf(arena,
					 "%s:1: not a summary file of format '%s'; rebuild it with this version of kapi-check",
					 name, KAPI_SUMMARY_FORMAT);
		return -1;
	}
	return kapi_summary_read_lines(arena, name, 2,
				       text + strlen(KAPI_SUMMARY_FORMAT) + 1,
				       out, err);
}

int kapi_summary_read_lines(struct kapi_arena *arena, const char *name,
			    unsigned int first_line, const char *text,
			    struct kapi_summary ***out, const char **err)
{
	struct tio_reader r = { arena, name, text, first_line, NULL, NULL, 0 };
	struct kapi_summary **list = NULL;
	unsigned int n = 0, cap = 0;

	*out = NULL;
	*err = NULL;
	while (*r.p) {
		struct kapi_summary *s;

		/* Unit facts leave the lines of unread summaries empty. */
		if (*r.p == '\n') {
			r.p++;
			r.line++;
			continue;
		}
		if (!tio_accept_word(&r, "fn")) {
			tio_fail(&r, "'fn'");
			break;
		}
		s = kapi_arena_alloc(arena, sizeof(*s));
		if (!read_fn(&r, s) || !check_call_refs(&r, s))
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			list = kapi_arena_grow(arena, list, sizeof(*list), n,
					       cap);
		}
		list[n++] = s;
	}
	free(r.scratch);
	if (r.err) {
		*err = r.err;
		return -1;
	}
	*out = list;
	return (int)n;
}
