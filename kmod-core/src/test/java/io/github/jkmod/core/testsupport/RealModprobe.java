package io.github.jkmod.core.testsupport;

import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real modprobe (kmod) of the chosen {@link Oracle} ({@code jkmod.oracle}): where it is, and runs of it (or of any program, such as
 * kmod-cli's target/jmodprobe) that capture what it prints. Every run reads stdin from
 * {@code /dev/null}, reads stdout and stderr at once (so neither pipe fills up) and fails with an
 * {@link IllegalStateException} when the program has not finished in time.
 */
public final class RealModprobe {
    /** How long {@link #run(List)} and {@link #run(String, List, Map)} wait for the program. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What one run printed and returned. */
    public record Outcome(String stdout, String stderr, int status) {
    }

    private RealModprobe() {
    }

    /** The oracle of this JVM (system property {@code jkmod.oracle}, see {@link Oracle}). */
    public static Oracle oracle() {
        return Oracle.current();
    }

    /**
     * The real modprobe of the chosen oracle ({@link Oracle#findTool}): kmod 30's
     * {@code /usr/sbin/modprobe} or kmod 34.2's wrapper in the Debian 13 chroot; empty when it is
     * not installed.
     */
    public static Optional<Path> locate() {
        return oracle().findTool("modprobe");
    }

    /**
     * The real modprobe of the chosen oracle; a missing one is a missing prerequisite (the test
     * skips outside CI and fails under {@code .ci/run}, see {@link io.github.jkmod.testsupport.Prerequisites}).
     *
     * @return its path
     */
    public static Path require() {
        return oracle().modprobe();
    }

    /**
     * Runs the real modprobe (which must be installed) with {@code args}, in this process's
     * environment less {@code MODPROBE_OPTIONS}; output decoded as UTF-8.
     */
    public static Outcome run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(locate().orElseThrow(() -> new IllegalStateException("modprobe of " + oracle().description()
                + " is not installed")).toString());
        command.addAll(args);
        return capture(command, environmentWithoutModprobeOptions(), StandardCharsets.UTF_8, TIMEOUT);
    }

    /** Runs {@code program args} with exactly the environment {@code env}; output decoded as UTF-8. */
    public static Outcome run(String program, List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(args);
        return capture(command, env, StandardCharsets.UTF_8, TIMEOUT);
    }

    /** This process's environment without {@code MODPROBE_OPTIONS} (which modprobe reads). */
    public static Map<String, String> environmentWithoutModprobeOptions() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("MODPROBE_OPTIONS");
        return env;
    }

    /**
     * Runs {@code command} (the program, then its arguments) with exactly the environment
     * {@code env} and waits at most {@code timeout} for it; output decoded with {@code charset}.
     */
    public static Outcome capture(List<String> command, Map<String, String> env, Charset charset,
            Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("not finished after " + timeout + ": " + command);
            }
            return new Outcome(new String(out.join(), charset), new String(err.join(), charset),
                    p.exitValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
