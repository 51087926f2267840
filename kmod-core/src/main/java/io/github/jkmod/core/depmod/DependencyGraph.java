package io.github.jkmod.core.depmod;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The symbol table and the dependency graph of a depmod run: each module depends on the owners of
 * the symbols it leaves undefined; the modules are sorted topologically (users before the modules
 * they use), as depmod does it, and that order sorts every dependency list.
 */
final class DependencyGraph {
    /** A symbol of the table: its owner (null for a kernel symbol) and crc. */
    static final class Owner {
        final ModuleRecord module;
        final long crc;

        Owner(ModuleRecord module, long crc) {
            this.module = module;
            this.crc = crc;
        }
    }

    private final List<ModuleRecord> modules;
    private final Map<String, Owner> symbols;
    private final char prefix;

    DependencyGraph(List<ModuleRecord> modules, Map<String, Owner> symbols, char prefix) {
        this.modules = modules;
        this.symbols = symbols;
        this.prefix = prefix;
    }

    /** Adds a symbol, stripping the architecture prefix unless told it is stripped already. */
    void addSymbol(String name, boolean prefixSkipped, long crc, ModuleRecord owner) {
        String n = name;
        if (!prefixSkipped && !n.isEmpty() && n.charAt(0) == prefix) {
            n = n.substring(1);
        }
        symbols.put(n, new Owner(owner, crc));
    }

    Owner find(String name) {
        return symbols.get(key(name));
    }

    /** The table's name for a looked-up symbol: a leading '.' (PPC64) and the prefix stripped. */
    private String key(String name) {
        String n = name;
        if (!n.isEmpty() && n.charAt(0) == '.') {
            n = n.substring(1);
        }
        if (!n.isEmpty() && n.charAt(0) == prefix) {
            n = n.substring(1);
        }
        return n;
    }

    /** Links every module to the owners of its undefined symbols. */
    void resolve(boolean checkSymvers, boolean printUnknown, Consumer<DepmodMessage> out) {
        for (ModuleRecord mod : modules) {
            for (ModuleContents.Symbol s : mod.contents.dependencySymbols()) {
                Owner sym = find(s.name());
                if (sym == null) {
                    if (printUnknown && !s.weak()) {
                        out.accept(new DepmodMessage(DepmodMessage.Level.WARNING,
                                mod.path + " needs unknown symbol " + s.name()));
                    }
                    continue;
                }
                if (checkSymvers && sym.crc != s.crc() && !s.weak() && printUnknown) {
                    out.accept(new DepmodMessage(DepmodMessage.Level.WARNING,
                            mod.path + " disagrees about version of symbol " + s.name()));
                }
                if (sym.module != null && !mod.deps.contains(sym.module)) {
                    mod.deps.add(sym.module);
                    sym.module.users++;
                    out.accept(new DepmodMessage(DepmodMessage.Level.SHOW,
                            mod.path + " needs \"" + key(s.name()) + "\": " + sym.module.path));
                }
            }
        }
    }

    /**
     * Sorts the modules topologically; on a cycle reports it as depmod does and returns false.
     */
    boolean sort(Consumer<DepmodMessage> out) {
        int n = modules.size();
        int[] users = new int[n];
        int[] roots = new int[n];
        int nRoots = 0;
        for (int i = 0; i < n; i++) {
            users[i] = modules.get(i).users;
            if (users[i] == 0) {
                roots[nRoots++] = i;
            }
        }
        int sorted = 0;
        while (nRoots > 0) {
            ModuleRecord src = modules.get(roots[--nRoots]);
            src.depSortIdx = sorted++;
            for (ModuleRecord dst : src.deps) {
                if (--users[dst.idx] == 0) {
                    roots[nRoots++] = dst.idx;
                }
            }
        }
        if (sorted < n) {
            reportCycles(users, out);
            return false;
        }
        for (ModuleRecord m : modules) {
            if (m.deps.size() > 1) {
                m.deps.sort((a, b) -> Integer.compare(a.depSortIdx, b.depSortIdx));
            }
        }
        return true;
    }

    /** All dependencies of {@code mod}, direct or not, in the topological order. */
    static List<ModuleRecord> allDependencies(ModuleRecord mod) {
        if (mod.deps.isEmpty()) {
            return List.of();
        }
        Set<ModuleRecord> seen = new LinkedHashSet<>();
        Deque<ModuleRecord> todo = new ArrayDeque<>(mod.deps);
        while (!todo.isEmpty()) {
            ModuleRecord d = todo.pop();
            if (seen.add(d)) {
                todo.addAll(d.deps);
            }
        }
        List<ModuleRecord> out = new ArrayList<>(seen);
        out.sort((a, b) -> Integer.compare(a.depSortIdx, b.depSortIdx));
        return out;
    }

    /** A step of the cycle search: a module and the step it was reached from. */
    private record Vertex(ModuleRecord mod, Vertex parent) {
    }

    private void reportCycles(int[] users, Consumer<DepmodMessage> out) {
        List<ModuleRecord> roots = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) {
            if (users[i] > 0) {
                roots.add(modules.get(i));
            }
        }
        int stackSize = roots.size();
        Map<String, Boolean> loopSet = new LinkedHashMap<>();
        while (!roots.isEmpty()) {
            ModuleRecord root = roots.remove(0);
            if (!cyclesFrom(root, roots, stackSize, loopSet, out)) {
                break;
            }
        }
        out.accept(new DepmodMessage(DepmodMessage.Level.ERROR,
                "Found " + loopSet.size() + " modules in dependency cycles!"));
    }

    private static boolean cyclesFrom(ModuleRecord rootMod, List<ModuleRecord> roots, int stackSize,
            Map<String, Boolean> loopSet, Consumer<DepmodMessage> out) {
        Deque<Vertex> stack = new ArrayDeque<>();
        stack.push(new Vertex(rootMod, null));
        long budget = 1_000_000L;
        while (!stack.isEmpty()) {
            if (--budget < 0) {
                return false;
            }
            Vertex v = stack.pop();
            ModuleRecord m = v.mod();
            if (m.visited && m == rootMod) {
                List<ModuleRecord> reverse = new ArrayList<>();
                for (Vertex p = v.parent(); p != null; p = p.parent()) {
                    reverse.add(p.mod());
                    loopSet.put(p.mod().name, Boolean.TRUE);
                }
                StringBuilder text = new StringBuilder("Cycle detected: ");
                for (int i = reverse.size() - 1; i >= 0; i--) {
                    text.append(reverse.get(i).name).append(" -> ");
                    roots.remove(reverse.get(i));
                }
                text.append(m.name);
                out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, text.toString()));
                continue;
            }
            m.visited = true;
            if (m.deps.isEmpty()) {
                roots.remove(m);
                continue;
            }
            for (ModuleRecord dep : m.deps) {
                if (stack.size() >= stackSize) {
                    return false;
                }
                stack.push(new Vertex(dep, v));
            }
        }
        return true;
    }
}
