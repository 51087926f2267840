/**
 * Hardening tests of jmodprobe on the example tree with a fake kernel: hostile names, faults while
 * loading, and many loaders and removers at once.
 */
package io.github.jkmod.cli.hardening;
