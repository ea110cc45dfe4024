// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the unit facts blocks: a round trip of specs and
 * summaries, blocks joined with NUL padding as "ld -r" leaves them, and
 * clear errors for foreign versions and corrupt input.
 */
#include <string.h>

#include "ir_helpers.h"
#include "kapi/facts.h"
#include "unit.h"

static struct kapi_spec *demo_spec(struct kapi_arena *arena)
{
	struct kapi_spec *spec = kapi_spec_new(arena, "sys_demo",
					       "__kapi_spec_sys_demo", at(3));
	struct kapi_spec_error *e = kapi_spec_add_error(arena, spec, 0);
	struct kapi_spec_lock *l = kapi_spec_add_lock(arena, spec, 0);
	struct kapi_spec_exception *x = kapi_spec_add_exception(arena, spec,
								 0);

	e->has_code = true;
	e->code = -12;
	e->name = "ENOMEM";
	spec->error_count.present = true;
	spec->error_count.value = 1;
	l->name = "mmap_lock \"quoted\"";
	l->acquired = true;
	l->released = true;
	l->description = "write lock";
	spec->ret.present = true;
	spec->ret.has_success_value = true;
	x->check = "kapi-errno-undeclared";
	x->value = "EAGAIN";
	x->reason = "retried \"inside\"";
	return spec;
}

static struct kapi_summary *demo_fn(struct kapi_arena *arena)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "__do_sys_demo", true, 0,
					    at(5));
	int b0 = kapi_ir_add_block(fn);
	const char *why;

	kapi_ir_return(fn, b0, true, kapi_const(-12), at(6));
	return kapi_summarize(arena, fn, &why);
}

static void write_block(struct kapi_arena *arena, struct kapi_buf *out)
{
	struct kapi_spec *spec = demo_spec(arena);
	struct kapi_summary *fn = demo_fn(arena);

	struct kapi_errno_table *errnos = kapi_errno_table_new(arena);

	kapi_errno_table_add(errnos, "ENOMEM", 12, false);
	kapi_facts_write("mm/demo.c", errnos, NULL, &spec, 1, &fn, 1, out);
}

static void round_trip_keeps_facts(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_buf text = { 0 }, again = { 0 };
	struct kapi_unit_facts *units = NULL;
	unsigned int nunits = 0;
	const char *err = NULL;
	int n;

	write_block(arena, &text);
	n = kapi_facts_read(arena, "demo.o",
			    (const unsigned char *)kapi_buf_str(&text),
			    text.len, &units, &nunits, &err);
	CHECK(n == 1);
	CHECK(err == NULL);
	if (n == 1) {
		CHECK(strcmp(units[0].unit, "mm/demo.c") == 0);
		CHECK(units[0].nspecs == 1);
		CHECK(units[0].nfns == 1);
		CHECK(strcmp(units[0].specs[0]->locks.v[0].name,
			     "mmap_lock \"quoted\"") == 0);
		CHECK(units[0].specs[0]->errors.v[0].code == -12);
		CHECK(units[0].specs[0]->exceptions.n == 1);
		CHECK(strcmp(units[0].specs[0]->exceptions.v[0].reason,
			     "retried \"inside\"") == 0);
		CHECK(strcmp(units[0].specs[0]->unit, "mm/demo.c") == 0);
		CHECK(kapi_errno_value(units[0].errnos, "ENOMEM") == 12);
		kapi_facts_write(units[0].unit, units[0].errnos,
				 units[0].cap_names, units[0].specs, 1,
				 units[0].fns, 1, &again);
		CHECK(strcmp(kapi_buf_str(&text), kapi_buf_str(&again)) == 0);
	}
	kapi_buf_release(&text);
	kapi_buf_release(&again);
	kapi_arena_free(arena);
}

