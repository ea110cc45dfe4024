// SPDX-License-Identifier: GPL-2.0-only
/*
 * kerneldoc.c - find the kerneldoc comments with API-spec tags above
 * SYSCALL_DEFINEn and split them into tags and keys (see
 * include/kapi/kerneldoc.h; the macros are written by kerneldoc_dsl.c)
 *
 * Line shapes inside a comment, after the leading " *":
 *	" sys_mlock - lock pages"	name and summary (first text line)
 *	" @start: first address"	a parameter's description
 *	" lock: mmap_lock"		a tag: lower-case key, one space in
 *	"   type: rwlock"		a key of the tag above: indented deeper
 *	"   more text"			continues the last tag or key
 *	" Other prose", " Return: ..."	kerneldoc text, which ends a tag
 * Tabs count as eight columns of indentation.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kerneldoc.h"

int kdoc_fail(struct kapi_kerneldoc_error *err, unsigned int line,
	      const char *fmt, ...)
{
	va_list ap;

	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

/* The source split into lines; LINES[i] is line i + 1. */
struct source {
	struct kapi_arena *arena;
	unsigned int nlines;
	const char **lines;
};

static void split_lines(struct source *src, const char *text)
{
	unsigned int cap = 0;

	while (*text) {
		const char *end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);

		if (len && text[len - 1] == '\r')
			len--;
		if (src->nlines == cap) {
			cap = cap ? cap * 2 : 256;
			src->lines = kapi_arena_grow(src->arena, src->lines,
						     sizeof(char *),
						     src->nlines, cap);
		}
		src->lines[src->nlines++] = kapi_intern_len(src->arena, text,
							    len);
		text += len + (end ? (size_t)(end - text - len) + 1 : 0);
		if (!end)
			break;
	}
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Copy of P without surrounding white space. */
static const char *trimmed(struct kapi_arena *arena, const char *p)
{
	size_t len;

	p = skip_blanks(p);
	len = strlen(p);
	while (len && isspace((unsigned char)p[len - 1]))
		len--;
	return kapi_intern_len(arena, p, len);
}

/*
 * The text of a comment line after its leading "*" and the columns it is
 * indented by; NULL for the closing line.
 */
static const char *comment_text(const char *line, unsigned int *indent)
{
	const char *p = skip_blanks(line);

	if (strncmp(p, "*/", 2) == 0)
		return NULL;
	if (*p == '*')
		p++;
	*indent = 0;
	for (; *p == ' ' || *p == '\t'; p++)
		*indent += *p == '\t' ? 8 : 1;
	return p;
}

/*
 * Whether TEXT is "key: value" with a lower-case key of letters, digits
 * and '-'. Sets *KEY and *VALUE.
 */
static bool split_key(struct kapi_arena *arena, const char *text,
		      const char **key, const char **value)
{
	const char *p = text;

	if (!islower((unsigned char)*p))
		return false;
	while (islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
	       *p == '-')
		p++;
	if (*p != ':' || (p[1] && p[1] != ' ' && p[1] != '\t'))
		return false;
	*key = kapi_intern_len(arena, text, (size_t)(p - text));
	*value = trimmed(arena, p + 1);
	return true;
}

static bool key_allowed(const char *const *keys, const char *key)
{
	for (; keys && *keys; keys++)
		if (strcmp(*keys, "*") == 0 || strcmp(*keys, key) == 0)
			return true;
	return false;
}

static void append_text(struct kapi_arena *arena, const char **value,
			const char *more)
{
	if (!*more)
		return;
	*value = **value ? kapi_arena_printf(arena, "%s %s", *value, more)
			 : more;
}

static struct kdoc_item *add_item(struct kapi_arena *arena,
				  struct kdoc_item **v, unsigned int *n)
{
	*v = kapi_arena_grow(arena, *v, sizeof(**v), *n, *n + 1);
	return &(*v)[(*n)++];
}

/* Reader state for one comment. */
struct comment {
	struct kapi_arena *arena;
	struct kdoc_block *block;
	struct kdoc_item *tag;		/* the open tag, or NULL */
	const char **last;		/* the value continuation lines extend */
	bool has_name_line;
	unsigned int unknown_line;	/* first unknown lower-case tag */
	const char *unknown_tag;
};

static void read_param_doc(struct comment *c, const char *text)
{
	struct kdoc_block *b = c->block;
	const char *colon = strchr(text, ':');
	struct kdoc_param_doc *d;

	if (!colon)
		return;
	b->param_docs = kapi_arena_grow(c->arena, b->param_docs, sizeof(*d),
					b->nparam_docs, b->nparam_docs + 1);
	d = &b->param_docs[b->nparam_docs++];
	d->name = trimmed(c->arena,
			  kapi_intern_len(c->arena, text + 1,
					  (size_t)(colon - text - 1)));
	d->text = trimmed(c->arena, colon + 1);
	c->tag = NULL;
	c->last = &d->text;
}

