package workbook.labkit.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfrastructureTest {
    private static Backend choose(Map<String, String> settings, boolean docker) {
        return Infrastructure.choose(name -> Optional.ofNullable(settings.get(name)), () -> docker);
    }

    @Test
    void autoUsesDockerWhenReachableAndEmbeddedOtherwise() {
        assertThat(choose(Map.of(), true).name()).isEqualTo("docker");
        assertThat(choose(Map.of(), false).name()).isEqualTo("embedded");
        assertThat(choose(Map.of("WORKBOOK_BACKEND", "auto"), false).name()).isEqualTo("embedded");
    }

    @Test
    void honoursAnExplicitChoice() {
        assertThat(choose(Map.of("WORKBOOK_BACKEND", "embedded"), true).name()).isEqualTo("embedded");
        assertThat(choose(Map.of("WORKBOOK_BACKEND", "EXTERNAL"), false).name()).isEqualTo("external");
    }

    @Test
    void explainsAnImpossibleOrUnknownChoice() {
        assertThatThrownBy(() -> choose(Map.of("WORKBOOK_BACKEND", "docker"), false))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("Docker is not reachable")
                .hasMessageContaining("What to do");
        assertThatThrownBy(() -> choose(Map.of("WORKBOOK_BACKEND", "podman"), false))
                .hasMessageContaining("'podman'")
                .hasMessageContaining("auto (default), docker, embedded, external");
    }

    @Test
    void externalBackendNamesTheMissingVariable() {
        Backend external = choose(Map.of("WORKBOOK_BACKEND", "external"), false);
        assertThatThrownBy(() -> external.redis())
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("WORKBOOK_REDIS_URI is not set");
    }

    @Test
    void externalBackendReadsItsAddresses() {
        Backend external = choose(Map.of("WORKBOOK_BACKEND", "external",
                "WORKBOOK_REDIS_URI", "redis://cache.lab:6380",
                "WORKBOOK_TOXIPROXY_URL", "http://toxi.lab:8474"), false);
        assertThat(external.redis().uri()).isEqualTo("redis://cache.lab:6380");
        assertThat(external.toxiproxy().apiHost()).isEqualTo("toxi.lab");
        assertThat(external.toxiproxy().connectAddressFor("0.0.0.0:21212").toString()).isEqualTo("toxi.lab:21212");
    }
}
