package workbook.gateway;

import java.time.Duration;

/** A usage plan: {@code limit} requests per {@code window} for each API key on the plan. */
public record Plan(String name, int limit, Duration window) {
    /** The course's plans, scaled down from the source's 100 and 10,000 per minute so that tests stay short. */
    public static final Plan FREE = new Plan("free", 5, Duration.ofMinutes(1));
    public static final Plan PRO = new Plan("pro", 20, Duration.ofMinutes(1));

    /**
     * The plan of {@code apiKey} in {@code plansByApiKey}.
     * @throws Rejected when the key is missing (null) or on no plan
     */
    public static Plan forKey(java.util.Map<String, Plan> plansByApiKey, String apiKey) {
        Plan plan = apiKey == null ? null : plansByApiKey.get(apiKey);
        if (plan == null) {
            throw new Rejected("unknown API key");
        }
        return plan;
    }
}
