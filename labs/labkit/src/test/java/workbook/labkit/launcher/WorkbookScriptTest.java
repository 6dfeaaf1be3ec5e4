package workbook.labkit.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real ./workbook script in a scratch git repository holding one sample lab. */
class WorkbookScriptTest {
    private static final Path SCRIPT = Path.of("../../workbook").toAbsolutePath().normalize();

    @TempDir
    Path root;

    record Run(int exitCode, String output) {
    }

    @BeforeEach
    void scratchRepository() throws Exception {
        SampleLab.write(root);
        Files.copy(SCRIPT, root.resolve("workbook"));
        root.resolve("workbook").toFile().setExecutable(true);
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "starter");
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("git " + String.join(" ", args) + ": " + output).isZero();
    }

    private Run workbook(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("workbook").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("WORKBOOK_LABKIT_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void statusListsTheLabBeforeItHasRun() throws Exception {
        Run run = workbook("status");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("99-sample", "0/2", "0/100", "not run yet: ./workbook test 99");
    }

    @Test
    void hintShowsTheNextLevelAndStatusCountsIt() throws Exception {
        assertThat(workbook("hint", "99").output()).contains("hint 1 of 2", "What does plus do?");
        assertThat(workbook("hint", "99").output()).contains("hint 2 of 2");
        assertThat(workbook("status").output()).containsPattern("99-sample\\s+0/2\\s+0/100\\s+2\\s");
    }

    @Test
    void resetRestoresTheStarterAndKeepsABackup() throws Exception {
        Path code = root.resolve("labs/99-sample/src/main/java/workbook/sample/Calc.java");
        Files.writeString(code, SampleLab.SOLUTION);

        Run run = workbook("reset", "99", "--yes");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readString(code)).isEqualTo(SampleLab.STARTER);
        try (var backups = Files.list(root.resolve(".workbook/backups"))) {
            Path backup = backups.findFirst().orElseThrow();
            assertThat(Files.readString(backup.resolve("java/workbook/sample/Calc.java"))).isEqualTo(SampleLab.SOLUTION);
        }
    }

    @Test
    void resetAsksFirstAndChangesNothingWithoutAYes() throws Exception {
        Path code = root.resolve("labs/99-sample/src/main/java/workbook/sample/Calc.java");
        Files.writeString(code, "// my work\n");
        Run run = workbook("reset", "99");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("needs a yes");
        assertThat(Files.readString(code)).isEqualTo("// my work\n");
    }

    @Test
    void solutionDiffShowsTheReference() throws Exception {
        Run run = workbook("solution", "99", "--diff", "--yes");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("-    public static int add(int a, int b) { throw", "+    public static int add(int a, int b) { return a + b; }");
    }

    @Test
    void toxiproxyRunsTheLabKitsServerUntilItIsStopped() throws Exception {
        List<String> command = List.of("bash", root.resolve("workbook").toString(), "toxiproxy", "--port", "0");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("WORKBOOK_LABKIT_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String firstLine = CompletableFuture.supplyAsync(() -> readLine(output)).get(30, TimeUnit.SECONDS);

            Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(firstLine));
            assertThat(url.find()).as("the first line says where it listens: " + firstLine).isTrue();
            assertThat(firstLine).contains("Ctrl+C");
            HttpResponse<String> version = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group() + "/version")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(version.body()).isEqualTo("{\"version\": \"2.12.0\"}\n");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops when asked to").isTrue();
        }
    }

    @Test
    void toxiproxyOnABusyPortSaysSoAndExits() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = workbook("toxiproxy", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output().strip()).isEqualTo("toxiproxy: port " + taken.getLocalPort() + " on 127.0.0.1 is "
                    + "already in use (another Toxiproxy, a Docker container or a lab JVM still running?). "
                    + "Stop it, or choose another port: --port 8475.");
        }
        assertThat(workbook("help").output()).contains("toxiproxy [--host 127.0.0.1] [--port 8474]");
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void mistakesGetOneClearMessage() throws Exception {
        assertThat(workbook("hint", "98").output()).contains("there is no lab '98'", "99-sample");
        assertThat(workbook("solution", "99").output()).contains("use: ./workbook solution 99 --diff");
        Run unknown = workbook("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown command 'frobnicate'", "Usage:");
    }
}
