import io.github.jkmod.KmodException;
import io.github.jkmod.core.Modprobe;
import io.github.jkmod.core.ModuleNotFoundException;
import io.github.jkmod.core.ProbeFailedException;
import io.github.jkmod.core.ProbeStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * jkmod VM harness, guest side: the library scenario. Uses io.github.jkmod.core.Modprobe in a real
 * kernel as a Java program would, and prints one line per step:
 *   JKVM-LIB insert NAME: insmod FILE OPTIONS | ...   (what Modprobe.insert did)
 *   JKVM-LIB remove NAME: rmmod ... | ...
 *   JKVM-LIB error NAME: CLASS: MESSAGE
 *   JKVM-LIB state NAME=INITSTATE ...
 *   JKVM-LIB threads NAME: N of N inserted, state=INITSTATE
 * The guest script compares these with the real modprobe and /sys. Arguments: the command to run.
 */
public final class LibraryDemo {
    public static void main(String[] args) throws Exception {
        Modprobe modprobe = Modprobe.system();
        switch (args[0]) {
            case "insert" -> {
                List<String> done = new ArrayList<>();
                for (ProbeStep step : modprobe.insert(args[1])) {
                    done.add(step.action() == ProbeStep.Action.INSERT
                            ? ("insmod " + step.file().orElseThrow() + " " + step.optionsText()) : step.action() + " " + step.module().name());
                }
                System.out.println("JKVM-LIB insert " + args[1] + ": " + String.join(" | ", done));
            }
            case "remove" -> System.out.println("JKVM-LIB remove " + args[1] + ": " + String.join(" | ", modprobe.remove(args[1]).stream()
                    .map(s -> s.command().map(c -> "remove " + c).orElse("rmmod " + s.module())).toList()));
            case "error" -> {
                try {
                    modprobe.insert(args[1]);
                    System.out.println("JKVM-LIB error " + args[1] + ": none");
                } catch (ModuleNotFoundException | ProbeFailedException e) {
                    System.out.println("JKVM-LIB error " + args[1] + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            case "threads" -> {
                int n = Integer.parseInt(args[2]);
                ExecutorService pool = Executors.newFixedThreadPool(n);
                List<Callable<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    // each thread checks the state right after its own insert returned
                    calls.add(() -> {
                        modprobe.insert(args[1]);
                        return "live".equals(initstate(args[1]));
                    });
                }
                int live = 0;
                for (Future<Boolean> f : pool.invokeAll(calls)) {
                    live += f.get() ? 1 : 0;
                }
                pool.shutdown();
                System.out.println("JKVM-LIB threads " + args[1] + ": " + live + " of " + n + " live at return");
            }
            default -> throw new KmodException("unknown command " + args[0]);
        }
    }

    private static String initstate(String module) throws java.io.IOException {
        Path f = Path.of("/sys/module", module, "initstate");
        return Files.exists(f) ? Files.readString(f).strip() : Files.isDirectory(f.getParent()) ? "dir-without-initstate" : "nodir";
    }
}
