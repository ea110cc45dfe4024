// SPDX-License-Identifier: GPL-2.0-only
/*
 * The spec model and the mapping from a spec name to its syscall body
 * (see include/kapi/spec.h).
 */
#include <ctype.h>
#include <string.h>

#include "kapi/spec.h"

struct kapi_spec *kapi_spec_new(struct kapi_arena *arena, const char *name,
				const char *var_name, struct kapi_loc loc)
{
	struct kapi_spec *spec = kapi_arena_alloc(arena, sizeof(*spec));

	spec->name = kapi_intern(arena, name);
	spec->var_name = kapi_intern(arena, var_name);
	spec->loc = loc;
	return spec;
}

/* Append one zeroed element to the array at *V holding *N of *CAP. */
static void *append(struct kapi_arena *arena, void **v, unsigned int *n,
		    unsigned int *cap, size_t size)
{
	unsigned char *p;

	if (*n == *cap) {
		unsigned int grown = *cap ? *cap * 2 : 8;

		*v = kapi_arena_grow(arena, *v, size, *n, grown);
		*cap = grown;
	}
	p = (unsigned char *)*v + size * (*n)++;
	memset(p, 0, size);
	return p;
}

#define APPEND(arena, arr) \
	append(arena, (void **)&(arr).v, &(arr).n, &(arr).cap, sizeof(*(arr).v))

struct kapi_spec_param *kapi_spec_add_param(struct kapi_arena *arena,
					    struct kapi_spec *spec, int index)
{
	struct kapi_spec_param *p = APPEND(arena, spec->params);

	p->index = index;
	return p;
}

struct kapi_spec_error *kapi_spec_add_error(struct kapi_arena *arena,
					    struct kapi_spec *spec, int index)
{
	struct kapi_spec_error *e = APPEND(arena, spec->errors);

	e->index = index;
	return e;
}

struct kapi_spec_lock *kapi_spec_add_lock(struct kapi_arena *arena,
					  struct kapi_spec *spec, int index)
{
	struct kapi_spec_lock *l = APPEND(arena, spec->locks);

	l->index = index;
	return l;
}

struct kapi_spec_signal *kapi_spec_add_signal(struct kapi_arena *arena,
					      struct kapi_spec *spec,
					      int index)
{
	struct kapi_spec_signal *s = APPEND(arena, spec->signals);

	s->index = index;
	return s;
}

struct kapi_spec_capability *kapi_spec_add_cap(struct kapi_arena *arena,
					       struct kapi_spec *spec,
					       int index)
{
	struct kapi_spec_capability *c = APPEND(arena, spec->caps);

	c->index = index;
	return c;
}

struct kapi_spec_exception *kapi_spec_add_exception(struct kapi_arena *arena,
						    struct kapi_spec *spec,
						    int index)
{
	struct kapi_spec_exception *x = APPEND(arena, spec->exceptions);

	x->index = index;
	return x;
}

/* Whether TEXT contains the lower-case WORD, ignoring case. */
static bool contains_word(const char *text, const char *word)
{
	size_t i;

	for (; text && *text; text++) {
		for (i = 0; word[i] && text[i]; i++)
			if (tolower((unsigned char)text[i]) != word[i])
				break;
		if (!word[i])
			return true;
	}
	return false;
}

/* The value of enum kapi_lock_scope that the generators wrote. */
#define KAPI_SPEC_SCOPE_RELEASES 2

bool kapi_spec_lock_scope_quirk(const struct kapi_spec_lock *l)
{
	return l->has_scope && l->scope == KAPI_SPEC_SCOPE_RELEASES &&
	       contains_word(l->description, "acquire") &&
	       contains_word(l->description, "release");
}

void kapi_spec_add_bad_member(struct kapi_arena *arena, struct kapi_spec *spec,
			      const char *member, const char *expected)
{
	struct kapi_spec_bad_member *b = APPEND(arena, spec->bad_members);

	b->member = kapi_intern(arena, member);
	b->expected = expected;
}

const struct kapi_spec_error *kapi_spec_find_error(const struct kapi_spec *spec,
						   int64_t code)
{
	unsigned int i;

	for (i = 0; i < spec->errors.n; i++)
		if (spec->errors.v[i].has_code &&
		    spec->errors.v[i].code == code)
			return &spec->errors.v[i];
	return NULL;
}

/*
 * Where SYSCALL_DEFINEn puts the body: __do_sys_N contains it on every
 * architecture with a wrapper; the per-architecture entry points and the
 * plain sys_N (generic, and SYSCALL_DEFINE0 there) follow.
 */
static const char *const impl_patterns[] = {
	"__do_sys_%s",
	"__se_sys_%s",
	"__x64_sys_%s",
	"__ia32_sys_%s",
	"__arm64_sys_%s",
	"__riscv_sys_%s",
	"__s390x_sys_%s",
	"__s390_sys_%s",
	"__powerpc_sys_%s",
	"sys_%s",
};

unsigned int kapi_spec_impl_names(struct kapi_arena *arena,
				  const char *spec_name, const char **names,
				  unsigned int max)
{
	const char *base = spec_name;
	unsigned int i, n = 0;

	/* Specs of syscalls are named sys_N; other APIs name the function. */
	if (strncmp(spec_name, "sys_", 4) != 0) {
		if (max > 0)
			names[n++] = kapi_intern(arena, spec_name);
		return n;
	}
	base = spec_name + 4;
	for (i = 0; i < sizeof(impl_patterns) / sizeof(impl_patterns[0]) &&
		    n < max; i++)
		names[n++] = kapi_intern(arena,
					 kapi_arena_printf(arena,
							   impl_patterns[i],
							   base));
	return n;
}
