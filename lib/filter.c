// SPDX-License-Identifier: GPL-2.0-only
/*
 * Value filters: the conditions a value passed on its way (see value.h).
 *
 * Filters over-approximate. Some results have no exact form: an unsigned
 * comparison against a small bound, or a union of two "only" sets past
 * KAPI_FILTER_MAX_VALUES. Those results admit more values, never fewer, so
 * the errno sets built on them stay "may" sets.
 */
#include <string.h>

#include "kapi/buf.h"
#include "kapi/value.h"

unsigned int kapi_value_region(int64_t value)
{
	if (value < -KAPI_MAX_ERRNO)
		return KAPI_REGION_NEG;
	if (value < 0)
		return KAPI_REGION_ERR;
	if (value == 0)
		return KAPI_REGION_ZERO;
	return KAPI_REGION_POS;
}

void kapi_filter_all(struct kapi_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->regions = KAPI_REGION_ALL;
	f->low = INT64_MIN;
	f->high = INT64_MAX;
}

void kapi_filter_regions(struct kapi_filter *f, unsigned int regions)
{
	kapi_filter_all(f);
	f->regions = regions;
}

static bool in_range(const struct kapi_filter *f, int64_t value)
{
	return (kapi_value_region(value) & f->regions) &&
	       value >= f->low && value <= f->high;
}

static bool has_value(const struct kapi_filter *f, int64_t value)
{
	unsigned int i;

	for (i = 0; i < f->nvalues; i++)
		if (f->values[i] == value)
			return true;
	return false;
}

bool kapi_filter_admits(const struct kapi_filter *f, int64_t value)
{
	if (!in_range(f, value))
		return false;
	return f->only ? has_value(f, value) : !has_value(f, value);
}

/* Insert VALUE keeping VALUES sorted; false when the array is full. */
static bool insert_value(struct kapi_filter *f, int64_t value)
{
	unsigned int i;

	if (has_value(f, value))
		return true;
	if (f->nvalues == KAPI_FILTER_MAX_VALUES)
		return false;
	for (i = f->nvalues; i > 0 && f->values[i - 1] > value; i--)
		f->values[i] = f->values[i - 1];
	f->values[i] = value;
	f->nvalues++;
	return true;
}

/*
 * Bring F to its canonical form, so that equal sets compare equal. An
 * "only" filter keeps only admitted values and its bounds shrink to them.
 * An "except" filter drops values it would not admit anyway.
 */
static void normalize(struct kapi_filter *f)
{
	struct kapi_filter old = *f;
	unsigned int i;

	f->nvalues = 0;
	for (i = 0; i < old.nvalues; i++)
		if (in_range(&old, old.values[i]))
			f->values[f->nvalues++] = old.values[i];

	if (f->low > f->high)
		f->regions = 0;
	if (!f->only)
		return;

	f->regions = 0;
	f->low = INT64_MAX;
	f->high = INT64_MIN;
	for (i = 0; i < f->nvalues; i++) {
		f->regions |= kapi_value_region(f->values[i]);
		if (f->values[i] < f->low)
			f->low = f->values[i];
		if (f->values[i] > f->high)
			f->high = f->values[i];
	}
	if (f->nvalues == 0) {
		f->low = 0;
		f->high = -1;
	}
}

bool kapi_filter_is_empty(const struct kapi_filter *f)
{
	if (f->regions == 0 || f->low > f->high)
		return true;
	if (f->only)
		return f->nvalues == 0;

	/* A small range can be used up by its excluded values. */
	if ((uint64_t)f->high - (uint64_t)f->low < KAPI_FILTER_MAX_VALUES) {
		int64_t v;

		for (v = f->low;; v++) {
			if (kapi_filter_admits(f, v))
				return false;
			if (v == f->high)
				break;
		}
		return true;
	}
	return false;
}

bool kapi_filter_is_all(const struct kapi_filter *f)
{
	return f->regions == KAPI_REGION_ALL && f->low == INT64_MIN &&
	       f->high == INT64_MAX && !f->only && f->nvalues == 0;
}

bool kapi_filter_equal(const struct kapi_filter *a,
		       const struct kapi_filter *b)
{
	if (a->regions != b->regions || a->low != b->low ||
	    a->high != b->high || a->only != b->only ||
	    a->nvalues != b->nvalues)
		return false;
	return memcmp(a->values, b->values,
		      a->nvalues * sizeof(a->values[0])) == 0;
}

/* The set of X with (unsigned)X <cmp> (unsigned)RHS, over-approximated. */
static void from_unsigned_cmp(struct kapi_filter *f, enum kapi_cmp cmp,
			      int64_t rhs)
{
	bool ge;

	/* Turn > and <= into >= and < of the next value. */
	if (cmp == KAPI_CMP_GT || cmp == KAPI_CMP_LE) {
		if (rhs == -1) {	/* the largest unsigned value */
			if (cmp == KAPI_CMP_GT)
				f->regions = 0;
			return;
		}
		rhs++;
		cmp = cmp == KAPI_CMP_GT ? KAPI_CMP_GE : KAPI_CMP_LT;
	}
	ge = cmp == KAPI_CMP_GE;

	if (rhs == 0) {
		if (!ge)
			f->regions = 0;	/* nothing is below zero */
		return;
	}
	if (rhs < 0) {
		/* Negative RHS: the unsigned top end, a signed range. */
		if (ge) {
			f->low = rhs;
			f->high = -1;
		} else if (rhs == -KAPI_MAX_ERRNO) {
			/* The IS_ERR_VALUE() test, negated. */
			f->regions &= ~KAPI_REGION_ERR;
		}
		return;
	}
	if (ge) {
		f->regions &= ~KAPI_REGION_ZERO;
	} else {
		f->low = 0;
		f->high = rhs - 1;
	}
}

