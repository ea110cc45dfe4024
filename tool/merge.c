// SPDX-License-Identifier: GPL-2.0-only
/*
 * kapi-check merge: one list from the plugin's, the Coccinelle rules' and
 * sparse's GCC-style diagnostics (see merge.h for the input lines).
 *
 *   kapi-check merge [--strip PREFIX] [REPORT OPTION]... FILE...
 *
 * The report options are those of kapi-check (report.h): --format,
 * --suppress, --baseline, --write-baseline, --relative-to and --verbose
 * apply to the merged findings as to kapi-check's own. FILE "-" is
 * standard input. Exit status: 0 no finding, 1 findings,
 * 2 usage error or unreadable file.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/arena.h"
#include "merge.h"
#include "report.h"

void kapi_merge_init(struct kapi_merge *m, struct kapi_arena *arena,
		     const char *strip)
{
	memset(m, 0, sizeof(*m));
	m->arena = arena;
	kapi_findings_init(&m->findings, arena);
	m->strip = strip;
	m->current = -1;
}

const char *kapi_merge_engine(const char *id)
{
	if (!id)
		return NULL;
	if (strncmp(id, "kapi-", 5) == 0 && id[5])
		return "plugin";
	if (strncmp(id, "cocci-", 6) == 0 && id[6])
		return "cocci";
	if (strcmp(id, "sparse") == 0 || strcmp(id, "sparse-context") == 0)
		return "sparse";
	return NULL;
}

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Length of the opening quote at P ('\'' or U+2018), or 0. */
static size_t open_quote(const char *p)
{
	if (*p == '\'')
		return 1;
	if (strncmp(p, "\xe2\x80\x98", 3) == 0)
		return 3;
	return 0;
}

/* Length of the closing quote at P ('\'' or U+2019), or 0. */
static size_t close_quote(const char *p)
{
	if (*p == '\'')
		return 1;
	if (strncmp(p, "\xe2\x80\x99", 3) == 0)
		return 3;
	return 0;
}

/* The C identifier quoted at P, or NULL; *END receives the text after it. */
static const char *quoted_ident(struct kapi_arena *arena, const char *p,
				const char **end)
{
	size_t open = open_quote(p), close, n = 0;
	const char *name;

	if (!open)
		return NULL;
	name = p + open;
	while (ident_char(name[n]))
		n++;
	close = close_quote(name + n);
	if (n == 0 || !close || (name[0] >= '0' && name[0] <= '9'))
		return NULL;
	*end = name + n + close;
	return kapi_intern_len(arena, name, n);
}

const char *kapi_merge_function(struct kapi_arena *arena, const char *message,
				const char *context)
{
	const char *p, *end;

	for (p = message; p && *p; p++) {
		const char *name = quoted_ident(arena, p, &end);

		if (name)
			return name;
	}
	return context;
}

/* Length of the word at P (letters, digits, '_'), 0 when none starts there. */
static size_t word_length(const char *p)
{
	size_t n = 0;

	while (ident_char(p[n]))
		n++;
	return n;
}

/* Whether the word of length N at P is an errno name such as EINTR. */
static bool is_errno_word(const char *p, size_t n)
{
	size_t i;

	if (n < 3 || p[0] != 'E')
		return false;
	for (i = 1; i < n; i++)
		if (!(p[i] >= 'A' && p[i] <= 'Z') && !(p[i] >= '0' && p[i] <= '9'))
			return false;
	return true;
}

/* The first whole word of MESSAGE that MATCHES accepts, or NULL. */
static const char *find_word(struct kapi_arena *arena, const char *message,
			     bool (*matches)(const char *p, size_t n))
{
	const char *p = message;

	while (p && *p) {
		size_t n = word_length(p);

		if (n == 0) {
			p++;
			continue;
		}
		if (matches(p, n))
			return kapi_intern_len(arena, p, n);
		p += n;
	}
	return NULL;
}

static bool is_capability_word(const char *p, size_t n)
{
	return n > 4 && strncmp(p, "CAP_", 4) == 0;
}

const char *kapi_merge_value(struct kapi_arena *arena, const char *message,
			     const char *function)
{
	const char *value = find_word(arena, message, is_errno_word);
	const char *p, *end;

	if (!value)
		value = find_word(arena, message, is_capability_word);
	for (p = message; !value && p && *p; p++) {
		const char *name = quoted_ident(arena, p, &end);

		if (name && (!function || strcmp(name, function) != 0))
			value = name;
	}
	return value;
}

/* One diagnostic line, split in place. */
struct diag {
	const char *file;
	unsigned int line, column;
	const char *kind;		/* "warning", "error" or "note" */
	const char *message;
	const char *id;			/* NULL when the line has none */
};

static bool parse_number(const char **p, unsigned int *out)
{
	unsigned long v = 0;
	const char *s = *p;

	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9' && v < 100000000)
		v = v * 10 + (unsigned long)(*s++ - '0');
	*out = (unsigned int)v;
	*p = s;
	return true;
}

