package workbook.replicas;

import java.util.Map;

/**
 * What a workload run did: how many operations each server received (by node name), and how many bytes
 * of WAL the primary wrote during the run, which every standby has to receive and replay.
 */
public record Tally(Map<String, Integer> operationsByNode, long walBytesWritten) {

    public int operations(String node) {
        return operationsByNode.getOrDefault(node, 0);
    }

    /** The share of all operations that the named node served, between 0 and 1. */
    public double share(String node) {
        int total = operationsByNode.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : (double) operations(node) / total;
    }
}