static void padded_blocks_all_read(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_buf text = { 0 };
	struct kapi_unit_facts *units = NULL;
	unsigned int nunits = 0;
	const char *err = NULL;
	unsigned char *data;
	size_t first;

	write_block(arena, &text);
	first = text.len;
	write_block(arena, &text);
	/* Three NUL bytes between the blocks, as a linker's alignment adds. */
	data = kapi_arena_alloc(arena, text.len + 3);
	memcpy(data, text.data, first);
	memcpy(data + first + 3, text.data + first, text.len - first);
	CHECK(kapi_facts_read(arena, "vmlinux.o", data, text.len + 3, &units,
			      &nunits, &err) == 2);
	CHECK(nunits == 2);
	kapi_buf_release(&text);
	kapi_arena_free(arena);
}

/*
 * Units with the same errno and capname lines share one pair of tables;
 * a unit with other lines gets its own. Twenty units also take the units
 * array past its first growth.
 */
static void same_macros_share_tables(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_errno_table *other = kapi_errno_table_new(arena);
	struct kapi_buf text = { 0 };
	struct kapi_unit_facts *units = NULL;
	unsigned int nunits = 0, i;
	const char *err = NULL;

	for (i = 0; i < 19; i++)
		write_block(arena, &text);
	kapi_errno_table_add(other, "EAGAIN", 11, false);
	kapi_facts_write("mm/other.c", other, NULL, NULL, 0, NULL, 0, &text);

	CHECK(kapi_facts_read(arena, "vmlinux.o",
			      (const unsigned char *)text.data, text.len,
			      &units, &nunits, &err) == 20);
	CHECK(nunits == 20);
	for (i = 1; i < 19 && nunits == 20; i++) {
		CHECK(units[i].errnos == units[0].errnos);
		CHECK(units[i].cap_names == units[0].cap_names);
		CHECK(units[i].nfns == 1);
		CHECK(strcmp(units[i].unit, "mm/demo.c") == 0);
	}
	if (nunits == 20) {
		CHECK(units[19].errnos != units[0].errnos);
		CHECK(kapi_errno_value(units[19].errnos, "EAGAIN") == 11);
		CHECK(kapi_errno_value(units[19].errnos, "ENOMEM") == 0);
		CHECK(kapi_errno_value(units[18].errnos, "ENOMEM") == 12);
	}
	kapi_buf_release(&text);
	kapi_arena_free(arena);
}

static void bad_input_named(void)
{
	static const char *const bad[] = {
		"kapi-facts 3 10\nunit \"x\"\n",
		"kapi-facts 1 99999\nunit \"x\"\n",
		"garbage",
		"kapi-facts 1 9\nunit x\n\n",
		"kapi-facts 1 24\nunit \"x\"\nspec \"s\" 1\n",
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct kapi_arena *arena = kapi_arena_new();
		struct kapi_unit_facts *units = NULL;
		unsigned int nunits = 0;
		const char *err = NULL;

		CHECK(kapi_facts_read(arena, "bad.o",
				      (const unsigned char *)bad[i],
				      strlen(bad[i]), &units, &nunits,
				      &err) == -1);
		CHECK(err != NULL);
		if (err)
			CHECK(strncmp(err, "bad.o", 5) == 0);
		kapi_arena_free(arena);
	}
}

/*
 * Replace the first FROM after the header line of BLOCK by TO, fix the
 * header's length and read the result; return the error message.
 */
static const char *read_changed(struct kapi_arena *arena, const char *block,
				const char *from, const char *to)
{
	const char *body = strchr(block, '\n') + 1;
	const char *at = strstr(body, from);
	struct kapi_buf changed = { 0 }, text = { 0 };
	struct kapi_unit_facts *units = NULL;
	unsigned int nunits = 0;
	const char *err = NULL;

	CHECK(at != NULL);
	if (!at)
		return "";
	kapi_buf_printf(&changed, "%.*s%s%s", (int)(at - body), body, to,
			at + strlen(from));
	kapi_buf_printf(&text, "kapi-facts 1 %zu\n%s", changed.len,
			kapi_buf_str(&changed));
	CHECK(kapi_facts_read(arena, "bad.o",
			      (const unsigned char *)kapi_buf_str(&text),
			      text.len, &units, &nunits, &err) == -1);
	kapi_buf_release(&changed);
	kapi_buf_release(&text);
	return err ? err : "";
}

