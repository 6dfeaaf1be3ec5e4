package workbook.checker.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestJvmTest {
    @Test
    void theOrphanMarkerMatchesItsFolderAndWhatIsInside() {
        String marker = "/work/batch/jvm-tmp/slot-1";
        assertThat(TestJvm.names("java -Djava.io.tmpdir=/work/batch/jvm-tmp/slot-1 -cp x Runner", marker)).isTrue();
        assertThat(TestJvm.names("/work/batch/jvm-tmp/slot-1/embedded-pg/bin/postgres -D data", marker)).isTrue();
        assertThat(TestJvm.names("java -Djava.io.tmpdir=/work/batch/jvm-tmp/slot-1", marker)).isTrue();
    }

    @Test
    void theOrphanMarkerDoesNotMatchAFolderWhoseNameOnlyStartsTheSame() {
        String marker = "/work/batch/jvm-tmp/slot-1";
        assertThat(TestJvm.names("java -Djava.io.tmpdir=/work/batch/jvm-tmp/slot-10 -cp x Runner", marker)).isFalse();
        assertThat(TestJvm.names("/work/batch/jvm-tmp/slot-12/redis-server *:6379", marker)).isFalse();
        assertThat(TestJvm.names("java -cp x Runner", marker)).isFalse();
    }
}
