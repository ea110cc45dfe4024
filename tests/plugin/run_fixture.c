// SPDX-License-Identifier: GPL-2.0-only
/*
 * run_fixture.c - compile plugin test fixtures and compare the diagnostics
 * with the expectations written inside them
 *
 * Usage:
 *   run_fixture --gcc GCC --plugin SO --include DIR [--include DIR ...]
 *               [--srcdir DIR] [--expect-output TEXT ...] [--verbose]
 *               FIXTURE.c [FIXTURE.c ...]
 *
 * Each fixture is compiled with
 *   GCC -O2 -c -o /dev/null -fdiagnostics-color=never -fplugin=SO -I DIR ...
 *       FLAGS FIXTURE.c
 * (no shell involved) and GCC's stderr is compared with what the fixture
 * expects. With --srcdir, GCC runs in DIR and relative fixture paths are
 * taken from there, so the reports show short paths. Each --expect-output
 * TEXT must occur in GCC's output for every fixture of the run: that is how
 * a test compiles one fixture against several include folders and checks
 * a verbose note that differs between them (the spec layout read).
 *
 * Directives, anywhere in the fixture (usually in a comment at the top):
 *   kapi-test-flags: ARG ...   extra GCC arguments, split at white space
 *                              (may appear more than once)
 *   kapi-test-exit: N          expected GCC exit status (default 0)
 *
 * Expectations, in a comment on the line they concern:
 *   expect-warning: CHECK-ID "SUBSTRING"
 *   expect-error: CHECK-ID "SUBSTRING"
 *   expect-note: CHECK-ID "SUBSTRING"
 * A line offset moves one to another line: expect-note@+1:, expect-warning@-2:.
 * "expect-note+:" (any kind may take the '+') matches one or more such
 * diagnostics instead of exactly one. A comment may hold several
 * expectations. CHECK-ID "gcc" matches a diagnostic without a [kapi-...] id,
 * which is how a fixture expects one of GCC's own errors. Inside SUBSTRING,
 * \" and \\ stand for a quote and a backslash.
 *
 * A fixture passes when every [kapi-...] diagnostic and every error matches
 * one expectation, every expectation is matched, every --expect-output text
 * occurs, no internal compiler error (nor "confused by earlier errors") is
 * reported and GCC exits with the expected status. GCC's own warnings and
 * notes without a [kapi-...] id ("In function", "in expansion of macro")
 * are ignored. An unknown kapi-test- directive or a malformed expect- is a
 * setup error, so that a typo cannot switch a check off.
 * The order of the diagnostics is not compared, so "outermost call first"
 * for the notes of one warning is not checked here.
 *
 * Exit status: 0 all fixtures pass, 1 at least one fails, 2 usage or setup
 * error (missing file, malformed directive, GCC not started).
 */
#define _XOPEN_SOURCE 700

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXIT_PASS	0
#define EXIT_FAILED	1
#define EXIT_SETUP	2

enum severity {
	SEV_WARNING,
	SEV_ERROR,
	SEV_NOTE,
};

static const char *const severity_names[] = {
	[SEV_WARNING] = "warning",
	[SEV_ERROR] = "error",
	[SEV_NOTE] = "note",
};

/* One expect-KIND comment. */
struct expectation {
	int line;		/* the line it concerns, after the offset */
	int written_at;		/* the line the comment is on */
	enum severity severity;
	bool one_or_more;	/* "expect-KIND+:" */
	char *check;		/* "kapi-errno-undeclared", or "gcc" */
	char *text;		/* substring of the message */
	int matched;		/* diagnostics matched */
};

/* One diagnostic line of GCC's stderr. */
struct diagnostic {
	char *file;		/* "cc1" and the like when there is no line */
	int line;		/* 0 when unknown */
	int column;
	enum severity severity;
	char *message;		/* without the [kapi-...] suffix */
	char *check;		/* the kapi id, NULL for GCC's own */
	char *raw;		/* the whole line, for reports */
	int matched_by;		/* expectation index, or -1 */
};

