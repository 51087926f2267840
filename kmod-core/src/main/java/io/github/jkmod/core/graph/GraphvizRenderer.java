package io.github.jkmod.core.graph;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text with Graphviz's own {@code dot} command ({@code dot -Tsvg}): the reference
 * renderer, packaged by every distribution (Debian: {@code graphviz}). The text goes to its
 * standard input, its standard output is read whole, its standard error kept for the message of a
 * failure; a run that takes longer than the timeout is killed.
 */
public final class GraphvizRenderer {
    /** The timeout of {@link #onPath}: far more than {@code dot} takes for a graph of thousands of modules. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** What to install, for messages. */
    public static final String INSTALL_HINT = "install Graphviz (Debian and Ubuntu: apt-get install graphviz;"
            + " Fedora: dnf install graphviz)";

    private final Path dot;
    private final Duration timeout;

    /**
     * A renderer that runs {@code dot}.
     *
     * @param dot the {@code dot} executable
     * @param timeout how long one run may take before it is killed
     */
    public GraphvizRenderer(Path dot, Duration timeout) {
        this.dot = Objects.requireNonNull(dot, "dot");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * The first executable {@code dot} in the directories of {@code PATH}.
     *
     * @param env the environment whose {@code PATH} is searched
     * @return the command, or empty when there is none
     */
    public static Optional<Path> find(Map<String, String> env) {
        String path = env.get("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve("dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A renderer running the {@code dot} of {@code PATH}, with the {@link #DEFAULT_TIMEOUT}.
     *
     * @param env the environment whose {@code PATH} is searched
     * @return the renderer
     * @throws GraphvizNotFoundException when no directory of {@code PATH} has {@code dot}
     */
    public static GraphvizRenderer onPath(Map<String, String> env) throws GraphvizNotFoundException {
        Optional<Path> found = find(env);
        if (found.isEmpty()) {
            throw new GraphvizNotFoundException("the Graphviz command dot is not in PATH ("
                    + env.getOrDefault("PATH", "PATH not set") + "): " + INSTALL_HINT);
        }
        return new GraphvizRenderer(found.get(), DEFAULT_TIMEOUT);
    }

    /**
     * The command this renderer runs.
     *
     * @return the {@code dot} executable
     */
    public Path command() {
        return dot;
    }

    /**
     * The SVG picture of a graph ({@code dot -Tsvg}).
     *
     * @param dotText the graph, e.g. from {@link DotWriter#write}
     * @return the SVG document, as {@code dot} wrote it (UTF-8)
     * @throws GraphvizException when {@code dot} cannot be started, exits with an error or takes
     *     longer than the timeout; the message has its exit status and standard error
     */
    public byte[] svg(String dotText) throws GraphvizException {
        return render(dotText, "svg");
    }

    /**
     * The graph rendered by {@code dot -TFORMAT}.
     *
     * @param dotText the graph
     * @param format one of Graphviz's output formats, e.g. {@code svg}, {@code png}, {@code pdf}
     * @return what {@code dot} wrote on its standard output, whole
     * @throws GraphvizException when {@code dot} cannot be started, exits with an error or takes
     *     longer than the timeout
     */
    public byte[] render(String dotText, String format) throws GraphvizException {
        Objects.requireNonNull(dotText, "dotText");
        if (!format.matches("[a-z0-9:_]+")) {
            throw new IllegalArgumentException("not a Graphviz format: " + format);
        }
        String what = dot + " -T" + format;
        Process process;
        try {
            process = new ProcessBuilder(dot.toString(), "-T" + format).start();
        } catch (IOException e) {
            throw new GraphvizException("cannot run " + what + ": " + e.getMessage(), e);
        }
        Drain out = new Drain(process.getInputStream());
        Drain err = new Drain(process.getErrorStream());
        Thread feeder = new Thread(() -> feed(process.getOutputStream(), dotText), "dot-stdin");
        feeder.setDaemon(true);
        out.start();
        err.start();
        feeder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new GraphvizException(what + " did not finish within " + timeout.toSeconds()
                        + " s; it was killed");
            }
            out.join(timeout.toMillis());
            err.join(timeout.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GraphvizException(what + " was interrupted", e);
        }
        int status = process.exitValue();
        String stderr = err.text().strip();
        if (out.failure != null) {
            throw new GraphvizException("cannot read the output of " + what + ": " + out.failure.getMessage(),
                    out.failure);
        }
        if (status != 0) {
            throw new GraphvizException(what + " failed with exit status " + status
                    + (stderr.isEmpty() ? "" : ": " + stderr));
        }
        return out.bytes.toByteArray();
    }

    private static void feed(OutputStream stdin, String text) {
        try (stdin) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // dot exited before reading everything: its exit status and stderr tell why
            System.getLogger(GraphvizRenderer.class.getName()).log(System.Logger.Level.DEBUG,
                    "dot stopped reading its input", e);
        }
    }

    /** Reads one stream of the process to its end. */
    private static final class Drain extends Thread {
        private final InputStream in;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile IOException failure;

        Drain(InputStream in) {
            super("dot-output");
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (in) {
                in.transferTo(bytes);
            } catch (IOException e) {
                failure = e;
            }
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
