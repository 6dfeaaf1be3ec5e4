package workbook.labkit.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackHttpDefaultsTest {
    @Test
    void everyTestJvmHasNagleSwitchedOffForTheJdkHttpServer() {
        // Set by the listener when JUnit started, not by this test or any class it loads.
        assertThat(System.getProperty(LoopbackHttpDefaults.NODELAY)).isEqualTo("true");
    }
}
