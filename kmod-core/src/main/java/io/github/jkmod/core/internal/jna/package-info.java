/**
 * The only place where jkmod touches JNA: the three module system calls through libc's
 * {@code syscall(2)}, with {@code errno} captured per call. Internal: not an API; nothing here
 * appears in a public signature, and no class here is loaded until a system call is made.
 */
package io.github.jkmod.core.internal.jna;
