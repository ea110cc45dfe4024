// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/errno/errno_overwritten.cocci: the lines marked
 * "reported" must be reported, nothing else.
 */
#include <linux/errno.h>

extern int step(int i);
extern int retry_needed(void);

/* A gap check after the loop replaces the step's error. */
static int hit_break(int n, int end)
{
	int i, err = 0;

	for (i = 0; i < n; i++) {
		err = step(i);
		if (err)
			break;
	}
	if (i < end)
		err = -ENOMEM;		/* reported */
	return err;
}

static int hit_goto(int n)
{
	int err;

	err = step(n);
	if (err < 0)
		goto out;
	err = step(n + 1);
out:
	if (n > 4)
		err = -EINVAL;		/* reported */
	return err;
}

/* The error is read before it is replaced. */
static int ok_tested_first(int n, int end)
{
	int i, err = 0;

	for (i = 0; i < n; i++) {
		err = step(i);
		if (err)
			break;
	}
	if (err)
		return err;
	if (i < end)
		err = -ENOMEM;
	return err;
}

/* Translating a code reads it first. */
static int ok_translated(int n)
{
	int err = step(n);

	if (err)
		goto out;
	err = step(n + 1);
out:
	if (err == -EFAULT)
		err = -ENOMEM;
	return err;
}

/* A retry label before the test resets the error on purpose. */
static int ok_retry(int n)
{
	int err;

retry:
	err = -EAGAIN;
	if (retry_needed()) {
		err = step(n);
		if (err)
			goto retry;
	}
	return err;
}

/* Only the path without an error reaches the assignment. */
static int ok_other_path(int n)
{
	int err = step(n);

	if (err)
		return err;
	err = -ENOENT;
	return err;
}
