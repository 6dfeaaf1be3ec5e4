package workbook.failing;

import java.util.List;

/**
 * What {@code /home} shows: the items, and where they came from. Anything but {@link Source#LIVE} is a
 * degraded answer, and the response says so.
 */
public record Recommendations(List<String> items, Source source) {
    /** Shown when the recommendations service cannot answer and no good copy is kept for the user. */
    public static final List<String> DEFAULT_ITEMS = List.of("gift-card", "bestseller-1", "bestseller-2");

    public enum Source { LIVE, LAST_GOOD_COPY, DEFAULT }

    public Recommendations {
        items = List.copyOf(items);
    }

    public boolean degraded() {
        return source != Source.LIVE;
    }

    /** The JSON body of {@code /home}. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(items.get(i)).append('"');
        }
        return json.append("],\"degraded\":").append(degraded()).append(",\"source\":\"").append(source).append("\"}").toString();
    }
}
