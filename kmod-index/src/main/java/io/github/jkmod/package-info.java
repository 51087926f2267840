/** jkmod's root package: the exception family shared by every layer. */
package io.github.jkmod;
