// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of spec validation and of the errno checks.
 */
#include <string.h>

#include "ir_helpers.h"
#include "kapi/check.h"
#include "kapi/spec.h"
#include "unit.h"

static struct kapi_errno_table *errnos(struct kapi_arena *arena)
{
	struct kapi_errno_table *t = kapi_errno_table_new(arena);

	kapi_errno_table_add(t, "EPERM", 1, false);
	kapi_errno_table_add(t, "EAGAIN", 11, false);
	kapi_errno_table_add(t, "EWOULDBLOCK", 11, true);
	kapi_errno_table_add(t, "ENOMEM", 12, false);
	kapi_errno_table_add(t, "EFAULT", 14, false);
	kapi_errno_table_add(t, "EINVAL", 22, false);
	return t;
}

static struct kapi_spec *spec_with_errors(struct kapi_arena *arena)
{
	struct kapi_spec *spec = kapi_spec_new(arena, "sys_demo",
					       "__kapi_spec_sys_demo", at(5));
	struct kapi_spec_error *e;

	e = kapi_spec_add_error(arena, spec, 0);
	e->has_code = true;
	e->code = -12;
	e->name = "ENOMEM";
	e = kapi_spec_add_error(arena, spec, 1);
	e->has_code = true;
	e->code = -22;
	e->name = "EINVAL";
	spec->error_count.present = true;
	spec->error_count.value = 2;
	return spec;
}

static int count_check(const struct kapi_findings *f, enum kapi_check_id id)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < f->n; i++)
		n += f->v[i].check == id;
	return n;
}

static void valid_spec_passes(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_findings out;

	kapi_findings_init(&out, arena);
	CHECK(kapi_spec_validate(spec_with_errors(arena), errnos(arena),
				 &out) == 0);
	kapi_arena_free(arena);
}

static void malformed_specs_reported(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_spec *spec = spec_with_errors(arena);
	struct kapi_spec_error *e;
	struct kapi_findings out;
	unsigned int i;
	bool saw_count = false, saw_missing = false, saw_positive = false;
	bool saw_name = false, saw_dup = false;

	kapi_findings_init(&out, arena);
	spec->error_count.value = 5;
	e = kapi_spec_add_error(arena, spec, 3);	/* index 2 missing */
	e->has_code = true;
	e->code = 14;					/* positive */
	e->name = "EFAULT";
	e = kapi_spec_add_error(arena, spec, 4);
	e->has_code = true;
	e->code = -12;					/* duplicate */
	e->name = "EFAULT";				/* wrong name */

	kapi_spec_validate(spec, errnos(arena), &out);
	for (i = 0; i < out.n; i++) {
		const char *m = out.v[i].message;

		CHECK(out.v[i].check == KAPI_CHECK_SPEC_MALFORMED);
		saw_count |= strstr(m, "error_count is 5 but 4") != NULL;
		saw_missing |= strstr(m, "error index 2 is missing") != NULL;
		saw_positive |= strstr(m, "positive code 14") != NULL;
		saw_name |= strstr(m, "named 'EFAULT' but its code -12 is -ENOMEM") != NULL;
		saw_dup |= strstr(m, "both declare -ENOMEM") != NULL;
	}
	CHECK(saw_count);
	CHECK(saw_missing);
	CHECK(saw_positive);
	CHECK(saw_name);
	CHECK(saw_dup);
	kapi_arena_free(arena);
}

/* long __do_sys_demo(int x) { if (x) return -EFAULT; return 0; } */
static void errno_check_finds_undeclared_and_unreturned(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "__do_sys_demo", true, 1,
					    at(10));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn), x = kapi_ir_add_var(fn, "x");
	struct kapi_errno_report report;
	struct kapi_findings out;
	struct kapi_buf table = { 0 };

	kapi_ir_param(fn, b0, x, 0);
	kapi_ir_branch(fn, b0, kapi_var(x), KAPI_CMP_NE, 0, false, b1, b2,
		       at(11));
	kapi_ir_return(fn, b1, true, kapi_const(-14), at(11));
	kapi_ir_return(fn, b2, true, kapi_const(0), at(12));
	add_fn(prog, arena, fn);

	kapi_findings_init(&out, arena);
	kapi_check_errnos(arena, prog, spec_with_errors(arena), errnos(arena),
			  true, &out, &report);
	CHECK(report.complete);
	CHECK(report.nerrnos == 1);
	CHECK(count_check(&out, KAPI_CHECK_ERRNO_UNDECLARED) == 1);
	CHECK(count_check(&out, KAPI_CHECK_ERRNO_UNRETURNED) == 2);
	CHECK(out.n > 0);
	if (out.n > 0) {
		CHECK(out.v[0].loc.line == 11);
		CHECK(strcmp(out.v[0].message,
			     "'sys_demo' can return -EFAULT, which its spec does not declare") == 0);
	}

	kapi_errno_report_format(&report, NULL, &table);
	CHECK(strstr(kapi_buf_str(&table), "-EFAULT") != NULL);
	CHECK(strstr(kapi_buf_str(&table), "result: complete") != NULL);
	kapi_buf_release(&table);
	kapi_arena_free(arena);
}

static void missing_body_reported(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_findings out;

	kapi_findings_init(&out, arena);
	kapi_check_errnos(arena, prog, spec_with_errors(arena), errnos(arena),
			  true, &out, NULL);
	CHECK(count_check(&out, KAPI_CHECK_SPEC_NO_IMPL) == 1);
	kapi_arena_free(arena);
}

/*
 * A body whose summary a limit cut short: one note at the spec says so,
 * the directly returned -EPERM is still reported, and no declared errno
 * is called unreturned.
 */
static void incomplete_analysis_is_noted(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "__do_sys_demo", true, 0,
					    at(10));
	struct kapi_summary *s;
	struct kapi_findings out;
	unsigned int i;

	kapi_ir_return(fn, kapi_ir_add_block(fn), true, kapi_const(-1),
		       at(11));
	s = add_fn(prog, arena, fn);
	CHECK(s != NULL);
	if (s)
		s->incomplete = "a test limit";

	kapi_findings_init(&out, arena);
	kapi_check_errnos(arena, prog, spec_with_errors(arena), errnos(arena),
			  true, &out, NULL);
	CHECK(count_check(&out, KAPI_CHECK_ANALYSIS_INCOMPLETE) == 1);
	CHECK(count_check(&out, KAPI_CHECK_ERRNO_UNDECLARED) == 1);
	CHECK(count_check(&out, KAPI_CHECK_ERRNO_UNRETURNED) == 0);
	for (i = 0; i < out.n; i++) {
		if (out.v[i].check != KAPI_CHECK_ANALYSIS_INCOMPLETE)
			continue;
		CHECK(out.v[i].note_only);
		CHECK(out.v[i].loc.line == 5);
		CHECK(strstr(out.v[i].message, "a test limit") != NULL);
	}
	kapi_arena_free(arena);
}

static void impl_names_cover_arches(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	const char *names[16];
	unsigned int n = kapi_spec_impl_names(arena, "sys_mlock", names, 16);

	CHECK(n >= 5);
	CHECK(strcmp(names[0], "__do_sys_mlock") == 0);
	CHECK(strcmp(names[n - 1], "sys_mlock") == 0);
	kapi_arena_free(arena);
}

int main(void)
{
	RUN(valid_spec_passes);
	RUN(malformed_specs_reported);
	RUN(errno_check_finds_undeclared_and_unreturned);
	RUN(missing_body_reported);
	RUN(incomplete_analysis_is_noted);
	RUN(impl_names_cover_arches);
	return UNIT_EXIT();
}