struct fixture {
	char *path;		/* as passed to GCC */
	char **flags;
	size_t nflags;
	int expected_exit;
	struct expectation *expect;
	size_t nexpect;
};

struct options {
	const char *gcc;
	const char *plugin;
	char **includes;
	size_t nincludes;
	const char *srcdir;
	char **outputs;		/* --expect-output texts */
	size_t noutputs;
	bool verbose;
};

/* What GCC did with one fixture. */
struct compile_result {
	int status;		/* exit status, or -1 when killed */
	int signal;
	char *output;		/* stderr and stdout, interleaved */
	char **argv;		/* the command, for reports */
};

static void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p) {
		fprintf(stderr, "run_fixture: out of memory\n");
		exit(EXIT_SETUP);
	}
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Append ITEM (of SIZE bytes) to the array *V of *N elements. */
static void push(void *v, size_t *n, const void *item, size_t size)
{
	char **arr = v;

	*arr = xrealloc(*arr, (*n + 1) * size);
	memcpy(*arr + *n * size, item, size);
	(*n)++;
}

static void push_str(char ***v, size_t *n, const char *s)
{
	char *copy = xstrdup(s);

	push(v, n, &copy, sizeof(copy));
}

static int setup_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int setup_error(const char *fmt, ...)
{
	va_list ap;

	fputs("run_fixture: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_SETUP;
}

/* Return the absolute form of PATH, or NULL when it does not exist. */
static char *absolute_path(const char *path)
{
	char buf[PATH_MAX];

	if (!realpath(path, buf))
		return NULL;
	return xstrdup(buf);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *data = NULL;
	size_t len = 0;
	char chunk[4096];
	size_t got;

	if (!f)
		return NULL;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		data = xrealloc(data, len + got + 1);
		memcpy(data + len, chunk, got);
		len += got;
	}
	fclose(f);
	data = xrealloc(data, len + 1);
	data[len] = '\0';
	return data;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Whether P starts a word: no letter, digit, '_' or '-' precedes it. */
static bool starts_word(const char *line, const char *p)
{
	return p == line || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' ||
			      p[-1] == '-');
}

/* The value of a directive: up to the end of the comment or line, trimmed. */
static char *directive_value(const char *p)
{
	const char *end = strstr(p, "*/");
	size_t n;

	if (!end)
		end = p + strlen(p);
	p = skip_space(p);
	n = (size_t)(end - p);
	while (n && isspace((unsigned char)p[n - 1]))
		n--;
	return xstrndup(p, n);
}

static int parse_directive(struct fixture *fx, const char *where,
			   const char *name, size_t name_len,
			   const char *value_start)
{
	char *value = directive_value(value_start);
	int rc = 0;

	if (name_len == 5 && !strncmp(name, "flags", 5)) {
		char *save = NULL;

		for (char *tok = strtok_r(value, " \t", &save); tok;
		     tok = strtok_r(NULL, " \t", &save))
			push_str(&fx->flags, &fx->nflags, tok);
	} else if (name_len == 4 && !strncmp(name, "exit", 4)) {
		char *end;
		long v = strtol(value, &end, 10);

		if (end == value || *end || v < 0 || v > 255)
			rc = setup_error("%s: invalid kapi-test-exit value '%s', expected 0 to 255",
					 where, value);
		else
			fx->expected_exit = (int)v;
	} else {
		rc = setup_error("%s: unknown directive 'kapi-test-%.*s', expected kapi-test-flags or kapi-test-exit",
				 where, (int)name_len, name);
	}
	free(value);
	return rc;
}