/*
 * Whether TAG's value is a list of words (contexts, a count), so that an
 * indented "key: value" under it is a mistake. Under the prose tags
 * (long-desc:, examples:, notes:) such a line is text.
 */
static bool takes_word_list(const char *tag)
{
	return !strcmp(tag, "contexts") || !strcmp(tag, "context") ||
	       !strcmp(tag, "context-flags") || !strcmp(tag, "param-count");
}

/* Read a line indented under the open tag: a key or continued text. */
static int read_indented(struct comment *c, const char *text,
			 unsigned int lineno, struct kapi_kerneldoc_error *err)
{
	const char *const *keys = c->tag ? kdoc_tag_keys(c->tag->key) : NULL;
	const char *key, *value;
	struct kdoc_item *sub;

	if (c->tag && keys && !*keys && takes_word_list(c->tag->key) &&
	    split_key(c->arena, text, &key, &value))
		return kdoc_fail(err, lineno,
				 "unknown key '%s:' under the tag '%s:' (line %u), which takes no keys; write its values on the tag's line",
				 key, c->tag->key, c->tag->line);
	if (c->tag && keys && *keys && split_key(c->arena, text, &key, &value)) {
		if (!key_allowed(keys, key))
			return kdoc_fail(err, lineno,
					 "unknown key '%s:' under the tag '%s:' (line %u)",
					 key, c->tag->key, c->tag->line);
		sub = add_item(c->arena, &c->tag->subs, &c->tag->nsubs);
		sub->key = key;
		sub->value = value;
		sub->line = lineno;
		c->last = &sub->value;
		return 0;
	}
	if (c->last)
		append_text(c->arena, c->last, trimmed(c->arena, text));
	return 0;
}

static int read_comment_line(struct comment *c, const char *text,
			     unsigned int indent, unsigned int lineno,
			     struct kapi_kerneldoc_error *err)
{
	struct kdoc_block *b = c->block;
	const char *key, *value;

	if (!*text)
		return 0;
	if (!c->has_name_line) {
		const char *dash = strstr(text, " - ");

		c->has_name_line = true;
		b->summary = dash ? trimmed(c->arena, dash + 3) : "";
		return 0;
	}
	if (indent >= 2)
		return read_indented(c, text, lineno, err);
	if (*text == '@') {
		read_param_doc(c, text);
		return 0;
	}
	c->tag = NULL;
	c->last = NULL;
	if (!split_key(c->arena, text, &key, &value))
		return 0;
	if (!kdoc_tag_keys(key)) {
		if (!c->unknown_tag) {
			c->unknown_tag = key;
			c->unknown_line = lineno;
		}
		return 0;
	}
	c->tag = add_item(c->arena, &b->items, &b->nitems);
	c->tag->key = key;
	c->tag->value = value;
	c->tag->line = lineno;
	c->last = &c->tag->value;
	return 0;
}

/* Split "a, b(c, d), e" at the commas outside parentheses. */
static unsigned int split_args(struct kapi_arena *arena, const char *text,
			       const char ***out)
{
	unsigned int n = 0, depth = 0;
	const char *start = text, *p;

	*out = NULL;
	for (p = text;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		if (*p && (*p != ',' || depth))
			continue;
		*out = kapi_arena_grow(arena, *out, sizeof(char *), n, n + 1);
		(*out)[n++] = trimmed(arena, kapi_intern_len(arena, start,
							     (size_t)(p - start)));
		if (!*p)
			return n;
		start = p + 1;
	}
}

/* Collapse runs of white space in TYPE into single spaces. */
static const char *normalize_type(struct kapi_arena *arena, const char *type)
{
	char *copy = kapi_arena_alloc(arena, strlen(type) + 1);
	char *q = copy;
	const char *p;

	for (p = type; *p; p++) {
		if (isspace((unsigned char)*p)) {
			if (q > copy && q[-1] != ' ')
				*q++ = ' ';
			continue;
		}
		*q++ = *p;
	}
	if (q > copy && q[-1] == ' ')
		q--;
	*q = '\0';
	return copy;
}

/*
 * Read SYSCALL_DEFINEn(NAME, TYPE, ARG, ...) starting on line AT (0-based),
 * over as many lines as its parentheses span.
 */
static int read_syscall(struct source *src, unsigned int at,
			struct kdoc_block *b, struct kapi_kerneldoc_error *err)
{
	const char *text = "", *open, *close;
	const char **parts;
	unsigned int i, nparts, depth = 0;
	const char *p;

