package workbook.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a {@link RequestStream} into an {@link AlertRule} on a fake clock, asking the rule every
 * {@code evaluateEvery} (as Prometheus evaluates a rule group), and reports when it paged.
 */
public final class AlertReplay {
    private AlertReplay() {
    }

    /** One page: from the evaluation where the rule started firing to the first where it stopped (or the stream's end). */
    public record Page(Instant from, Instant to) {
    }

    /** The pages of one replay, and the firing state at every evaluation. */
    public record Result(RequestStream stream, List<Page> pages, List<Instant> evaluations, List<Boolean> firing) {
        /** How long after the incident began the first page that overlaps it started; null if none did. */
        public Duration detectionDelay(RequestStream.Incident incident) {
            Instant from = stream.start().plus(incident.after());
            Instant to = from.plus(incident.length());
            return pages.stream().filter(p -> !p.from().isBefore(from) && p.from().isBefore(to.plus(Duration.ofMinutes(5))))
                    .findFirst().map(p -> Duration.between(from, p.from())).orElse(null);
        }

        /** Pages that started outside every incident that should page (or within 5 minutes after one ended). */
        public long falseAlerts() {
            return pages.stream().filter(p -> stream.incidents().stream().filter(RequestStream.Incident::shouldPage).noneMatch(i -> {
                Instant from = stream.start().plus(i.after());
                return !p.from().isBefore(from) && p.from().isBefore(from.plus(i.length()).plus(Duration.ofMinutes(5)));
            })).count();
        }

        /** When the page that overlaps the incident stopped, measured from the incident's end; null if it never did. */
        public Duration resetDelay(RequestStream.Incident incident) {
            Instant from = stream.start().plus(incident.after());
            Instant end = from.plus(incident.length());
            Instant streamEnd = stream.start().plus(stream.length());
            return pages.stream().filter(p -> p.to().isAfter(from) && !p.from().isAfter(end))
                    .reduce((first, second) -> second)
                    .filter(p -> p.to().isBefore(streamEnd))
                    .map(p -> Duration.between(end, p.to())).orElse(null);
        }
    }

    public static Result run(AlertRule rule, RequestStream stream, Duration evaluateEvery) {
        List<Page> pages = new ArrayList<>();
        List<Instant> evaluations = new ArrayList<>();
        List<Boolean> states = new ArrayList<>();
        Instant end = stream.start().plus(stream.length());
        Instant next = stream.start().plus(evaluateEvery);
        Instant firingSince = null;
        List<RequestStream.Request> requests = stream.requests();
        int i = 0;
        while (!next.isAfter(end)) {
            while (i < requests.size() && !requests.get(i).at().isAfter(next)) {
                rule.record(requests.get(i).at(), requests.get(i).error());
                i++;
            }
            boolean firing = rule.firing(next);
            evaluations.add(next);
            states.add(firing);
            if (firing && firingSince == null) {
                firingSince = next;
            } else if (!firing && firingSince != null) {
                pages.add(new Page(firingSince, next));
                firingSince = null;
            }
            next = next.plus(evaluateEvery);
        }
        if (firingSince != null) {
            pages.add(new Page(firingSince, end));
        }
        return new Result(stream, List.copyOf(pages), List.copyOf(evaluations), List.copyOf(states));
    }
}
