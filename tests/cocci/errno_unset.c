// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/errno/errno_unset.cocci: the lines marked "reported"
 * must be reported, nothing else.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>

struct page;
extern int use(void *p);
extern struct page *get_page_of(int n);

/* The allocation failed, and err is still 0 at the return. */
static int hit_decl(int n)
{
	int err = 0;
	char *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p)				/* reported */
		goto out;
	err = use(p);
	kfree(p);
out:
	return err;
}

static int hit_assigned(int n)
{
	int err;
	char *p;

	err = 0;
	if (n > 3)
		return -EINVAL;
	p = kzalloc(n, GFP_KERNEL);
	if (p == NULL)			/* reported */
		goto out;
	kfree(p);
out:
	return err;
}

static int hit_error_pointer(int n)
{
	struct page *page;
	int ret = 0;

	page = get_page_of(n);
	if (IS_ERR(page))		/* reported */
		goto out;
	ret = use(page);
out:
	return ret;
}

static int ok_set_before_goto(int n)
{
	int err = 0;
	char *p;

	p = kmalloc(n, GFP_KERNEL);
	if (!p) {
		err = -ENOMEM;
		goto out;
	}
	kfree(p);
out:
	return err;
}

/* The exit sets the code from the pointer itself. */
static int ok_set_at_exit(int n)
{
	struct page *page;
	int ret = 0;

	page = get_page_of(n);
	if (IS_ERR(page))
		goto fail;
	return use(page);
fail:
	ret = PTR_ERR(page);
	return ret;
}

/* The initial value is an error already. */
static int ok_initial_error(int n)
{
	int err = -ENOMEM;
	char *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		goto out;
	err = use(p);
	kfree(p);
out:
	return err;
}
