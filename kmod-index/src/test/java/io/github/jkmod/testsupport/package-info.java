/**
 * Test helpers shared by every module's tests (kmod-index's test jar): the fetched real module tree
 * and the prerequisites of oracle tests, which fail instead of skipping under {@code .ci/run}.
 */
package io.github.jkmod.testsupport;