/* Parse a quoted string at *P into *OUT. Returns false when it is malformed. */
static bool parse_quoted(const char **p, char **out)
{
	const char *s = *p;
	char *buf = NULL;
	size_t n = 0;

	if (*s != '"')
		return false;
	for (s++; *s && *s != '"'; s++) {
		char c = *s;

		if (c == '\\' && (s[1] == '"' || s[1] == '\\'))
			c = *++s;
		push(&buf, &n, &c, 1);
	}
	if (*s != '"') {
		free(buf);
		return false;
	}
	push(&buf, &n, "", 1);
	*out = buf;
	*p = s + 1;
	return true;
}

/*
 * Parse one expectation; P points just after "expect-". Returns the end of
 * it in *END, or sets *END to NULL after reporting a malformed one.
 */
static int parse_expectation(struct fixture *fx, const char *where, int lineno,
			     const char *p, const char **end)
{
	static const struct { const char *word; enum severity sev; } kinds[] = {
		{ "warning", SEV_WARNING },
		{ "error", SEV_ERROR },
		{ "note", SEV_NOTE },
	};
	struct expectation e = { .written_at = lineno, .line = lineno };
	const char *text = p;
	const char *start;
	size_t i;

	*end = NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		size_t len = strlen(kinds[i].word);

		if (!strncmp(p, kinds[i].word, len) &&
		    (p[len] == ':' || p[len] == '+' || p[len] == '@')) {
			e.severity = kinds[i].sev;
			p += len;
			break;
		}
	}
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		goto malformed;
	if (*p == '+') {
		e.one_or_more = true;
		p++;
	}
	if (*p == '@') {
		char *num_end;
		long off;

		if (p[1] != '+' && p[1] != '-')
			goto malformed;
		off = strtol(p + 1, &num_end, 10);
		if (num_end == p + 2 || off < -10000 || off > 10000)
			goto malformed;
		e.line = lineno + (int)off;
		p = num_end;
	}
	if (*p++ != ':')
		goto malformed;
	p = skip_space(p);
	start = p;
	while (isalnum((unsigned char)*p) || *p == '-')
		p++;
	if (p == start)
		goto malformed;
	e.check = xstrndup(start, (size_t)(p - start));
	if (strcmp(e.check, "gcc") && strncmp(e.check, "kapi-", 5)) {
		free(e.check);
		goto malformed;
	}
	p = skip_space(p);
	if (!parse_quoted(&p, &e.text)) {
		free(e.check);
		goto malformed;
	}
	if (e.line < 1) {
		free(e.check);
		free(e.text);
		return setup_error("%s: expectation points before line 1", where);
	}
	push(&fx->expect, &fx->nexpect, &e, sizeof(e));
	*end = p;
	return 0;

malformed:
	return setup_error("%s: malformed expectation 'expect-%.40s', expected expect-warning|error|note[+][@+N|@-N]: CHECK-ID \"SUBSTRING\"",
			   where, text);
}

/* Read the directives and expectations of one fixture line. */
static int parse_line(struct fixture *fx, const char *file, int lineno,
		      const char *line)
{
	char where[PATH_MAX + 32];
	const char *p;
	int rc = 0;

	snprintf(where, sizeof(where), "%s:%d", file, lineno);
	for (p = line; (p = strstr(p, "kapi-test-")) != NULL;) {
		const char *name = p + strlen("kapi-test-");
		const char *q = name;

		if (!starts_word(line, p)) {
			p = name;
			continue;
		}
		while (isalnum((unsigned char)*q) || *q == '-' || *q == '_')
			q++;
		if (*q != ':')
			return setup_error("%s: directive 'kapi-test-%.*s' lacks its ':'",
					   where, (int)(q - name), name);
		rc = parse_directive(fx, where, name, (size_t)(q - name), q + 1);
		if (rc)
			return rc;
		p = q;
	}
	for (p = line; (p = strstr(p, "expect-")) != NULL;) {
		const char *end;

		if (!starts_word(line, p)) {
			p += strlen("expect-");
			continue;
		}
		rc = parse_expectation(fx, where, lineno, p + strlen("expect-"),
				       &end);
		if (rc)
			return rc;
		p = end;
	}
	return 0;
}

