package workbook.checker.run;

import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.labkit.progress.Tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

/**
 * Lists a lab's tests in the checker's JVM, without running them: classes are loaded but never
 * initialised, so no student code runs here. The test JVM discovers the same tests the same way,
 * so the ids match.
 */
public final class TestPlan {
    private TestPlan() {
    }

    public static List<PlannedTest> discover(Path testClasses, List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        urls.add(url(testClasses));
        classpath.forEach(entry -> urls.add(url(entry)));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("lab-tests", urls.toArray(URL[]::new), TestPlan.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(TagFilter.excludeTags("experiment"))
                    .build();
            LauncherConfig config = LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .build();
            org.junit.platform.launcher.TestPlan plan = LauncherFactory.create(config).discover(request);
            List<PlannedTest> tests = new ArrayList<>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier id : plan.getDescendants(root)) {
                    if (id.getSource().orElse(null) instanceof MethodSource source) {
                        String parent = plan.getParent(id).map(TestIdentifier::getDisplayName).orElse("");
                        String display = parent.isEmpty() ? id.getDisplayName() : parent + " > " + id.getDisplayName();
                        tests.add(new PlannedTest(id.getUniqueId(), source.getClassName(), source.getMethodName(), display,
                                task(source).orElse(null)));
                    }
                }
            }
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Optional<Integer> task(MethodSource source) {
        try {
            return Tasks.taskOf(source.getJavaClass(), source.getJavaMethod());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    static String topLevel(String className) {
        if (className == null) {
            return "";
        }
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
