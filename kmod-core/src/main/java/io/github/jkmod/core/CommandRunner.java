package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.util.Map;

/**
 * Runs the install and remove commands of the configuration. Commands come only from
 * configuration files; the module's options are substituted for {@code $CMDLINE_OPTS} before the
 * command reaches this interface.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs {@code command} with {@code /bin/sh -c}, with {@code environment} added to the
     * inherited environment, and waits for it.
     *
     * @param command the shell command line, run as {@code /bin/sh -c command}
     * @param environment variables to set for the command, on top of the inherited ones
     * @return the exit status
     * @throws KmodException when the shell cannot be started or waiting for it is interrupted
     */
    int run(String command, Map<String, String> environment) throws KmodException;

    /**
     * Runs {@code command} for {@code module}: {@code environment} plus
     * {@code MODPROBE_MODULE=module}, as modprobe sets it for install and remove commands.
     *
     * @param module the module the command is run for, exported as {@code MODPROBE_MODULE}
     * @param command the shell command line
     * @param environment variables to set for the command, on top of the inherited ones
     * @return the exit status
     * @throws KmodException when the shell cannot be started or waiting for it is interrupted
     */
    default int runFor(String module, String command, Map<String, String> environment)
            throws KmodException {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("MODPROBE_MODULE", module);
        return run(command, env);
    }

    /**
     * Runs commands with {@code /bin/sh -c}, output inherited from this process. (A class, not a
     * lambda: linking the first lambda of a run costs milliseconds of start-up.)
     */
    CommandRunner SHELL = new CommandRunner() {
        @Override
        public int run(String command, Map<String, String> environment) throws KmodException {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
            pb.environment().putAll(environment);
            pb.inheritIO();
            try {
                Process p = pb.start();
                return p.waitFor();
            } catch (IOException e) {
                throw new KmodException("cannot run /bin/sh -c '" + command + "': " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KmodException("interrupted while running '" + command + "'", e);
            }
        }
    };
}
