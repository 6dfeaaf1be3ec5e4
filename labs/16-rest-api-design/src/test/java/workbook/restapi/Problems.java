package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every error response must pass: RFC 9457's format, with the HTTP status repeated inside. */
final class Problems {
    private Problems() {
    }

    static JsonNode assertProblem(Reply reply, int status, String what) {
        assertThat(reply.status()).as("status of %s (%s)", what, reply.summary()).isEqualTo(status);
        assertThat(reply.mediaType()).as("Content-Type of %s: every error is application/problem+json (RFC 9457)", what)
                .isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).as("member \"status\" of the problem for %s", what).isEqualTo(status);
        assertThat(problem.path("title").asText()).as("member \"title\" of the problem for %s", what).isNotBlank();
        assertThat(problem.path("type").asText()).as("member \"type\" of the problem for %s", what).isNotBlank();
        return problem;
    }
}
