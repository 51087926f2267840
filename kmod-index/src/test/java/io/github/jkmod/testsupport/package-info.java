/**
 * Test helpers shared by every module's tests (kmod-index's test jar): the {@link
 * io.github.jkmod.testsupport.Oracle} the oracle and conformance tests compare with (system property
 * {@code jkmod.oracle}: {@code kmod30} or {@code kmod34}), its fetched real module tree, and the
 * prerequisites of oracle tests, which fail instead of skipping under {@code .ci/run}.
 */
package io.github.jkmod.testsupport;
