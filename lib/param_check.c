// SPDX-License-Identifier: GPL-2.0-only
/*
 * The parameter check: a spec's KAPI_PARAM entries against the prototype
 * of the syscall's body (the SYSCALL_DEFINEn argument list).
 *
 * C type names are compared after normalization, so "unsigned long" and
 * "long unsigned int" are one type. A spec that names a typedef's
 * underlying type ("unsigned long" for size_t) gets a note, not a warning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/check.h"

#define MAX_WORDS 8

static int compare_words(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Spell TYPE canonically into OUT: words sorted, "int" dropped next to
 * short/long/signed/unsigned, "signed" dropped except for char, sparse
 * annotations dropped, pointer stars last.
 */
static void normalize_type(const char *type, char *out, size_t size)
{
	char copy[256], *words[MAX_WORDS], *p;
	unsigned int n = 0, stars = 0, i;
	bool sized = false, is_char = false;

	out[0] = '\0';
	if (!type)
		return;
	snprintf(copy, sizeof(copy), "%s", type);
	for (p = copy; *p; p++) {
		if (*p == '*') {
			stars++;
			*p = ' ';
		}
	}
	for (p = strtok(copy, " \t"); p && n < MAX_WORDS; p = strtok(NULL, " \t")) {
		if (!strcmp(p, "__user") || !strcmp(p, "__force") ||
		    !strcmp(p, "__kernel") || !strcmp(p, "__iomem"))
			continue;
		sized |= !strcmp(p, "short") || !strcmp(p, "long") ||
			 !strcmp(p, "unsigned") || !strcmp(p, "signed");
		is_char |= !strcmp(p, "char");
		words[n++] = p;
	}

	qsort(words, n, sizeof(words[0]), compare_words);
	for (i = 0; i < n; i++) {
		if (sized && !strcmp(words[i], "int"))
			continue;
		if (!is_char && !strcmp(words[i], "signed") && n > 1)
			continue;
		if (out[0])
			strncat(out, " ", size - strlen(out) - 1);
		strncat(out, words[i], size - strlen(out) - 1);
	}
	/* A lone "signed" is "signed int", which is "int". */
	if (strcmp(out, "signed") == 0)
		snprintf(out, size, "int");
	for (i = 0; i < stars; i++)
		strncat(out, "*", size - strlen(out) - 1);
}

static bool same_type(const char *a, const char *b)
{
	char x[256], y[256];

	normalize_type(a, x, sizeof(x));
	normalize_type(b, y, sizeof(y));
	return x[0] && strcmp(x, y) == 0;
}

static void check_one(const struct kapi_spec *spec,
		      const struct kapi_spec_param *p,
		      const struct kapi_summary *impl,
		      struct kapi_findings *out)
{
	unsigned int i = (unsigned int)p->index;
	const char *name = impl->param_names ? impl->param_names[i] : NULL;
	const char *type = impl->param_types ? impl->param_types[i] : NULL;
	const char *base = impl->param_base_types ?
		impl->param_base_types[i] : NULL;
	struct kapi_finding *f;

	if (p->name && name && strcmp(p->name, name) != 0) {
		f = kapi_findings_add(out, KAPI_CHECK_PARAM_MISMATCH, spec->name,
				      spec->loc,
				      "spec '%s': parameter %d is '%s', but '%s' names it '%s'",
				      spec->name, p->index, p->name,
				      impl->name, name);
		kapi_finding_set_value(out, f, p->name);
		kapi_finding_note(out, f, impl->loc, "'%s' is defined here",
				  impl->name);
	}
	if (!p->type_name || !type || same_type(p->type_name, type))
		return;

	/* Either side may name a typedef of the other's type. */
	if ((base && same_type(p->type_name, base)) ||
	    (p->base_type_name && (same_type(p->base_type_name, type) ||
				   (base && same_type(p->base_type_name,
						      base))))) {
		f = kapi_findings_add(out, KAPI_CHECK_PARAM_TYPE, spec->name,
				      spec->loc,
				      "spec '%s': parameter %d '%s' has type '%s', and the code writes '%s': the same type through a typedef",
				      spec->name, p->index,
				      p->name ? p->name : "?", p->type_name,
				      type);
		f->note_only = true;
		kapi_finding_set_value(out, f, p->name);
		return;
	}
	f = kapi_findings_add(out, KAPI_CHECK_PARAM_MISMATCH, spec->name,
			      spec->loc,
			      "spec '%s': parameter %d '%s' has type '%s', but '%s' takes '%s'",
			      spec->name, p->index, p->name ? p->name : "?",
			      p->type_name, impl->name, type);
	kapi_finding_set_value(out, f, p->name);
	kapi_finding_note(out, f, impl->loc, "'%s' is defined here",
			  impl->name);
}

void kapi_check_params(const struct kapi_spec *spec,
		       const struct kapi_summary *impl,
		       struct kapi_findings *out)
{
	/*
	 * The entries, not param_count: a count that disagrees with them is
	 * reported by kapi_spec_validate() already.
	 */
	unsigned int i, described = spec->params.n;

	if (!impl)
		return;

	if (described != impl->nparams && described > 0) {
		struct kapi_finding *f =
			kapi_findings_add(out, KAPI_CHECK_PARAM_MISMATCH,
					  spec->name, spec->loc,
					  "spec '%s' describes %u parameter%s, but '%s' takes %u",
					  spec->name, described,
					  described == 1 ? "" : "s",
					  impl->name, impl->nparams);

		kapi_finding_note(out, f, impl->loc, "'%s' is defined here",
				  impl->name);
	}
	for (i = 0; i < spec->params.n; i++) {
		const struct kapi_spec_param *p = &spec->params.v[i];

		if (p->index >= 0 && (unsigned int)p->index < impl->nparams)
			check_one(spec, p, impl, out);
	}
}
