// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the summary text form: a round trip keeps every summary,
 * and broken input gets an error naming the line.
 */
#include <string.h>

#include "ir_helpers.h"
#include "unit.h"

/* int f(int x) { int r = g(x, 3); if (r == -14) return -12; return r; } */
static struct kapi_fn_ir *build_f(struct kapi_arena *arena)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "f", true, 1, at(1));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn);
	int x = kapi_ir_add_var(fn, "x"), r = kapi_ir_add_var(fn, "r");
	struct kapi_operand args[2] = { kapi_var(x), kapi_const(3) };

	kapi_ir_set_param_name(fn, 0, "x \"quoted\"");
	kapi_ir_param(fn, b0, x, 0);
	kapi_ir_call(fn, b0, r, "g", false, 2, args, at(2));
	kapi_ir_branch(fn, b0, kapi_var(r), KAPI_CMP_EQ, -14, false, b1, b2,
		       at(3));
	kapi_ir_return(fn, b1, true, kapi_const(-12), at(3));
	kapi_ir_return(fn, b2, true, kapi_var(r), at(4));
	return fn;
}

static void round_trip_keeps_summary(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	const char *why = NULL, *err = NULL;
	struct kapi_summary *s = kapi_summarize(arena, build_f(arena), &why);
	struct kapi_summary **back = NULL;
	struct kapi_buf text = { 0 }, again = { 0 };
	unsigned int i;
	int n;

	CHECK(s != NULL);
	if (!s)
		goto out;
	kapi_buf_puts(&text, KAPI_SUMMARY_FORMAT "\n");
	kapi_summary_write(s, &text);

	n = kapi_summary_read(arena, "mem", kapi_buf_str(&text), &back, &err);
	CHECK(n == 1);
	CHECK(err == NULL);
	if (n != 1)
		goto out;
	CHECK(strcmp(back[0]->name, "f") == 0);
	CHECK(back[0]->is_static);
	CHECK(back[0]->ncalls == 1);
	CHECK(back[0]->calls[0].nargs == 2);
	CHECK(strcmp(back[0]->param_names[0], "x \"quoted\"") == 0);
	CHECK(kapi_valueset_equal(&back[0]->ret, &s->ret));
	/* Writing what was read, its arguments still packed, gives the same text. */
	CHECK(back[0]->calls[0].args == NULL);
	kapi_buf_puts(&again, KAPI_SUMMARY_FORMAT "\n");
	kapi_summary_write(back[0], &again);
	CHECK(strcmp(kapi_buf_str(&text), kapi_buf_str(&again)) == 0);

	/* Unpacked, the arguments are those written. */
	for (i = 0; i < 2; i++) {
		const struct kapi_valueset *args =
			kapi_callsite_args(arena, &back[0]->calls[0]);

		CHECK(kapi_valueset_equal(&args[i], &s->calls[0].args[i]));
	}
out:
	kapi_buf_release(&text);
	kapi_buf_release(&again);
	kapi_arena_free(arena);
}

/* The linkage number: 0 global, 1 static, 2 weak (enum kapi_linkage). */
static void weak_linkage_round_trip(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	const char *why = NULL, *err = NULL;
	struct kapi_fn_ir *fn = build_f(arena);
	struct kapi_summary *s;
	struct kapi_summary **back = NULL;
	struct kapi_buf text = { 0 };

	fn->is_static = false;
	fn->is_weak = true;
	s = kapi_summarize(arena, fn, &why);
	CHECK(s != NULL);
	if (!s)
		goto out;
	kapi_buf_puts(&text, KAPI_SUMMARY_FORMAT "\n");
	kapi_summary_write(s, &text);
	CHECK(strstr(kapi_buf_str(&text), "fn \"f\" 2 ") != NULL);

	CHECK(kapi_summary_read(arena, "mem", kapi_buf_str(&text), &back,
				&err) == 1);
	CHECK(err == NULL);
	if (!back)
		goto out;
	CHECK(back[0]->is_weak);
	CHECK(!back[0]->is_static);
out:
	kapi_buf_release(&text);
	kapi_arena_free(arena);
}

static void foreign_version_rejected(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_summary **back;
	const char *err = NULL;

	CHECK(kapi_summary_read(arena, "old.facts", "kapi-summary 0\n", &back,
				&err) == -1);
	CHECK(err != NULL);
	if (err)
		CHECK(strstr(err, "old.facts:1:") != NULL);
	kapi_arena_free(arena);
}

static void corrupt_input_names_line(void)
{
	static const char *const bad[] = {
		"kapi-summary 1\nfn \"f\" 0 0 1 \"a.c\" 1 1\nret 1 0\natom const\n",
		"kapi-summary 1\nfn \"f\" 0 0 1 \"a.c\" 1 1\nret 1 0\n"
		"atom call 0 5 - 15 0 0 0 0 0 \"a.c\" 1 1 -\nend\n",
		"kapi-summary 1\nfn \"f 0 0\n",
		"kapi-summary 1\nbogus\n",
		"kapi-summary 1\nfn \"f\" 0 99999 1 \"a.c\" 1 1\n",
		"kapi-summary 1\nfn \"f\" 3 0 1 \"a.c\" 1 1\n",
		"kapi-summary 1\nfn \"f\" -1 0 1 \"a.c\" 1 1\n",
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct kapi_arena *arena = kapi_arena_new();
		struct kapi_summary **back;
		const char *err = NULL;

		CHECK(kapi_summary_read(arena, "x.facts", bad[i], &back,
					&err) == -1);
		CHECK(err != NULL);
		if (err)
			CHECK(strncmp(err, "x.facts", 7) == 0);
		kapi_arena_free(arena);
	}
}

int main(void)
{
	RUN(round_trip_keeps_summary);
	RUN(weak_linkage_round_trip);
	RUN(foreign_version_rejected);
	RUN(corrupt_input_names_line);
	return UNIT_EXIT();
}
