package io.github.jkmod.core.devices;

import java.util.ArrayList;
import java.util.List;

/**
 * What a coldplug did, one result per module of the load list, in the list's order.
 *
 * @param results the results
 */
public record ColdplugReport(List<ColdplugResult> results) {
    /**
     * Copies the list.
     *
     * @param results the results
     */
    public ColdplugReport {
        results = List.copyOf(results);
    }

    /**
     * The modules by wave, over all rounds: element 0 holds the modules of wave 1, and so on; each
     * in list order.
     *
     * @return the waves, immutable
     */
    public List<List<String>> waves() {
        List<List<String>> waves = new ArrayList<>();
        for (ColdplugResult r : results) {
            while (waves.size() < r.wave()) {
                waves.add(new ArrayList<>());
            }
            waves.get(r.wave() - 1).add(r.module());
        }
        List<List<String>> copy = new ArrayList<>();
        for (List<String> w : waves) {
            copy.add(List.copyOf(w));
        }
        return List.copyOf(copy);
    }

    /**
     * Whether every module is (or would be) in the kernel.
     *
     * @return true when no module failed or was skipped
     */
    public boolean succeeded() {
        for (ColdplugResult r : results) {
            if (!r.outcome().succeeded()) {
                return false;
            }
        }
        return true;
    }
}
