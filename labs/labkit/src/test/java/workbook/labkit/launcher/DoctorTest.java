package workbook.labkit.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // starts all three servers cold when it runs first
    void everyCheckPassesOnAWorkingMachine() {
        List<Doctor.Check> checks = Doctor.run(Path.of("."));
        assertThat(checks).extracting(Doctor.Check::name)
                .contains("java", "maven", "disk (temp)", "disk (PostgreSQL data)", "local ports", "docker", "backend", "postgresql", "redis", "toxiproxy");
        assertThat(checks).allSatisfy(check -> assertThat(check.ok()).as(check.line()).isTrue());
    }

    @Test
    void aFailedCheckSaysWhatToDo() {
        Doctor.Check tooLittleDisk = Doctor.disk("disk (temp)", new File("."), Long.MAX_VALUE / (1024 * 1024));
        assertThat(tooLittleDisk.ok()).isFalse();
        assertThat(tooLittleDisk.line()).startsWith("[FAIL]").contains("what to do: free at least");
    }
}