static int load_fixture(struct fixture *fx, const char *path,
			const char *read_path)
{
	char *text = read_file(read_path);
	char *line, *save = NULL;
	int lineno = 0;
	int rc = 0;

	memset(fx, 0, sizeof(*fx));
	fx->path = xstrdup(path);
	if (!text)
		return setup_error("cannot read fixture '%s': %s", read_path,
				   strerror(errno));
	/* strtok_r would merge empty lines, so split by hand. */
	for (line = text; line && !rc; line = save) {
		char *nl = strchr(line, '\n');

		save = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		if (!nl && !*line)
			break;
		rc = parse_line(fx, path, ++lineno, line);
	}
	free(text);
	return rc;
}

/*
 * Run ARGV in DIR (may be NULL) with stdout and stderr captured into
 * RESULT->output. Returns EXIT_SETUP when the program could not be started.
 */
static int run_command(char **argv, const char *dir,
		       struct compile_result *result)
{
	int out[2], report[2];
	int exec_errno = 0;
	char chunk[4096];
	size_t len = 0;
	ssize_t got;
	int status;
	pid_t pid;

	if (pipe(out) || pipe(report))
		return setup_error("pipe failed: %s", strerror(errno));
	/* The report pipe closes on a successful exec. */
	if (fcntl(report[1], F_SETFD, FD_CLOEXEC))
		return setup_error("fcntl failed: %s", strerror(errno));
	pid = fork();
	if (pid < 0)
		return setup_error("fork failed: %s", strerror(errno));
	if (pid == 0) {
		int err;

		close(out[0]);
		close(report[0]);
		dup2(out[1], STDOUT_FILENO);
		dup2(out[1], STDERR_FILENO);
		close(out[1]);
		if (dir && chdir(dir)) {
			err = errno;
		} else {
			execvp(argv[0], argv);
			err = errno;
		}
		if (write(report[1], &err, sizeof(err)) < 0)
			_exit(127);
		_exit(127);
	}
	close(out[1]);
	close(report[1]);

	result->output = NULL;
	while ((got = read(out[0], chunk, sizeof(chunk))) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		result->output = xrealloc(result->output, len + (size_t)got + 1);
		memcpy(result->output + len, chunk, (size_t)got);
		len += (size_t)got;
	}
	close(out[0]);
	result->output = xrealloc(result->output, len + 1);
	result->output[len] = '\0';

