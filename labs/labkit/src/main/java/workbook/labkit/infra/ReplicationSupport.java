package workbook.labkit.infra;

/** Checks shared by the backends' {@link Backend#replication(int)}. */
final class ReplicationSupport {
    private ReplicationSupport() {
    }

    static void checkCount(int standbys) {
        if (standbys < 1 || standbys > 2) {
            throw new IllegalArgumentException("A replication cluster has 1 or 2 standbys, not " + standbys + ".");
        }
    }
}
