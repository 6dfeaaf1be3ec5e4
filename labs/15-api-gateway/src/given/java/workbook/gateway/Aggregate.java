package workbook.gateway;

import java.util.List;
import java.util.Map;

/** The answer of an aggregate endpoint: each part's body by name, and the names of the parts that are missing. */
public record Aggregate(Map<String, String> bodies, List<String> missing) {
    /** True when some part is missing: the client gets a partial answer, marked as such. */
    public boolean partial() {
        return !missing.isEmpty();
    }
}
