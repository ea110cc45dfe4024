/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Output of the plugin: findings as GCC diagnostics, verbose notes, the
 * errno audit table and the IR dump.
 *
 * A finding becomes a warning and one note per secondary place (lines
 * wrapped here):
 *
 *	foo.c:31:10: warning: 'sys_foo' can return -EIO, which its spec does
 *	not declare [kapi-errno-undeclared]
 *	foo.c:47:12: note: through the call to 'populate' here
 *	[kapi-errno-undeclared]
 *
 * The check id sits in the message text because a plugin cannot register
 * a -W option of its own, so GCC has no option name to print.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "kapi_plugin.h"

/* Print "kapi_check: MESSAGE" as a note, when the verbose argument is set. */
void kapi_verbose(location_t loc, const char *fmt, ...)
{
	va_list ap;
	char *text;

	if (!kapi_options.verbose)
		return;

	/*
	 * Format with printf rules first: the message may contain '%' from
	 * user code, and GCC's own format language differs from printf's.
	 */
	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	inform(loc, "kapi_check: %s", text);
	free(text);
}

/*
 * Issue one finding; returns false when GCC dropped it (-w).
 *
 * Without the werror argument a finding must not fail the build, even
 * under -Werror, which the kernel's CONFIG_WERROR adds to every compile.
 * GCC upgrades each DK_WARNING to an error while warning_as_error_requested
 * is set, so the flag is cleared for this one call and restored at once.
 * Option index 0 ties the warning to no -W option, so neither
 * -Wno-error=... nor #pragma GCC diagnostic can reach it.
 */
static bool emit_finding(location_t loc, const struct kapi_finding *finding)
{
	const char *id = kapi_check_name(finding->check);
	bool saved, emitted;

	/* An informational finding (note_only) is a note in every mode. */
	if (finding->note_only) {
		inform(loc, "%s [%s]", finding->message, id);
		return true;
	}
	if (kapi_options.werror) {
		error_at(loc, "%s [%s]", finding->message, id);
		return true;
	}

	saved = kapi_gcc_werror_requested();
	kapi_gcc_set_werror_requested(false);
	emitted = warning_at(loc, 0, "%s [%s]", finding->message, id);
	kapi_gcc_set_werror_requested(saved);
	return emitted;
}

/*
 * Whether a KAPI_CHECK_EXCEPTION() entry of the finding's spec accepts
 * FINDING. With the verbose argument the finding's place gets a note that
 * names the exception and its reason, with the check id, so that fixtures
 * can expect it.
 */
static bool is_excepted(const struct kapi_finding *finding,
			struct kapi_spec *const *specs, unsigned int nspecs)
{
	const struct kapi_spec_exception *x = NULL;
	unsigned int i;

	for (i = 0; i < nspecs && !x; i++)
		if (finding->function &&
		    strcmp(specs[i]->name, finding->function) == 0)
			x = kapi_spec_exception_for(specs[i], finding);
	if (!x)
		return false;
	if (kapi_options.verbose) {
		char *text = xasprintf("not reported: check exception %d of "
				       "spec '%s' accepts it: %s [%s]",
				       x->index, finding->function, x->reason,
				       kapi_check_name(finding->check));

		inform(kapi_loc_to_gcc(&finding->loc), "kapi_check: %s", text);
		free(text);
	}
	return true;
}

void kapi_report_findings(const struct kapi_findings *findings,
			  struct kapi_spec *const *specs, unsigned int nspecs)
{
	unsigned int i, j;

	for (i = 0; i < findings->n; i++) {
		const struct kapi_finding *finding = &findings->v[i];
		const char *id = kapi_check_name(finding->check);
		/* One group: -fdiagnostics-format=json nests the notes. */
		auto_diagnostic_group group;

		if (kapi_options.disabled[finding->check])
			continue;
		if (is_excepted(finding, specs, nspecs))
			continue;

		/* The notes belong to a warning that -w may have dropped. */
		if (!emit_finding(kapi_loc_to_gcc(&finding->loc), finding))
			continue;
		for (j = 0; j < finding->nnotes; j++) {
			const struct kapi_note *note = &finding->notes[j];

			inform(kapi_loc_to_gcc(&note->loc), "%s [%s]",
			       note->message, id);
		}
	}
}

static bool write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, text, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		text += n;
		len -= (size_t)n;
	}
	return true;
}

/*
 * Append TEXT to FILE, or write it to standard error when FILE is NULL.
 * The file is opened with O_APPEND and written with as few write() calls
 * as the kernel allows (one, for a regular file), so that the compilers of
 * a parallel kernel build can share one output file without interleaving
 * their units. WHAT names the output in the error message.
 */
void kapi_append_output(const char *file, const char *text, const char *what)
{
	size_t len = strlen(text);
	int fd;

	if (len == 0)
		return;

	if (!file) {
		if (!write_all(STDERR_FILENO, text, len))
			error("kapi_check: cannot write the %s to standard error: %s",
			      what, xstrerror(errno));
		return;
	}

	fd = open(file, O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (fd < 0) {
		error("kapi_check: cannot open %qs for the %s: %s", file, what,
		      xstrerror(errno));
		return;
	}
	if (!write_all(fd, text, len))
		error("kapi_check: cannot write the %s to %qs: %s", what, file,
		      xstrerror(errno));
	if (close(fd) != 0)
		error("kapi_check: cannot close %qs after writing the %s: %s",
		      file, what, xstrerror(errno));
}

/*
 * Write the errno audit of every spec in the unit. Paths in the table are
 * printed relative to the compiler's working directory, which in a kernel
 * build is the top of the object tree.
 */
void kapi_write_audit(const struct kapi_errno_report *reports,
		      const struct kapi_lock_summary *const *locks,
		      struct kapi_caps *caps,
		      const struct kapi_errno_table *cap_names,
		      unsigned int nreports)
{
	struct kapi_buf buf = { NULL, 0, 0 };
	char *prefix = concat(getpwd(), "/", NULL);
	unsigned int i;

	for (i = 0; i < nreports; i++) {
		const struct kapi_spec *spec = reports[i].spec;

		kapi_errno_report_format(&reports[i], prefix, &buf);
		kapi_lock_report_format(spec, locks[i], prefix, &buf);
		kapi_caps_report_format(spec, reports[i].impl ?
					kapi_caps_of(caps, reports[i].impl) :
					NULL, cap_names, prefix, &buf);
	}

	kapi_append_output(kapi_options.audit_file, kapi_buf_str(&buf),
			   "errno audit");
	kapi_buf_release(&buf);
	free(prefix);
}

char *kapi_read_text_file(const char *file)
{
	FILE *f = fopen(file, "r");
	char *text = NULL;
	size_t len = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			text = XRESIZEVEC(char, text, cap);
		}
		got = fread(text + len, 1, cap - len - 1, f);
		len += got;
	} while (got > 0);
	fclose(f);
	text[len] = '\0';
	return text;
}
