// SPDX-License-Identifier: GPL-2.0-only
/*
 * Matching the free-text lock names of specs to lock objects.
 *
 * Spec lock names are prose ("mmap_lock", "mm->mmap_lock (read mode)",
 * "RCU read-side", "Process memory map lock"). The rules, in order:
 *
 *  1. A user alias whose text equals the whole name (case and surrounding
 *     blanks ignored) names the object.
 *  2. Otherwise the name matches an object when one of its words (runs of
 *     letters, digits and '_') equals the object's identity, ignoring
 *     case: "mm->mmap_lock (read mode)" has the word "mmap_lock". The RCU
 *     read side is the identity "rcu".
 *
 * An alias file has one "NAME = IDENTITY" per line; '#' starts a comment.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "kapi/lock.h"

struct alias {
	const char *text;	/* lower case, trimmed */
	const char *identity;
};

struct kapi_lock_aliases {
	struct kapi_arena *arena;
	unsigned int n;
	struct alias *v;
};

struct kapi_lock_aliases *kapi_lock_aliases_new(struct kapi_arena *arena)
{
	struct kapi_lock_aliases *a = kapi_arena_alloc(arena, sizeof(*a));

	a->arena = arena;
	return a;
}

/* Copy S[0..LEN) trimmed and in lower case into the arena. */
static const char *normalize(struct kapi_arena *arena, const char *s,
			     size_t len)
{
	char *out;
	size_t i, n = 0;

	while (len && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	out = kapi_arena_alloc(arena, len + 1);
	for (i = 0; i < len; i++)
		out[n++] = (char)tolower((unsigned char)s[i]);
	out[n] = '\0';
	return out;
}

int kapi_lock_aliases_parse(struct kapi_lock_aliases *aliases,
			    const char *name, const char *text,
			    const char **err)
{
	unsigned int line = 1;
	const char *p = text;

	*err = NULL;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *hash = memchr(p, '#', len);
		const char *eq;
		size_t body = hash ? (size_t)(hash - p) : len;
		struct alias *a;

		eq = memchr(p, '=', body);
		if (!eq) {
			if (*normalize(aliases->arena, p, body)) {
				*err = kapi_arena_printf(aliases->arena,
							 "%s:%u: missing '=': write a lock alias as 'spec lock name = object', for example 'Process memory map lock = mmap_lock'",
							 name, line);
				return -1;
			}
		} else {
			const char *left = normalize(aliases->arena, p,
						     (size_t)(eq - p));
			const char *right = normalize(aliases->arena, eq + 1,
						      body - (size_t)(eq - p) - 1);

			if (!*left || !*right) {
				*err = kapi_arena_printf(aliases->arena,
							 "%s:%u: empty %s side of '='",
							 name, line,
							 *left ? "right" : "left");
				return -1;
			}
			aliases->v = kapi_arena_grow(aliases->arena, aliases->v,
						     sizeof(*aliases->v),
						     aliases->n,
						     aliases->n + 1);
			a = &aliases->v[aliases->n++];
			a->text = left;
			a->identity = right;
		}
		if (!end)
			break;
		p = end + 1;
		line++;
	}
	return 0;
}

static bool alias_lookup(const struct kapi_lock_aliases *aliases,
			 const char *spec_name, const char **identity)
{
	unsigned int i;
	size_t len = strlen(spec_name);

	if (!aliases)
		return false;
	for (i = 0; i < aliases->n; i++) {
		const char *t = aliases->v[i].text;
		const char *s = spec_name;
		size_t n = len;

		while (n && isspace((unsigned char)*s)) {
			s++;
			n--;
		}
		while (n && isspace((unsigned char)s[n - 1]))
			n--;
		if (strlen(t) == n && strncasecmp(s, t, n) == 0) {
			*identity = aliases->v[i].identity;
			return true;
		}
	}
	return false;
}

static bool is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Whether TEXT contains WORD as a whole word, ignoring case. */
static bool has_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	if (!text || !n)
		return false;
	for (p = text; *p; p++) {
		if (p != text && is_word_char(p[-1]))
			continue;
		if (strncasecmp(p, word, n) == 0 && !is_word_char(p[n]))
			return true;
	}
	return false;
}

bool kapi_lock_name_matches(const struct kapi_lock_aliases *aliases,
			    const char *spec_name, const char *identity)
{
	const char *alias;

	if (!spec_name || !identity)
		return false;
	if (alias_lookup(aliases, spec_name, &alias))
		return strcasecmp(alias, identity) == 0;
	return has_word(spec_name, identity);
}

int kapi_lock_spec_mode(const struct kapi_spec_lock *lock)
{
	bool read = has_word(lock->name, "read") ||
		    has_word(lock->description, "read");
	bool write = has_word(lock->name, "write") ||
		     has_word(lock->description, "write");

	if (read == write)
		return -1;
	return read ? KAPI_LOCK_MODE_READ : KAPI_LOCK_MODE_WRITE;
}
