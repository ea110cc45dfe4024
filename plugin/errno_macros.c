/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The unit's errno table, learnt from its own preprocessor macros.
 *
 * Errno numbers differ between architectures, so no table is built in. The
 * C family front ends keep their preprocessor (parse_in) and its macro
 * table alive until the end of compilation, so at pass time every #define
 * the unit saw can still be read. An errno macro is one that
 *
 *	- is named E followed by capitals, digits or underscores,
 *	- is defined in a file whose name starts with "errno"
 *	  (include/uapi/asm-generic/errno-base.h, include/linux/errno.h,
 *	  arch/mips/include/uapi/asm/errno.h, ...),
 *	- expands to one integer literal from 1 to 4095, or to the name of
 *	  another such macro (#define EWOULDBLOCK EAGAIN), which makes it an
 *	  alias. A pair of parentheses around either form is accepted.
 *
 * A macro #undef'd before the end of the unit is gone from the table; the
 * kernel never does that to errno names.
 *
 * Capability names (CAP_IPC_LOCK) are read the same way: CAP_ followed by
 * capitals, digits or underscores, defined in a file whose name starts
 * with "capability", as an integer from 0 to 63.
 */
#include "kapi_plugin.h"

/* Alias chains longer than this are treated as cycles. */
#define ALIAS_DEPTH_MAX 8

/* One kind of numbered macro: errno names or capability names. */
struct macro_family {
	bool (*name_ok)(const char *name);
	const char *path_part;
	int64_t min;
	int64_t max;
};

struct errno_scan {
	struct kapi_errno_table *table;
	const struct macro_family *family;
	unsigned int added;
};

static bool is_errno_name(const char *name)
{
	const char *p;

	if (name[0] != 'E' || name[1] == '\0')
		return false;
	for (p = name + 1; *p; p++) {
		if (!ISUPPER(*p) && !ISDIGIT(*p) && *p != '_')
			return false;
	}
	return true;
}

static bool is_cap_name(const char *name)
{
	const char *p;

	if (strncmp(name, "CAP_", 4) != 0 || name[4] == '\0')
		return false;
	for (p = name + 4; *p; p++) {
		if (!ISUPPER(*p) && !ISDIGIT(*p) && *p != '_')
			return false;
	}
	return true;
}

static const struct macro_family errno_family = {
	is_errno_name, "errno", 1, KAPI_MAX_ERRNO,
};

static const struct macro_family cap_family = {
	is_cap_name, "capability", 0, 63,
};

/*
 * Parse the spelling of a CPP_NUMBER token: decimal, octal or hex digits
 * with optional u/l suffixes, within FAMILY's range. Anything else
 * (floats, values out of range) returns false.
 */
static bool parse_macro_number(const char *text,
			       const struct macro_family *family,
			       int64_t *out)
{
	char *end;
	long long value;

	errno = 0;
	value = strtoll(text, &end, 0);
	if (errno != 0 || end == text)
		return false;
	while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L')
		end++;
	if (*end != '\0' || value < family->min || value > family->max)
		return false;
	*out = value;
	return true;
}

/*
 * Return the one meaningful token of MACRO's expansion, skipping a pair of
 * parentheses around it, or NULL when the expansion has another shape.
 * Traditional-mode macros (-traditional-cpp) store text, not tokens, and
 * are not read.
 */
static const cpp_token *single_token(const cpp_macro *macro)
{
	const cpp_token *tokens = macro->exp.tokens;

	if (macro->kind != cmk_macro || macro->fun_like)
		return NULL;
	if (macro->count == 1)
		return &tokens[0];
	if (macro->count == 3 && tokens[0].type == CPP_OPEN_PAREN &&
	    tokens[2].type == CPP_CLOSE_PAREN)
		return &tokens[1];
	return NULL;
}

static bool defined_in_family_file(const cpp_macro *macro,
				   const struct macro_family *family)
{
	location_t loc = linemap_resolve_location(line_table, macro->line,
						  LRK_SPELLING_LOCATION, NULL);
	expanded_location xloc = expand_location(loc);
	const char *base;

	if (!xloc.file)
		return false;
	/* The file's own name, so a folder named "errno" matches nothing. */
	base = strrchr(xloc.file, '/');
	base = base ? base + 1 : xloc.file;
	return strncmp(base, family->path_part, strlen(family->path_part)) == 0;
}

/*
 * Find the number that NODE defines, directly or through aliases; false
 * when it defines none. *IS_ALIAS is set when the first step is an alias.
 */
static bool family_macro_value(cpp_hashnode *node,
			       const struct macro_family *family,
			       bool *is_alias, unsigned int depth,
			       int64_t *value)
{
	const cpp_macro *macro;
	const cpp_token *token;

	if (depth > ALIAS_DEPTH_MAX || !cpp_user_macro_p(node))
		return false;
	macro = node->value.macro;
	/* A deferred macro (C++ modules) or a lazy one has no tokens yet. */
	if (!macro || macro->lazy)
		return false;
	if (!family->name_ok((const char *)NODE_NAME(node)) ||
	    !defined_in_family_file(macro, family))
		return false;

	token = single_token(macro);
	if (!token)
		return false;

	if (token->type == CPP_NUMBER) {
		char *text = xstrndup((const char *)token->val.str.text,
				      token->val.str.len);
		bool ok = parse_macro_number(text, family, value);

		free(text);
		*is_alias = false;
		return ok;
	}
	if (token->type == CPP_NAME) {
		bool ignored;

		*is_alias = true;
		return family_macro_value(token->val.node.node, family,
					  &ignored, depth + 1, value);
	}
	return false;
}

/* cpp_forall_identifiers() callback; returns nonzero to go on. */
static int scan_identifier(cpp_reader *reader, cpp_hashnode *node,
			   void *data)
{
	struct errno_scan *scan = (struct errno_scan *)data;
	const char *name = (const char *)NODE_NAME(node);
	bool is_alias = false;
	int64_t value;

	if (!cpp_user_macro_p(node) || !scan->family->name_ok(name))
		return 1;
	if (!family_macro_value(node, scan->family, &is_alias, 0, &value))
		return 1;

	kapi_errno_table_add(scan->table, name, value, is_alias);
	scan->added++;
	return 1;
}

void kapi_read_errno_macros(struct kapi_errno_table *table)
{
	struct errno_scan scan = { table, &errno_family, 0 };

	/* Test the weak symbol's address before reading it (gcc-common.h). */
	if (!&parse_in || !parse_in) {
		kapi_verbose(UNKNOWN_LOCATION,
			     "this front end has no C preprocessor; errno "
			     "names are not known and spec error names are "
			     "not checked");
		return;
	}

	cpp_forall_identifiers(parse_in, scan_identifier, &scan);
	if (scan.added == 0)
		kapi_verbose(UNKNOWN_LOCATION,
			     "no errno macros found in this unit (no E* "
			     "macro defined in a file named *errno*)");
}

/*
 * Read the unit's CAP_* macros into TABLE, for capability names in
 * messages. Units that do not include linux/capability.h get numbers.
 */
void kapi_read_cap_macros(struct kapi_errno_table *table)
{
	struct errno_scan scan = { table, &cap_family, 0 };

	if (!&parse_in || !parse_in)
		return;
	cpp_forall_identifiers(parse_in, scan_identifier, &scan);
}