	if (read(report[0], &exec_errno, sizeof(exec_errno)) !=
	    (ssize_t)sizeof(exec_errno))
		exec_errno = 0;
	close(report[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return setup_error("waitpid failed: %s", strerror(errno));
	}
	if (exec_errno)
		return setup_error("cannot run '%s'%s%s: %s", argv[0],
				   dir ? " in " : "", dir ? dir : "",
				   strerror(exec_errno));
	if (WIFEXITED(status)) {
		result->status = WEXITSTATUS(status);
		result->signal = 0;
	} else {
		result->status = -1;
		result->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	}
	return 0;
}

/* Build GCC's command line for FX. */
static char **compile_command(const struct options *opt,
			      const struct fixture *fx)
{
	char **argv = NULL;
	size_t n = 0;
	char *plugin_arg;
	size_t i;

	push_str(&argv, &n, opt->gcc);
	push_str(&argv, &n, "-O2");
	push_str(&argv, &n, "-c");
	push_str(&argv, &n, "-o");
	push_str(&argv, &n, "/dev/null");
	push_str(&argv, &n, "-fdiagnostics-color=never");
	plugin_arg = xrealloc(NULL, strlen(opt->plugin) + sizeof("-fplugin="));
	sprintf(plugin_arg, "-fplugin=%s", opt->plugin);
	push(&argv, &n, &plugin_arg, sizeof(plugin_arg));
	for (i = 0; i < opt->nincludes; i++) {
		push_str(&argv, &n, "-I");
		push_str(&argv, &n, opt->includes[i]);
	}
	for (i = 0; i < fx->nflags; i++)
		push_str(&argv, &n, fx->flags[i]);
	push_str(&argv, &n, fx->path);
	argv = xrealloc(argv, (n + 1) * sizeof(*argv));
	argv[n] = NULL;
	return argv;
}

/*
 * Whether LINE is part of GCC's source display, "   21 |   return -EFAULT;"
 * or "      |          ^": the quoted source may itself contain ": error: ".
 */
static bool is_source_echo(const char *line)
{
	const char *p = skip_space(line);

	if (p == line)
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	return *p == ' ' ? p[1] == '|' : *p == '|';
}

/*
 * Parse "LOCATION: SEVERITY: MESSAGE" where LOCATION is FILE:LINE:COL,
 * FILE:LINE or a program name ("cc1"). Returns false for other lines.
 */
static bool parse_diagnostic(const char *line, struct diagnostic *d)
{
	static const struct { const char *marker; enum severity sev; } marks[] = {
		{ ": fatal error: ", SEV_ERROR },
		{ ": sorry, unimplemented: ", SEV_ERROR },
		{ ": error: ", SEV_ERROR },
		{ ": warning: ", SEV_WARNING },
		{ ": note: ", SEV_NOTE },
	};
	const char *best = NULL, *msg = NULL;
	const char *loc_end, *p, *kapi;
	enum severity sev = SEV_NOTE;
	long numbers[2];
	int nnumbers = 0;
	size_t i;

	if (is_source_echo(line))
		return false;

	/* The first marker in the line ends the location. */
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		const char *hit = strstr(line, marks[i].marker);

		if (hit && (!best || hit < best)) {
			best = hit;
			sev = marks[i].sev;
			msg = hit + strlen(marks[i].marker);
		}
	}
	if (!best || best == line)
		return false;

	/* Peel up to two ":NUMBER" parts off the end of the location. */
	loc_end = best;
	while (nnumbers < 2) {
		p = loc_end;
		while (p > line && isdigit((unsigned char)p[-1]))
			p--;
		if (p == loc_end || p == line || p[-1] != ':')
			break;
		numbers[nnumbers++] = strtol(p, NULL, 10);
		loc_end = p - 1;
	}
	memset(d, 0, sizeof(*d));
	d->file = xstrndup(line, (size_t)(loc_end - line));
	if (nnumbers == 2) {
		d->line = (int)numbers[1];
		d->column = (int)numbers[0];
	} else if (nnumbers == 1) {
		d->line = (int)numbers[0];
	}
	d->severity = sev;
	d->raw = xstrdup(line);
	d->matched_by = -1;

	/* The check id is the last "[kapi-...]", and "[-Werror]" may follow it. */
	kapi = NULL;
	for (p = msg; (p = strstr(p, " [kapi-")) != NULL; p++)
		kapi = p;
	if (kapi && strchr(kapi, ']')) {
		const char *close = strchr(kapi, ']');

		d->check = xstrndup(kapi + 2, (size_t)(close - kapi - 2));
		d->message = xstrndup(msg, (size_t)(kapi - msg));
	} else {
		d->message = xstrdup(msg);
	}
	return true;
}

/* Whether expectation E can match diagnostic D of fixture FX. */
static bool compatible(const struct fixture *fx, const struct expectation *e,
		       const struct diagnostic *d)
{
	if (strcmp(d->file, fx->path) || d->line != e->line ||
	    d->severity != e->severity)
		return false;
	if (!strcmp(e->check, "gcc") ? d->check != NULL
				     : !d->check || strcmp(d->check, e->check))
		return false;
	return strstr(d->message, e->text) != NULL;
}

