package workbook.checker.runner;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Runs in the test JVM, not in the checker, and is the only checker code there: runs a lab's tests
 * and streams each result to the checker over the JVM's standard output.
 * <p>
 * Before any test class loads, it reads a per-run secret from standard input (which then stays
 * empty) and keeps it only inside a {@link Mac}. Every record carries a sequence number and an
 * HMAC of its contents under that secret, so text the code under test prints (to System.out or
 * straight to file descriptor 1) cannot pass for a result, cannot be spliced into one and cannot
 * replay one. The run ends with a closing record. The checker trusts nothing else: no file, no
 * exit code. Reading the secret back out of this JVM's memory needs reflection, a heap dump or an
 * agent, which the checker's bytecode policy refuses in the code under test.
 * <p>
 * The compiled tests (the hidden ones among them) come the same way, after the secret: a zip of
 * class files, defined in memory by {@link TestClasses}, so that no file of them is on the class
 * path or in the sandbox for the code under test to read.
 * <p>
 * {@code java ... workbook.checker.runner.ReportingRunner <main-classes> classes -} runs every test
 * class it was given against the code under test in {@code <main-classes>};
 * {@code ... ReportingRunner <main-classes> ids <file>} runs the tests listed, one unique id a line
 * (the rest of a run whose JVM ended early).
 */
public final class ReportingRunner {
    /** Starts a record line; the checker ignores lines whose signature does not check out. */
    public static final String MARK = "#workbook-result ";
    /** Output kept per test. */
    static final int OUTPUT_LIMIT = 8 * 1024;

    private final OutputStream channel;
    private final Mac mac;
    private long sequence;

    private ReportingRunner(OutputStream channel, Mac mac) {
        this.channel = channel;
        this.mac = mac;
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        // The secret and the tests first, before JUnit or any test or student class is loaded.
        @SuppressWarnings("resource") // closing it would close file descriptor 0
        DataInputStream in = new DataInputStream(new FileInputStream(FileDescriptor.in));
        byte[] secret = readSecret(in);
        if (args.length != 3 || !Set.of("classes", "ids").contains(args[1])) {
            System.err.println("usage: ReportingRunner <folder of the code under test> classes - | ids <file of test unique ids>"
                    + " (the secret and the tests come on standard input)");
            System.exit(2);
        }
        TestClasses tests = TestClasses.read(in, Path.of(args[0]));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        Arrays.fill(secret, (byte) 0);
        ReportingRunner runner = new ReportingRunner(new FileOutputStream(FileDescriptor.out), mac);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(TagFilter.excludeTags("experiment"))
                .configurationParameter("junit.platform.output.capture.stdout", "true")
                .configurationParameter("junit.platform.output.capture.stderr", "true");
        // The test classes exist only in memory, in a class loader of their own: the code under test finds no file of them.
        Thread.currentThread().setContextClassLoader(tests);
        if (args[1].equals("classes")) {
            tests.selectable().forEach(name -> request.selectors(DiscoverySelectors.selectClass(tests, name)));
        } else {
            for (String id : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
                if (!id.isBlank()) {
                    request.selectors(DiscoverySelectors.selectUniqueId(id.strip()));
                }
            }
        }
        // Only this listener reports results; session listeners (the lab kit's socket defaults) still load.
        LauncherConfig config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
        LauncherFactory.create(config).execute(request.build(), runner.new Reporter());
        runner.send("end", "", "", "", 0, "", "");
        System.out.flush();
        // Threads the code under test left running must not keep this JVM alive.
        System.exit(0);
    }

    private static byte[] readSecret(InputStream in) throws IOException {
        byte[] line = new byte[128];
        int length = 0;
        for (int read; length < line.length && (read = in.read()) >= 0 && read != '\n'; ) {
            line[length++] = (byte) read;
        }
        if (length == 0) {
            throw new IllegalStateException("no run secret on standard input: this class is started by the checker");
        }
        return HexFormat.of().parseHex(new String(line, 0, length, StandardCharsets.US_ASCII).strip());
    }

