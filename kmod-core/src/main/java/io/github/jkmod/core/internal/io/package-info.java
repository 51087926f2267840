/** Reading files that may be FIFOs or devices, for the configuration and module file readers. Not an API. */
package io.github.jkmod.core.internal.io;
