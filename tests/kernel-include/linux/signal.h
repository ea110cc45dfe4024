/* SPDX-License-Identifier: GPL-2.0-only */
/* Signal numbers and sigaction flags of x86-64, for test fixtures. */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGTRAP		5
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGRTMIN	32

#define SA_SIGINFO	0x00000004
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

#endif /* _LINUX_SIGNAL_H */