	for (i = at; i < src->nlines; i++) {
		text = kapi_arena_printf(src->arena, "%s %s", text,
					 src->lines[i]);
		depth = 0;
		for (p = text; *p; p++) {
			if (*p == '(')
				depth++;
			else if (*p == ')')
				depth--;
		}
		if (strchr(text, '(') && depth == 0)
			break;
	}
	open = strchr(text, '(');
	close = strrchr(text, ')');
	if (!open || !close || depth != 0)
		return kdoc_fail(err, at + 1,
				 "unterminated SYSCALL_DEFINE argument list");

	nparts = split_args(src->arena, kapi_intern_len(src->arena, open + 1,
						       (size_t)(close - open - 1)),
			    &parts);
	if (nparts == 0 || !*parts[0] || nparts % 2 == 0)
		return kdoc_fail(err, at + 1,
				 "malformed SYSCALL_DEFINE: expected (NAME, TYPE, ARG, ...)");
	b->syscall = parts[0];
	b->syscall_line = at + 1;
	b->nargs = (nparts - 1) / 2;
	b->args = kapi_arena_alloc(src->arena,
				   (b->nargs ? b->nargs : 1) * sizeof(*b->args));
	for (i = 0; i < b->nargs; i++) {
		b->args[i].type = normalize_type(src->arena, parts[1 + 2 * i]);
		b->args[i].name = parts[2 + 2 * i];
	}
	return 0;
}

static bool is_syscall_define(const char *line)
{
	line = skip_blanks(line);
	return strncmp(line, "SYSCALL_DEFINE", 14) == 0 &&
	       isdigit((unsigned char)line[14]);
}

/*
 * Read the comment opening on line AT (0-based); *NEXT is the line after
 * it. Sets *SPEC when it is an API spec above a syscall.
 */
static int read_block(struct source *src, unsigned int at, unsigned int *next,
		      struct kdoc_block *b, bool *spec,
		      struct kapi_kerneldoc_error *err)
{
	struct comment c = { src->arena, b, NULL, NULL, false, 0, NULL };
	unsigned int i, indent = 0;
	int rc;

	*spec = false;
	memset(b, 0, sizeof(*b));
	b->line = at + 1;
	for (i = at + 1; i < src->nlines; i++) {
		const char *text = comment_text(src->lines[i], &indent);

		if (!text)
			break;
		rc = read_comment_line(&c, text, indent, i + 1, err);
		if (rc)
			return rc;
	}
	if (i == src->nlines)
		return kdoc_fail(err, at + 1, "unterminated kerneldoc comment");
	*next = i + 1;

	while (*next < src->nlines && !*skip_blanks(src->lines[*next]))
		(*next)++;
	if (*next == src->nlines || !is_syscall_define(src->lines[*next]) ||
	    b->nitems == 0)
		return 0;
	if (c.unknown_tag)
		return kdoc_fail(err, c.unknown_line,
				 "unknown API-spec tag '%s:' (tags are written in lower case; kerneldoc sections such as 'Return:' start with a capital)",
				 c.unknown_tag);
	*spec = true;
	return read_syscall(src, *next, b, err);
}

/*
 * Whether a comment line of the source has a contexts:, context-flags: or
 * context: tag. Kbuild generates specs only for such files, so a lower-case
 * "return:" in the kerneldoc of another file is not taken for a spec.
 */
static bool has_context_tag(const struct source *src)
{
	static const char *const tags[] = {
		"contexts:", "context-flags:", "context:",
	};
	unsigned int i;
	size_t t;

	for (i = 0; i < src->nlines; i++) {
		const char *p = skip_blanks(src->lines[i]);

		if (*p != '*')
			continue;
		p = skip_blanks(p + 1);
		for (t = 0; t < sizeof(tags) / sizeof(tags[0]); t++)
			if (strncmp(p, tags[t], strlen(tags[t])) == 0)
				return true;
	}
	return false;
}

int kapi_kerneldoc_translate(const char *file, const char *text,
			     struct kapi_buf *out,
			     struct kapi_kerneldoc_error *err)
{
	struct source src = { kapi_arena_new(), 0, NULL };
	unsigned int i, next = 0;
	int nspecs = 0, rc = 0;

	split_lines(&src, text);
	if (!has_context_tag(&src)) {
		kapi_arena_free(src.arena);
		return 0;
	}
	for (i = 0; i < src.nlines && rc == 0; i++) {
		const char *line = skip_blanks(src.lines[i]);
		struct kdoc_block block;
		bool spec;

		if (strncmp(line, "/**", 3) != 0 || line[3] == '*' ||
		    strstr(line + 3, "*/"))
			continue;
		rc = read_block(&src, i, &next, &block, &spec, err);
		if (rc == 0 && spec) {
			rc = kdoc_write_spec(src.arena, file, &block, out, err);
			nspecs++;
		}
		if (rc == 0)
			i = next - 1;
	}
	kapi_arena_free(src.arena);
	return rc ? -1 : nspecs;
}