/* Split the trailing " [ID]" off TEXT; the id is GCC's option or check. */
static void split_id(char *text, const char **id)
{
	size_t n = strlen(text);
	char *open;

	*id = NULL;
	if (n < 4 || text[n - 1] != ']')
		return;
	open = strrchr(text, '[');
	if (!open || open == text || open[-1] != ' ' || open + 1 == text + n - 1)
		return;
	for (char *c = open + 1; c < text + n - 1; c++)
		if (!ident_char(*c) && *c != '-' && *c != '=' && *c != '.')
			return;
	text[n - 1] = '\0';
	*id = open + 1;
	open[-1] = '\0';
}

/* Parse BUF (modified) as FILE:LINE[:COL[-COL]]: KIND: MESSAGE [ID]. */
static bool parse_diag(char *buf, struct diag *d)
{
	static const char *const kinds[] = { "warning", "error", "note" };
	char *colon = strchr(buf, ':');
	const char *p;
	unsigned int i, ignored;

	if (!colon || colon == buf || buf[0] == ' ' || buf[0] == '\t')
		return false;
	p = colon + 1;
	if (!parse_number(&p, &d->line) || *p != ':')
		return false;
	p++;
	d->column = 0;
	if (parse_number(&p, &d->column)) {
		if (*p == '-' && (p++, !parse_number(&p, &ignored)))
			return false;
		if (*p != ':')
			return false;
		p++;
	}
	if (*p != ' ')
		return false;
	p++;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		size_t n = strlen(kinds[i]);

		if (strncmp(p, kinds[i], n) == 0 && p[n] == ':' && p[n + 1] == ' ')
			break;
	}
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		return false;
	d->kind = kinds[i];
	d->message = p + strlen(kinds[i]) + 2;
	*colon = '\0';
	d->file = buf;
	split_id((char *)d->message, &d->id);
	return true;
}

/* Remember the function of "FILE: In function 'NAME':"; reset at top level. */
static bool parse_context(struct kapi_merge *m, const char *line)
{
	const char *p = strstr(line, ": In function ");
	const char *end;

	if (strstr(line, ": At top level:")) {
		m->context = NULL;
		return true;
	}
	if (!p || strchr(line, ':') != p)
		return false;
	m->context = quoted_ident(m->arena, p + strlen(": In function "), &end);
	return true;
}

static struct kapi_loc merge_loc(struct kapi_merge *m, const struct diag *d)
{
	struct kapi_loc loc = { 0 };

	loc.file = kapi_intern(m->arena, kapi_strip_path(d->file, m->strip));
	loc.line = d->line;
	loc.column = d->column;
	return loc;
}

static void add_finding(struct kapi_merge *m, const struct diag *d,
			const char *engine)
{
	const char *function = kapi_merge_function(m->arena, d->message,
						    m->context);
	const char *value;
	unsigned int n = m->findings.n;

	kapi_findings_add(&m->findings, kapi_check_lookup(d->id), function,
			  merge_loc(m, d), "%s", d->message);
	value = kapi_merge_value(m->arena, d->message, function);
	if (value)
		kapi_finding_set_value(&m->findings, &m->findings.v[n], value);
	if (n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->engines = kapi_arena_grow(m->arena, m->engines,
					     sizeof(*m->engines), n, m->cap);
		m->checks = kapi_arena_grow(m->arena, m->checks,
					    sizeof(*m->checks), n, m->cap);
	}
	m->engines[n] = engine;
	/* A kapi-* id this build does not know keeps its own name. */
	m->checks[n] = m->findings.v[n].check == KAPI_CHECK_COUNT ?
		       kapi_intern(m->arena, d->id) : NULL;
	m->current = (int)n;
}

void kapi_merge_line(struct kapi_merge *m, const char *line)
{
	size_t n = strlen(line);
	char *buf = malloc(n + 1);
	struct diag d;
	const char *engine;

	if (!buf)
		abort();
	memcpy(buf, line, n + 1);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';

	if (!parse_diag(buf, &d)) {
		/* Caret lines, make's progress and the like change nothing. */
		parse_context(m, buf);
		free(buf);
		return;
	}

	if (strcmp(d.kind, "note") == 0) {
		const char *owner = m->current < 0 ? NULL :
				    m->engines[m->current];
		const char *owner_id = m->current < 0 ? NULL :
			(m->checks[m->current] ? m->checks[m->current] :
			 kapi_check_name(m->findings.v[m->current].check));

		if (owner && (!d.id || strcmp(d.id, owner_id) == 0))
			kapi_finding_note(&m->findings,
					  &m->findings.v[m->current],
					  merge_loc(m, &d), "%s", d.message);
		free(buf);
		return;
	}

	engine = kapi_merge_engine(d.id);
	if (engine) {
		add_finding(m, &d, engine);
	} else {
		m->dropped++;
		m->current = -1;
	}
	free(buf);
}

void kapi_merge_read(struct kapi_merge *m, FILE *in)
{
	char *line = NULL;
	size_t size = 0;

	while (getline(&line, &size, in) >= 0)
		kapi_merge_line(m, line);
	free(line);
	m->current = -1;
	m->context = NULL;
}

