/* SPDX-License-Identifier: GPL-2.0-only */
/* User namespaces, for test fixtures: only what capability checks name. */
#ifndef _LINUX_USER_NAMESPACE_H
#define _LINUX_USER_NAMESPACE_H

struct user_namespace;

/* The namespace of the first process, in which capable() checks. */
extern struct user_namespace init_user_ns;

/* The user namespace of the current task's credentials. */
extern struct user_namespace *current_user_ns(void);

#endif /* _LINUX_USER_NAMESPACE_H */
