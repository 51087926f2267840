/**
 * Helpers shared by the tests of kmod-core and kmod-cli: kmod-core publishes its test classes as a
 * test-jar, which kmod-cli's tests depend on. What is here uses only the JDK, JUnit and kmod-core
 * itself, unless its javadoc says otherwise.
 */
package io.github.jkmod.core.testsupport;
