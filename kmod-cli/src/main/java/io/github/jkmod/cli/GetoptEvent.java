package io.github.jkmod.cli;

import java.util.Optional;

/** What {@link Getopt#next()} found: an option (with its argument, if it takes one) or a failure. */
sealed interface GetoptEvent {

    /** A recognised option and, for an option that takes one, its argument. */
    record Option(OptionId id, Optional<String> argument) implements GetoptEvent {
    }

    /**
     * A usage error, with the text glibc's getopt prints for it on stderr (program name included,
     * newline-terminated).
     */
    record Failure(String text) implements GetoptEvent {
    }
}
