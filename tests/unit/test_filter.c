// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of value filters: comparisons, negation, set algebra.
 */
#include "kapi/value.h"
#include "unit.h"

static void equality_and_negation(void)
{
	struct kapi_filter eq, ne;

	kapi_filter_from_cmp(&eq, KAPI_CMP_EQ, -14, false);
	kapi_filter_negate_cmp(&ne, KAPI_CMP_EQ, -14, false);
	CHECK(kapi_filter_admits(&eq, -14));
	CHECK(!kapi_filter_admits(&eq, -12));
	CHECK(!kapi_filter_admits(&ne, -14));
	CHECK(kapi_filter_admits(&ne, -12));
	CHECK(kapi_filter_admits(&ne, 0));
}

static void signed_ranges(void)
{
	struct kapi_filter neg, nonneg;

	kapi_filter_from_cmp(&neg, KAPI_CMP_LT, 0, false);
	kapi_filter_negate_cmp(&nonneg, KAPI_CMP_LT, 0, false);
	CHECK(kapi_filter_admits(&neg, -1));
	CHECK(kapi_filter_admits(&neg, -5000));
	CHECK(!kapi_filter_admits(&neg, 0));
	CHECK(kapi_filter_admits(&nonneg, 0));
	CHECK(kapi_filter_admits(&nonneg, 7));
	CHECK(!kapi_filter_admits(&nonneg, -7));
}

/* IS_ERR_VALUE(x): (unsigned long)x >= (unsigned long)-MAX_ERRNO. */
static void unsigned_is_err_value(void)
{
	struct kapi_filter err, ok;

	kapi_filter_from_cmp(&err, KAPI_CMP_GE, -KAPI_MAX_ERRNO, true);
	kapi_filter_negate_cmp(&ok, KAPI_CMP_GE, -KAPI_MAX_ERRNO, true);
	CHECK(kapi_filter_admits(&err, -1));
	CHECK(kapi_filter_admits(&err, -4095));
	CHECK(!kapi_filter_admits(&err, -4096));
	CHECK(!kapi_filter_admits(&err, 0));
	CHECK(kapi_filter_admits(&ok, 0));
	CHECK(kapi_filter_admits(&ok, -4096));
	CHECK(!kapi_filter_admits(&ok, -22));
}

static void intersect_only_and_except(void)
{
	struct kapi_filter a, b;

	kapi_filter_from_cmp(&a, KAPI_CMP_NE, -14, false);
	kapi_filter_from_cmp(&b, KAPI_CMP_NE, -12, false);
	kapi_filter_intersect(&a, &b);
	CHECK(!kapi_filter_admits(&a, -14));
	CHECK(!kapi_filter_admits(&a, -12));
	CHECK(kapi_filter_admits(&a, -11));

	kapi_filter_from_cmp(&b, KAPI_CMP_EQ, -14, false);
	kapi_filter_intersect(&a, &b);
	CHECK(kapi_filter_is_empty(&a));
}

static void union_widens_soundly(void)
{
	struct kapi_filter a, b, all;

	kapi_filter_from_cmp(&a, KAPI_CMP_EQ, -14, false);
	kapi_filter_from_cmp(&b, KAPI_CMP_EQ, -12, false);
	kapi_filter_union(&a, &b);
	CHECK(kapi_filter_admits(&a, -14));
	CHECK(kapi_filter_admits(&a, -12));
	CHECK(!kapi_filter_admits(&a, -13));

	kapi_filter_from_cmp(&b, KAPI_CMP_NE, -14, false);
	kapi_filter_union(&a, &b);
	kapi_filter_all(&all);
	CHECK(kapi_filter_equal(&a, &all));
}

static void small_range_used_up(void)
{
	struct kapi_filter f, ne;

	kapi_filter_all(&f);
	f.low = 0;
	f.high = 1;
	kapi_filter_from_cmp(&ne, KAPI_CMP_NE, 0, false);
	kapi_filter_intersect(&f, &ne);
	CHECK(!kapi_filter_is_empty(&f));
	kapi_filter_from_cmp(&ne, KAPI_CMP_NE, 1, false);
	kapi_filter_intersect(&f, &ne);
	CHECK(kapi_filter_is_empty(&f));
}

static void extremes_do_not_overflow(void)
{
	struct kapi_filter f;

	kapi_filter_from_cmp(&f, KAPI_CMP_LT, INT64_MIN, false);
	CHECK(kapi_filter_is_empty(&f));
	kapi_filter_from_cmp(&f, KAPI_CMP_GT, INT64_MAX, false);
	CHECK(kapi_filter_is_empty(&f));
	kapi_filter_from_cmp(&f, KAPI_CMP_GT, -1, true);
	CHECK(kapi_filter_is_empty(&f));
	kapi_filter_from_cmp(&f, KAPI_CMP_LE, -1, true);
	CHECK(kapi_filter_is_all(&f));
}

int main(void)
{
	RUN(equality_and_negation);
	RUN(signed_ranges);
	RUN(unsigned_is_err_value);
	RUN(intersect_only_and_except);
	RUN(union_widens_soundly);
	RUN(small_range_used_up);
	RUN(extremes_do_not_overflow);
	return UNIT_EXIT();
}
