package workbook.checker.runner;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in the test JVM, not in the checker: carries on a lab's run after the JVM that ran it ended
 * early (System.exit, Runtime.halt, a crash). Like the lab kit's LabRunner, but for the tests listed
 * in a file, one unique id per line. The checker copies this single class next to the tests, so no
 * other checker code is on a student's class path.
 * <p>
 * {@code java ... workbook.checker.runner.ContinueRunner <file of unique ids>}
 */
public final class ContinueRunner {
    private ContinueRunner() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ContinueRunner <file of test unique ids>");
            System.exit(2);
        }
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(TagFilter.excludeTags("experiment"))
                .configurationParameter("junit.platform.output.capture.stdout", "true")
                .configurationParameter("junit.platform.output.capture.stderr", "true");
        for (String id : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!id.isBlank()) {
                request.selectors(DiscoverySelectors.selectUniqueId(id.strip()));
            }
        }
        LauncherDiscoveryRequest built = request.build();
        LauncherFactory.create().execute(built);
        System.out.flush();
        // Threads the code under test left running must not keep this JVM alive.
        System.exit(0);
    }
}
