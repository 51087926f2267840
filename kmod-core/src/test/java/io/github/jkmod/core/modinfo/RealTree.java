package io.github.jkmod.core.modinfo;

import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real Debian module tree and the real kmod tools of the chosen oracle ({@code jkmod.oracle},
 * {@link io.github.jkmod.testsupport.Oracle}), used as oracles. A missing one skips the calling test, or fails it under {@code .ci/run}.
 */
final class RealTree {
    private RealTree() {
    }

    /** {@code ROOT/lib/modules/RELEASE} of the fetched tree (a missing tree: {@link FetchedTree#require}). */
    static Path moduleDir() {
        return FetchedTree.require().moduleDir();
    }

    /** Every module file ({@code .ko}, {@code .ko.xz}, ...: {@link FetchedTree#isModuleFile}) of the real tree, sorted by path. */
    static List<Path> allModules() {
        try (Stream<Path> s = Files.walk(moduleDir())) {
            return s.filter(p -> FetchedTree.isModuleFile(p.getFileName().toString())).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** About {@code n} modules spread evenly over the sorted list, none larger than {@code maxBytes}. */
    static List<Path> sample(int n, long maxBytes) {
        List<Path> all = allModules();
        List<Path> out = new ArrayList<>();
        int step = Math.max(1, all.size() / n);
        for (int i = 0; i < all.size() && out.size() < n; i += step) {
            for (int j = i; j < Math.min(all.size(), i + step); j++) {
                if (size(all.get(j)) <= maxBytes) {
                    out.add(all.get(j));
                    break;
                }
            }
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of {@code candidates} that is executable (a missing one: {@link Prerequisites#require}). */
    static String tool(String... candidates) {
        return Prerequisites.tool(candidates).toString();
    }

    /** The real modinfo (a missing one: {@link Prerequisites#require}). */
    static String modinfo() {
        return Prerequisites.modinfo().toString();
    }

    /** The real modprobe (a missing one: {@link Prerequisites#require}). */
    static String modprobe() {
        return Prerequisites.modprobe().toString();
    }

    /** The result of running a command. */
    record Result(int exit, String out, String err) {
    }

    /** Runs {@code command}; stdout and stderr decoded as UTF-8. */
    static Result run(List<String> command) {
        try {
            Path err = Files.createTempFile("jkmod-oracle", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                int exit = p.waitFor();
                return new Result(exit, new String(out, StandardCharsets.UTF_8), Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code modprobe OPTION FILE} for every file in one shell, each output preceded by a line
     * {@code == FILE} and followed by {@code rc=N}.
     */
    static String modprobeEach(String option, List<Path> files) {
        String modprobe = modprobe();
        try {
            Path list = Files.createTempFile("jkmod-oracle", ".list");
            try {
                Files.write(list, files.stream().map(Path::toString).collect(Collectors.toList()));
                String script = "while IFS= read -r f; do echo \"== $f\"; \"$0\" " + option
                        + " \"$f\" 2>/dev/null; echo \"rc=$?\"; done < \"$1\"";
                Result r = run(List.of("/bin/sh", "-c", script, modprobe, list.toString()));
                return r.out();
            } finally {
                Files.deleteIfExists(list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