/* Whether a diagnostic must be matched by some expectation. */
static bool must_match(const struct diagnostic *d)
{
	return d->check || d->severity == SEV_ERROR;
}

/* One step of Kuhn's augmenting-path search for expectation E. */
static bool augment(const struct fixture *fx, struct diagnostic *diags,
		    size_t ndiags, size_t e, bool *seen)
{
	size_t d;

	for (d = 0; d < ndiags; d++) {
		if (seen[d] || !compatible(fx, &fx->expect[e], &diags[d]))
			continue;
		seen[d] = true;
		if (diags[d].matched_by < 0 ||
		    augment(fx, diags, ndiags, (size_t)diags[d].matched_by,
			    seen)) {
			diags[d].matched_by = (int)e;
			return true;
		}
	}
	return false;
}

/*
 * Match expectations to diagnostics. The exact ones get a maximum bipartite
 * matching, so a loose substring cannot take the diagnostic that a stricter
 * expectation on the same line needs. Then each "+" one takes every
 * compatible diagnostic that is left.
 */
static void match_all(struct fixture *fx, struct diagnostic *diags,
		      size_t ndiags)
{
	bool *seen = xrealloc(NULL, ndiags * sizeof(*seen));
	size_t e, d;

	for (e = 0; e < fx->nexpect; e++) {
		if (fx->expect[e].one_or_more)
			continue;
		memset(seen, 0, ndiags * sizeof(*seen));
		augment(fx, diags, ndiags, e, seen);
	}
	for (d = 0; d < ndiags; d++)
		if (diags[d].matched_by >= 0)
			fx->expect[diags[d].matched_by].matched++;
	for (e = 0; e < fx->nexpect; e++) {
		if (!fx->expect[e].one_or_more)
			continue;
		for (d = 0; d < ndiags; d++) {
			if (diags[d].matched_by < 0 &&
			    compatible(fx, &fx->expect[e], &diags[d])) {
				diags[d].matched_by = (int)e;
				fx->expect[e].matched++;
			}
		}
	}
	free(seen);
}

static void print_command(char **argv, const char *dir)
{
	printf("  command:");
	if (dir)
		printf(" (cd %s &&", dir);
	for (; *argv; argv++)
		printf(" %s", *argv);
	printf("%s\n", dir ? ")" : "");
}

static void print_expectation(char mark, const struct expectation *e)
{
	printf("%c %5d  %s%s [%s] \"%s\"", mark, e->line,
	       severity_names[e->severity], e->one_or_more ? "+" : "",
	       e->check, e->text);
	if (e->line != e->written_at)
		printf("  (written on line %d)", e->written_at);
	putchar('\n');
}

/*
 * Print what was expected and what was seen, ordered by line, as a diff:
 * ' ' matched, '-' expected but not seen, '+' seen but not expected.
 */
static void print_report(const struct fixture *fx,
			 const struct diagnostic *diags, size_t ndiags)
{
	int max_line = 0;
	size_t i;

	for (i = 0; i < fx->nexpect; i++)
		if (fx->expect[i].line > max_line)
			max_line = fx->expect[i].line;
	for (i = 0; i < ndiags; i++)
		if (diags[i].line > max_line)
			max_line = diags[i].line;

	printf("  line   expected (-) and unexpected (+) diagnostics\n");
	for (i = 0; i < ndiags; i++) {
		const struct diagnostic *d = &diags[i];

		if (d->line == 0 && must_match(d) && d->matched_by < 0)
			printf("+ %5s  %s\n", "-", d->raw);
	}
	for (int line = 1; line <= max_line; line++) {
		for (i = 0; i < fx->nexpect; i++) {
			const struct expectation *e = &fx->expect[i];

			if (e->line == line)
				print_expectation(e->matched ? ' ' : '-', e);
		}
		for (i = 0; i < ndiags; i++) {
			const struct diagnostic *d = &diags[i];

			if (d->line != line || d->matched_by >= 0 ||
			    !must_match(d))
				continue;
			if (strcmp(d->file, fx->path))
				printf("+ %5d  %s  (in another file)\n", line,
				       d->raw);
			else
				printf("+ %5d  %s\n", line, d->raw);
		}
	}
}

