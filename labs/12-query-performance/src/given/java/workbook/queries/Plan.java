package workbook.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * What one query cost PostgreSQL, read from {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)}: ANALYZE runs
 * the query, so these are the rows and pages it really touched, not estimates and not a stopwatch.
 *
 * @param rowsRead  rows the plan took from tables: for every node that reads a table, the rows it kept
 *                  plus the rows it threw away (Rows Removed by Filter, by Index Recheck), times Actual Loops
 * @param buffers   8 kB pages the whole plan touched (Shared Hit + Shared Read Blocks of the top node)
 * @param nodeTypes the Node Type of every node, top first (Limit, Sort, Seq Scan, Bitmap Index Scan...)
 * @param indexes   the Index Name of every node that used an index
 * @param tables    the Relation Name of every node that read a table or materialized view
 */
public record Plan(long rowsRead, long buffers, List<String> nodeTypes, List<String> indexes, List<String> tables) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Plan {
        nodeTypes = List.copyOf(nodeTypes);
        indexes = List.copyOf(indexes);
        tables = List.copyOf(tables);
    }

    public static Plan explain(JdbcTemplate jdbc, SqlQuery query) {
        String json = jdbc.queryForObject("explain (analyze, buffers, format json) " + query.sql(), String.class,
                query.args().toArray());
        try {
            JsonNode top = JSON.readTree(json).get(0).get("Plan");
            List<JsonNode> nodes = new ArrayList<>();
            collect(top, nodes);
            long rowsRead = 0;
            List<String> types = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            for (JsonNode node : nodes) {
                types.add(node.get("Node Type").asText());
                if (node.has("Index Name")) {
                    indexes.add(node.get("Index Name").asText());
                }
                if (node.has("Relation Name")) {
                    tables.add(node.get("Relation Name").asText());
                    long kept = node.path("Actual Rows").asLong();
                    long removed = node.path("Rows Removed by Filter").asLong()
                            + node.path("Rows Removed by Index Recheck").asLong();
                    rowsRead += (kept + removed) * node.path("Actual Loops").asLong(1);
                }
            }
            long buffers = top.path("Shared Hit Blocks").asLong() + top.path("Shared Read Blocks").asLong();
            return new Plan(rowsRead, buffers, types, indexes, tables);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PostgreSQL returned a plan that is not JSON: " + json, e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        node.path("Plans").forEach(child -> collect(child, into));
    }

    /** Whether any node sorts rows (Sort, Incremental Sort): an index already in the right order needs none. */
    public boolean sorts() {
        return nodeTypes.stream().anyMatch(type -> type.contains("Sort"));
    }

    /** Whether a node reads the whole table from start to end. */
    public boolean scansWholeTable() {
        return nodeTypes.contains("Seq Scan");
    }

    /** The access method (btree, gin, gist...) of each index the plan used, from the system catalogue. */
    public List<String> indexTypes(JdbcTemplate jdbc) {
        return indexes.stream().map(name -> jdbc.queryForObject("""
                select am.amname from pg_class c join pg_am am on am.oid = c.relam
                where c.oid = to_regclass(?)""", String.class, name)).toList();
    }

    @Override
    public String toString() {
        return rowsRead + " rows read, " + buffers + " buffers, plan " + nodeTypes
                + (indexes.isEmpty() ? "" : " using " + indexes);
    }
}
