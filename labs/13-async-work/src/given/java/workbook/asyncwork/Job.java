package workbook.asyncwork;

import java.util.Map;

/**
 * One piece of background work: its id (the API's id for it, not the queue's message id), its kind
 * (for example {@code welcome}) and the user it is for. A job travels as the fields of a message.
 */
public record Job(long id, String kind, long userId) {

    public Map<String, String> fields() {
        return Map.of("job", Long.toString(id), "kind", kind, "user", Long.toString(userId));
    }

    public static Job fromFields(Map<String, String> fields) {
        return new Job(Long.parseLong(fields.get("job")), fields.get("kind"), Long.parseLong(fields.get("user")));
    }
}
