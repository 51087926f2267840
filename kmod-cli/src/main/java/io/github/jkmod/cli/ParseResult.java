package io.github.jkmod.cli;

import io.github.jkmod.core.KmodProfile;

import java.util.Objects;

/**
 * What a valid command line asks for: modprobe's help, its version, or work described by
 * {@link ModprobeOptions}. {@code -h} and {@code -V} take effect where they stand: options after
 * them, valid or not, are never read.
 */
public sealed interface ParseResult {

    /**
     * {@code -h}: print the help on stdout, exit 0.
     *
     * @param profile the profile chosen before {@code -h} (option, else environment, else the default)
     */
    record Help(KmodProfile profile) implements ParseResult {
    }

    /**
     * {@code -V}: print the version on stdout, exit 0.
     *
     * @param profile the profile chosen before {@code -V} (option, else environment, else the default)
     */
    record Version(KmodProfile profile) implements ParseResult {
    }

    /** Do the work the options describe. */
    record Run(ModprobeOptions options) implements ParseResult {
        /**
         * Checks for null.
         *
         * @param options the parsed options
         */
        public Run {
            Objects.requireNonNull(options, "options");
        }
    }
}
