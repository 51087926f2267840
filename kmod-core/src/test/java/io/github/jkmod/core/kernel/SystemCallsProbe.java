package io.github.jkmod.core.kernel;

import io.github.jkmod.KmodException;

/**
 * Run in a child JVM by {@link SystemCallsLazinessTest}: {@code type-only} touches
 * {@link KernelCalls#system()} without calling it; {@code call} removes a module that does not
 * exist and prints the errno's name, then {@code jna.tmpdir}.
 */
public final class SystemCallsProbe {
    private SystemCallsProbe() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        KernelCalls calls = KernelCalls.system();
        System.out.println("calls=" + calls);
        if (args.length > 0 && args[0].equals("call")) {
            try {
                calls.deleteModule("jkmod_no_such_module", KernelCalls.DELETE_NONBLOCK);
                System.out.println("errno=none");
            } catch (KernelCallException e) {
                System.out.println("errno=" + e.errnoName());
            } catch (KmodException e) {
                System.out.println("failure=" + e.getMessage());
            }
            System.out.println("jna.tmpdir=" + System.getProperty("jna.tmpdir"));
        }
    }
}
