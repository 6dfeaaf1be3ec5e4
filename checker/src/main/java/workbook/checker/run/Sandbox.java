package workbook.checker.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where a test JVM runs. On Linux with bubblewrap ({@code bwrap}) it runs in a sandbox: the system
 * read-only, only its own scratch and run folders writable, nothing else of the disk visible (not
 * the course repository, its hidden tests and solutions, nor the grader's home), a PID namespace of
 * its own that dies with it (so no process it starts outlives it, even if the checker is killed),
 * and a network namespace with only loopback (the lab's servers start inside). Elsewhere it runs
 * as a plain process, and every report says "not isolated".
 */
public final class Sandbox {
    /** What the reports say. */
    public static final String NOT_ISOLATED = "not isolated";
    private static final List<String> SYSTEM = List.of("/usr", "/etc");
    private static final List<String> MERGED_USR_LINKS = List.of("bin", "lib", "lib32", "lib64", "sbin");
    private static volatile Sandbox detected;

    private final String bwrap;
    private final String whyNot;

    private Sandbox(String bwrap, String whyNot) {
        this.bwrap = bwrap;
        this.whyNot = whyNot;
    }

    /** A sandbox that isolates nothing (for tests of the checker that need it). */
    public static Sandbox none(String why) {
        return new Sandbox(null, why);
    }

    /** bubblewrap if it is installed and can make the namespaces here (once per checker run), else none. */
    public static Sandbox detect() {
        Sandbox sandbox = detected;
        if (sandbox == null) {
            sandbox = probe();
            detected = sandbox;
        }
        return sandbox;
    }

    private static Sandbox probe() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return none("bubblewrap runs on Linux only");
        }
        String bwrap = onPath("bwrap");
        if (bwrap == null) {
            return none("bubblewrap (bwrap) is not installed; on Debian or Ubuntu: sudo apt-get install bubblewrap");
        }
        List<String> trial = new ArrayList<>(List.of(bwrap));
        trial.addAll(namespaces());
        trial.addAll(system());
        trial.addAll(List.of("--", "/bin/sh", "-c", "exit 0"));
        try {
            Process process = new ProcessBuilder(trial).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readNBytes(2000)).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return none("bubblewrap did not start a sandbox within 30 s");
            }
            return process.exitValue() == 0 ? new Sandbox(bwrap, null)
                    : none("bubblewrap cannot make namespaces here (" + (output.isEmpty() ? "exit code " + process.exitValue() : output)
                    + "); a container may need --privileged or user namespaces enabled");
        } catch (IOException e) {
            return none("bubblewrap did not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none("interrupted while trying bubblewrap");
        }
    }

    public boolean isolated() {
        return bwrap != null;
    }

    /** One line for the reports. */
    public String describe() {
        return isolated()
                ? "bubblewrap sandbox (read-only system, only the lab's scratch folders writable, course repository not visible, "
                + "own PID namespace, loopback-only network)"
                : NOT_ISOLATED + " (" + whyNot + ")";
    }

    /**
     * The command, run inside the sandbox when there is one.
     *
     * @param readOnly  files and folders the JVM reads (the JDK, class path entries)
     * @param writable  folders it may write (its temp folder, its working folder)
     */
    public List<String> wrap(List<String> command, Set<Path> readOnly, Set<Path> writable, Path workingDirectory) {
        if (!isolated()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(bwrap));
        wrapped.addAll(namespaces());
        wrapped.addAll(system());
        Set<Path> bound = new LinkedHashSet<>();
        for (Path path : readOnly) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.exists(absolute) && !underSystem(absolute) && bound.add(absolute)) {
                wrapped.addAll(List.of("--ro-bind", absolute.toString(), absolute.toString()));
            }
        }
        for (Path path : writable) {
            Path absolute = path.toAbsolutePath().normalize();
            if (bound.add(absolute)) {
                wrapped.addAll(List.of("--bind", absolute.toString(), absolute.toString()));
            }
        }
        wrapped.addAll(List.of("--chdir", workingDirectory.toAbsolutePath().normalize().toString(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean underSystem(Path path) {
        return path.startsWith("/usr") || path.startsWith("/etc");
    }

    private static List<String> namespaces() {
        return List.of("--die-with-parent", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--new-session");
    }

    /** The read-only system: /usr and /etc, the merged-/usr links (or folders), /proc, /dev and an empty /tmp. */
    private static List<String> system() {
        List<String> args = new ArrayList<>();
        for (String folder : SYSTEM) {
            args.addAll(List.of("--ro-bind", folder, folder));
        }
        for (String name : MERGED_USR_LINKS) {
            Path top = Path.of("/" + name);
            if (Files.isSymbolicLink(top)) {
                try {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(top).toString(), top.toString()));
                } catch (IOException e) {
                    // leave it out; the JDK lives under /usr
                }
            } else if (Files.isDirectory(top)) {
                args.addAll(List.of("--ro-bind", top.toString(), top.toString()));
            }
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        return args;
    }

    private static String onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