/* Print the compiler output indented, to set it apart from the report. */
static void print_output(const char *output)
{
	const char *p = output;

	printf("  --- compiler output ---\n");
	while (*p) {
		const char *nl = strchr(p, '\n');
		int n = nl ? (int)(nl - p) : (int)strlen(p);

		printf("  | %.*s\n", n, p);
		p += n + (nl ? 1 : 0);
	}
	printf("  --- end ---\n");
}

static void free_result(struct compile_result *r)
{
	if (r->argv)
		for (char **a = r->argv; *a; a++)
			free(*a);
	free(r->argv);
	free(r->output);
}

/* Compile one fixture and check it. Returns an EXIT_* value. */
static int check_fixture(const struct options *opt, const char *path)
{
	struct compile_result result = { 0 };
	struct diagnostic *diags = NULL;
	size_t ndiags = 0;
	struct fixture fx;
	char *read_path;
	bool ice = false, failed = false;
	char *line, *save, *output_copy;
	size_t i;
	int rc;

	if (opt->srcdir && path[0] != '/') {
		read_path = xrealloc(NULL, strlen(opt->srcdir) + strlen(path) + 2);
		sprintf(read_path, "%s/%s", opt->srcdir, path);
	} else {
		read_path = xstrdup(path);
	}
	rc = load_fixture(&fx, path, read_path);
	free(read_path);
	if (rc)
		return rc;

	result.argv = compile_command(opt, &fx);
	rc = run_command(result.argv, opt->srcdir, &result);
	if (rc) {
		free_result(&result);
		return rc;
	}

	output_copy = xstrdup(result.output);
	for (line = strtok_r(output_copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct diagnostic d;

		/* GCC prints "confused by earlier errors" for an ICE after errors. */
		if (strstr(line, "internal compiler error") ||
		    strstr(line, "confused by earlier errors"))
			ice = true;
		if (parse_diagnostic(line, &d))
			push(&diags, &ndiags, &d, sizeof(d));
	}
	match_all(&fx, diags, ndiags);

	for (i = 0; i < fx.nexpect; i++)
		if (!fx.expect[i].matched)
			failed = true;
	for (i = 0; i < ndiags; i++)
		if (must_match(&diags[i]) && diags[i].matched_by < 0)
			failed = true;
	if (ice || result.status != fx.expected_exit)
		failed = true;
	for (i = 0; i < opt->noutputs; i++)
		if (!strstr(result.output, opt->outputs[i]))
			failed = true;

	printf("%s %s (%zu expectations, %zu diagnostics)\n",
	       failed ? "FAIL" : "PASS", fx.path, fx.nexpect, ndiags);
	if (failed || opt->verbose) {
		print_command(result.argv, opt->srcdir);
		if (failed)
			print_report(&fx, diags, ndiags);
		if (ice)
			printf("  GCC reported an internal compiler error\n");
		for (i = 0; i < opt->noutputs; i++)
			if (!strstr(result.output, opt->outputs[i]))
				printf("  the output lacks the expected text \"%s\"\n",
				       opt->outputs[i]);
		if (result.status < 0)
			printf("  GCC was killed by signal %d, expected exit status %d\n",
			       result.signal, fx.expected_exit);
		else if (result.status != fx.expected_exit)
			printf("  exit status: expected %d, got %d\n",
			       fx.expected_exit, result.status);
		print_output(result.output);
	}

	for (i = 0; i < ndiags; i++) {
		free(diags[i].file);
		free(diags[i].message);
		free(diags[i].check);
		free(diags[i].raw);
	}
	free(diags);
	for (i = 0; i < fx.nexpect; i++) {
		free(fx.expect[i].check);
		free(fx.expect[i].text);
	}
	free(fx.expect);
	for (i = 0; i < fx.nflags; i++)
		free(fx.flags[i]);
	free(fx.flags);
	free(fx.path);
	free(output_copy);
	free_result(&result);
	return failed ? EXIT_FAILED : EXIT_PASS;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: run_fixture --gcc GCC --plugin SO --include DIR [--include DIR ...]\n"
		"                   [--srcdir DIR] [--expect-output TEXT ...] [--verbose]\n"
		"                   FIXTURE.c [FIXTURE.c ...]\n"
		"  --gcc GCC      the compiler that loads the plugin\n"
		"  --plugin SO    the plugin to load with -fplugin=\n"
		"  --include DIR  an include directory (-I), repeatable\n"
		"  --srcdir DIR   run GCC in DIR and read relative fixture paths from it\n"
		"  --expect-output TEXT  GCC's output must contain TEXT, repeatable\n"
		"  --verbose      print the command and the compiler output of passing fixtures too\n"
		"Exit status: 0 all pass, 1 a fixture failed, 2 usage or setup error.\n");
	return EXIT_SETUP;
}