static int compare_strings(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* Order by place, check and text; 0 for the same finding read twice. */
static int compare_content(const struct kapi_result *a,
			   const struct kapi_result *b)
{
	const struct kapi_finding *fa = a->finding, *fb = b->finding;
	int c = compare_strings(fa->loc.file, fb->loc.file);

	if (c)
		return c;
	if (fa->loc.line != fb->loc.line)
		return fa->loc.line < fb->loc.line ? -1 : 1;
	if (fa->loc.column != fb->loc.column)
		return fa->loc.column < fb->loc.column ? -1 : 1;
	c = compare_strings(a->check_name ? a->check_name :
			    kapi_check_name(fa->check),
			    b->check_name ? b->check_name :
			    kapi_check_name(fb->check));
	if (c)
		return c;
	return compare_strings(fa->message, fb->message);
}

static int compare_results(const void *pa, const void *pb)
{
	const struct kapi_result *a = pa, *b = pb;
	int c = compare_content(a, b);

	if (c)
		return c;
	/* Keep the order of reading among equals, so duplicates are adjacent. */
	return a->finding < b->finding ? -1 : a->finding > b->finding;
}

static bool same_notes(const struct kapi_finding *a,
		       const struct kapi_finding *b)
{
	unsigned int i;

	if (a->nnotes != b->nnotes)
		return false;
	for (i = 0; i < a->nnotes; i++)
		if (a->notes[i].loc.line != b->notes[i].loc.line ||
		    compare_strings(a->notes[i].loc.file, b->notes[i].loc.file) ||
		    compare_strings(a->notes[i].message, b->notes[i].message))
			return false;
	return true;
}

unsigned int kapi_merge_results(struct kapi_merge *m,
				struct kapi_result **out)
{
	unsigned int n = m->findings.n, i, kept = 0;
	struct kapi_result *r = kapi_arena_alloc(m->arena,
						 (n + 1) * sizeof(*r));

	for (i = 0; i < n; i++) {
		r[i] = (struct kapi_result){
			.finding = &m->findings.v[i],
			.engine = m->engines[i],
			.check_name = m->checks[i],
		};
	}
	qsort(r, n, sizeof(*r), compare_results);

	for (i = 0; i < n; i++) {
		if (kept && compare_strings(r[kept - 1].engine, r[i].engine) == 0 &&
		    compare_content(&r[kept - 1], &r[i]) == 0 &&
		    same_notes(r[kept - 1].finding, r[i].finding))
			continue;
		r[kept++] = r[i];
	}
	*out = r;
	return kept;
}

static void merge_usage(FILE *out)
{
	fprintf(out,
		"usage: kapi-check merge [OPTION]... FILE...\n"
		"\n"
		"Read GCC-style diagnostics of the plugin ([kapi-...] ids), the\n"
		"Coccinelle rules ([cocci-RULE]) and sparse ([sparse-context]) from\n"
		"each FILE (\"-\": standard input) and print them as one list.\n"
		"  --strip PREFIX   remove PREFIX from the start of file paths\n");
	kapi_report_usage(out);
	fprintf(out, "Exit status: 0 no finding, 1 findings printed, 2 error.\n");
}

int kapi_merge_main(int argc, char **argv)
{
	struct kapi_report_options opts = { .format = KAPI_FORMAT_TEXT };
	const char *strip = NULL;
	struct kapi_arena *arena;
	struct kapi_result *results;
	struct kapi_merge m;
	unsigned int n;
	int i, rc;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		int taken;

		if (strcmp(argv[i], "--strip") == 0 && i + 1 < argc) {
			strip = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--strip=", 8) == 0) {
			strip = argv[i] + 8;
			continue;
		}
		if (strcmp(argv[i], "--help") == 0) {
			merge_usage(stdout);
			free(opts.suppress);
			return 0;
		}
		taken = kapi_report_option(&opts, argc, argv, &i);
		if (taken == 0)
			fprintf(stderr, "kapi-check merge: unknown option '%s'\n",
				argv[i]);
		if (taken <= 0) {
			merge_usage(stderr);
			free(opts.suppress);
			return 2;
		}
	}
	if (i == argc) {
		fprintf(stderr, "kapi-check merge: no input file given\n");
		merge_usage(stderr);
		free(opts.suppress);
		return 2;
	}

	arena = kapi_arena_new();
	kapi_merge_init(&m, arena, strip);
	for (; i < argc; i++) {
		FILE *in = strcmp(argv[i], "-") == 0 ? stdin :
			   fopen(argv[i], "r");

		if (!in) {
			fprintf(stderr, "kapi-check merge: failed to open '%s': %s\n",
				argv[i], strerror(errno));
			kapi_arena_free(arena);
			free(opts.suppress);
			return 2;
		}
		kapi_merge_read(&m, in);
		if (in != stdin)
			fclose(in);
	}

	/* Suppressions and baselines apply as to kapi-check's own findings. */
	n = kapi_merge_results(&m, &results);
	rc = kapi_report_results(&opts, results, n);
	kapi_arena_free(arena);
	free(opts.suppress);
	return rc;
}
