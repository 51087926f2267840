package io.github.jkmod.cli.devices;

import io.github.jkmod.core.ProbeStep;
import io.github.jkmod.core.devices.ColdplugReport;
import io.github.jkmod.core.devices.ColdplugResult;
import io.github.jkmod.core.devices.DeviceModules;
import io.github.jkmod.core.devices.DeviceReport;
import io.github.jkmod.core.devices.MatchedModule;
import io.github.jkmod.core.devices.NeededModule;
import io.github.jkmod.core.devices.NeededModules;
import io.github.jkmod.core.devices.ScanProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text and JSON forms of what {@code jkmod devices} and {@code coldplug} print. */
final class DeviceViews {
    private DeviceViews() {
    }

    /** One line per device: {@code PATH subsystem=S driver=D modalias=M modules=A,B(blacklisted)}. */
    static String reportText(DeviceReport report) {
        StringBuilder b = new StringBuilder();
        for (DeviceModules d : report.devices()) {
            b.append(d.device().path())
                    .append(" subsystem=").append(d.device().subsystem().orElse("-"))
                    .append(" driver=").append(d.device().driver().orElse("-"))
                    .append(" modalias=").append(d.device().modalias())
                    .append(" modules=");
            if (d.modules().isEmpty()) {
                b.append('-');
            }
            String sep = "";
            for (MatchedModule m : d.modules()) {
                b.append(sep).append(m.name());
                if (m.status() != MatchedModule.Status.MODULE) {
                    b.append('(').append(m.status().label()).append(')');
                }
                sep = ",";
            }
            b.append('\n');
        }
        return b.toString();
    }

    static Map<String, Object> reportJson(String sysfs, String moduleDirectory, DeviceReport report) {
        List<Object> devices = new ArrayList<>();
        for (DeviceModules d : report.devices()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("path", d.device().path());
            o.put("subsystem", d.device().subsystem().orElse(null));
            o.put("modalias", d.device().modalias());
            o.put("driver", d.device().driver().orElse(null));
            List<Object> modules = new ArrayList<>();
            for (MatchedModule m : d.modules()) {
                Map<String, Object> mo = new LinkedHashMap<>();
                mo.put("name", m.name());
                mo.put("status", m.status().label());
                modules.add(mo);
            }
            o.put("modules", modules);
            devices.add(o);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("sysfs", sysfs);
        top.put("moduleDirectory", moduleDirectory);
        top.put("devices", devices);
        top.put("problems", problems(report.problems()));
        return top;
    }

    /** One module name a line, in load order (builtin modules left out). */
    static String neededText(NeededModules needed) {
        StringBuilder b = new StringBuilder();
        for (NeededModule m : needed.modules()) {
            b.append(m.name()).append('\n');
        }
        return b.toString();
    }

    static Map<String, Object> neededJson(String sysfs, String moduleDirectory, NeededModules needed) {
        List<Object> modules = new ArrayList<>();
        for (NeededModule m : needed.modules()) {
            ProbeStep s = m.step();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", m.name());
            o.put("action", s.action() == ProbeStep.Action.INSERT ? "insert"
                    : s.action() == ProbeStep.Action.RUN_INSTALL ? "install-command" : "no-file");
            o.put("file", s.file().map(Object::toString).orElse(null));
            o.put("command", s.command().orElse(null));
            o.put("options", new ArrayList<Object>(s.options()));
            o.put("dependencies", new ArrayList<Object>(m.dependencies()));
            o.put("softPredecessors", new ArrayList<Object>(m.softPredecessors()));
            modules.add(o);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("sysfs", sysfs);
        top.put("moduleDirectory", moduleDirectory);
        top.put("modules", modules);
        top.put("builtin", new ArrayList<Object>(needed.builtin()));
        top.put("problems", problems(needed.problems()));
        return top;
    }

    /** {@code OUTCOME NAME (wave N)[: DETAIL]}, one line per module, in load-list order. */
    static String coldplugText(ColdplugReport report) {
        StringBuilder b = new StringBuilder();
        for (ColdplugResult r : report.results()) {
            b.append(r.outcome().label()).append(' ').append(r.module()).append(" (wave ").append(r.wave());
            if (r.round() > 1) {
                b.append(", round ").append(r.round());
            }
            b.append(')');
            if (!r.detail().isEmpty()) {
                b.append(": ").append(r.detail());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** {@code wave N: A B(in-kernel) ...}, one line per wave. */
    static String wavesText(ColdplugReport report) {
        Map<String, ColdplugResult> byName = new LinkedHashMap<>();
        for (ColdplugResult r : report.results()) {
            byName.put(r.module(), r);
        }
        StringBuilder b = new StringBuilder();
        List<List<String>> waves = report.waves();
        for (int i = 0; i < waves.size(); i++) {
            b.append("wave ").append(i + 1).append(':');
            for (String name : waves.get(i)) {
                b.append(' ').append(name);
                ColdplugResult.Outcome o = byName.get(name).outcome();
                if (o != ColdplugResult.Outcome.WOULD_LOAD) {
                    b.append('(').append(o.label()).append(')');
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    static Map<String, Object> coldplugJson(ColdplugReport report, boolean dryRun) {
        List<Object> results = new ArrayList<>();
        for (ColdplugResult r : report.results()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("module", r.module());
            o.put("outcome", r.outcome().label());
            o.put("wave", r.wave());
            o.put("detail", r.detail());
            o.put("round", r.round());
            results.add(o);
        }
        List<Object> waves = new ArrayList<>();
        for (List<String> w : report.waves()) {
            waves.add(new ArrayList<Object>(w));
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("dryRun", dryRun);
        top.put("results", results);
        top.put("waves", waves);
        return top;
    }

    private static List<Object> problems(List<ScanProblem> problems) {
        List<Object> out = new ArrayList<>();
        for (ScanProblem p : problems) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", p.file().toString());
            o.put("reason", p.reason());
            out.add(o);
        }
        return out;
    }
}