/*
 * Make PATH absolute, because GCC may run in another folder. A bare program
 * name is left for the PATH search. ROLE names PATH in the error message.
 */
static const char *resolve(const char *path, const char *role, bool is_program)
{
	char *abs;

	if (is_program && !strchr(path, '/'))
		return path;
	abs = absolute_path(path);
	if (!abs) {
		setup_error("%s '%s' not found: %s", role, path, strerror(errno));
		return NULL;
	}
	return abs;
}

int main(int argc, char **argv)
{
	struct options opt = { 0 };
	char **fixtures = NULL;
	size_t nfixtures = 0;
	int worst = EXIT_PASS;
	int i;

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];
		bool has_value = i + 1 < argc;

		if (!strcmp(arg, "--gcc") && has_value) {
			opt.gcc = argv[++i];
		} else if (!strcmp(arg, "--plugin") && has_value) {
			opt.plugin = argv[++i];
		} else if (!strcmp(arg, "--include") && has_value) {
			push_str(&opt.includes, &opt.nincludes, argv[++i]);
		} else if (!strcmp(arg, "--srcdir") && has_value) {
			opt.srcdir = argv[++i];
		} else if (!strcmp(arg, "--expect-output") && has_value) {
			push_str(&opt.outputs, &opt.noutputs, argv[++i]);
		} else if (!strcmp(arg, "--verbose")) {
			opt.verbose = true;
		} else if (!strcmp(arg, "--help")) {
			usage();
			return EXIT_PASS;
		} else if (arg[0] == '-' && arg[1] == '-') {
			setup_error("unknown option or missing value: '%s'", arg);
			return usage();
		} else {
			push_str(&fixtures, &nfixtures, arg);
		}
	}
	if (!opt.gcc || !opt.plugin || !opt.nincludes || !nfixtures)
		return usage();

	opt.gcc = resolve(opt.gcc, "compiler", true);
	opt.plugin = resolve(opt.plugin, "plugin", false);
	if (!opt.gcc || !opt.plugin)
		return EXIT_SETUP;
	for (size_t k = 0; k < opt.nincludes; k++) {
		const char *abs = resolve(opt.includes[k], "include directory",
					  false);

		if (!abs)
			return EXIT_SETUP;
		opt.includes[k] = (char *)abs;
	}
	if (opt.srcdir && !(opt.srcdir = resolve(opt.srcdir, "source directory",
						 false)))
		return EXIT_SETUP;

	for (size_t k = 0; k < nfixtures; k++) {
		int rc = check_fixture(&opt, fixtures[k]);

		if (rc > worst)
			worst = rc;
	}
	fflush(stdout);
	return worst;
}
