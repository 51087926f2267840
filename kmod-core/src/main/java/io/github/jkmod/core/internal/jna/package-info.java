/**
 * The only place where jkmod touches JNA: the three module system calls through libc's
 * {@code syscall(2)}, with {@code errno} captured per call, and libc's {@code syslog(3)} for
 * {@code modprobe -s}. Internal: not an API; nothing here appears in a public signature, and no
 * JNA class is loaded until a system call is made or a message is logged.
 */
package io.github.jkmod.core.internal.jna;
