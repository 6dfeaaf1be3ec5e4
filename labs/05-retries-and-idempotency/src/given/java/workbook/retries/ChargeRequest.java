package workbook.retries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The body of {@code POST /v1/charges}: {@code {"customer":"cus_42","amount_cents":1999}}. */
public record ChargeRequest(String customer, long amountCents) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a request body; throws {@link IllegalArgumentException} with a message for a bad one. */
    public static ChargeRequest parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.path("customer").isTextual() || !node.path("amount_cents").canConvertToLong()
                    || node.path("amount_cents").asLong() <= 0) {
                throw new IllegalArgumentException("a charge needs \"customer\" (text) and \"amount_cents\" (a positive whole number)");
            }
            return new ChargeRequest(node.get("customer").asText(), node.get("amount_cents").asLong());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    public String toJson() {
        return "{\"customer\":\"" + customer + "\",\"amount_cents\":" + amountCents + "}";
    }
}
