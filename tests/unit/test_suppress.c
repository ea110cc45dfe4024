// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of matching findings against known exceptions
 * (lib/suppress.c): values, wildcards, and spec exceptions that are
 * unusable and so never match.
 */
#include <string.h>

#include "kapi/suppress.h"
#include "unit.h"

static void value_patterns_match(void)
{
	CHECK(kapi_value_matches("EAGAIN", "EAGAIN"));
	CHECK(kapi_value_matches("-EAGAIN", "EAGAIN"));
	CHECK(kapi_value_matches("eagain", "EAGAIN"));
	CHECK(kapi_value_matches("*", "EAGAIN"));
	CHECK(kapi_value_matches("*", NULL));
	CHECK(!kapi_value_matches("EAGAIN", "EAGAINX"));
	CHECK(!kapi_value_matches("EAGAIN", NULL));
	CHECK(!kapi_value_matches(NULL, "EAGAIN"));
	CHECK(!kapi_value_matches("--EAGAIN", "EAGAIN"));
}

static void exceptions_checked(void)
{
	struct kapi_spec_exception good = { 0, "kapi-lock-held", "*", "why" };
	struct kapi_spec_exception typo = { 1, "kapi-lock-hold", "*", "why" };
	struct kapi_spec_exception no_value = { 2, "kapi-lock-held", "", "why" };
	struct kapi_spec_exception no_reason = { 3, "kapi-lock-held", "x", NULL };

	CHECK(kapi_spec_exception_problem(&good) == NULL);
	CHECK(kapi_spec_exception_problem(&typo) != NULL);
	CHECK(kapi_spec_exception_problem(&no_value) != NULL);
	CHECK(kapi_spec_exception_problem(&no_reason) != NULL);
}

static void spec_exception_found(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_spec *spec = kapi_spec_new(arena, "sys_demo",
					       "__kapi_spec_sys_demo",
					       (struct kapi_loc){ 0 });
	struct kapi_spec_exception *bad = kapi_spec_add_exception(arena, spec, 0);
	struct kapi_spec_exception *good = kapi_spec_add_exception(arena, spec, 1);
	struct kapi_findings out;
	struct kapi_finding *eio, *ebusy, *lock;

	/* The first entry lacks a reason, so only the second may match. */
	bad->check = "kapi-errno-undeclared";
	bad->value = "EIO";
	good->check = "kapi-errno-undeclared";
	good->value = "-EIO";
	good->reason = "passed on from the block layer";

	kapi_findings_init(&out, arena);
	eio = kapi_findings_add(&out, KAPI_CHECK_ERRNO_UNDECLARED, "sys_demo",
				(struct kapi_loc){ 0 }, "can return -EIO");
	kapi_finding_set_value(&out, eio, "-EIO");
	ebusy = kapi_findings_add(&out, KAPI_CHECK_ERRNO_UNDECLARED, "sys_demo",
				  (struct kapi_loc){ 0 }, "can return -EBUSY");
	kapi_finding_set_value(&out, ebusy, "-EBUSY");
	lock = kapi_findings_add(&out, KAPI_CHECK_LOCK_HELD, "sys_demo",
				 (struct kapi_loc){ 0 }, "EIO-named lock");
	kapi_finding_set_value(&out, lock, "EIO");

	CHECK(strcmp(eio->value, "EIO") == 0);
	CHECK(kapi_spec_exception_for(spec, eio) == good);
	CHECK(kapi_spec_exception_for(spec, ebusy) == NULL);
	CHECK(kapi_spec_exception_for(spec, lock) == NULL);
	kapi_arena_free(arena);
}

int main(void)
{
	RUN(value_patterns_match);
	RUN(exceptions_checked);
	RUN(spec_exception_found);
	return UNIT_EXIT();
}
