/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writing a unit's facts (include/kapi/facts.h) into the object file, or
 * into a folder with the facts-dir argument.
 *
 * The unit pass runs before most of the compilation, so it only keeps the
 * text; PLUGIN_FINISH_UNIT, which GCC invokes after the unit's code and
 * data have been output and before the assembly file is closed, emits it
 * as the contents of a section without the "a" flag: the linker never
 * loads it, "ld -r" keeps it, and the kernel's final link discards it by
 * its .discard. prefix.
 */
#include "kapi_plugin.h"
#include "output.h"
#include "kapi/facts.h"

/* The facts of the unit being compiled, or NULL. */
static char *pending_facts;
static size_t pending_len;

void kapi_keep_facts(const char *unit, const struct kapi_errno_table *errnos,
		     const struct kapi_errno_table *cap_names,
		     struct kapi_spec *const *specs, unsigned int nspecs,
		     struct kapi_summary *const *fns, unsigned int nfns)
{
	struct kapi_buf buf = { NULL, 0, 0 };

	kapi_facts_write(unit, errnos, cap_names, specs, nspecs, fns, nfns,
			 &buf);
	free(pending_facts);
	pending_facts = xstrdup(kapi_buf_str(&buf));
	pending_len = buf.len;
	kapi_buf_release(&buf);
}

/*
 * DIR/UNIT.kapi-facts, with UNIT percent-encoded so that each unit path
 * gets a file name of its own: '%' becomes "%25" and '/' becomes "%2F"
 * ("mm/mlock.c" is written to "mm%2Fmlock.c.kapi-facts"). Turning '/' into
 * '_' alone gave x_y/z.c and x/y/z.c one file, and the second unit
 * overwrote the facts of the first.
 */
static char *facts_file_name(const char *dir, const char *unit)
{
	size_t dirlen = strlen(dir), n;
	char *name = XNEWVEC(char, dirlen + 1 + 3 * strlen(unit) +
				   sizeof(".kapi-facts"));
	const char *p;

	memcpy(name, dir, dirlen);
	n = dirlen;
	name[n++] = '/';
	for (p = unit; *p; p++) {
		if (*p == '/' || *p == '%') {
			sprintf(name + n, "%%%02X", (unsigned char)*p);
			n += 3;
		} else {
			name[n++] = *p;
		}
	}
	strcpy(name + n, ".kapi-facts");
	return name;
}

static void write_facts_file(void)
{
	char *file = facts_file_name(kapi_options.facts_dir,
				     main_input_filename);
	FILE *f = fopen(file, "w");

	if (!f || fwrite(pending_facts, 1, pending_len, f) != pending_len ||
	    fclose(f) != 0)
		error("cannot write the kapi facts file %qs: %m; check that "
		      "the folder given to %<-fplugin-arg-kapi_check-facts-dir%> "
		      "exists and is writable", file);
	free(file);
}

/* PLUGIN_FINISH_UNIT callback. */
void kapi_emit_facts(void *gcc_data, void *user_data)
{
	section *sec;

	if (!pending_facts || seen_error())
		return;
	if (kapi_options.facts_dir) {
		write_facts_file();
	} else {
		sec = get_section(KAPI_FACTS_SECTION, SECTION_DEBUG, NULL);
		switch_to_section(sec);
		assemble_string(pending_facts, pending_len);
	}
	free(pending_facts);
	pending_facts = NULL;
}
