package workbook.labkit.progress;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

/**
 * Runs every test class under one folder of compiled tests, the way the checker runs a lab in a JVM
 * of its own: {@code java -cp ... workbook.labkit.progress.LabRunner <test-classes-folder>}.
 * Results go to the file named by {@code -Dworkbook.results}; the process always ends with exit
 * code 0 once the tests are done, so that threads a student's code left running cannot keep it alive.
 */
public final class LabRunner {
    private LabRunner() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: LabRunner <folder of compiled test classes>");
            System.exit(2);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(Path.of(args[0]))))
                .filters(TagFilter.excludeTags("experiment"))
                .configurationParameter("junit.platform.output.capture.stdout", "true")
                .configurationParameter("junit.platform.output.capture.stderr", "true")
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request);
        System.out.flush();
        System.exit(0);
    }
}
