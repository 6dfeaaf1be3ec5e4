package workbook.gateway;

/** The per-client limit stage of the gateway (Task 5). */
public interface ClientLimits {
    /**
     * Counts one request of the client whose API key is {@code apiKey} (the X-Api-Key header, null when absent).
     * @throws Rejected when the key is unknown
     */
    Decision check(String apiKey);

    /** Lets everything through. For the tests of other tasks. */
    static ClientLimits unlimited() {
        return apiKey -> Decision.unlimited();
    }
}
