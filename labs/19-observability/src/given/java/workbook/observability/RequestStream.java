package workbook.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of requests at a steady rate, each an error with a probability: the baseline
 * (noise the SLO tolerates) or, during an incident, the incident's rate. Incidents that
 * {@link Incident#shouldPage} are real outages; the others are blips nobody should be woken for.
 */
public final class RequestStream {
    /** An incident, {@code after} the stream's start, lasting {@code length}, with its error rate. */
    public record Incident(String name, Duration after, Duration length, double errorRate, boolean shouldPage) {
    }

    /** One request: when it finished and whether it failed. */
    public record Request(Instant at, boolean error) {
    }

    private final Instant start;
    private final Duration length;
    private final int requestsPerSecond;
    private final double baselineErrorRate;
    private final long seed;
    private final List<Incident> incidents = new ArrayList<>();

    public RequestStream(Instant start, Duration length, int requestsPerSecond, double baselineErrorRate, long seed) {
        this.start = start;
        this.length = length;
        this.requestsPerSecond = requestsPerSecond;
        this.baselineErrorRate = baselineErrorRate;
        this.seed = seed;
    }

    public RequestStream with(Incident incident) {
        incidents.add(incident);
        return this;
    }

    public Instant start() {
        return start;
    }

    public Duration length() {
        return length;
    }

    public List<Incident> incidents() {
        return List.copyOf(incidents);
    }

    /** Every request, in time order (the same list for the same seed). */
    public List<Request> requests() {
        Random random = new Random(seed);
        long total = length.toSeconds() * requestsPerSecond;
        long gapNanos = 1_000_000_000L / requestsPerSecond;
        List<Request> requests = new ArrayList<>((int) total);
        for (long i = 1; i <= total; i++) {
            Instant at = start.plusNanos(i * gapNanos);
            requests.add(new Request(at, random.nextDouble() < errorRateAt(at)));
        }
        return requests;
    }

    /** The error rate in force at {@code at}. */
    public double errorRateAt(Instant at) {
        for (Incident incident : incidents) {
            Instant from = start.plus(incident.after());
            if (!at.isBefore(from) && at.isBefore(from.plus(incident.length()))) {
                return incident.errorRate();
            }
        }
        return baselineErrorRate;
    }
}
