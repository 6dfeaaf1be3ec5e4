package workbook.httpcache;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: If-None-Match wins over If-Modified-Since; a comma inside a quoted tag is part of the tag. */
@Task(2)
class HiddenTask2PrecedenceTest {
    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        Instant modified = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(Validators.notModified("\"old\"", Validators.httpDate(modified), "\"new\"", modified))
                .as("If-None-Match does not match but If-Modified-Since would: RFC 9110 13.2.2 says the tag decides, so 200").isFalse();
        assertThat(Validators.notModified(null, Validators.httpDate(modified), "\"new\"", modified))
                .as("only If-Modified-Since, unchanged since: 304").isTrue();
        assertThat(Validators.notModified(null, "not a date", "\"new\"", modified)).as("an unparsable date is ignored").isFalse();
    }

    @Test
    void aCommaInsideAQuotedTagDoesNotSplitIt() {
        assertThat(Validators.ifNoneMatchHits("\"a,b\"", "\"a,b\"")).as("If-None-Match: \"a,b\" against the tag \"a,b\"").isTrue();
        assertThat(Validators.ifNoneMatchHits("\"a,b\"", "\"b\"")).as("If-None-Match: \"a,b\" against the tag \"b\"").isFalse();
    }
}
