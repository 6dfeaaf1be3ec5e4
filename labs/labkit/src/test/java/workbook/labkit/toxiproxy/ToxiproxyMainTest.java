package workbook.labkit.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The standalone entry point's answers to bad command lines (starting it is tested through ./workbook). */
class ToxiproxyMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return ToxiproxyMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("./workbook toxiproxy [--host 127.0.0.1] [--port 8474]");
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() throws Exception {
        assertThat(run("--port", "http")).isEqualTo(ToxiproxyMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a number from 0 to 65535", "'http'");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        assertThat(run("--hots", "0.0.0.0")).isEqualTo(ToxiproxyMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown or incomplete option '--hots'", "Usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anAddressThisMachineDoesNotHaveCannotListen() throws Exception {
        assertThat(run("--host", "8.8.8.8", "--port", "0")).isEqualTo(ToxiproxyMain.EXIT_CANNOT_LISTEN);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("toxiproxy: cannot listen on 8.8.8.8:0");
    }
}