/* A number out of range is named with its field, its range and itself. */
/* Read TEXT as one section and return the error, or NULL. */
static const char *read_error(struct kapi_arena *arena, const char *text,
			      kapi_facts_keep keep)
{
	struct kapi_unit_facts *units = NULL;
	unsigned int nunits = 0;
	const char *err = NULL;

	kapi_facts_read_filtered(arena, "f.kapi-facts",
				 (const unsigned char *)text, strlen(text),
				 keep, NULL, &units, &nunits, &err);
	return err;
}

static bool keep_only_g(void *data, const char *unit, const char *name,
			enum kapi_linkage linkage)
{
	(void)data;
	(void)unit;
	(void)linkage;
	return strcmp(name, "g") == 0;
}

/* Errors name the line of the section, past earlier blocks and dropped fns. */
static void error_lines_counted(void)
{
	/* Three lines: the header and a 27-byte body of two lines. */
	static const char first[] =
		"kapi-facts 2 27\nunit \"a\"\nerrno \"EPERM\" 1 0\n";
	static const char fn_f[] =
		"fn \"f\" 0 0 1 \"b\" 1 1\nret 0 0\nend\n";
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_buf text = { 0 }, body = { 0 };
	const char *err;

	/*
	 * Line 4 is an empty line between the blocks and line 5 the second
	 * header, so the second errno line is line 7.
	 */
	kapi_buf_puts(&body, "unit \"b\"\nerrno \"EPERM\" x 0\n");
	kapi_buf_printf(&text, "%s\nkapi-facts 2 %zu\n%s", first, body.len,
			kapi_buf_str(&body));
	err = read_error(arena, kapi_buf_str(&text), NULL);
	CHECK(err != NULL);
	if (err)
		CHECK(strncmp(err, "f.kapi-facts:7:", 15) == 0);

	/* A bad linkage on line 10, after the three lines of a dropped fn. */
	kapi_buf_reset(&text);
	kapi_buf_reset(&body);
	kapi_buf_printf(&body, "unit \"b\"\n%sfn \"g\" 3 0 1 \"b\" 1 1\n",
			fn_f);
	kapi_buf_printf(&text, "%s\nkapi-facts 2 %zu\n%s", first, body.len,
			kapi_buf_str(&body));
	err = read_error(arena, kapi_buf_str(&text), keep_only_g);
	CHECK(err != NULL);
	if (err)
		CHECK(strncmp(err, "f.kapi-facts:10:", 16) == 0);

	kapi_buf_release(&text);
	kapi_buf_release(&body);
	kapi_arena_free(arena);
}

static void bad_numbers_named(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_buf block = { 0 };
	struct kapi_unit_facts *units = NULL;
	unsigned int nunits = 0;
	const char *err = NULL;
	static const char negative[] = "kapi-facts 1 -5\nunit \"x\"\n";

	write_block(arena, &block);
	CHECK(kapi_facts_read(arena, "bad.o", (const unsigned char *)negative,
			      strlen(negative), &units, &nunits, &err) == -1);
	CHECK(err != NULL);
	if (err) {
		CHECK(strstr(err, "the header 'kapi-facts 1 -5' must give VERSION and LENGTH (in bytes) as unsigned decimal numbers") != NULL);
		CHECK(strstr(err, "18446744073709551611") == NULL);
	}

	err = read_changed(arena, kapi_buf_str(&block), "\nentries 0 ",
			   "\nentries -3 ");
	CHECK(strstr(err, "expected the number of constraints from 0 to 1048576, found '-3'") != NULL);
	err = read_changed(arena, kapi_buf_str(&block), "\nerror 0 ",
			   "\nerror 99999 ");
	CHECK(strstr(err, "expected an entry index from 0 to 4096, found '99999'") != NULL);
	if (unit_failures)
		fprintf(stderr, "  last message: %s\n", err);
	kapi_buf_release(&block);
	kapi_arena_free(arena);
}

int main(void)
{
	RUN(round_trip_keeps_facts);
	RUN(padded_blocks_all_read);
	RUN(same_macros_share_tables);
	RUN(bad_input_named);
	RUN(bad_numbers_named);
	RUN(error_lines_counted);
	return UNIT_EXIT();
}