    /**
     * One record: {@code MARK base64(fields) hmac}; the fields (tab-separated) are the sequence
     * number, the kind (started, finished, skipped, container-failed, end), and the test's id,
     * display name, status, millis, message and output (the texts in base64).
     */
    private synchronized void send(String kind, String id, String display, String status, long millis, String message, String output) {
        Base64.Encoder base64 = Base64.getEncoder();
        String fields = String.join("\t", Long.toString(sequence++), kind, base64.encodeToString(utf8(id)),
                base64.encodeToString(utf8(display)), status, Long.toString(millis), base64.encodeToString(utf8(message)),
                base64.encodeToString(utf8(output)));
        byte[] payload = utf8(fields);
        String signature = HexFormat.of().formatHex(mac.doFinal(payload));
        // The leading newline ends any line the code under test left open.
        byte[] line = utf8("\n" + MARK + base64.encodeToString(payload) + " " + signature + "\n");
        try {
            channel.write(line);
            channel.flush();
        } catch (IOException e) {
            // The code under test closed the channel: the checker counts what it did not receive as errors.
        }
    }

    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    /** Turns JUnit's events into records. */
    private final class Reporter implements TestExecutionListener {
        private final Map<String, Long> startedAt = new HashMap<>();
        private final Map<String, StringBuilder> output = new HashMap<>();
        private TestPlan plan;

        @Override
        public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public synchronized void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                startedAt.put(id.getUniqueId(), System.nanoTime());
                send("started", id.getUniqueId(), display(id), "", 0, "", "");
            }
        }

        @Override
        public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            entry.getKeyValuePairs().forEach((key, value) -> {
                if (key.equals("stdout") || key.equals("stderr")) {
                    StringBuilder captured = output.computeIfAbsent(id.getUniqueId(), k -> new StringBuilder());
                    int room = OUTPUT_LIMIT - captured.length();
                    if (room > 0) {
                        captured.append(value, 0, Math.min(room, value.length()));
                        if (value.length() > room) {
                            captured.append("\n[output cut at ").append(OUTPUT_LIMIT / 1024).append(" KB]");
                        }
                    }
                }
            });
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier id, String reason) {
            for (TestIdentifier test : testsUnder(id)) {
                send("skipped", test.getUniqueId(), display(test), "SKIPPED", 0, reason, "");
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult outcome) {
            if (id.isTest()) {
                Long start = startedAt.get(id.getUniqueId());
                long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
                StringBuilder captured = output.remove(id.getUniqueId());
                send("finished", id.getUniqueId(), display(id), status(outcome), millis, message(outcome), captured == null ? "" : captured.toString());
            } else if (outcome.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // A failing @BeforeAll (say, the database did not start): its tests did not run, or not all of it.
                for (TestIdentifier test : testsUnder(id)) {
                    send("container-failed", test.getUniqueId(), display(test), "ERROR", 0, "could not run: " + message(outcome), "");
                }
            }
        }

        private String display(TestIdentifier id) {
            return plan.getParent(id).map(parent -> parent.getDisplayName() + " > " + id.getDisplayName()).orElse(id.getDisplayName());
        }

        private List<TestIdentifier> testsUnder(TestIdentifier id) {
            return id.isTest() ? List.of(id) : plan.getDescendants(id).stream().filter(TestIdentifier::isTest).toList();
        }

        private static String status(TestExecutionResult outcome) {
            // No switch on the enum: that would need a synthetic class beside this one.
            TestExecutionResult.Status status = outcome.getStatus();
            if (status == TestExecutionResult.Status.SUCCESSFUL) {
                return "PASSED";
            }
            if (status == TestExecutionResult.Status.ABORTED) {
                return "SKIPPED";
            }
            Throwable thrown = outcome.getThrowable().orElse(null);
            if (thrown instanceof TimeoutException) {
                return "TIMEOUT";
            }
            return thrown instanceof AssertionError ? "FAILED" : "ERROR";
        }

        private static String message(TestExecutionResult outcome) {
            return outcome.getThrowable().map(thrown -> {
                String text = thrown.getMessage();
                boolean plain = thrown instanceof AssertionError;
                return plain && text != null ? text.strip() : thrown.getClass().getName() + (text == null ? "" : ": " + text.strip());
            }).orElse("");
        }
    }
}
