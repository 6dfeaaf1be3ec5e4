package workbook.pagination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/** Task 1: what a query cost PostgreSQL, read from its plan ({@link PageCost#explain} calls this). */
final class PlanReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanReader() {
    }

    /**
     * Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} on the query, with its arguments, and reads
     * the cost from the plan. ANALYZE really executes the query, so the numbers are what happened.
     */
    static PageCost explain(JdbcTemplate jdbc, SqlQuery query) {
        String json = jdbc.queryForObject("explain (analyze, buffers, format json) " + query.sql(),
                String.class, query.args().toArray());
        JsonNode result;
        try {
            result = JSON.readTree(json).get(0);   // the JSON format is an array holding one object
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned a plan that is not JSON: " + json, e);
        }
        JsonNode top = result.get("Plan");
        List<JsonNode> nodes = new ArrayList<>();
        collect(top, nodes);

        long rowsRead = 0;
        List<String> nodeTypes = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (JsonNode node : nodes) {
            nodeTypes.add(node.get("Node Type").asText());
            if (node.has("Index Name")) {
                indexes.add(node.get("Index Name").asText());
            }
            // Only nodes that read a table name one (Seq Scan, Index Scan, Index Only Scan, Bitmap Heap
            // Scan); a Limit or a Sort above them passes on rows already counted.
            if (node.has("Relation Name")) {
                // Actual Rows and Rows Removed are averages per loop: a nested loop runs its inner scan many times.
                double perLoop = node.path("Actual Rows").asDouble()
                        + node.path("Rows Removed by Filter").asDouble()
                        + node.path("Rows Removed by Index Recheck").asDouble();
                rowsRead += Math.round(perLoop * node.path("Actual Loops").asDouble());
            }
        }
        // The top node's buffer counts include everything below it.
        long buffers = top.path("Shared Hit Blocks").asLong() + top.path("Shared Read Blocks").asLong();
        return new PageCost(rowsRead, buffers, result.path("Execution Time").asDouble(), nodeTypes, indexes);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        for (JsonNode child : node.path("Plans")) {
            collect(child, into);
        }
    }
}
