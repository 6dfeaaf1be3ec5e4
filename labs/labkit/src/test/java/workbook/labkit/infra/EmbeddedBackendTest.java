package workbook.labkit.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedBackendTest {
    @Test
    void refusesAnUnsupportedPlatformWithARemedy() {
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.arch", "sparcv9");
            assertThatThrownBy(EmbeddedBackend::checkPlatform)
                    .isInstanceOf(InfrastructureException.class)
                    .hasMessageContaining("no PostgreSQL and Redis binaries for")
                    .hasMessageContaining("sparcv9")
                    .hasMessageContaining("What to do: install Docker");
        } finally {
            System.setProperty("os.arch", arch);
        }
    }

    @Test
    void acceptsThePlatformsItShipsBinariesFor() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        try {
            for (String[] platform : new String[][]{{"Linux", "amd64"}, {"Linux", "aarch64"}, {"Mac OS X", "x86_64"}, {"Mac OS X", "aarch64"}}) {
                System.setProperty("os.name", platform[0]);
                System.setProperty("os.arch", platform[1]);
                assertThatCode(EmbeddedBackend::checkPlatform).as(platform[0] + " " + platform[1]).doesNotThrowAnyException();
            }
        } finally {
            System.setProperty("os.name", os);
            System.setProperty("os.arch", arch);
        }
    }
}