void kapi_filter_from_cmp(struct kapi_filter *f, enum kapi_cmp cmp,
			  int64_t rhs, bool is_unsigned)
{
	kapi_filter_all(f);

	if (cmp == KAPI_CMP_EQ) {
		f->only = true;
		insert_value(f, rhs);
	} else if (cmp == KAPI_CMP_NE) {
		insert_value(f, rhs);
	} else if (is_unsigned) {
		from_unsigned_cmp(f, cmp, rhs);
	} else if (cmp == KAPI_CMP_LT) {
		if (rhs == INT64_MIN)
			f->regions = 0;
		else
			f->high = rhs - 1;
	} else if (cmp == KAPI_CMP_LE) {
		f->high = rhs;
	} else if (cmp == KAPI_CMP_GT) {
		if (rhs == INT64_MAX)
			f->regions = 0;
		else
			f->low = rhs + 1;
	} else {
		f->low = rhs;
	}
	normalize(f);
}

void kapi_filter_negate_cmp(struct kapi_filter *f, enum kapi_cmp cmp,
			    int64_t rhs, bool is_unsigned)
{
	static const enum kapi_cmp opposite[] = {
		[KAPI_CMP_EQ] = KAPI_CMP_NE, [KAPI_CMP_NE] = KAPI_CMP_EQ,
		[KAPI_CMP_LT] = KAPI_CMP_GE, [KAPI_CMP_LE] = KAPI_CMP_GT,
		[KAPI_CMP_GT] = KAPI_CMP_LE, [KAPI_CMP_GE] = KAPI_CMP_LT,
	};

	kapi_filter_from_cmp(f, opposite[cmp], rhs, is_unsigned);
}

void kapi_filter_intersect(struct kapi_filter *a, const struct kapi_filter *b)
{
	struct kapi_filter old = *a;
	unsigned int i;

	a->regions &= b->regions;
	if (b->low > a->low)
		a->low = b->low;
	if (b->high < a->high)
		a->high = b->high;

	if (old.only && b->only) {
		a->nvalues = 0;
		for (i = 0; i < old.nvalues; i++)
			if (has_value(b, old.values[i]))
				insert_value(a, old.values[i]);
	} else if (old.only) {
		a->nvalues = 0;
		for (i = 0; i < old.nvalues; i++)
			if (!has_value(b, old.values[i]))
				insert_value(a, old.values[i]);
	} else if (b->only) {
		a->only = true;
		a->nvalues = 0;
		for (i = 0; i < b->nvalues; i++)
			if (!has_value(&old, b->values[i]))
				insert_value(a, b->values[i]);
	} else {
		/* Dropping an exclusion that does not fit only widens. */
		for (i = 0; i < b->nvalues; i++)
			insert_value(a, b->values[i]);
	}
	normalize(a);
}

void kapi_filter_union(struct kapi_filter *a, const struct kapi_filter *b)
{
	struct kapi_filter old = *a;
	unsigned int i;

	if (kapi_filter_is_empty(b))
		return;
	if (kapi_filter_is_empty(a)) {
		*a = *b;
		return;
	}

	a->regions |= b->regions;
	if (b->low < a->low)
		a->low = b->low;
	if (b->high > a->high)
		a->high = b->high;

	if (old.only && b->only) {
		for (i = 0; i < b->nvalues; i++) {
			if (!insert_value(a, b->values[i])) {
				/* Too many values: keep the bounds only. */
				a->only = false;
				a->nvalues = 0;
				break;
			}
		}
	} else if (old.only || b->only) {
		const struct kapi_filter *o = old.only ? &old : b;
		const struct kapi_filter *x = old.only ? b : &old;

		a->only = false;
		a->nvalues = 0;
		for (i = 0; i < x->nvalues; i++)
			if (!has_value(o, x->values[i]))
				insert_value(a, x->values[i]);
	} else {
		a->nvalues = 0;
		for (i = 0; i < old.nvalues; i++)
			if (has_value(b, old.values[i]))
				insert_value(a, old.values[i]);
	}
	normalize(a);
}

static void format_int(struct kapi_buf *out, int64_t v)
{
	if (v == INT64_MIN)
		kapi_buf_puts(out, "min");
	else if (v == INT64_MAX)
		kapi_buf_puts(out, "max");
	else
		kapi_buf_printf(out, "%lld", (long long)v);
}

void kapi_filter_format(const struct kapi_filter *f, struct kapi_buf *out)
{
	unsigned int i;

	kapi_buf_printf(out, "r%x[", f->regions);
	format_int(out, f->low);
	kapi_buf_puts(out, ",");
	format_int(out, f->high);
	kapi_buf_printf(out, "]%s{", f->only ? "=" : "-");
	for (i = 0; i < f->nvalues; i++)
		kapi_buf_printf(out, "%s%lld", i ? "," : "",
				(long long)f->values[i]);
	kapi_buf_puts(out, "}");
}
