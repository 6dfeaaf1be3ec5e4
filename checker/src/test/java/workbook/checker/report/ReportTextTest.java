package workbook.checker.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {
    @Test
    void gradebookCellsAreQuotedAndCannotRunAsFormulas() {
        assertThat(Gradebook.escape("alice")).isEqualTo("alice");
        assertThat(Gradebook.escape("-40")).isEqualTo("-40");
        assertThat(Gradebook.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Gradebook.escape("a, b")).isEqualTo("\"a, b\"");
    }

    @Test
    void xmlDropsCharactersXmlCannotHold() {
        assertThat(Text.xml("a\u0000b<c>&\"")).isEqualTo("a?b&lt;c&gt;&amp;&quot;");
    }

    @Test
    void aMarkdownFenceIsLongerThanAnyBacktickRunInside() {
        assertThat(Text.fence("plain")).isEqualTo("```");
        assertThat(Text.fence("has ```` four")).isEqualTo("`````");
    }
}
