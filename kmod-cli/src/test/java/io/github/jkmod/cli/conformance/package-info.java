/**
 * The jmodprobe conformance suite: jmodprobe (in this JVM, and the packaged executable) against
 * the real kmod {@code modprobe} on the real Debian module tree, comparing stdout, stderr and the
 * exit status byte for byte. Every difference that remains is listed in {@link
 * io.github.jkmod.cli.conformance.KnownDifferences} and asserted there.
 */
package io.github.jkmod.cli.conformance;
