package workbook.checker.run;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CappedTextTest {
    @Test
    void keepsTheStartAndTheEndOfEndlessOutput() {
        CappedText text = new CappedText(10, 5);
        byte[] line = "0123456789".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1000; i++) {
            text.append(line, 0, line.length);
        }
        assertThat(text.total()).isEqualTo(10_000);
        assertThat(text.toString()).isEqualTo("0123456789\n[... 9985 bytes of output cut ...]\n56789");
    }

    @Test
    void shortOutputIsKeptWhole() {
        CappedText text = new CappedText(100, 10);
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        text.append(hello, 0, hello.length);
        assertThat(text.toString()).isEqualTo("hello");
    }
}
